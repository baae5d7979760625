package org.poltwt.report;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.poltwt.event.Edition;
import org.poltwt.event.Schedule;
import org.poltwt.event.Window;
import org.poltwt.internal.text.TagFold;
import org.poltwt.registration.AccountType;
import org.poltwt.registration.AgencyLevel;
import org.poltwt.registration.ParticipationModel;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.tweet.Tweet;

/**
 * What a wrap-up knows of an edition and its verified registrations: the facts it counts by, and
 * nothing personal (no email, no name, no address). Immutable; shared by the accumulators and
 * wrap-ups of one edition, and equal for the same edition and the same verified registrations
 * whatever order they were given in.
 */
final class Roster {
  private static final int DAY = 86_400;

  /** One verified registration, reduced to what the wrap-up counts by. */
  record Account(
      TwitterHandle handle,
      Optional<String> accountId,
      AccountType accountType,
      String country,
      AgencyLevel agencyLevel,
      ParticipationModel participationModel,
      ZoneId zone) {}

  private static final Comparator<Account> ORDER =
      Comparator.comparing((Account a) -> a.handle().normalized())
          .thenComparing(a -> a.handle().value())
          .thenComparing(a -> a.accountId().orElse(""))
          .thenComparing(a -> a.zone().getId())
          .thenComparing(Account::country)
          .thenComparing(Account::agencyLevel)
          .thenComparing(Account::participationModel)
          .thenComparing(Account::accountType);

  final Edition edition;
  final Window span;
  final int spanHours;
  final String ownTag;
  final List<Account> accounts;
  private final int localStartSecond;
  private final Map<String, Integer> byAccountId = new HashMap<>();
  private final Map<String, Integer> byHandle = new HashMap<>();
  private final ZoneRules[] rules;
  private final Instant[] windowStart;
  private final Instant[] windowEnd;

  private Roster(Edition edition, List<Account> accounts) {
    Schedule schedule = Schedule.of(edition);
    this.edition = edition;
    this.span = schedule.globalSpan();
    this.spanHours = (int) ((span.duration().getSeconds() + 3_599) / 3_600);
    this.ownTag = TagFold.key(edition.hashtag());
    this.localStartSecond = edition.localStart().toSecondOfDay();
    this.accounts = List.copyOf(accounts);
    int n = accounts.size();
    this.rules = new ZoneRules[n];
    this.windowStart = new Instant[n];
    this.windowEnd = new Instant[n];
    Map<ZoneId, Window> windows = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Account a = accounts.get(i);
      // First in canonical order wins, so the match does not depend on the order registrations came
      // in.
      if (a.accountId().isPresent()) {
        byAccountId.putIfAbsent(a.accountId().get(), i);
      } else {
        byHandle.putIfAbsent(a.handle().normalized(), i);
      }
      Window w = windows.computeIfAbsent(a.zone(), schedule::windowIn);
      rules[i] = a.zone().getRules();
      windowStart[i] = w.start();
      windowEnd[i] = w.end();
    }
  }

  /**
   * The roster of an edition: its verified registrations among those given.
   *
   * @throws org.poltwt.event.InvalidEditionException if the edition has no date
   */
  static Roster of(Edition edition, Collection<Registration> registrations) {
    requireNonNull(edition, "edition");
    requireNonNull(registrations, "registrations");
    List<Account> accounts = new ArrayList<>();
    for (Registration r : registrations) {
      requireNonNull(r, "registrations: holds null");
      if (r.edition() == edition.number() && r.status() == RegistrationStatus.VERIFIED) {
        accounts.add(
            new Account(
                r.handle(),
                r.accountId(),
                r.accountType(),
                r.country(),
                r.agencyLevel(),
                r.participationModel(),
                r.zone()));
      }
    }
    accounts.sort(ORDER);
    return new Roster(edition, accounts);
  }

  /**
   * The index of the verified registration a tweet's author matches, as {@link
   * org.poltwt.compliance.ComplianceChecker} matches them: by account id when the registration has
   * one, else by handle, case-insensitively; -1 if none.
   */
  int match(Tweet tweet) {
    Integer i = byAccountId.get(tweet.authorId());
    if (i == null && !byHandle.isEmpty()) {
      Optional<TwitterHandle> handle = tweet.authorHandle();
      if (handle.isPresent()) {
        i = byHandle.get(handle.get().normalized());
      }
    }
    return i == null ? -1 : i;
  }

  /** The hour of the account's window an instant falls in, 0–23, or -1 when outside the window. */
  int localHour(int account, Instant t) {
    if (t.isBefore(windowStart[account]) || !t.isBefore(windowEnd[account])) {
      return -1;
    }
    long local = t.getEpochSecond() + rules[account].getOffset(t).getTotalSeconds();
    int secondOfDay = (int) Math.floorMod(local, (long) DAY);
    return Math.floorMod(secondOfDay - localStartSecond, DAY) / 3_600;
  }

  /**
   * The UTC hour of the span an instant falls in; -1 before the span, {@link #spanHours} at or
   * after its end.
   */
  int utcHour(Instant t) {
    if (t.isBefore(span.start())) {
      return -1;
    }
    if (!t.isBefore(span.end())) {
      return spanHours;
    }
    return (int) ((t.getEpochSecond() - span.start().getEpochSecond()) / 3_600);
  }

  /** The same edition and the same verified registrations. */
  boolean sameAs(Roster other) {
    return this == other || (edition.equals(other.edition) && accounts.equals(other.accounts));
  }

  int hash() {
    return 31 * edition.hashCode() + accounts.hashCode();
  }
}
