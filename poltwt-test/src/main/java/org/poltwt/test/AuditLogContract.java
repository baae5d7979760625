package org.poltwt.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.poltwt.spi.AuditEntry;
import org.poltwt.spi.AuditLog;

/** What every {@link AuditLog} must do. Extend it with {@link #newLog()}. */
public abstract class AuditLogContract {
  /** An instant the entries start from, whole microseconds as every store keeps. */
  protected static final Instant T0 = Registrations.BASE_TIME;

  /** The log under test, new and empty for each test. */
  protected AuditLog log;

  /**
   * Makes an empty log.
   *
   * @return the log
   */
  protected abstract AuditLog newLog();

  /** Creates the log. */
  @BeforeEach
  public void createLog() {
    log = newLog();
  }

  private static AuditEntry entry(long seconds, String action, String target) {
    return new AuditEntry(T0.plusSeconds(seconds), "admin", action, target, "2001:db8::1");
  }

  /** An empty log lists nothing. */
  @Test
  public void anEmptyLogListsNothing() {
    assertThat(log.count()).isZero();
    assertThat(log.list(0, 10)).isEmpty();
  }

  /** An appended entry reads back as it was appended, to the microsecond. */
  @Test
  public void anAppendedEntryReadsBackAsAppended() {
    AuditEntry e =
        new AuditEntry(
            T0.plusNanos(123_456_000),
            "reviewer.one",
            "registration.approve",
            "6f1d1b6a-9c61-4e4f-9d3a-6b8f2b1a0c11",
            "203.0.113.7");
    log.append(e);

    assertThat(log.list(0, 10)).containsExactly(e);
    assertThat(log.count()).isEqualTo(1);
  }

  /** Empty targets and addresses read back empty. */
  @Test
  public void emptyTargetAndAddressReadBackEmpty() {
    AuditEntry e = new AuditEntry(T0, "unknown", "login.failure", "", "");
    log.append(e);

    assertThat(log.list(0, 1)).containsExactly(e);
  }

  /** Entries list newest first; of one instant, the later appended first. */
  @Test
  public void entriesListNewestFirst() {
    AuditEntry first = entry(10, "edition.reschedule", "7");
    AuditEntry late = entry(30, "announcement.send", "7");
    AuditEntry early = entry(5, "login.success", "");
    AuditEntry sameInstantAfter = entry(10, "edition.postpone", "7");
    log.append(first);
    log.append(late);
    log.append(early);
    log.append(sameInstantAfter);

    assertThat(log.list(0, 10)).containsExactly(late, sameInstantAfter, first, early);
  }

  /** Pages follow one another without a gap or an overlap. */
  @Test
  public void pagesFollowOneAnother() {
    List<AuditEntry> all = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      AuditEntry e = entry(i, "registrations.export_emails", Integer.toString(i));
      all.add(0, e);
      log.append(e);
    }

    List<AuditEntry> read = new ArrayList<>();
    read.addAll(log.list(0, 10));
    read.addAll(log.list(10, 10));
    read.addAll(log.list(20, 10));

    assertThat(read).containsExactlyElementsOf(all);
    assertThat(log.list(25, 10)).isEmpty();
    assertThat(log.list(1_000, 10)).isEmpty();
    assertThat(log.count()).isEqualTo(25);
  }

  /** Paging arguments out of range are refused. */
  @Test
  public void pagingOutOfRangeIsRefused() {
    assertThatThrownBy(() -> log.list(-1, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> log.list(0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> log.list(0, AuditLog.MAX_PAGE + 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(log.list(0, AuditLog.MAX_PAGE)).isEmpty();
  }

  /** A null entry is refused and nothing is kept. */
  @Test
  public void aNullEntryIsRefused() {
    assertThatThrownBy(() -> log.append(null)).isInstanceOf(NullPointerException.class);
    assertThat(log.count()).isZero();
  }

  /** The longest values of every field are kept whole. */
  @Test
  public void theLongestValuesAreKept() {
    AuditEntry e =
        new AuditEntry(
            T0,
            "a".repeat(AuditEntry.MAX_ACTOR_LENGTH),
            "b".repeat(AuditEntry.MAX_ACTION_LENGTH),
            "c".repeat(AuditEntry.MAX_TARGET_LENGTH),
            "f".repeat(AuditEntry.MAX_ADDRESS_LENGTH));
    log.append(e);

    assertThat(log.list(0, 1)).containsExactly(e);
  }

  /**
   * Entries appended from many threads at once are all kept.
   *
   * @throws Exception if a thread failed or did not finish in time
   */
  @Test
  public void concurrentAppendsAreAllKept() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < 80; i++) {
        int n = i;
        done.add(pool.submit(() -> log.append(entry(n % 7, "login.success", "t" + n))));
      }
      for (Future<?> f : done) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(log.count()).isEqualTo(80);
    assertThat(log.list(0, 100)).hasSize(80).doesNotHaveDuplicates();
  }

  /** The log offers no way to change or remove an entry: it has only append, list and count. */
  @Test
  public void theLogHasNoWayToChangeAnEntry() {
    List<String> objects = new ArrayList<>();
    for (Method m : Object.class.getMethods()) {
      objects.add(m.getName());
    }
    List<String> methods = new ArrayList<>();
    for (Method m : log.getClass().getMethods()) {
      if (!objects.contains(m.getName())) {
        methods.add(m.getName());
      }
    }

    assertThat(methods).containsOnly("append", "list", "count");
  }
}
