package com.example.cms;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.poltwt.PoltwtException;
import org.poltwt.spi.Mail;
import org.poltwt.spi.Mailer;

/**
 * The CMS's own outgoing mail queue: poltwt's mails join it, and the CMS's mail job sends them with
 * everything else it sends. While the queue is paused (maintenance), nothing can join it, and
 * poltwt's services retry later.
 */
public final class CmsMailQueue implements Mailer {
  private final List<Mail> queue = new CopyOnWriteArrayList<>();
  private volatile boolean paused;

  @Override
  public void send(Mail mail) {
    requireNonNull(mail, "mail");
    if (paused) {
      // Never the address: this message may be logged.
      throw new PoltwtException(Mailer.FAILED, "the CMS mail queue is paused");
    }
    queue.add(mail);
  }

  /**
   * The mails waiting to be sent, oldest first.
   *
   * @return the queued mails
   */
  public List<Mail> queued() {
    return List.copyOf(queue);
  }

  /** Stops the queue from taking mail, for maintenance. */
  public void pause() {
    paused = true;
  }
}
