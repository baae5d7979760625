package org.poltwt.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.poltwt.InvalidInputException;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.spi.TweetQuery;
import org.poltwt.spi.TweetStore;
import org.poltwt.tweet.Hashtag;
import org.poltwt.tweet.ReferencedTweet;
import org.poltwt.tweet.Tweet;

/**
 * A {@link TweetStore} on the {@code tweet} table. An upsert is atomic on the database, so of
 * concurrent upserts of one new tweet, from any number of application instances, exactly one
 * reports it new:
 *
 * <ul>
 *   <li>on PostgreSQL, {@code INSERT ... ON CONFLICT (id) DO UPDATE ... RETURNING (xmax = 0)}: one
 *       statement, true only for the row it inserted; an upsert that changes nothing writes
 *       nothing;
 *   <li>on H2 (and any other database), an {@code INSERT} and, when it finds the id stored, an
 *       {@code UPDATE}: the insert waits for a concurrent insert of the same id to end, then fails
 *       on the primary key, and rows are never deleted, so the update finds the row.
 * </ul>
 *
 * <p>{@link #upsertAll} writes all its tweets in one transaction (all or nothing), in id order so
 * that concurrent bulk upserts lock rows in the same order and cannot deadlock: on PostgreSQL with
 * multi-row statements of up to {@value #ROWS_PER_STATEMENT} rows; on H2 under a lock on the
 * edition's row (bulk upserts of one edition take turns), with one query for the ids already stored
 * and then one statement per tweet. A write that the database ends to resolve a conflict (a
 * deadlock, a serialization failure, H2's lock timeout) runs again, up to {@value #CONFLICT_TRIES}
 * times in all.
 *
 * <p>Ids sort numerically as {@code (id_length, id)}: shorter is smaller, then digit by digit, the
 * order of {@code InMemoryTweetStore}. Hashtags are not stored; reading a tweet extracts them from
 * its text again. Instants are stored to the microsecond (truncated).
 */
final class JdbcTweetStore implements TweetStore {
  /** The longest text stored, in UTF-16 units: X's long posts have up to 25,000 characters. */
  static final int MAX_TEXT = 100_000;

  /** The longest language tag stored. */
  static final int MAX_LANG = 64;

  /** The longest source app name stored. */
  static final int MAX_SOURCE = 1_000;

  /** The longest encoding of the referenced tweets stored ({@code type:id} comma-separated). */
  static final int MAX_REFERENCES = 2_000;

  /** The longest encoding of the hashtag entities stored ({@code start:end:tag} each). */
  static final int MAX_HASHTAGS = 1_000_000;

  /** The longest encoding of an edit history stored (ids comma-separated). */
  static final int MAX_EDIT_HISTORY = 2_000;

  /**
   * Rows per multi-row upsert on PostgreSQL: 14 parameters each, well under the driver's 65,535.
   */
  static final int ROWS_PER_STATEMENT = 500;

  /** Ids per {@code IN} list when H2 looks up which tweets are stored. */
  private static final int IDS_PER_LOOKUP = 500;

  /** The first instant stored: both databases keep years 1 to 9999. */
  private static final Instant FIRST_STORABLE = Instant.parse("0001-01-01T00:00:00Z");

  /** The first instant after the last one stored. */
  private static final Instant END_OF_STORABLE = Instant.parse("+10000-01-01T00:00:00Z");

  private static final String COLUMNS =
      "id, id_length, edition_number, author_id, author_handle, full_text,"
          + " created_at, lang, source_app, referenced_tweets, counted_text, long_post, edit_history,"
          + " hashtags";

  /** The columns an upsert replaces, with {@link #bindValues}'s parameters. */
  private static final String[] VALUE_COLUMNS = {
    "edition_number",
    "author_id",
    "author_handle",
    "full_text",
    "created_at",
    "lang",
    "source_app",
    "referenced_tweets",
    "counted_text",
    "long_post",
    "edit_history",
    "hashtags"
  };

  private static final String ROW_PLACEHOLDERS = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /** A call to the database, run again when the database ends it to resolve a conflict. */
  @FunctionalInterface
  private interface Call<T> {
    T run() throws SQLException;
  }

  /** How many times a write runs in all when the database keeps ending it to resolve conflicts. */
  static final int CONFLICT_TRIES = 3;

  /** How the database tells a new row from a replaced one. */
  private enum Dialect {
    /** {@code INSERT ... ON CONFLICT ... RETURNING (xmax = 0)}. */
    POSTGRESQL,
    /** {@code INSERT}, then {@code UPDATE} when the id is stored. */
    INSERT_THEN_UPDATE
  }

  private final Jdbc jdbc;
  private final String table;
  private final String lockEdition;
  private final String insert;
  private final String update;
  private final String selectById;
  private final String selectNewest;
  private final String selectList;
  private final String selectAfterId;
  private final String selectCount;
  private final String pgUpsertHead;
  private final String pgUpsertTail;
  private final String pgUpsertFull;
  private final String pgUpsertOne;
  private volatile Dialect dialect;

  JdbcTweetStore(Jdbc jdbc, Tables tables) {
    this.jdbc = jdbc;
    this.table = table(tables);
    lockEdition =
        "SELECT edition_number FROM " + tables.edition + " WHERE edition_number = ? FOR UPDATE";
    insert = "INSERT INTO " + table + " (" + COLUMNS + ") VALUES " + ROW_PLACEHOLDERS;
    StringBuilder assignments = new StringBuilder();
    StringBuilder stored = new StringBuilder();
    StringBuilder excluded = new StringBuilder();
    for (String column : VALUE_COLUMNS) {
      String sep = assignments.length() == 0 ? "" : ", ";
      assignments.append(sep).append(column).append(" = ?");
      stored.append(sep).append("t.").append(column);
      excluded.append(sep).append("EXCLUDED.").append(column);
    }
    update = "UPDATE " + table + " SET " + assignments + " WHERE id = ?";
    selectById = "SELECT " + COLUMNS + " FROM " + table + " WHERE id = ?";
    selectNewest =
        "SELECT id FROM "
            + table
            + " WHERE edition_number = ? ORDER BY id_length DESC, id DESC FETCH FIRST 1 ROWS ONLY";
    selectList = "SELECT " + COLUMNS + " FROM " + table;
    // Numeric order without a numeric column: a shorter id is smaller (the tweet_edition_newest
    // index serves it).
    selectAfterId =
        selectList
            + " WHERE edition_number = ? AND (id_length > ? OR (id_length = ? AND id > ?))"
            + " ORDER BY id_length, id OFFSET ? ROWS FETCH FIRST ? ROWS ONLY";
    selectCount = "SELECT COUNT(*) FROM " + table;
    pgUpsertHead = "INSERT INTO " + table + " AS t (" + COLUMNS + ") VALUES ";
    // A tweet stored with the same values is left alone (no new row version): no row comes back.
    pgUpsertTail =
        " ON CONFLICT (id) DO UPDATE SET ("
            + String.join(", ", VALUE_COLUMNS)
            + ") = ("
            + excluded
            + ") WHERE ("
            + stored
            + ") IS DISTINCT FROM ("
            + excluded
            + ") RETURNING (t.xmax = 0)";
    pgUpsertFull = pgUpsert(ROWS_PER_STATEMENT);
    pgUpsertOne = pgUpsert(1);
  }

  /** The tweet table's name, qualified as the other tables are. */
  static String table(Tables tables) {
    // Tables qualifies every name with one prefix (the quoted schema and a dot, or nothing).
    return tables.edition.substring(0, tables.edition.length() - "edition".length()) + "tweet";
  }

  private String pgUpsert(int rows) {
    StringBuilder sql =
        new StringBuilder(pgUpsertHead.length() + pgUpsertTail.length() + rows * 32);
    sql.append(pgUpsertHead);
    for (int i = 0; i < rows; i++) {
      sql.append(i == 0 ? "" : ", ").append(ROW_PLACEHOLDERS);
    }
    return sql.append(pgUpsertTail).toString();
  }

  // ------------------------------------------------------------------ writing

  @Override
  public boolean upsert(int edition, Tweet tweet) {
    requireNonNull(tweet, "tweet");
    checkEdition(edition);
    String references = checkFits(tweet);
    try {
      return retryingConflicts(
          () ->
              jdbc.withConnection(
                  c ->
                      dialect(c) == Dialect.POSTGRESQL
                          ? pgUpsert(c, edition, List.of(tweet)) == 1
                          : upsertOne(c, edition, tweet, references)));
    } catch (SQLException e) {
      throw failure(edition, "upserting tweet " + tweet.id(), e);
    }
  }

  @Override
  public int upsertAll(int edition, Collection<Tweet> tweets) {
    requireNonNull(tweets, "tweets");
    checkEdition(edition);
    // By id (which is also the order rows are locked in); a later tweet with an id replaces an
    // earlier one, which is what upserting them one by one leaves stored, and counts the same.
    TreeMap<String, Tweet> byId = new TreeMap<>();
    for (Tweet t : tweets) {
      requireNonNull(t, "tweets: an element is null");
      checkFits(t);
      byId.put(t.id(), t);
    }
    if (byId.isEmpty()) {
      return 0;
    }
    List<Tweet> rows = List.copyOf(byId.values());
    try {
      return retryingConflicts(
          () ->
              jdbc.inTransaction(
                  c ->
                      dialect(c) == Dialect.POSTGRESQL
                          ? pgUpsert(c, edition, rows)
                          : insertOrUpdateAll(c, edition, rows)));
    } catch (SQLException e) {
      throw failure(edition, "upserting " + rows.size() + " tweets", e);
    }
  }

  /**
   * Runs a write again, up to {@value #CONFLICT_TRIES} times in all, when the database ended it to
   * resolve a conflict: a deadlock, a serialization failure, or H2's lock timeout, which is how H2
   * ends an insert that waited too long for a concurrent one of the same id.
   */
  private static <T> T retryingConflicts(Call<T> call) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.run();
      } catch (SQLException e) {
        if (attempt >= CONFLICT_TRIES || !SqlFailures.isTransactionConflict(e)) {
          throw e;
        }
      }
    }
  }

  private Dialect dialect(Connection c) throws SQLException {
    Dialect d = dialect;
    if (d == null) {
      String product = c.getMetaData().getDatabaseProductName();
      d = "PostgreSQL".equalsIgnoreCase(product) ? Dialect.POSTGRESQL : Dialect.INSERT_THEN_UPDATE;
      dialect = d;
    }
    return d;
  }

  /** Upserts tweets of distinct ids on PostgreSQL; returns how many were new. */
  private int pgUpsert(Connection c, int edition, List<Tweet> rows) throws SQLException {
    int added = 0;
    for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
      List<Tweet> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
      String sql =
          chunk.size() == ROWS_PER_STATEMENT
              ? pgUpsertFull
              : chunk.size() == 1 ? pgUpsertOne : pgUpsert(chunk.size());
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        int i = 1;
        for (Tweet t : chunk) {
          ps.setString(i++, t.id());
          ps.setInt(i++, t.id().length());
          i = bindValues(ps, i, edition, t, encode(t.referencedTweets()));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            added += rs.getBoolean(1) ? 1 : 0;
          }
        }
      }
    }
    return added;
  }

  /**
   * Upserts tweets of distinct ids, in order, on a connection in a transaction; returns how many
   * were new. The edition's row is locked first, so that bulk upserts of one edition run one after
   * the other: H2 waits for an uncommitted insert of the same id by retrying the insert, busily and
   * only until its lock timeout, whereas a row lock is waited for quietly (and H2 checks foreign
   * keys without locks, so nothing else waits for it). Then the ids stored already are looked up,
   * so re-harvested tweets go straight to an update; one stored meanwhile by another transaction
   * fails the insert and is updated instead.
   */
  private int insertOrUpdateAll(Connection c, int edition, List<Tweet> rows) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(lockEdition)) {
      ps.setInt(1, edition);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("no edition " + edition + " is stored", "23503");
        }
      }
    }
    Set<String> stored = storedIds(c, rows);
    int added = 0;
    try (PreparedStatement ins = c.prepareStatement(insert);
        PreparedStatement upd = c.prepareStatement(update)) {
      for (Tweet t : rows) {
        String references = encode(t.referencedTweets());
        if (stored.contains(t.id()) && update(upd, edition, t, references)) {
          continue;
        }
        added += insertOrUpdate(ins, upd, edition, t, references) ? 1 : 0;
      }
    }
    return added;
  }

  /**
   * Upserts one tweet, each statement atomic on its own (no transaction is needed: a failed insert
   * writes nothing, and rows are never deleted); true if it was new.
   */
  private boolean upsertOne(Connection c, int edition, Tweet t, String references)
      throws SQLException {
    try (PreparedStatement ins = c.prepareStatement(insert);
        PreparedStatement upd = c.prepareStatement(update)) {
      return insertOrUpdate(ins, upd, edition, t, references);
    }
  }

  private boolean insertOrUpdate(
      PreparedStatement ins, PreparedStatement upd, int edition, Tweet t, String references)
      throws SQLException {
    try {
      ins.setString(1, t.id());
      ins.setInt(2, t.id().length());
      bindValues(ins, 3, edition, t, references);
      ins.executeUpdate();
      return true;
    } catch (SQLException e) {
      // H2 rolls back the failed statement alone, so the transaction goes on. The conflicting row
      // is committed by now: an insert waits for the one it conflicts with to end.
      if (!SqlFailures.isUniqueViolation(e) || !update(upd, edition, t, references)) {
        throw e;
      }
      return false;
    }
  }

  /** Replaces a stored tweet's values; false if no tweet has its id. */
  private static boolean update(PreparedStatement upd, int edition, Tweet t, String references)
      throws SQLException {
    int i = bindValues(upd, 1, edition, t, references);
    upd.setString(i, t.id());
    return upd.executeUpdate() == 1;
  }

  /** Which of the tweets' ids are stored. */
  private Set<String> storedIds(Connection c, List<Tweet> rows) throws SQLException {
    Set<String> stored = new HashSet<>();
    for (int from = 0; from < rows.size(); from += IDS_PER_LOOKUP) {
      List<Tweet> chunk = rows.subList(from, Math.min(rows.size(), from + IDS_PER_LOOKUP));
      StringBuilder sql =
          new StringBuilder("SELECT id FROM ").append(table).append(" WHERE id IN (");
      for (int i = 0; i < chunk.size(); i++) {
        sql.append(i == 0 ? "?" : ", ?");
      }
      try (PreparedStatement ps = c.prepareStatement(sql.append(')').toString())) {
        for (int i = 0; i < chunk.size(); i++) {
          ps.setString(i + 1, chunk.get(i).id());
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            stored.add(rs.getString(1));
          }
        }
      }
    }
    return stored;
  }

  /** Binds the {@link #VALUE_COLUMNS} from parameter {@code i} on; returns the next free index. */
  private static int bindValues(
      PreparedStatement ps, int i, int edition, Tweet t, String references) throws SQLException {
    ps.setInt(i++, edition);
    ps.setString(i++, t.authorId());
    Jdbc.setString(ps, i++, t.authorHandle().map(TwitterHandle::value));
    ps.setString(i++, t.text());
    Jdbc.setInstant(ps, i++, t.createdAt());
    Jdbc.setString(ps, i++, t.lang());
    Jdbc.setString(ps, i++, t.source());
    ps.setString(i++, references);
    Jdbc.setString(ps, i++, t.countedText());
    ps.setBoolean(i++, t.longPost());
    ps.setString(i++, t.editHistory().isEmpty() ? null : String.join(",", t.editHistory()));
    ps.setString(i++, encodeHashtags(t.hashtags()));
    return i;
  }

  private RuntimeException failure(int edition, String operation, SQLException e) {
    if (SqlFailures.isForeignKeyViolation(e)) {
      return new IllegalStateException(
          "edition: no edition "
              + edition
              + " is stored; save it in the EditionStore before storing its tweets");
    }
    return SqlFailures.failure(operation, e);
  }

  private static void checkEdition(int edition) {
    if (edition < 1) {
      throw new IllegalArgumentException("edition: must be at least 1 (was " + edition + ")");
    }
  }

  /**
   * Checks that the tweet's values fit the columns, before anything is written; returns the encoded
   * references.
   */
  private static String checkFits(Tweet t) {
    checkText("text", t.text(), MAX_TEXT);
    t.lang().ifPresent(lang -> checkText("lang", lang, MAX_LANG));
    t.source().ifPresent(source -> checkText("source", source, MAX_SOURCE));
    if (t.createdAt().isBefore(FIRST_STORABLE) || !t.createdAt().isBefore(END_OF_STORABLE)) {
      throw new InvalidInputException(
          Tweet.INVALID, "createdAt", "must be in the years 1 to 9999 to be stored");
    }
    t.countedText().ifPresent(counted -> checkText("countedText", counted, MAX_TEXT));
    // An entry is at most 124 chars (two indices, a tag of at most 100, three separators): only a
    // tweet with very many tags is encoded here as well as when it is bound.
    if (t.hashtags().size() > MAX_HASHTAGS / 124
        && encodeHashtags(t.hashtags()).length() > MAX_HASHTAGS) {
      throw new InvalidInputException(
          Tweet.INVALID, "hashtags", "are too many to be stored (" + t.hashtags().size() + ")");
    }
    if (String.join(",", t.editHistory()).length() > MAX_EDIT_HISTORY) {
      throw new InvalidInputException(
          Tweet.INVALID,
          "editHistory",
          "is too long to be stored (" + t.editHistory().size() + " versions)");
    }
    String references = encode(t.referencedTweets());
    if (references != null && references.length() > MAX_REFERENCES) {
      throw new InvalidInputException(
          Tweet.INVALID,
          "referencedTweets",
          "are too many to be stored (" + t.referencedTweets().size() + ")");
    }
    return references;
  }

  private static void checkText(String field, String value, int max) {
    if (value.length() > max) {
      throw new InvalidInputException(
          Tweet.INVALID,
          field,
          "must be at most " + max + " characters to be stored (was " + value.length() + ")");
    }
    if (value.indexOf('\0') >= 0) {
      // PostgreSQL cannot store the character in text; refused on every database alike.
      throw new InvalidInputException(Tweet.INVALID, field, "must not contain U+0000 to be stored");
    }
  }

  /** The references as stored: {@code type:id} comma-separated, or null for none. */
  static String encode(List<ReferencedTweet> references) {
    if (references.isEmpty()) {
      return null;
    }
    StringBuilder b = new StringBuilder(references.size() * 32);
    for (ReferencedTweet r : references) {
      if (b.length() > 0) {
        b.append(',');
      }
      b.append(r.type().name().toLowerCase(Locale.ROOT)).append(':').append(r.id());
    }
    return b.toString();
  }

  /** Reads what {@link #encode} wrote. */
  static List<ReferencedTweet> decode(String stored) throws SQLException {
    if (stored == null) {
      return List.of();
    }
    List<ReferencedTweet> references = new ArrayList<>();
    for (String entry : stored.split(",", -1)) {
      int colon = entry.indexOf(':');
      try {
        ReferencedTweet.Type type =
            ReferencedTweet.Type.valueOf(
                entry.substring(0, Math.max(colon, 0)).toUpperCase(Locale.ROOT));
        references.add(new ReferencedTweet(type, entry.substring(colon + 1)));
      } catch (IllegalArgumentException e) { // an unknown type or a malformed id
        throw new SQLException("column referenced_tweets holds a malformed reference", "22000", e);
      }
    }
    return List.copyOf(references);
  }

  // ------------------------------------------------------------------ reading

  @Override
  public Optional<Tweet> find(String id) {
    requireNonNull(id, "id");
    try {
      return jdbc.withConnection(
          c -> {
            try (PreparedStatement ps = c.prepareStatement(selectById)) {
              ps.setString(1, id);
              try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.<Tweet>empty();
              }
            }
          });
    } catch (SQLException e) {
      throw SqlFailures.failure("finding tweet " + id, e);
    }
  }

  @Override
  public Optional<String> newestId(int edition) {
    try {
      return jdbc.withConnection(
          c -> {
            try (PreparedStatement ps = c.prepareStatement(selectNewest)) {
              ps.setInt(1, edition);
              try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
              }
            }
          });
    } catch (SQLException e) {
      throw SqlFailures.failure("finding the newest tweet of edition " + edition, e);
    }
  }

  @Override
  public List<Tweet> list(TweetQuery query, int offset, int limit) {
    requireNonNull(query, "query");
    Jdbc.checkPage(offset, limit);
    Filter filter = Filter.of(query);
    String sql =
        selectList
            + filter.where
            + " ORDER BY created_at, id_length, id OFFSET ? ROWS FETCH FIRST ? ROWS ONLY";
    try {
      return jdbc.page(sql, filter::bind, offset, limit, JdbcTweetStore::read);
    } catch (SQLException e) {
      throw SqlFailures.failure("listing tweets of edition " + query.edition(), e);
    }
  }

  @Override
  public List<Tweet> listAfterId(int edition, Optional<String> afterId, int limit) {
    requireNonNull(afterId, "afterId");
    Jdbc.checkPage(0, limit);
    String after = afterId.orElse("");
    if (afterId.isPresent()
        && (after.isEmpty()
            || after.length() > 19
            || !after.chars().allMatch(c -> c >= '0' && c <= '9'))) {
      throw new IllegalArgumentException("afterId: must be a decimal number");
    }
    try {
      return jdbc.page(
          selectAfterId,
          ps -> {
            ps.setInt(1, edition);
            ps.setInt(2, after.length());
            ps.setInt(3, after.length());
            ps.setString(4, after);
            return 5;
          },
          0,
          limit,
          JdbcTweetStore::read);
    } catch (SQLException e) {
      throw SqlFailures.failure("listing new tweets of edition " + edition, e);
    }
  }

  @Override
  public long count(TweetQuery query) {
    requireNonNull(query, "query");
    Filter filter = Filter.of(query);
    try {
      return jdbc.count(selectCount + filter.where, filter::bind);
    } catch (SQLException e) {
      throw SqlFailures.failure("counting tweets of edition " + query.edition(), e);
    }
  }

  private static Tweet read(ResultSet rs) throws SQLException {
    String handle = rs.getString("author_handle");
    String editHistory = rs.getString("edit_history");
    Tweet.Builder b =
        Tweet.builder()
            .id(rs.getString("id"))
            .authorId(rs.getString("author_id"))
            .authorHandle(handle == null ? null : new TwitterHandle(handle))
            .text(rs.getString("full_text"))
            .createdAt(Jdbc.getInstant(rs, "created_at"))
            .lang(rs.getString("lang"))
            .source(rs.getString("source_app"))
            .referencedTweets(decode(rs.getString("referenced_tweets")))
            .countedText(rs.getString("counted_text"))
            .longPost(rs.getBoolean("long_post"))
            .editHistory(editHistory == null ? List.of() : List.of(editHistory.split(",")));
    Tweet t = b.build(); // extracts the hashtags from the text
    String hashtags = rs.getString("hashtags");
    if (hashtags == null) {
      return t; // stored before version 4
    }
    return new Tweet(
        t.id(),
        t.authorId(),
        t.authorHandle(),
        t.text(),
        t.createdAt(),
        t.lang(),
        t.source(),
        t.referencedTweets(),
        decodeHashtags(hashtags),
        t.countedText(),
        t.longPost(),
        t.editHistory());
  }

  /**
   * The hashtag entities as stored: {@code start:end:tag} space-separated (a tag holds neither a
   * colon nor a space); empty for none. Stored as given, since a tweet read from the X API carries
   * the API's own entities, which need not be those of its text.
   */
  static String encodeHashtags(List<Hashtag> hashtags) {
    StringBuilder b = new StringBuilder();
    for (Hashtag h : hashtags) {
      b.append(b.length() == 0 ? "" : " ").append(h.start()).append(':').append(h.end());
      b.append(':').append(h.tag());
    }
    return b.toString();
  }

  static List<Hashtag> decodeHashtags(String stored) throws SQLException {
    if (stored.isEmpty()) {
      return List.of();
    }
    List<Hashtag> out = new ArrayList<>();
    try {
      for (String entry : stored.split(" ")) {
        int a = entry.indexOf(':');
        int b = entry.indexOf(':', a + 1);
        out.add(
            new Hashtag(
                entry.substring(b + 1),
                Integer.parseInt(entry.substring(0, a)),
                Integer.parseInt(entry.substring(a + 1, b))));
      }
    } catch (RuntimeException e) {
      throw new SQLException("column hashtags holds a malformed entity", "22000", e);
    }
    return out;
  }

  /** A query's WHERE clause and its parameters. */
  private static final class Filter {
    final String where;
    final int edition;
    final Optional<String> authorId;
    final Optional<Instant> from;
    final Optional<Instant> until;

    private Filter(TweetQuery q) {
      edition = q.edition();
      authorId = q.authorId();
      // Every stored instant is in [FIRST_STORABLE, END_OF_STORABLE) and a whole microsecond, so
      // bounds are clamped to that range and rounded up to the microsecond ("stored >= x" is
      // "stored >= x rounded up"; likewise for "<"); a bound at the range's edge bounds nothing.
      from = q.from().map(Filter::storable).filter(f -> f.isAfter(FIRST_STORABLE));
      until = q.until().map(Filter::storable).filter(u -> u.isBefore(END_OF_STORABLE));
      StringBuilder w = new StringBuilder(" WHERE edition_number = ?");
      authorId.ifPresent(a -> w.append(" AND author_id = ?"));
      from.ifPresent(f -> w.append(" AND created_at >= ?"));
      until.ifPresent(u -> w.append(" AND created_at < ?"));
      where = w.toString();
    }

    static Filter of(TweetQuery q) {
      return new Filter(q);
    }

    /** The instant clamped to the storable range, then rounded up to the microsecond. */
    private static Instant storable(Instant x) {
      if (!x.isAfter(FIRST_STORABLE)) {
        return FIRST_STORABLE;
      }
      if (!x.isBefore(END_OF_STORABLE)) {
        return END_OF_STORABLE;
      }
      Instant down = x.truncatedTo(ChronoUnit.MICROS);
      return down.equals(x) ? x : down.plus(1, ChronoUnit.MICROS);
    }

    /** Binds the values from parameter 1 on; returns the next free index. */
    int bind(PreparedStatement ps) throws SQLException {
      int i = 1;
      ps.setInt(i++, edition);
      if (authorId.isPresent()) {
        ps.setString(i++, authorId.get());
      }
      if (from.isPresent()) {
        Jdbc.setInstant(ps, i++, from.get());
      }
      if (until.isPresent()) {
        Jdbc.setInstant(ps, i++, until.get());
      }
      return i;
    }
  }
}
