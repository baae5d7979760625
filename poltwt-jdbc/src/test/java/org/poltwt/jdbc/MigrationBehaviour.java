package org.poltwt.jdbc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.poltwt.PoltwtException;
import org.poltwt.announcement.Announcement;
import org.poltwt.announcement.Audience;
import org.poltwt.event.Edition;
import org.poltwt.event.EditionStatus;
import org.poltwt.event.WindowPolicy;
import org.poltwt.registration.AccountType;
import org.poltwt.registration.AgencyLevel;
import org.poltwt.registration.Coordinates;
import org.poltwt.registration.ParticipationModel;
import org.poltwt.registration.PostalAddress;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.spi.AuditEntry;
import org.poltwt.spi.HarvestCheckpoint;
import org.poltwt.spi.OrganiserAccount;
import org.poltwt.spi.OutboxEntry;
import org.poltwt.spi.Publication;
import org.poltwt.spi.RegistrationQuery;
import org.poltwt.spi.TrustedDomain;
import org.poltwt.spi.TweetQuery;
import org.poltwt.spi.VerificationToken;
import org.poltwt.test.Editions;
import org.poltwt.tweet.ReferencedTweet;
import org.poltwt.tweet.Tweet;

/**
 * The migrations on one database: from empty to the latest version, and one version at a time from
 * each earlier version with data written at every step (a seed per version, {@code
 * db/poltwt/seed/V<version>.sql} in the test resources), which must all read back through the
 * stores at the end. A new migration needs a new seed; the test fails until it has one.
 */
abstract class MigrationBehaviour {
  private TestDatabase db;

  /** A fresh database with nothing migrated; skips the test when the database is not available. */
  abstract TestDatabase emptyDatabase();

  private TestDatabase db() {
    if (db == null) {
      db = emptyDatabase();
    }
    return db;
  }

  @AfterEach
  void closeDatabase() throws SQLException {
    if (db != null) {
      db.close();
      db = null;
    }
  }

  private List<MigrationInfo> migrations() {
    return Arrays.asList(JdbcStores.flyway(db().dataSource, db().schema).load().info().all());
  }

  @Test
  void anEmptyDatabaseIsMigratedToTheLatestVersionOnStart() {
    List<MigrationInfo> pending = migrations();
    assertThat(pending)
        .isNotEmpty()
        .allSatisfy(m -> assertThat(m.getState()).isEqualTo(MigrationState.PENDING));

    JdbcStores stores = JdbcStores.create(db().dataSource);

    assertThat(migrations())
        .allSatisfy(m -> assertThat(m.getState()).isEqualTo(MigrationState.SUCCESS));
    assertThat(JdbcStores.flyway(db().dataSource, db().schema).load().info().current().getVersion())
        .isEqualTo(pending.get(pending.size() - 1).getVersion());
    stores.editions().save(Editions.complete(1));
    assertThat(stores.editions().find(1)).contains(Editions.complete(1));
  }

  @Test
  void everyVersionMigratesFromTheOneBeforeAndKeepsItsData() throws Exception {
    List<MigrationInfo> versions = migrations();
    for (MigrationInfo m : versions) {
      MigrationVersion v = m.getVersion();
      MigrateResult result =
          JdbcStores.flyway(db().dataSource, db().schema).target(v).load().migrate();
      assertThat(result.success).as("migration to V" + v).isTrue();
      seed(v);
    }

    JdbcStores stores = JdbcStores.create(db().dataSource); // at the latest version: nothing to do
    assertSeedOfVersion1(stores);
    assertSeedOfVersion2(stores);
    assertSeedOfVersion3(stores);
    assertSeedOfVersion4(stores);
    assertSeedOfVersion5(stores);
    assertSeedOfVersion6(stores);
    assertSeedOfVersion9(stores);
    assertSeedOfVersion7(stores);
    assertSeedOfVersion8(stores);
    assertSeedOfVersion10(stores);
  }

  @Test
  void migratingAgainChangesNothing() throws Exception {
    JdbcStores.create(db().dataSource);
    seed(MigrationVersion.fromVersion("1"));

    MigrateResult again = JdbcStores.flyway(db().dataSource, db().schema).load().migrate();
    JdbcStores stores = JdbcStores.create(db().dataSource);

    assertThat(again.migrationsExecuted).isZero();
    assertSeedOfVersion1(stores);
  }

  @Test
  void withoutMigrationOnStartTheDatabaseIsLeftAlone() {
    JdbcStores stores = JdbcStores.builder(db().dataSource).migrateOnStart(false).build();

    assertThat(migrations())
        .allSatisfy(m -> assertThat(m.getState()).isEqualTo(MigrationState.PENDING));
    assertThatExceptionOfType(PoltwtException.class)
        .isThrownBy(() -> stores.editions().find(1))
        .satisfies(
            e -> {
              assertThat(e.code()).isEqualTo(JdbcStores.FAILURE_CODE);
              assertThat(e.getMessage()).contains("SQLState 42"); // no such table
            });
  }

  @Test
  void aMigrationThatCannotRunFailsTheStartWithItsOwnCode() throws SQLException {
    try (Connection c = db().dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE edition (something_else INTEGER)");
    }

    assertThatExceptionOfType(PoltwtException.class)
        .isThrownBy(() -> JdbcStores.create(db().dataSource))
        .satisfies(e -> assertThat(e.code()).isEqualTo(JdbcStores.MIGRATION_FAILURE_CODE));
  }

  /** Runs the seed of a version; every version must have one. */
  private void seed(MigrationVersion v) throws IOException, SQLException {
    String resource = "/db/poltwt/seed/V" + v + ".sql";
    String sql;
    try (InputStream in = getClass().getResourceAsStream(resource)) {
      assertThat(in)
          .as("a seed for V" + v + " at " + resource + " (every migration needs one)")
          .isNotNull();
      sql = new String(in.readAllBytes(), UTF_8);
    }
    StringBuilder withoutComments = new StringBuilder();
    for (String line : sql.split("\n")) {
      if (!line.strip().startsWith("--")) {
        withoutComments.append(line).append('\n');
      }
    }
    try (Connection c = db().dataSource.getConnection();
        Statement s = c.createStatement()) {
      for (String statement : withoutComments.toString().split(";\\s*\n")) {
        if (!statement.isBlank()) {
          s.execute(statement);
        }
      }
    }
  }

  /** The data of {@code V1.sql}, read through the stores. */
  private static void assertSeedOfVersion1(JdbcStores stores) {
    Edition first =
        Editions.scheduledBuilder(1)
            .themes("TimeToUnify", "PolicíaCercana")
            .localStart(LocalTime.of(8, 0))
            .windowPolicy(WindowPolicy.ELAPSED_24_HOURS)
            .build();
    Edition second =
        Edition.builder().number(2).hashtag("GlobalPolTwt").status(EditionStatus.DATE_TBD).build();
    assertThat(stores.editions().all()).containsExactly(first, second);

    UUID officer = UUID.fromString("11111111-1111-4111-8111-111111111111");
    Registration expected =
        Registration.builder()
            .id(officer)
            .edition(1)
            .handle(TwitterHandle.of("Seed_Ofcr"))
            .accountType(AccountType.OFFICER)
            .agencyName("Kathmandu Valley Police")
            .agencyLevel(AgencyLevel.STATE_OR_PROVINCE)
            .officerName("Officer Seed")
            .officerNameOnMap(true)
            .email("seed.ofcr@nepalpolice.gov.np")
            .address(new PostalAddress("12 Ring Road", "Kathmandu", "Bagmati", "44600"))
            .coordinates(new Coordinates(27.7172453, 85.3239601))
            .country("NP")
            .zone(ZoneId.of("Asia/Kathmandu"))
            .participationModel(ParticipationModel.ONE_TOPIC)
            .status(RegistrationStatus.VERIFIED)
            .emailNeedsReview(true)
            .accountId("1234567890123456789")
            .createdAt(Instant.parse("2015-06-05T00:00:00.123456Z"))
            .updatedAt(Instant.parse("2015-06-05T01:30:00.777888Z"))
            .build();
    assertThat(stores.registrations().find(officer)).contains(expected);
    Registration gone =
        stores.registrations().findByHandle(1, TwitterHandle.of("SEED_GONE")).orElseThrow();
    assertThat(gone.isErased()).isTrue();
    assertThat(gone.erasedAt()).contains(Instant.parse("2015-06-06T00:00:00Z"));
    assertThat(stores.registrations().list(RegistrationQuery.of(1), 0, 10))
        .containsExactly(expected, gone);

    String tokenHash = "ab".repeat(32);
    assertThat(stores.tokens().findByHash(tokenHash))
        .contains(
            new VerificationToken(
                tokenHash,
                officer,
                Instant.parse("2015-06-05T00:00:00.123456Z"),
                Instant.parse("2015-06-06T00:00:00.123456Z"),
                Optional.of(Instant.parse("2015-06-05T00:05:00Z"))));

    UUID announcementId = UUID.fromString("33333333-3333-4333-8333-333333333333");
    Announcement announcement =
        new Announcement(
            announcementId,
            Editions.scheduled(1),
            Optional.empty(),
            "Theme for {edition}",
            "Hello {handle}, your window opens {windowStart}.",
            new Audience(
                EnumSet.of(RegistrationStatus.VERIFIED, RegistrationStatus.PENDING_REVIEW),
                Optional.of(AccountType.OFFICER),
                Optional.of("NP"),
                Optional.of(ZoneId.of("Asia/Kathmandu")),
                Optional.of(ParticipationModel.ONE_TOPIC)),
            Instant.parse("2015-06-05T00:00:00Z"));
    assertThat(stores.outbox().announcements(1)).containsExactly(announcement);
    assertThat(stores.outbox().entries(announcementId))
        .containsExactly(
            new OutboxEntry(
                announcementId,
                officer,
                OutboxEntry.Status.SENT,
                1,
                Instant.parse("2015-06-05T00:00:00Z"),
                Optional.of(Instant.parse("2015-06-05T00:00:01Z")),
                Optional.empty()));
    assertThat(stores.outbox().findUnsubscribeToken("cd".repeat(32))).contains(officer);
    assertThat(stores.outbox().isUnsubscribed(officer)).isTrue();
  }

  /**
   * The data of {@code V2.sql}, read through the stores: hashtags extracted again from the text.
   */
  private static void assertSeedOfVersion2(JdbcStores stores) {
    Instant at = Instant.parse("2013-06-07T02:15:00.123456Z");
    Tweet patrol =
        Tweet.builder()
            .id("614000000000000001")
            .authorId("1234567890123456789")
            .authorHandle(TwitterHandle.of("Seed_Ofcr"))
            .text("Beat patrol in Thamel #PolTwt #TimeToUnify")
            .createdAt(at)
            .lang("en")
            .source("Twitter Web App")
            .referencedTweets(
                List.of(
                    new ReferencedTweet(ReferencedTweet.Type.REPLIED_TO, "613999999999999999"),
                    new ReferencedTweet(ReferencedTweet.Type.QUOTED, "613999999999999998")))
            .build();
    Tweet retweet =
        Tweet.builder()
            .id("99")
            .authorId("42")
            .text("RT @Seed_Ofcr: #poltwt")
            .createdAt(at)
            .referencedTweets(
                List.of(new ReferencedTweet(ReferencedTweet.Type.RETWEETED, "614000000000000001")))
            .build();
    assertThat(stores.tweets().find(patrol.id())).contains(patrol);
    assertThat(patrol.hashtags()).hasSize(2);
    assertThat(stores.tweets().list(TweetQuery.of(1), 0, 10)).containsExactly(retweet, patrol);
    assertThat(stores.tweets().newestId(1)).contains(patrol.id());
    assertThat(stores.tweets().count(TweetQuery.of(2))).isEqualTo(1);
  }

  /** The data of {@code V4.sql}, read through the stores: what X counted, edits, its hashtags. */
  private static void assertSeedOfVersion4(JdbcStores stores) {
    Tweet edited = stores.tweets().find("614000000000000002").orElseThrow();
    assertThat(edited.text()).isEqualTo("x");
    assertThat(edited.countedText()).isEmpty();
    assertThat(edited.longPost()).isTrue();
    assertThat(edited.editHistory()).containsExactly("614000000000000001", "614000000000000002");
    assertThat(edited.hashtags()).isEmpty();
  }

  /** The data of {@code V5.sql}, read through the stores: the posts a harvest has read. */
  private static void assertSeedOfVersion5(JdbcStores stores) {
    assertThat(stores.harvestCheckpoints().find(1, "#PolTwt"))
        .contains(
            new HarvestCheckpoint(
                1,
                "#PolTwt",
                Optional.of("614000000000000001"),
                Optional.empty(),
                Instant.parse("2013-06-08T02:00:00Z"),
                Optional.empty(),
                Optional.empty(),
                3_000_000_123L));
  }

  /** The data of {@code V9.sql}: an edition's own retention period and a legal hold read back. */
  private static void assertSeedOfVersion9(JdbcStores stores) {
    UUID held = UUID.fromString("66666666-6666-4666-8666-666666666666");
    assertThat(stores.retention().period(2)).contains(java.time.Duration.ofDays(30));
    assertThat(stores.retention().period(1)).isEmpty();
    assertThat(stores.retention().findHold(held))
        .contains(
            new org.poltwt.spi.LegalHold(
                held, 2, "Seed court order 2015/6", Instant.parse("2015-09-01T12:00:00.123456Z")));
    assertThat(stores.retention().holds(2)).hasSize(1);
  }

  /** The data of {@code V6.sql}: the language a registration was made in reads back. */
  private static void assertSeedOfVersion6(JdbcStores stores) {
    Registration arabic =
        stores.registrations().findByHandle(2, TwitterHandle.of("seed_arabic")).orElseThrow();
    assertThat(arabic.language()).isEqualTo(Locale.forLanguageTag("ar"));
    assertThat(arabic.zone()).isEqualTo(ZoneId.of("Asia/Amman"));
  }

  /** The data of {@code V7.sql}: a trusted domain and a revoked bundled one read back. */
  private static void assertSeedOfVersion7(JdbcStores stores) {
    assertThat(stores.trustedDomains().find("seed-police.example"))
        .contains(
            new TrustedDomain(
                "seed-police.example",
                true,
                "checked on the force's site",
                "seed organiser",
                Instant.parse("2016-05-01T10:00:00Z")));
    assertThat(stores.trustedDomains().find("politie.nl").orElseThrow().trusted()).isFalse();
  }

  /** The data of {@code V8.sql}: the audit log's entries, newest (the later appended) first. */
  private static void assertSeedOfVersion8(JdbcStores stores) {
    Instant at = Instant.parse("2015-06-05T03:00:00Z");
    assertThat(stores.auditLog().list(0, 10))
        .containsExactly(
            new AuditEntry(at, "unknown", "login.failure", "", ""),
            new AuditEntry(
                at,
                "admin",
                "registration.approve",
                "66666666-6666-4666-8666-666666666666",
                "198.51.100.4"));
    OrganiserAccount reviewer = stores.organiserAccounts().find("seed.reviewer").orElseThrow();
    assertThat(reviewer.role()).isEqualTo(OrganiserAccount.Role.REVIEWER);
    assertThat(reviewer.passwordHash()).isEmpty();
    assertThat(stores.organiserAccounts().findByInvitation("c".repeat(64))).contains(reviewer);
  }

  /** The data of {@code V10.sql}: a session, a rate window, a lease and a confirmed action. */
  private static void assertSeedOfVersion10(JdbcStores stores) {
    Instant at = Instant.parse("2015-06-05T03:00:00Z");
    assertThat(stores.sessions().find("d".repeat(64), at.plusSeconds(60)))
        .contains(
            new org.poltwt.spi.OrganiserSession(
                "d".repeat(64),
                "seed.reviewer",
                OrganiserAccount.Role.REVIEWER,
                Instant.parse("2015-06-05T03:00:00.123456Z"),
                Instant.parse("2015-06-05T11:00:00Z")));
    assertThat(
            stores
                .rateLimits()
                .find("signup:address:198.51.100.4", at, java.time.Duration.ofMinutes(1)))
        .contains(
            new org.poltwt.spi.RateWindow(
                "signup:address:198.51.100.4", 7, at, Instant.parse("2015-06-05T03:00:42.5Z")));
    assertThat(stores.leases().find("outbox.sweep", at))
        .contains(
            new org.poltwt.spi.Lease(
                "outbox.sweep", "instance-a", Instant.parse("2015-06-05T03:05:00Z")));
    assertThat(stores.heldActions().find("seed-announce-1", at))
        .contains(
            new org.poltwt.spi.HeldAction(
                "seed-announce-1",
                "admin",
                "announcement.send",
                "{\"edition\":2,\"announcement\":\"Ünïcode\"}",
                at,
                Instant.parse("2015-06-06T03:00:00Z"),
                true,
                Optional.of("sent 42")));
    assertThat(stores.heldActions().claim("seed-announce-1", at)).isFalse();
  }

  /** The data of {@code V3.sql}, read through the stores; its checkpoint had counted no posts. */
  private static void assertSeedOfVersion3(JdbcStores stores) {
    assertThat(stores.publications().find("edition-5/call/4711"))
        .contains(
            new Publication(
                "edition-5/call/4711",
                "a".repeat(64),
                Publication.State.POSTED,
                2,
                Optional.of("614000000000000009"),
                Instant.parse("2015-06-05T08:00:00.123456Z"),
                Instant.parse("2015-06-05T08:30:00Z"),
                Optional.of(Instant.parse("2015-06-05T08:30:01Z"))));
    assertThat(stores.harvestCheckpoints().find(1, "#PolTwt -is:retweet"))
        .contains(
            new HarvestCheckpoint(
                1,
                "#PolTwt -is:retweet",
                Optional.empty(),
                Optional.of(Instant.parse("2013-06-06T00:00:00Z")),
                Instant.parse("2013-06-08T02:00:00Z"),
                Optional.of("b26v89c19zqg8o3fpdm"),
                Optional.of("614000000000000001")));
  }
}
