package org.poltwt.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.poltwt.event.Edition;
import org.poltwt.jdbc.ImportReport;
import org.poltwt.jdbc.JdbcStores;
import org.poltwt.registration.AccountType;
import org.poltwt.registration.AgencyLevel;
import org.poltwt.registration.Coordinates;
import org.poltwt.registration.ParticipationModel;
import org.poltwt.registration.PostalAddress;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.spi.RegistrationQuery;
import org.poltwt.spi.TweetQuery;
import org.poltwt.spi.TweetStore;
import org.poltwt.tweet.ReferencedTweet;
import org.poltwt.tweet.Tweet;

/**
 * Writing to embedded H2 through {@link JdbcStores} against its baseline, raw JDBC batch inserts of
 * the same rows in the same batches and transactions with no checks. Each operation writes {@link
 * #rows} rows into emptied tables; the figures to report are baseline time / library time, the
 * library's throughput as a share of raw JDBC's:
 *
 * <ul>
 *   <li>{@code rawJdbcBatch / importRegistrations}: the bulk import of registrations;
 *   <li>{@code rawTweetBatch / upsertTweets}: a harvest's tweets, {@link #batch} at a time through
 *       {@link TweetStore#upsertAll}, each telling new tweets from stored ones;
 *   <li>{@code rawTweetBatch / upsertTweetsOneByOne}: the same tweets through {@link
 *       TweetStore#upsert}, one call (and one connection) each.
 * </ul>
 *
 * <p>Run the tweet part with
 *
 * <pre>
 * mvn -q -o install -DskipTests
 * java -jar benchmarks/target/benchmarks.jar 'JdbcBenchmark\.(upsertTweets|rawTweetBatch)' -f 1 -wi 3 -i 5 -w 1 -r 1
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JdbcBenchmark {
  private static final String INSERT =
      "INSERT INTO registration (id, edition_number, handle, handle_key,"
          + " account_type, agency_name, agency_level, officer_name, officer_name_on_map, email, street, city, region,"
          + " postal_code, latitude, longitude, country, time_zone, participation_model, status, email_needs_review,"
          + " account_id, created_at, updated_at, erased_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private static final String INSERT_TWEET =
      "INSERT INTO tweet (id, id_length, edition_number, author_id,"
          + " author_handle, full_text, created_at, lang, source_app, referenced_tweets)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /** Registrations written per operation. */
  @Param("5000")
  public int rows;

  /** Rows per batch and transaction, in both ways of writing. */
  @Param("500")
  public int batch;

  private DataSource dataSource;
  private JdbcStores stores;
  private List<Registration> registrations;
  private List<Tweet> tweets;

  /** Creates the database and the rows: half agencies, half officers with an address. */
  @Setup(Level.Trial)
  public void setUp() {
    dataSource = JdbcStores.inMemoryH2("jdbc-benchmark-" + UUID.randomUUID());
    stores = JdbcStores.create(dataSource);
    stores.editions().save(Edition.builder().number(1).date(LocalDate.of(2015, 6, 5)).build());
    Instant t0 = Instant.parse("2015-06-01T00:00:00Z");
    registrations = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      String handle = String.format(Locale.ROOT, "bench_%06d", i);
      Registration.Builder b =
          Registration.builder()
              .id(UUID.nameUUIDFromBytes(handle.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
              .edition(1)
              .handle(TwitterHandle.of(handle))
              .agencyName("Police Department " + i)
              .agencyLevel(AgencyLevel.LOCAL)
              .email(handle + "@police.gov")
              .country("US")
              .zone(ZoneId.of("America/New_York"))
              .participationModel(ParticipationModel.CALLS_FOR_SERVICE)
              .status(RegistrationStatus.VERIFIED)
              .createdAt(t0.plusSeconds(i));
      if (i % 2 == 0) {
        b.accountType(AccountType.AGENCY);
      } else {
        b.accountType(AccountType.OFFICER)
            .officerName("Officer " + i)
            .address(new PostalAddress(i + " Main Street", "Springfield", "IL", "62701"))
            .coordinates(new Coordinates(39.78, -89.65));
      }
      registrations.add(b.build());
    }
    tweets = tweets(rows, Instant.parse("2015-06-05T00:00:00Z"));
  }

  /**
   * Tweets as a harvest gets them: ids growing with time, 300 authors, a third of them retweets,
   * one in ten a reply, texts of 60 to 200 characters carrying the hashtag.
   */
  static List<Tweet> tweets(int count, Instant t0) {
    List<Tweet> out = new ArrayList<>(count);
    String[] sources = {
      "Twitter for iPhone", "Twitter for Android", "Twitter Web App", "TweetDeck", "Hootsuite Inc."
    };
    String[] langs = {"en", "en", "en", "es", "fr", "de", "und"};
    for (int i = 0; i < count; i++) {
      long id = 614_000_000_000_000_000L + 7L * i;
      String author = Long.toString(1_000_000L + i % 300);
      Tweet.Builder b =
          Tweet.builder()
              .id(Long.toString(id))
              .authorId(author)
              .authorHandle(TwitterHandle.of("agency_" + (i % 300)))
              .createdAt(t0.plusMillis(17_280L * i)) // 5,000 tweets over a day
              .lang(langs[i % langs.length])
              .source(sources[i % sources.length]);
      if (i % 3 == 0) {
        b.text("RT @agency_" + ((i + 1) % 300) + ": Responding to a call on Main Street #PolTwt")
            .referencedTweets(
                List.of(
                    new ReferencedTweet(ReferencedTweet.Type.RETWEETED, Long.toString(id - 3))));
      } else if (i % 10 == 1) {
        b.text("@resident_" + i + " Thanks, we have passed it on to the night shift. #PolTwt")
            .referencedTweets(
                List.of(
                    new ReferencedTweet(ReferencedTweet.Type.REPLIED_TO, Long.toString(id - 5))));
      } else {
        b.text(
            "Call "
                + i
                + ": officers attended a report of a noise complaint; resolved with advice. "
                + "x".repeat(i % 120)
                + " #PolTwt #TimeToUnify");
      }
      out.add(b.build());
    }
    return out;
  }

  /** Empties the table before each operation (not measured). */
  @Setup(Level.Invocation)
  public void emptyTable() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM registration");
      s.executeUpdate("DELETE FROM tweet");
    }
  }

  /** Frees the in-memory database. */
  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("SHUTDOWN");
    }
  }

  /**
   * The library's import: per batch, the checks against the stored ids, handles and editions, then
   * one JDBC batch in one transaction.
   *
   * @return the rows inserted
   */
  @Benchmark
  public long importRegistrations() {
    ImportReport report = stores.importRegistrations(registrations, batch);
    if (report.inserted() != rows) {
      throw new IllegalStateException("inserted " + report.inserted() + " of " + rows);
    }
    return report.inserted();
  }

  /**
   * The baseline: the same rows, batches and transactions, with plain JDBC and no checks.
   *
   * @return the rows inserted
   * @throws SQLException if the database fails
   */
  @Benchmark
  public long rawJdbcBatch() throws SQLException {
    long inserted = 0;
    for (int from = 0; from < rows; from += batch) {
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
          for (Registration r : registrations.subList(from, Math.min(rows, from + batch))) {
            bind(ps, r);
            ps.addBatch();
          }
          for (int n : ps.executeBatch()) {
            inserted += n;
          }
        }
        c.commit();
      }
    }
    return inserted;
  }

  /**
   * A harvest's tweets through the library, {@link #batch} at a time: per batch, one transaction
   * that locks the edition, looks up which ids are stored, and inserts (or updates) each tweet.
   *
   * @return the tweets that were new
   */
  @Benchmark
  public long upsertTweets() {
    TweetStore store = stores.tweets();
    long added = 0;
    for (int from = 0; from < rows; from += batch) {
      added += store.upsertAll(1, tweets.subList(from, Math.min(rows, from + batch)));
    }
    if (added != rows) {
      throw new IllegalStateException("added " + added + " of " + rows);
    }
    return added;
  }

  /**
   * The same tweets through the library one at a time, each call on a connection of its own.
   *
   * @return the tweets that were new
   */
  @Benchmark
  public long upsertTweetsOneByOne() {
    TweetStore store = stores.tweets();
    long added = 0;
    for (Tweet t : tweets) {
      added += store.upsert(1, t) ? 1 : 0;
    }
    if (added != rows) {
      throw new IllegalStateException("added " + added + " of " + rows);
    }
    return added;
  }

  /**
   * The tweets' baseline: the same rows, batches and transactions, with plain JDBC and no checks.
   *
   * @return the rows inserted
   * @throws SQLException if the database fails
   */
  @Benchmark
  public long rawTweetBatch() throws SQLException {
    long inserted = 0;
    for (int from = 0; from < rows; from += batch) {
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(INSERT_TWEET)) {
          for (Tweet t : tweets.subList(from, Math.min(rows, from + batch))) {
            bind(ps, t);
            ps.addBatch();
          }
          for (int n : ps.executeBatch()) {
            inserted += n;
          }
        }
        c.commit();
      }
    }
    return inserted;
  }

  /** The tweets each tweet operation writes, in creation order. */
  List<Tweet> tweetsToWrite() {
    return tweets;
  }

  /** The tweets stored now, read back through the library, in creation order. */
  List<Tweet> storedTweets() {
    return stores.tweets().list(TweetQuery.of(1), 0, Integer.MAX_VALUE);
  }

  private static void bind(PreparedStatement ps, Tweet t) throws SQLException {
    ps.setString(1, t.id());
    ps.setInt(2, t.id().length());
    ps.setInt(3, 1);
    ps.setString(4, t.authorId());
    ps.setString(5, t.authorHandle().map(TwitterHandle::value).orElse(null));
    ps.setString(6, t.text());
    ps.setObject(
        7, OffsetDateTime.ofInstant(t.createdAt(), ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
    ps.setString(8, t.lang().orElse(null));
    ps.setString(9, t.source().orElse(null));
    StringBuilder references = new StringBuilder();
    for (ReferencedTweet r : t.referencedTweets()) {
      references
          .append(references.length() == 0 ? "" : ",")
          .append(r.type().name().toLowerCase(Locale.ROOT))
          .append(':')
          .append(r.id());
    }
    ps.setString(10, references.length() == 0 ? null : references.toString());
  }

  /** The rows each operation writes, in creation order. */
  List<Registration> rowsToWrite() {
    return registrations;
  }

  /** The rows stored now, read back through the library, in creation order. */
  List<Registration> storedRows() {
    return stores.registrations().list(RegistrationQuery.of(1), 0, Integer.MAX_VALUE);
  }

  private static void bind(PreparedStatement ps, Registration r) throws SQLException {
    ps.setObject(1, r.id());
    ps.setInt(2, r.edition());
    ps.setString(3, r.handle().value());
    ps.setString(4, r.handle().normalized());
    ps.setString(5, r.accountType().name());
    ps.setString(6, r.agencyName());
    ps.setString(7, r.agencyLevel().name());
    ps.setString(8, r.officerName().orElse(null));
    ps.setBoolean(9, r.officerNameOnMap());
    ps.setString(10, r.email());
    ps.setString(11, r.address().map(PostalAddress::street).orElse(null));
    ps.setString(12, r.address().map(PostalAddress::city).orElse(null));
    ps.setString(13, r.address().map(PostalAddress::region).orElse(null));
    ps.setString(14, r.address().map(PostalAddress::postalCode).orElse(null));
    if (r.coordinates().isPresent()) {
      ps.setDouble(15, r.coordinates().get().latitude());
      ps.setDouble(16, r.coordinates().get().longitude());
    } else {
      ps.setNull(15, Types.DOUBLE);
      ps.setNull(16, Types.DOUBLE);
    }
    ps.setString(17, r.country());
    ps.setString(18, r.zone().getId());
    ps.setString(19, r.participationModel().name());
    ps.setString(20, r.status().name());
    ps.setBoolean(21, r.emailNeedsReview());
    ps.setString(22, r.accountId().orElse(null));
    ps.setObject(
        23, OffsetDateTime.ofInstant(r.createdAt(), ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
    ps.setObject(
        24, OffsetDateTime.ofInstant(r.updatedAt(), ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
    ps.setNull(25, Types.TIMESTAMP_WITH_TIMEZONE);
  }
}
