package org.poltwt.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.poltwt.compliance.ComplianceChecker;
import org.poltwt.event.Edition;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationStateException;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.registration.Retention;
import org.poltwt.registration.RetentionDue;
import org.poltwt.registration.RetentionReport;
import org.poltwt.report.WrapUp;
import org.poltwt.spi.EditionStore;
import org.poltwt.spi.OutboxStore;
import org.poltwt.spi.RegistrationQuery;
import org.poltwt.spi.RegistrationStore;
import org.poltwt.spi.RetentionStore;
import org.poltwt.spi.VerificationToken;
import org.poltwt.spi.VerificationTokenStore;

/**
 * What the retention job ({@link Retention}) does on any set of stores, with a clock the tests
 * move: nothing before an edition's date, everything not on hold after it, once. Extend it with
 * {@link #newStores()}, empty stores sharing one place (one database).
 */
public abstract class RetentionJobContract {
  /** The edition whose data goes (first Friday of June 2015). */
  protected static final int OLD = 3;

  /** A later edition, whose date comes a year later. */
  protected static final int LATER = 4;

  /** The stores the job works on. */
  protected Stores stores;

  /** The clock the tests move, starting on the old edition's date. */
  protected MutableClock clock;

  /**
   * The stores of one place.
   *
   * @param editions editions
   * @param registrations registrations
   * @param tokens verification tokens
   * @param outbox the announcements' outbox
   * @param retention periods and holds
   */
  public record Stores(
      EditionStore editions,
      RegistrationStore registrations,
      VerificationTokenStore tokens,
      OutboxStore outbox,
      RetentionStore retention) {}

  /**
   * Makes empty stores sharing one place.
   *
   * @return the stores
   */
  protected abstract Stores newStores();

  /** Creates the stores and the two editions. */
  @BeforeEach
  public void createStores() {
    stores = newStores();
    clock = new MutableClock(Registrations.BASE_TIME);
    stores.editions().save(Editions.scheduled(OLD));
    stores.editions().save(Editions.scheduled(LATER));
  }

  private Retention retention() {
    return Retention.builder()
        .editionStore(stores.editions())
        .registrationStore(stores.registrations())
        .tokenStore(stores.tokens())
        .outboxStore(stores.outbox())
        .retentionStore(stores.retention())
        .clock(clock)
        .build();
  }

  /**
   * Stores a registration with a verification token, an unsubscribe token and an unsubscription.
   */
  private Registration signUp(Registration r) {
    stores.registrations().insert(r);
    byte[] seed = r.id().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    String hash = HexFormat.of().formatHex(sha256(seed));
    stores
        .tokens()
        .save(
            new VerificationToken(
                hash,
                r.id(),
                Registrations.BASE_TIME,
                Registrations.BASE_TIME.plus(Duration.ofDays(2)),
                Optional.empty()));
    stores
        .outbox()
        .saveUnsubscribeToken(
            HexFormat.of()
                .formatHex(sha256(hash.getBytes(java.nio.charset.StandardCharsets.UTF_8))),
            r.id());
    stores.outbox().unsubscribe(r.id(), Registrations.BASE_TIME);
    return r;
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Four registrations of the old edition (one with every personal field) and one of the later. */
  private List<Registration> signUpFew() {
    List<Registration> old = new ArrayList<>();
    old.add(signUp(Registrations.complete(OLD, "KathmanduCops")));
    old.add(
        signUp(
            Registrations.agencyBuilder(OLD, "TorontoPolice")
                .country("CA")
                .status(RegistrationStatus.VERIFIED)
                .build()));
    old.add(signUp(Registrations.agency(OLD, "PendingPD")));
    old.add(
        signUp(
            Registrations.withAddress(
                Registrations.agencyBuilder(OLD, "HeldPD")
                    .status(RegistrationStatus.VERIFIED)
                    .build())));
    signUp(Registrations.complete(LATER, "NextYearCops"));
    return old;
  }

  private Instant erasesAt(int edition) {
    return retention().due(clock.instant()).stream()
        .filter(d -> d.edition() == edition)
        .findFirst()
        .orElseThrow()
        .erasesAt();
  }

  private List<Registration> all(int edition) {
    return stores.registrations().list(RegistrationQuery.of(edition), 0, 1_000);
  }

  private WrapUp wrapUp(int edition) {
    Edition e = stores.editions().find(edition).orElseThrow();
    return WrapUp.of(
        ComplianceChecker.builder().edition(e).registrations(stores.registrations()).build(),
        all(edition),
        Stream.empty());
  }

  /** The date is 90 days after the global span ends, unless the edition has its own period. */
  @Test
  public void theDateIsTheSpansEndPlusThePeriod() {
    signUpFew();
    RetentionDue due = retention().due(clock.instant()).get(0);

    assertThat(due.edition()).isEqualTo(OLD);
    assertThat(due.period()).isEqualTo(Duration.ofDays(90));
    assertThat(due.ownPeriod()).isFalse();
    assertThat(due.erasesAt()).isEqualTo(due.spanEnd().plus(Duration.ofDays(90)));
    assertThat(due.spanEnd()).isAfter(Instant.parse("2015-06-06T00:00:00Z"));
    assertThat(due.passed()).isFalse();
    assertThat(due.toErase()).isEqualTo(4);
    assertThat(due.erased()).isZero();

    stores.retention().setPeriod(OLD, Duration.ofDays(10));
    RetentionDue own = retention().due(clock.instant()).get(0);
    assertThat(own.ownPeriod()).isTrue();
    assertThat(own.erasesAt()).isEqualTo(due.spanEnd().plus(Duration.ofDays(10)));
  }

  /** Until the date nothing is erased, however often the job runs. */
  @Test
  public void nothingIsErasedBeforeTheDate() {
    List<Registration> old = signUpFew();
    Instant at = erasesAt(OLD);
    clock.set(at.minusSeconds(1));

    RetentionReport report = retention().run();

    assertThat(report).isEqualTo(new RetentionReport(0, 0, 0, 0, 0));
    for (Registration r : old) {
      assertThat(stores.registrations().find(r.id())).contains(r);
      assertThat(stores.tokens().latestIssuedAt(r.id())).isPresent();
      assertThat(stores.outbox().isUnsubscribed(r.id())).isTrue();
    }
  }

  /**
   * At the date every registration of the edition is erased with its tokens and outbox rows, except
   * one on hold; the later edition is untouched; a second run does nothing; a released hold is
   * erased by the next run.
   */
  @Test
  public void atTheDateTheEditionIsErasedExceptWhatIsOnHold() {
    List<Registration> old = signUpFew();
    Registration held = old.get(3);
    retention().hold(held.id(), "Court order 2015/88");
    clock.set(erasesAt(OLD));

    RetentionReport first = retention().run();

    assertThat(first).isEqualTo(new RetentionReport(1, 3, 3, 6, 1));
    for (Registration r : old.subList(0, 3)) {
      Registration erased = stores.registrations().find(r.id()).orElseThrow();
      assertThat(erased.isErased()).isTrue();
      assertThat(erased.email()).isEmpty();
      assertThat(erased.officerName()).isEmpty();
      assertThat(erased.address()).isEmpty();
      assertThat(erased.coordinates()).isEmpty();
      assertThat(erased.handle()).isEqualTo(r.handle());
      assertThat(erased.country()).isEqualTo(r.country());
      assertThat(erased.zone()).isEqualTo(r.zone());
      assertThat(erased.status()).isEqualTo(r.status());
      assertThat(stores.tokens().latestIssuedAt(r.id())).isEmpty();
      assertThat(stores.outbox().isUnsubscribed(r.id())).isFalse();
    }
    assertThat(stores.registrations().find(held.id())).contains(held);
    assertThat(stores.tokens().latestIssuedAt(held.id())).isPresent();
    assertThat(all(LATER)).allSatisfy(r -> assertThat(r.isErased()).isFalse());
    RetentionDue due = retention().due(clock.instant()).get(0);
    assertThat(due.passed()).isTrue();
    assertThat(due.toErase()).isZero();
    assertThat(due.erased()).isEqualTo(3);
    assertThat(due.holds())
        .singleElement()
        .satisfies(h -> assertThat(h.registrationId()).isEqualTo(held.id()));

    clock.advance(Duration.ofHours(1));
    assertThat(retention().run()).isEqualTo(new RetentionReport(1, 0, 0, 0, 1));

    assertThat(retention().release(held.id())).isTrue();
    clock.advance(Duration.ofHours(1));
    assertThat(retention().run()).isEqualTo(new RetentionReport(1, 1, 1, 2, 0));
    assertThat(all(OLD)).allSatisfy(r -> assertThat(r.isErased()).isTrue());
    assertThat(retention().run()).isEqualTo(new RetentionReport(1, 0, 0, 0, 0));
  }

  /** The wrap-up of the edition counts the same after its data is erased. */
  @Test
  public void theWrapUpCountsTheSameAfterErasure() {
    signUpFew();
    WrapUp before = wrapUp(OLD);
    clock.set(erasesAt(OLD));

    retention().run();

    WrapUp after = wrapUp(OLD);
    assertThat(after.totals()).isEqualTo(before.totals());
    assertThat(after.countries()).isEqualTo(before.countries());
    assertThat(after.agencyLevels()).isEqualTo(before.agencyLevels());
    assertThat(after.participationModels()).isEqualTo(before.participationModels());
    assertThat(before.totals().registeredAccounts()).isEqualTo(3);
  }

  /** A hold needs a registration that still holds data, and a reason. */
  @Test
  public void aHoldNeedsAnUnerasedRegistrationAndAReason() {
    List<Registration> old = signUpFew();
    assertThatThrownBy(() -> retention().hold(UUID.randomUUID(), "Court order"))
        .isInstanceOfSatisfying(
            RegistrationStateException.class,
            e -> assertThat(e.code()).isEqualTo("registration.not-found"));
    assertThatThrownBy(() -> retention().hold(old.get(0).id(), "  "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reason");
    clock.set(erasesAt(OLD));
    retention().run();
    assertThatThrownBy(() -> retention().hold(old.get(0).id(), "Too late"))
        .isInstanceOfSatisfying(
            RegistrationStateException.class,
            e -> assertThat(e.code()).isEqualTo("registration.wrong-state"));
  }

  /**
   * Two jobs running at once (two instances sharing the stores) erase everything once between them:
   * neither fails, and their counts add up to the registrations, not twice as many.
   *
   * @throws Exception if a job fails
   */
  @Test
  public void twoJobsAtOnceEraseEachRegistrationOnce() throws Exception {
    int n = 40;
    for (int i = 0; i < n; i++) {
      signUp(
          Registrations.withAddress(
              Registrations.agencyBuilder(OLD, "Force" + i, Registrations.at(i))
                  .status(RegistrationStatus.VERIFIED)
                  .build()));
    }
    clock.set(erasesAt(OLD));
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Callable<RetentionReport>> jobs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        Retention instance = retention(); // one service per instance
        jobs.add(
            () -> {
              start.await();
              return instance.run();
            });
      }
      List<Future<RetentionReport>> running = new ArrayList<>();
      for (Callable<RetentionReport> job : jobs) {
        running.add(pool.submit(job));
      }
      start.countDown();
      long erased = 0;
      long tokens = 0;
      long outbox = 0;
      for (Future<RetentionReport> f : running) {
        RetentionReport r = f.get();
        erased += r.registrationsErased();
        tokens += r.tokensDeleted();
        outbox += r.outboxRowsDeleted();
      }
      assertThat(erased).isEqualTo(n);
      assertThat(tokens).isEqualTo(n);
      assertThat(outbox).isEqualTo(2L * n);
    } finally {
      pool.shutdownNow();
    }
    assertThat(all(OLD)).hasSize(n).allSatisfy(r -> assertThat(r.isErased()).isTrue());
    assertThat(retention().run().registrationsErased()).isZero();
  }
}
