package org.poltwt.examples.site;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of the site's background work: daemons, so that none keeps a stopped site's JVM
 * alive, each named for what it does so a thread dump says whose it is.
 */
final class DaemonThreads {
  private DaemonThreads() {}

  /** Threads all named {@code name}: for an executor of one thread. */
  static ThreadFactory named(String name) {
    return r -> daemon(r, name);
  }

  /** Threads named {@code prefix} and 1, 2, ...: for a pool. */
  static ThreadFactory numbered(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> daemon(r, prefix + n.incrementAndGet());
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
