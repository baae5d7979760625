package org.poltwt.registration;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.poltwt.event.Edition;
import org.poltwt.event.Schedule;
import org.poltwt.spi.EditionStore;
import org.poltwt.spi.LegalHold;
import org.poltwt.spi.OutboxStore;
import org.poltwt.spi.RegistrationQuery;
import org.poltwt.spi.RegistrationStore;
import org.poltwt.spi.RetentionStore;
import org.poltwt.spi.VerificationTokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps personal data only as long as needed: once an edition's retention period has passed after
 * its global span ends, {@link #run()} erases the personal data of its registrations (email,
 * officer name, address, coordinates: {@link Registration#erased(Instant)}), deletes their
 * verification tokens and their outbox rows, and keeps what the wrap-up counts need (handle,
 * account type, agency, country, zone, status). A registration on a legal hold is kept.
 *
 * <p>The period is the edition's own ({@link RetentionStore#period(int)}) or the deployment's
 * default, 90 days unless set. An edition without a date has no span yet, so its data is kept until
 * it has one.
 *
 * <p>{@link #run()} is idempotent and safe on several instances sharing the stores at once: each
 * erasure is a compare-and-set ({@link RegistrationStore#update(Registration, Registration)}), so
 * of two runs reaching one registration exactly one erases and counts it; the deletions are
 * idempotent and each run counts only the rows it deleted. It logs counts only. Thread-safe.
 */
public final class Retention {
  /** The retention period when neither the deployment nor the edition sets one. */
  public static final Duration DEFAULT_PERIOD = Duration.ofDays(90);

  private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
  private static final int PAGE = 500;
  private static final int ERASE_TRIES = 3;

  private final EditionStore editions;
  private final RegistrationStore registrations;
  private final VerificationTokenStore tokens;
  private final OutboxStore outbox;
  private final RetentionStore retention;
  private final Clock clock;
  private final Duration defaultPeriod;
  private final Map<Edition, Instant> spanEnds = new ConcurrentHashMap<>();

  private Retention(Builder b) {
    this.editions = b.editions;
    this.registrations = b.registrations;
    this.tokens = b.tokens;
    this.outbox = b.outbox;
    this.retention = b.retention;
    this.clock = b.clock;
    this.defaultPeriod = b.defaultPeriod;
  }

  /**
   * Starts building the service; every store must be set.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The deployment's default period.
   *
   * @return the period used by editions without one of their own
   */
  public Duration defaultPeriod() {
    return defaultPeriod;
  }

  /**
   * Tells, for each edition with a date, when its personal data goes and how much: what organisers
   * see before the job runs. Reads every registration of those editions.
   *
   * @param now the instant to judge {@link RetentionDue#passed()} by
   * @return one entry per edition with a date, in ascending number order
   * @throws NullPointerException if {@code now} is null
   */
  public List<RetentionDue> due(Instant now) {
    requireNonNull(now, "now");
    List<RetentionDue> due = new ArrayList<>();
    for (Edition e : editions.all()) {
      if (e.date().isEmpty()) {
        continue;
      }
      Instant spanEnd = spanEnd(e);
      Optional<Duration> own = retention.period(e.number());
      Duration period = own.orElse(defaultPeriod);
      Instant erasesAt = spanEnd.plus(period);
      List<LegalHold> holds = retention.holds(e.number());
      Set<UUID> held = heldIds(holds);
      long toErase = 0;
      long erased = 0;
      RegistrationQuery query = RegistrationQuery.of(e.number());
      for (int offset = 0; ; offset += PAGE) {
        List<Registration> page = registrations.list(query, offset, PAGE);
        for (Registration r : page) {
          if (r.isErased()) {
            erased++;
          } else if (!held.contains(r.id())) {
            toErase++;
          }
        }
        if (page.size() < PAGE) {
          break;
        }
      }
      due.add(
          new RetentionDue(
              e.number(),
              spanEnd,
              period,
              own.isPresent(),
              erasesAt,
              !erasesAt.isAfter(now),
              toErase,
              erased,
              holds));
    }
    return due;
  }

  /**
   * Erases the personal data of every registration whose edition's retention date has passed on
   * this service's clock, except those on a legal hold; deletes their tokens and outbox rows.
   * Running it again erases nothing more until another date passes.
   *
   * @return what this run did, in counts
   */
  public RetentionReport run() {
    // Stored instants are kept to the microsecond: erase at one, so the stored copy equals ours.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    int editionsDue = 0;
    long erased = 0;
    long tokensDeleted = 0;
    long outboxDeleted = 0;
    long held = 0;
    for (Edition e : editions.all()) {
      if (e.date().isEmpty()) {
        continue;
      }
      Instant erasesAt = spanEnd(e).plus(retention.period(e.number()).orElse(defaultPeriod));
      if (now.isBefore(erasesAt)) {
        continue;
      }
      editionsDue++;
      Set<UUID> heldIds = heldIds(retention.holds(e.number()));
      RegistrationQuery query = RegistrationQuery.of(e.number());
      // Erasing changes no registration's place in the stable order, so paging stays exact.
      for (int offset = 0; ; offset += PAGE) {
        List<Registration> page = registrations.list(query, offset, PAGE);
        for (Registration r : page) {
          if (r.isErased()) {
            continue;
          }
          if (heldIds.contains(r.id()) || retention.findHold(r.id()).isPresent()) {
            held++;
            continue;
          }
          // Tokens and outbox rows go first: should this run stop before the erasure, the next one
          // finds the registration unerased and deletes again (nothing), then erases.
          tokensDeleted += tokens.deleteFor(r.id());
          outboxDeleted += outbox.deleteFor(r.id());
          if (erase(r, now)) {
            erased++;
            tokensDeleted += tokens.deleteFor(r.id());
          }
        }
        if (page.size() < PAGE) {
          break;
        }
      }
    }
    RetentionReport report =
        new RetentionReport(editionsDue, erased, tokensDeleted, outboxDeleted, held);
    if (erased > 0 || tokensDeleted > 0 || outboxDeleted > 0) {
      LOG.info(
          "retention: {} editions due, {} registrations erased, {} tokens and {} outbox rows"
              + " deleted, {} kept on legal hold",
          editionsDue,
          erased,
          tokensDeleted,
          outboxDeleted,
          held);
    } else {
      LOG.debug(
          "retention: {} editions due, nothing to erase, {} kept on legal hold", editionsDue, held);
    }
    return report;
  }

  /**
   * Erases one registration by compare-and-set; true only for the run whose write took effect.
   * Another writer (an organiser, another instance) may change it between read and write: then it
   * is read again, and left alone if another run erased it or a hold arrived.
   */
  private boolean erase(Registration read, Instant now) {
    Registration current = read;
    for (int attempt = 1; attempt <= ERASE_TRIES; attempt++) {
      if (registrations.update(current, current.erased(now))) {
        return true;
      }
      Optional<Registration> again = registrations.find(current.id());
      if (again.isEmpty()
          || again.get().isErased()
          || retention.findHold(current.id()).isPresent()) {
        return false;
      }
      current = again.get();
    }
    return false;
  }

  /**
   * Sets a legal hold on a registration, or replaces its reason.
   *
   * @param registrationId the registration
   * @param reason why its data must be kept; see {@link LegalHold}
   * @return the hold
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the reason is blank or too long
   * @throws RegistrationStateException ({@code registration.not-found}) if no registration has the
   *     id, ({@code registration.wrong-state}) if it is erased already
   */
  public LegalHold hold(UUID registrationId, String reason) {
    requireNonNull(registrationId, "registrationId");
    requireNonNull(reason, "reason");
    Registration r =
        registrations
            .find(registrationId)
            .orElseThrow(
                () ->
                    new RegistrationStateException(
                        "registration.not-found", "no registration has id " + registrationId));
    if (r.isErased()) {
      throw new RegistrationStateException(
          "registration.wrong-state", "registration " + registrationId + " was erased");
    }
    LegalHold hold = new LegalHold(registrationId, r.edition(), reason, clock.instant());
    retention.hold(hold);
    LOG.info("legal hold set on {}", registrationId);
    return hold;
  }

  /**
   * Clears a registration's legal hold: the next run erases it if its edition's date has passed.
   *
   * @param registrationId the registration
   * @return true if a hold was cleared
   * @throws NullPointerException if {@code registrationId} is null
   */
  public boolean release(UUID registrationId) {
    boolean released = retention.release(requireNonNull(registrationId, "registrationId"));
    if (released) {
      LOG.info("legal hold cleared on {}", registrationId);
    }
    return released;
  }

  private Instant spanEnd(Edition e) {
    // A schedule indexes every zone on first use: worth computing once per edition's value.
    return spanEnds.computeIfAbsent(e, x -> Schedule.of(x).globalSpan().end());
  }

  private static Set<UUID> heldIds(List<LegalHold> holds) {
    Set<UUID> ids = new HashSet<>();
    for (LegalHold h : holds) {
      ids.add(h.registrationId());
    }
    return ids;
  }

  /** Builds a {@link Retention}. Each setter checks its value at once. */
  public static final class Builder {
    private EditionStore editions;
    private RegistrationStore registrations;
    private VerificationTokenStore tokens;
    private OutboxStore outbox;
    private RetentionStore retention;
    private Clock clock = Clock.systemUTC();
    private Duration defaultPeriod = DEFAULT_PERIOD;

    private Builder() {}

    /**
     * Sets where editions are kept.
     *
     * @param editions the edition store
     * @return this builder
     */
    public Builder editionStore(EditionStore editions) {
      this.editions = requireNonNull(editions, "editions");
      return this;
    }

    /**
     * Sets where registrations are kept.
     *
     * @param registrations the registration store
     * @return this builder
     */
    public Builder registrationStore(RegistrationStore registrations) {
      this.registrations = requireNonNull(registrations, "registrations");
      return this;
    }

    /**
     * Sets where verification tokens are kept.
     *
     * @param tokens the token store
     * @return this builder
     */
    public Builder tokenStore(VerificationTokenStore tokens) {
      this.tokens = requireNonNull(tokens, "tokens");
      return this;
    }

    /**
     * Sets where the announcements' outbox is kept.
     *
     * @param outbox the outbox store
     * @return this builder
     */
    public Builder outboxStore(OutboxStore outbox) {
      this.outbox = requireNonNull(outbox, "outbox");
      return this;
    }

    /**
     * Sets where the editions' own periods and the legal holds are kept.
     *
     * @param retention the retention store
     * @return this builder
     */
    public Builder retentionStore(RetentionStore retention) {
      this.retention = requireNonNull(retention, "retention");
      return this;
    }

    /**
     * Sets the clock the job judges dates by; the system's UTC clock unless set.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the deployment's default period, for editions without their own; 90 days unless set.
     *
     * @param period zero or more
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder defaultPeriod(Duration period) {
      requireNonNull(period, "period");
      if (period.isNegative()) {
        throw new IllegalArgumentException("period: must not be negative");
      }
      this.defaultPeriod = period;
      return this;
    }

    /**
     * Builds the service.
     *
     * @return the service
     * @throws IllegalStateException naming the first store not set
     */
    public Retention build() {
      require(editions, "editionStore");
      require(registrations, "registrationStore");
      require(tokens, "tokenStore");
      require(outbox, "outboxStore");
      require(retention, "retentionStore");
      return new Retention(this);
    }

    private static void require(Object value, String name) {
      if (value == null) {
        throw new IllegalStateException(name + ": must be set");
      }
    }
  }
}
