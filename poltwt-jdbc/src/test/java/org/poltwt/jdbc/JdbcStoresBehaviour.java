package org.poltwt.jdbc;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.poltwt.test.Registrations.agency;
import static org.poltwt.test.Registrations.agencyBuilder;
import static org.poltwt.test.Registrations.at;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.poltwt.PoltwtException;
import org.poltwt.announcement.Announcement;
import org.poltwt.announcement.Audience;
import org.poltwt.registration.AccountType;
import org.poltwt.registration.DuplicateRegistrationException;
import org.poltwt.registration.InvalidRegistrationException;
import org.poltwt.registration.ParticipationModel;
import org.poltwt.registration.PostalAddress;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.spi.OutboxEntry;
import org.poltwt.spi.RegistrationQuery;
import org.poltwt.spi.VerificationToken;
import org.poltwt.test.Editions;
import org.poltwt.test.Registrations;

/**
 * What the JDBC stores promise beyond the SPI contracts, on one database: concurrent sign-ups,
 * injection-looking text, erasure in the rows themselves, the bulk import and its failure
 * behaviour. Its test class extends this and supplies {@link #db()} for each database.
 */
abstract class JdbcStoresBehaviour {
  /** Threads signing up one handle at once. */
  static final int SAME_HANDLE_RACERS = 100;

  /** Distinct handles signed up at once. */
  static final int DISTINCT_SIGN_UPS = 1_000;

  /** Threads (and at most that many connections) for the distinct sign-ups. */
  static final int SIGN_UP_THREADS = 100;

  /**
   * The database of this run of the test class, migrated, with room for {@link #SAME_HANDLE_RACERS}
   * connections.
   */
  abstract TestDatabase db();

  @BeforeEach
  void emptyDatabase() {
    db().clear();
    db().ensureEdition(1);
    db().ensureEdition(2);
  }

  // ------------------------------------------------------------------ atomic sign-up

  private static org.poltwt.spi.VerificationToken token(String hexDigit, Registration r) {
    return new org.poltwt.spi.VerificationToken(
        hexDigit.repeat(64), r.id(), at(0), at(48 * 3600), Optional.empty());
  }

  @Test
  void aSignUpStoresTheRowAndItsFirstTokenTogether() {
    Registration r = agency(1, "Atomic_PD");

    db().stores.registrations().insert(r, token("a", r), db().stores.tokens());

    assertThat(db().stores.registrations().find(r.id())).contains(r);
    assertThat(db().stores.tokens().findByHash("a".repeat(64))).isPresent();
  }

  @Test
  void aSignUpWhoseTokenCannotBeStoredLeavesNoRow() {
    Registration first = agency(1, "First_PD");
    db().stores.registrations().insert(first, token("b", first), db().stores.tokens());
    Registration second = agency(1, "Second_PD");

    // The same token hash again: the token insert fails inside the sign-up's transaction.
    assertThatIllegalStateException()
        .isThrownBy(
            () ->
                db().stores
                    .registrations()
                    .insert(second, token("b", second), db().stores.tokens()))
        .withMessageContaining("hash");

    assertThat(db().stores.registrations().find(second.id())).isEmpty();
    assertThat(db().stores.registrations().findByHandle(1, second.handle())).isEmpty();
    assertThat(db().stores.tokens().findByHash("b".repeat(64)).orElseThrow().registrationId())
        .isEqualTo(first.id());
  }

  @Test
  void aSignUpOfATakenHandleStoresNoToken() {
    Registration first = agency(1, "Taken_PD");
    db().stores.registrations().insert(first, token("c", first), db().stores.tokens());
    Registration again = agency(1, "TAKEN_PD");

    assertThatExceptionOfType(DuplicateRegistrationException.class)
        .isThrownBy(
            () ->
                db().stores.registrations().insert(again, token("d", again), db().stores.tokens()));

    assertThat(db().stores.tokens().findByHash("d".repeat(64))).isEmpty();
  }

  // ------------------------------------------------------------------ concurrency

  @Test
  void ofAHundredConcurrentSignUpsOfOneHandleExactlyOneIsStored() throws Exception {
    List<Registration> racers = new ArrayList<>();
    for (int i = 0; i < SAME_HANDLE_RACERS; i++) {
      racers.add(agency(1, casing("sign_up_race", i))); // distinct ids: they derive from the case
    }
    List<Boolean> outcomes = race(racers, SAME_HANDLE_RACERS);

    assertThat(outcomes.stream().filter(won -> won)).as("inserts that succeeded").hasSize(1);
    assertThat(outcomes.stream().filter(won -> !won))
        .as("DuplicateRegistrationExceptions")
        .hasSize(SAME_HANDLE_RACERS - 1);
    assertThat(
            db().count(
                    "SELECT COUNT(*) FROM "
                        + db().tables.registration
                        + " WHERE handle_key = 'sign_up_race'"))
        .isEqualTo(1);
    Registration winner = racers.get(outcomes.indexOf(true));
    assertThat(db().stores.registrations().findByHandle(1, TwitterHandle.of("SIGN_UP_RACE")))
        .contains(winner);
  }

  @Test
  void aThousandConcurrentSignUpsOfDistinctHandlesAreAllStored() throws Exception {
    List<Registration> sign = new ArrayList<>();
    for (int i = 0; i < DISTINCT_SIGN_UPS; i++) {
      sign.add(agencyBuilder(1, String.format(Locale.ROOT, "distinct_%04d", i), at(i % 7)).build());
    }
    List<Boolean> outcomes = race(sign, SIGN_UP_THREADS);

    assertThat(outcomes).as("every insert succeeded").containsOnly(true).hasSize(DISTINCT_SIGN_UPS);
    assertThat(db().stores.registrations().count(RegistrationQuery.of(1)))
        .isEqualTo(DISTINCT_SIGN_UPS);
    Set<UUID> listed = new HashSet<>();
    for (int offset = 0; offset < DISTINCT_SIGN_UPS; offset += 250) {
      db().stores
          .registrations()
          .list(RegistrationQuery.of(1), offset, 250)
          .forEach(r -> listed.add(r.id()));
    }
    assertThat(listed).hasSize(DISTINCT_SIGN_UPS);
  }

  /**
   * Inserts every registration from its own task on {@code threads} threads, all released at once.
   *
   * @return per registration: true if inserted, false if it was a duplicate; any other failure
   *     fails the test
   */
  private List<Boolean> race(List<Registration> registrations, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> futures = new ArrayList<>();
      for (Registration r : registrations) {
        Callable<Boolean> insert =
            () -> {
              start.await();
              try {
                db().stores.registrations().insert(r);
                return true;
              } catch (DuplicateRegistrationException e) {
                return false;
              }
            };
        futures.add(pool.submit(insert));
      }
      start.countDown();
      List<Boolean> outcomes = new ArrayList<>();
      for (Future<Boolean> f : futures) {
        outcomes.add(f.get(90, SECONDS)); // a deadlock would time out here
      }
      return outcomes;
    } finally {
      stop(pool);
    }
  }

  /** Stops a test's threads before the next test empties the tables under them. */
  static void stop(ExecutorService pool) throws InterruptedException {
    pool.shutdownNow();
    if (!pool.awaitTermination(60, SECONDS)) {
      throw new AssertionError("the test's threads did not stop");
    }
  }

  /** The i-th distinct casing of an all-lower-case handle: bit j of i upper-cases letter j. */
  static String casing(String lower, int i) {
    StringBuilder b = new StringBuilder(lower.length());
    int bit = 0;
    for (char c : lower.toCharArray()) {
      if (Character.isLetter(c)) {
        b.append((i >> bit & 1) == 1 ? Character.toUpperCase(c) : c);
        bit++;
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  // ------------------------------------------------------------------ injection-looking text

  /** Text that breaks SQL built by concatenation. */
  static final List<String> INJECTIONS =
      List.of(
          "Robert'); DROP TABLE registration;--",
          "' OR '1'='1",
          "\"; DELETE FROM edition; --",
          "\\'; UPDATE registration SET email = ''; --",
          "$$; DROP SCHEMA public CASCADE; $$",
          "%_* /* */ -- ?");

  @Test
  void injectionLookingTextInEveryFieldIsStoredVerbatim() {
    for (int i = 0; i < INJECTIONS.size(); i++) {
      String evil = INJECTIONS.get(i);
      Registration r =
          Registrations.officerBuilder(1, "inject_" + i)
              .agencyName(evil)
              .officerName(evil + " (officer)")
              .email(
                  "o'brien" + i + "\";--" + evil.replace(" ", "").replace("@", "") + "@police.gov")
              .address(
                  new PostalAddress(evil, evil + " city", evil + " region", evil.substring(0, 5)))
              .accountId(evil.length() > 32 ? evil.substring(0, 32) : evil)
              .build();
      db().stores.registrations().insert(r);
      assertThat(db().stores.registrations().find(r.id())).as(evil).contains(r);
      assertThat(db().stores.registrations().findByHandle(1, r.handle())).contains(r);

      Announcement a =
          new Announcement(
              UUID.randomUUID(),
              Editions.complete(1),
              Optional.of(Editions.scheduled(1)),
              "Subject " + evil,
              "Body " + evil + "\n" + evil,
              Audience.verified().withCountry("GB"),
              at(i));
      db().stores.outbox().saveAnnouncement(a);
      assertThat(db().stores.outbox().findAnnouncement(a.id())).contains(a);
      db().stores.outbox().enqueue(a.id(), List.of(r.id()), at(i));
      OutboxEntry pending = db().stores.outbox().entries(a.id()).get(0);
      OutboxEntry failed =
          new OutboxEntry(
              a.id(),
              r.id(),
              OutboxEntry.Status.FAILED,
              1,
              at(i),
              Optional.empty(),
              Optional.of(evil));
      assertThat(db().stores.outbox().transition(pending, failed)).isTrue();
      assertThat(db().stores.outbox().entries(a.id())).containsExactly(failed);
      db().stores.outbox().saveUnsubscribeToken(evil, r.id());
      assertThat(db().stores.outbox().findUnsubscribeToken(evil)).contains(r.id());
    }
    // Filters with the same text match nothing and break nothing.
    assertThat(
            db().stores.registrations().count(RegistrationQuery.of(1).withCountry("' OR '1'='1")))
        .isZero();
    assertThat(db().stores.outbox().findUnsubscribeToken("' OR '1'='1' --")).isEmpty();
    // Every table is still there, with every row.
    assertThat(db().rows(db().tables.registration)).isEqualTo(INJECTIONS.size());
    assertThat(db().rows(db().tables.edition)).isEqualTo(2);
    assertThat(db().rows(db().tables.announcement)).isEqualTo(INJECTIONS.size());
    assertThat(db().rows(db().tables.outboxEntry)).isEqualTo(INJECTIONS.size());
    assertThat(db().rows(db().tables.unsubscribeToken)).isEqualTo(INJECTIONS.size());
    assertThat(db().count("SELECT COUNT(*) FROM " + db().tables.registration + " WHERE email = ''"))
        .isZero();
  }

  // ------------------------------------------------------------------ erasure and constraints

  @Test
  void erasureBlanksThePersonalColumnsOfTheRowItself() throws SQLException {
    Registration r = Registrations.complete(1, "Erase_Row");
    db().stores.registrations().insert(r);
    Registration kept = Registrations.withAddress(Registrations.officer(1, "Kept_Row"));
    db().stores.registrations().insert(kept);

    db().stores.registrations().erase(r.id(), at(86_400));

    try (Connection c = db().dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT email, officer_name, officer_name_on_map, street, city,"
                    + " region, postal_code, latitude, longitude, erased_at FROM "
                    + db().tables.registration
                    + " WHERE id = ?")) {
      ps.setObject(1, r.id());
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString("email")).isEmpty();
        for (String column :
            List.of(
                "officer_name",
                "street",
                "city",
                "region",
                "postal_code",
                "latitude",
                "longitude")) {
          assertThat(rs.getObject(column)).as(column).isNull();
        }
        assertThat(rs.getBoolean("officer_name_on_map")).isFalse();
        assertThat(rs.getObject("erased_at")).isNotNull();
      }
    }
    // Nothing of the erased registration's personal data is anywhere in the table.
    assertThat(
            db().count(
                    "SELECT COUNT(*) FROM "
                        + db().tables.registration
                        + " WHERE email = '"
                        + r.email()
                        + "' OR officer_name = '"
                        + r.officerName().orElseThrow()
                        + "' OR city = 'Kathmandu'"))
        .isZero();
    assertThat(db().stores.registrations().find(kept.id())).contains(kept);
  }

  @Test
  void theDatabaseItselfRefusesAnErasedRowWithPersonalData() throws SQLException {
    Registration r = Registrations.officer(1, "Sneaky_Row");
    db().stores.registrations().insert(r);

    try (Connection c = db().dataSource.getConnection();
        Statement s = c.createStatement()) {
      assertThatThrownBy(
              () ->
                  s.executeUpdate(
                      "UPDATE "
                          + db().tables.registration
                          + " SET erased_at = updated_at WHERE handle_key = 'sneaky_row'"))
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("23"));
    }
  }

  @Test
  void registeringForAnEditionThatIsNotStoredFails() {
    assertThatIllegalStateException()
        .isThrownBy(() -> db().stores.registrations().insert(agency(9, "No_Edition")))
        .withMessageContaining("edition");
    assertThat(db().stores.registrations().count(RegistrationQuery.of(9))).isZero();
  }

  @Test
  void valuesLongerThanTheColumnsAreRefusedBeforeTheDatabase() {
    Registration longEmail =
        agencyBuilder(1, "Long_Email").email("a".repeat(400) + "@police.gov").build();

    assertThatExceptionOfType(InvalidRegistrationException.class)
        .isThrownBy(() -> db().stores.registrations().insert(longEmail))
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("email");
              assertThat(e.getMessage()).doesNotContain("aaaa");
            });
  }

  @Test
  void aTokenOfARegistrationThatIsNotStoredFails() {
    VerificationToken t =
        new VerificationToken("0".repeat(64), UUID.randomUUID(), at(0), at(60), Optional.empty());

    assertThatIllegalStateException().isThrownBy(() -> db().stores.tokens().save(t));
  }

  @Test
  void nanosecondInstantsAreKeptToTheMicrosecondAndStillCompareAndSet() {
    Instant nanos = at(10).plusNanos(123_456_789);
    Registration r = agencyBuilder(1, "Nano_PD", nanos).build();
    db().stores.registrations().insert(r);

    Registration stored = db().stores.registrations().find(r.id()).orElseThrow();
    assertThat(stored.createdAt()).isEqualTo(at(10).plusNanos(123_456_000));
    // A caller holding the nanosecond copy still wins the compare-and-set.
    assertThat(
            db().stores
                .registrations()
                .update(r, r.withStatus(RegistrationStatus.VERIFIED, nanos.plusNanos(1))))
        .isTrue();
  }

  // ------------------------------------------------------------------ bulk import

  @Test
  void importInsertsValidRowsAndReportsTheRestWithoutPersonalData() {
    Registration taken = agency(1, "Taken_PD");
    db().stores.registrations().insert(taken);
    String longEmail = "x".repeat(330) + "@police.gov";
    List<Registration> rows =
        List.of(
            agency(1, "Imp_A"), // 1 inserted
            agencyBuilder(1, "TAKEN_PD").id(UUID.randomUUID()).build(), // 2 handle stored
            agency(9, "Imp_Nine"), // 3 no edition 9
            agencyBuilder(1, "imp_a").id(UUID.randomUUID()).build(), // 4 handle of row 1
            taken, // 5 stored already
            agencyBuilder(1, "Imp_Steal").id(taken.id()).build(), // 6 id of row 5, other handle
            agencyBuilder(1, "Imp_Long").email(longEmail).build(), // 7 does not fit
            agencyBuilder(2, "Imp_Other")
                .id(Registrations.idFor(1, "Imp_A"))
                .build(), // 8 id of row 1
            agency(2, "Imp_A"), // 9 other edition: fine
            Registrations.officer(1, "Imp_B")); // 10 inserted

    ImportReport report = db().stores.importRegistrations(rows, 3);

    assertThat(report.inserted()).isEqualTo(3);
    assertThat(report.alreadyStored()).isEqualTo(1);
    assertThat(report.rejected())
        .extracting(ImportReport.Rejection::row, ImportReport.Rejection::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2L, ImportReport.Reason.DUPLICATE_HANDLE),
            org.assertj.core.groups.Tuple.tuple(3L, ImportReport.Reason.UNKNOWN_EDITION),
            org.assertj.core.groups.Tuple.tuple(4L, ImportReport.Reason.DUPLICATE_HANDLE),
            org.assertj.core.groups.Tuple.tuple(6L, ImportReport.Reason.DUPLICATE_ID),
            org.assertj.core.groups.Tuple.tuple(7L, ImportReport.Reason.DOES_NOT_FIT),
            org.assertj.core.groups.Tuple.tuple(8L, ImportReport.Reason.DUPLICATE_ID));
    assertThat(report.rows()).isEqualTo(rows.size());
    for (Registration r : rows) {
      assertThat(report.toString()).doesNotContain(r.email());
      r.officerName().ifPresent(n -> assertThat(report.toString()).doesNotContain(n));
    }
    assertThat(report.toString()).doesNotContain("xxxxxxxx");
    assertThat(db().stores.registrations().count(RegistrationQuery.of(1)))
        .isEqualTo(3); // Taken, Imp_A, Imp_B
    assertThat(db().stores.registrations().count(RegistrationQuery.of(2))).isEqualTo(1);
    assertThat(db().stores.registrations().find(rows.get(0).id())).contains(rows.get(0));

    ImportReport again = db().stores.importRegistrations(rows, 4);

    assertThat(again.inserted()).isZero();
    assertThat(again.alreadyStored()).isEqualTo(4);
    assertThat(again.rejected()).hasSize(6);
  }

  @Test
  void importRacingDirectSignUpsStoresEachHandleOnce() throws Exception {
    int n = 2_000;
    int contested = 500;
    List<Registration> imported = new ArrayList<>();
    List<Registration> direct = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String handle = String.format(Locale.ROOT, "contest_%04d", i);
      imported.add(agencyBuilder(1, handle, at(i)).build());
      if (i < contested) {
        direct.add(agencyBuilder(1, handle, at(i)).id(UUID.randomUUID()).build());
      }
    }
    Collections.shuffle(direct, new Random(7));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    AtomicInteger directWins = new AtomicInteger();
    AtomicInteger directDuplicates = new AtomicInteger();
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> signUps = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        List<Registration> mine = direct.subList(t * contested / 4, (t + 1) * contested / 4);
        signUps.add(
            pool.submit(
                () -> {
                  start.await();
                  for (Registration r : mine) {
                    try {
                      db().stores.registrations().insert(r);
                      directWins.incrementAndGet();
                    } catch (DuplicateRegistrationException e) {
                      directDuplicates.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      start.countDown();
      ImportReport report = db().stores.importRegistrations(imported, 100);
      for (Future<?> f : signUps) {
        f.get(90, SECONDS);
      }

      assertThat(directWins.get() + directDuplicates.get()).isEqualTo(contested);
      assertThat(report.inserted()).isEqualTo(n - directWins.get());
      assertThat(report.rejected())
          .hasSize(directWins.get())
          .allSatisfy(r -> assertThat(r.reason()).isEqualTo(ImportReport.Reason.DUPLICATE_HANDLE));
      assertThat(db().stores.registrations().count(RegistrationQuery.of(1))).isEqualTo(n);
      assertThat(db().count("SELECT COUNT(DISTINCT handle_key) FROM " + db().tables.registration))
          .isEqualTo(n);
    } finally {
      stop(pool);
    }
  }

  @Test
  void aSignUpBetweenTheChecksAndTheBatchRejectsThatRowAloneAndTheBatchStillCommits() {
    List<Registration> rows = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      rows.add(agencyBuilder(1, "between_" + i, at(i)).build());
    }
    Registration signUp = agencyBuilder(1, "BETWEEN_7").id(UUID.randomUUID()).build();
    Registration importedAlready = rows.get(3);
    FaultInjectingDataSource interleaving =
        FaultInjectingDataSource.interleavingBefore(
            db().dataSource,
            1,
            () -> {
              db().stores.registrations().insert(signUp); // takes row 8's handle
              db().stores.registrations().insert(importedAlready); // another import stored row 4
            });
    JdbcStores.Builder b = JdbcStores.builder(interleaving).migrateOnStart(false);
    db().schema.ifPresent(b::schema);

    ImportReport report = b.build().importRegistrations(rows, 10);

    assertThat(report.inserted()).isEqualTo(8);
    assertThat(report.alreadyStored()).isEqualTo(1);
    assertThat(report.rejected())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.row()).isEqualTo(8);
              assertThat(r.reason()).isEqualTo(ImportReport.Reason.DUPLICATE_HANDLE);
              assertThat(r.detail()).contains(signUp.id().toString());
            });
    assertThat(db().stores.registrations().count(RegistrationQuery.of(1))).isEqualTo(10);
    assertThat(db().stores.registrations().findByHandle(1, TwitterHandle.of("between_7")))
        .contains(signUp);
  }

  @Test
  void aConnectionKilledMidImportLeavesWholeBatchesAndARetryCompletesIt() {
    int n = 1_000;
    int batch = 100;
    int killedBatch = 4;
    List<Registration> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(agencyBuilder(1, String.format(Locale.ROOT, "fault_%04d", i), at(i)).build());
    }
    String countRows = "SELECT COUNT(*) FROM " + db().tables.registration;
    FaultInjectingDataSource faulty =
        FaultInjectingDataSource.killingAfter(
            db().dataSource,
            killedBatch,
            victim -> {
              try (Statement s = victim.createStatement();
                  ResultSet rs = s.executeQuery(countRows)) {
                rs.next();
                return rs.getLong(1);
              }
            },
            db()::kill);
    JdbcStores.Builder b = JdbcStores.builder(faulty).migrateOnStart(false);
    db().schema.ifPresent(b::schema);
    JdbcStores onFaulty = b.build();

    assertThatExceptionOfType(PoltwtException.class)
        .isThrownBy(() -> onFaulty.importRegistrations(rows, batch))
        .satisfies(
            e -> {
              assertThat(e.code()).isEqualTo(JdbcStores.FAILURE_CODE);
              assertThat(e.getMessage()).contains("row " + ((killedBatch - 1) * batch + 1));
              assertThat(e.getCause()).isExactlyInstanceOf(SQLException.class);
            });

    // The fourth batch was written inside its transaction when the connection died...
    assertThat(faulty.seenBeforeKill()).isEqualTo((long) killedBatch * batch);
    // ...and none of it survived: whole batches only.
    assertThat(db().rows(db().tables.registration)).isEqualTo((long) (killedBatch - 1) * batch);
    assertThat(db().stores.registrations().list(RegistrationQuery.of(1), 0, n))
        .extracting(Registration::id)
        .containsExactlyElementsOf(
            rows.subList(0, (killedBatch - 1) * batch).stream().map(Registration::id).toList());

    ImportReport retry = db().stores.importRegistrations(rows, batch);

    assertThat(retry.inserted()).isEqualTo(n - (killedBatch - 1) * batch);
    assertThat(retry.alreadyStored()).isEqualTo((killedBatch - 1) * batch);
    assertThat(retry.rejected()).isEmpty();
    assertThat(db().stores.registrations().list(RegistrationQuery.of(1), 0, n))
        .containsExactlyElementsOf(rows);
  }

  // ------------------------------------------------------------------ the rest of the model

  @Test
  void anAnnouncementKeepsItsEditionAsItWasWhenTheEditionChanges() {
    Announcement a =
        new Announcement(
            UUID.randomUUID(),
            Editions.scheduled(1),
            Optional.of(Editions.dateTbd(1)),
            "Moved",
            "New date for {handle}",
            new Audience(
                EnumSet.of(RegistrationStatus.VERIFIED, RegistrationStatus.PENDING_REVIEW),
                Optional.of(AccountType.OFFICER),
                Optional.of("gb"),
                Optional.of(java.time.ZoneId.of("Asia/Kathmandu")),
                Optional.of(ParticipationModel.ONE_TOPIC)),
            at(5));
    db().stores.outbox().saveAnnouncement(a);
    db().stores.editions().save(Editions.complete(1));

    assertThat(db().stores.outbox().findAnnouncement(a.id())).contains(a);
    assertThat(db().stores.outbox().announcements(1)).containsExactly(a);
  }
}
