package org.poltwt.announcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.poltwt.PoltwtException;
import org.poltwt.event.Edition;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.spi.Mail;
import org.poltwt.spi.Mailer;
import org.poltwt.spi.memory.InMemoryMailer;
import org.poltwt.spi.memory.InMemoryOutboxStore;
import org.poltwt.spi.memory.InMemoryRegistrationStore;
import org.poltwt.test.MutableClock;
import org.poltwt.test.Registrations;

/**
 * Whatever fails and whenever the process dies, every recipient gets the announcement exactly once.
 */
class AnnouncementDeliveryProperties {
  private static final String[] ZONES = {
    "Pacific/Kiritimati", "Asia/Kathmandu", "America/St_Johns", "Europe/Madrid"
  };

  /**
   * Thrown by the mailer to stand for the process dying mid-send: not a PoltwtException, so nothing
   * catches it.
   */
  static final class Crash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Crash() {
      super("simulated crash");
    }
  }

  /** Fails the calls the pattern names, crashes at one call, delivers the rest. */
  static class FlakyMailer implements Mailer {
    final InMemoryMailer delivered = new InMemoryMailer();
    private final IntPredicate fails;
    private final int crashAt;
    private int calls;

    FlakyMailer(IntPredicate fails, int crashAt) {
      this.fails = fails;
      this.crashAt = crashAt;
    }

    @Override
    public void send(Mail mail) {
      int call = calls++;
      if (call == crashAt) {
        throw new Crash();
      }
      if (fails.test(call)) {
        throw new PoltwtException("mail.failed", "the relay refused the message");
      }
      delivered.send(mail);
    }
  }

  private static void deliverEveryoneExactlyOnce(int recipients, IntPredicate fails, int crashAt) {
    MutableClock clock = new MutableClock(Instant.parse("2015-06-01T00:00:00Z"));
    InMemoryRegistrationStore registrations = new InMemoryRegistrationStore();
    FlakyMailer mailer = new FlakyMailer(fails, crashAt);
    AnnouncementService service =
        AnnouncementService.builder()
            .registrationStore(registrations)
            .outboxStore(new InMemoryOutboxStore())
            .mailer(mailer)
            .clock(clock)
            .maxAttempts(20)
            .backoff(Duration.ofSeconds(30))
            .claimLease(Duration.ofMinutes(2))
            .build();
    for (int i = 0; i < recipients; i++) {
      registrations.insert(
          Registrations.agencyBuilder(5, "agency" + i)
              .zone(ZoneId.of(ZONES[i % ZONES.length]))
              .status(RegistrationStatus.VERIFIED)
              .build());
    }
    Announcement a =
        service.draft(
            Edition.builder().number(5).date(LocalDate.of(2015, 6, 5)).build(),
            "Theme",
            "Hello {handle}: {windowStart}",
            Audience.verified());

    DeliveryReport report = null;
    for (int round = 0; round < 200 && (report == null || !report.finished()); round++) {
      try {
        report = service.send(a);
      } catch (Crash crash) {
        report = null;
      }
      clock.advance(Duration.ofMinutes(3));
    }

    assertThat(report).isNotNull();
    assertThat(report.finished()).isTrue();
    assertThat(report.failed()).isEmpty();
    assertThat(report.sent()).isEqualTo(recipients);
    Map<String, Integer> perAddress = new HashMap<>();
    for (Mail m : mailer.delivered.sent()) {
      perAddress.merge(m.to(), 1, Integer::sum);
    }
    assertThat(perAddress).hasSize(recipients);
    assertThat(perAddress.values()).containsOnly(1);
    for (Registration r : registrations.list(org.poltwt.spi.RegistrationQuery.of(5), 0, 1000)) {
      assertThat(mailer.delivered.sentTo(r.email()))
          .singleElement()
          .satisfies(m -> assertThat(m.body()).contains(r.handle().toString()));
    }
  }

  @Example
  void aMailerFailingEveryThirdMessageAndACrashMidSend() {
    deliverEveryoneExactlyOnce(25, call -> call % 3 == 2, 7);
  }

  @Property(tries = 200)
  void everyRecipientExactlyOnceWhateverFailsAndWhereverItCrashes(
      @ForAll @IntRange(min = 1, max = 30) int recipients,
      @ForAll @Size(max = 19) Set<@IntRange(min = 0, max = 80) Integer> failingCalls,
      @ForAll @IntRange(min = -1, max = 60) int crashAt) {
    // At most 19 failing calls in all, so no recipient can exhaust its 20 attempts.
    deliverEveryoneExactlyOnce(recipients, failingCalls::contains, crashAt);
  }

  @Example
  void aRecipientWhoseEveryAttemptFailsIsReportedNotLost() {
    MutableClock clock = new MutableClock(Instant.parse("2015-06-01T00:00:00Z"));
    InMemoryRegistrationStore registrations = new InMemoryRegistrationStore();
    Registration doomed =
        Registrations.agencyBuilder(5, "doomed").status(RegistrationStatus.VERIFIED).build();
    Registration fine =
        Registrations.agencyBuilder(5, "fine").status(RegistrationStatus.VERIFIED).build();
    registrations.insert(doomed);
    registrations.insert(fine);
    FlakyMailer mailer =
        new FlakyMailer(call -> false, -1) {
          @Override
          public void send(Mail mail) {
            if (mail.to().equals(doomed.email())) {
              throw new PoltwtException("mail.failed", "mailbox unavailable");
            }
            super.send(mail);
          }
        };
    AnnouncementService service =
        AnnouncementService.builder()
            .registrationStore(registrations)
            .outboxStore(new InMemoryOutboxStore())
            .mailer(mailer)
            .clock(clock)
            .maxAttempts(3)
            .build();
    Announcement a =
        service.draft(
            Edition.builder().number(5).date(LocalDate.of(2015, 6, 5)).build(),
            "T",
            "B",
            Audience.verified());

    DeliveryReport report = service.send(a);
    for (int i = 0; i < 5 && !report.finished(); i++) {
      clock.advance(Duration.ofHours(1));
      report = service.send(a);
    }

    assertThat(report.failed()).containsExactly(doomed.id());
    assertThat(report.sent()).isEqualTo(1);
    assertThat(mailer.delivered.sent()).extracting(Mail::to).containsExactly(fine.email());
    assertThat(List.of(report.toString())).noneMatch(s -> s.contains("@"));
  }
}
