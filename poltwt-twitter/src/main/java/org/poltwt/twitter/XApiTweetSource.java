package org.poltwt.twitter;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.poltwt.InvalidInputException;
import org.poltwt.PoltwtException;
import org.poltwt.event.Edition;
import org.poltwt.event.Schedule;
import org.poltwt.event.Window;
import org.poltwt.spi.HarvestCheckpoint;
import org.poltwt.spi.HarvestCheckpointStore;
import org.poltwt.spi.TweetSource;
import org.poltwt.spi.TweetStore;
import org.poltwt.spi.memory.InMemoryHarvestCheckpointStore;
import org.poltwt.tweet.Tweet;

/**
 * Harvests an edition's tweets with {@code GET /2/tweets/search/recent}. Thread-safe; each {@link
 * #harvest(Edition)} stream is for one thread, and an edition is harvested by one stream at a time
 * (its checkpoint is shared).
 *
 * <pre>{@code
 * XApiTweetSource source = XApiTweetSource.builder(client).store(tweetStore).build();
 * try (Stream<Tweet> tweets = source.harvest(edition)) {
 *   tweets.forEach(t -> ...);            // pages are fetched as the stream is consumed
 * }
 * }</pre>
 *
 * <p>What it asks for:
 *
 * <ul>
 *   <li>the query {@code #PolTwt} (the edition's own hashtag), with {@code -is:retweet} and {@code
 *       lang:xx} when configured; with {@link Builder#includeThemeOnlyTweets(boolean)} it is {@code
 *       (#PolTwt OR #Theme ...)}, so tweets that carry only a theme tag are harvested too (the
 *       compliance check then flags them). The query may be at most {@value #MAX_QUERY_LENGTH}
 *       characters, the self-serve limit;
 *   <li>{@code start_time}/{@code end_time} from the edition's {@linkplain Schedule#globalSpan()
 *       global span}, clamped to what recent search covers: not before 7 days ago (plus a minute's
 *       margin) and not after 30 seconds ago (the API refuses an {@code end_time} closer to now).
 *       So harvest during the edition and within a week after it; an edition whose span ended more
 *       than 7 days ago fails with code {@value #OUT_OF_RANGE}, one that has not started gives an
 *       empty stream;
 *   <li>{@code max_results=100}, following {@code meta.next_token} to the last page;
 *   <li>{@code expansions=author_id,referenced_tweets.id&user.fields=username}, so each tweet knows
 *       its author's handle and a retweet the post it retweets (its full text and hashtags), and
 *       {@code
 *       tweet.fields=created_at,author_id,lang,source,referenced_tweets,entities,attachments,
 *       display_text_range,note_tweet,edit_history_tweet_ids}: what the reader needs to count a
 *       post's length as X did, to read a long post whole, and to know its edits.
 * </ul>
 *
 * <p>Each page is read by core's {@link org.poltwt.tweet.io.TweetReader}, so a harvested tweet is
 * exactly what the reader gives for the same JSON. A page the reader finds malformed (a tweet
 * without {@code created_at}, a reference type other than the {@code retweeted}, {@code quoted} and
 * {@code replied_to} that X sends, an author's username that is not a handle, ...) fails the
 * harvest with {@link XApiException.Reason#MALFORMED_RESPONSE} before any of it is stored. A page
 * whose {@code errors} come beside its {@code data} (X's partial answer: an author suspended, a
 * referenced post withheld) keeps its tweets, and its problems go to the listener's {@link
 * HarvestListener#onProblems}; a page with only {@code errors} fails with {@link
 * XApiException.Reason#CLIENT_ERROR}.
 *
 * <p>With a {@link TweetStore} every page is stored (an upsert, so repeating a page never
 * duplicates a tweet) before its tweets are handed on, and a later harvest resumes: it first
 * finishes a pass that stopped half-way (see {@link HarvestCheckpoint}), then asks only for tweets
 * newer than the newest stored one ({@code since_id}; without a store, the newest the stopped
 * harvest had handed on). Within one stream every tweet appears once, even if the API repeats one
 * across pages.
 *
 * <p>X bills each post read. A {@linkplain Builder#maxPosts(long) read budget} caps what one run
 * (one {@link #harvest(Edition)} stream) reads: the budget is per run, not per edition, so a
 * command-line run or the site's harvester spends at most that much each time it is started. The
 * run never reads past it: the last pages ask for fewer posts ({@code max_results} lowered to what
 * is left), and since recent search's {@code max_results} is at least {@value #SMALLEST_PAGE}, the
 * run stops before fetching when fewer than {@value #SMALLEST_PAGE} posts are left. It then ends
 * the stream cleanly with {@link HarvestProgress.Event#BUDGET_REACHED} and keeps its checkpoint;
 * the next run resumes there. X's own usage cap (HTTP 429 {@code usage-capped}) ends the run the
 * same way, with {@link HarvestProgress.Event#USAGE_CAPPED}; it is not waited for like a rate
 * limit. The checkpoint counts the posts read by every run of an unfinished harvest ({@link
 * HarvestCheckpoint#postsRead()}), so a caller can see what the edition's harvest has cost so far.
 *
 * <p>Where a harvest stands is kept in a {@link HarvestCheckpointStore}, per edition and query:
 * saved before each page is fetched (and again, with the posts counted, after it is read), cleared
 * after the last. With a durable one (poltwt-jdbc's {@code JdbcStores.harvestCheckpoints()}) a
 * harvest killed half-way resumes after a restart, in this process or another; the default
 * in-memory one resumes within the process only.
 */
public final class XApiTweetSource implements TweetSource {
  /** The {@link PoltwtException#code()} when the edition is older than recent search reaches. */
  public static final String OUT_OF_RANGE = "harvest.out-of-range";

  /** The {@link InvalidInputException#code()} of a query recent search would refuse. */
  public static final String INVALID = "harvest.invalid";

  /** The longest query the self-serve recent search accepts. */
  public static final int MAX_QUERY_LENGTH = 512;

  /**
   * The smallest page recent search gives ({@code max_results} is 10 to 100): a run with a read
   * budget stops when fewer posts than this are left in it.
   */
  public static final int SMALLEST_PAGE = 10;

  /** How far back recent search reaches. */
  public static final Duration SEARCH_REACH = Duration.ofDays(7);

  static final Duration START_MARGIN = Duration.ofMinutes(1);
  static final Duration END_MARGIN = Duration.ofSeconds(30);

  /**
   * What a post needs to be read as X published it (see core's {@code TweetReader}): the counted
   * text's fields ({@code display_text_range}, {@code entities}, {@code attachments}), the long
   * post ({@code note_tweet}) and the edits. Harvest and look-up ask for the same.
   */
  static final String TWEET_FIELDS =
      "created_at,author_id,lang,source,referenced_tweets,entities,attachments,display_text_range,"
          + "note_tweet,edit_history_tweet_ids";

  /** The authors' handles, and the referenced posts (a retweet's full text and hashtags). */
  static final String EXPANSIONS = "author_id,referenced_tweets.id";

  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");

  private final XApiClient client;
  private final TweetStore store;
  private final HarvestCheckpointStore checkpoints;
  private final HarvestListener listener;
  private final boolean excludeRetweets;
  private final boolean includeThemeOnlyTweets;
  private final String language;
  private final int maxResults;
  private final OptionalLong maxPosts;

  private XApiTweetSource(Builder b) {
    this.client = b.client;
    this.store = b.store;
    this.checkpoints = b.checkpoints != null ? b.checkpoints : new InMemoryHarvestCheckpointStore();
    this.listener = b.listener;
    this.excludeRetweets = b.excludeRetweets;
    this.includeThemeOnlyTweets = b.includeThemeOnlyTweets;
    this.language = b.language;
    this.maxResults = b.maxResults;
    this.maxPosts = b.maxPosts;
  }

  /**
   * Starts configuring a source on a client.
   *
   * @param client the client; its app bearer token (or user token) is used
   * @return a new builder
   */
  public static Builder builder(XApiClient client) {
    return new Builder(requireNonNull(client, "client"));
  }

  /**
   * Returns the search query this source sends for an edition.
   *
   * @param edition the edition
   * @return for example {@code #PolTwt -is:retweet lang:en}
   * @throws InvalidInputException (code {@value #INVALID}, field {@code query}) if it is longer
   *     than {@value #MAX_QUERY_LENGTH}
   */
  public String query(Edition edition) {
    requireNonNull(edition, "edition");
    StringBuilder q = new StringBuilder();
    if (includeThemeOnlyTweets && !edition.themes().isEmpty()) {
      q.append("(#").append(edition.hashtag());
      for (String theme : edition.themes()) {
        q.append(" OR #").append(theme);
      }
      q.append(')');
    } else {
      q.append('#').append(edition.hashtag());
    }
    if (excludeRetweets) {
      q.append(" -is:retweet");
    }
    if (language != null) {
      q.append(" lang:").append(language);
    }
    if (q.length() > MAX_QUERY_LENGTH) {
      throw new InvalidInputException(
          INVALID,
          "query",
          "is " + q.length() + " characters; recent search takes at most " + MAX_QUERY_LENGTH);
    }
    return q.toString();
  }

  /**
   * Returns the part of an edition's global span that recent search can be asked about now, on the
   * client's clock.
   *
   * @param edition an edition with a date
   * @return the window, or empty when none of the span is searchable now (not started, or too old)
   * @throws org.poltwt.event.InvalidEditionException if the edition has no date yet
   */
  public Optional<Window> searchWindow(Edition edition) {
    Window span = Schedule.of(requireNonNull(edition, "edition")).globalSpan();
    Instant now = client.clock().instant();
    Instant floor = ceilToSecond(now.minus(SEARCH_REACH).plus(START_MARGIN));
    Instant ceiling = now.minus(END_MARGIN).truncatedTo(ChronoUnit.SECONDS);
    Instant start = ceilToSecond(span.start().isAfter(floor) ? span.start() : floor);
    Instant end =
        (span.end().isBefore(ceiling) ? span.end() : ceiling).truncatedTo(ChronoUnit.SECONDS);
    return start.isBefore(end) ? Optional.of(new Window(start, end)) : Optional.empty();
  }

  /**
   * Harvests an edition's tweets, newest first. Pages are fetched lazily, as the stream is
   * consumed; with a store, each page is stored before its tweets are handed on.
   *
   * @param edition an edition with a date
   * @return the tweets, each once; empty when the edition has not started. The stream also ends,
   *     early but cleanly, at the read budget or on X's usage cap: the listener's last report says
   *     why ({@link HarvestProgress.Event#ends()}), and the checkpoint stays for the next run
   * @throws PoltwtException (code {@value #OUT_OF_RANGE}) if the edition's span ended more than 7
   *     days ago
   * @throws InvalidInputException (code {@value #INVALID}) if the query is too long
   * @throws org.poltwt.event.InvalidEditionException if the edition has no date yet
   * @throws XApiException while the stream is consumed, if the API fails for good; with a store,
   *     what was stored stays stored and the next harvest resumes
   */
  @Override
  public Stream<Tweet> harvest(Edition edition) {
    String query = query(edition);
    Optional<Window> window = searchWindow(edition);
    int number = edition.number();
    if (window.isEmpty()) {
      Window span = Schedule.of(edition).globalSpan();
      if (!span.end().isAfter(client.clock().instant().minus(SEARCH_REACH).plus(START_MARGIN))) {
        throw new PoltwtException(
            OUT_OF_RANGE,
            "edition "
                + number
                + " ended at "
                + span.end()
                + ", more than 7 days ago: recent search cannot reach it");
      }
      listener.onProgress(
          new HarvestProgress(
              number,
              HarvestProgress.Event.FINISHED,
              0,
              0,
              0,
              0,
              maxPosts,
              client.rateLimit(Endpoint.SEARCH_RECENT),
              Optional.empty(),
              Optional.empty()));
      return Stream.empty();
    }
    Pass first;
    boolean resumed = false;
    String newestId = null;
    long postsReadBefore = 0;
    Optional<HarvestCheckpoint> checkpoint = checkpoints.find(number, query);
    // A pass is resumed only with the same query, and only while its start is still within reach
    // (its next_token belongs to its parameters, which cannot be changed half-way).
    if (checkpoint.isPresent()
        && checkpoint.get().start().map(s -> !s.isBefore(window.get().start())).orElse(true)) {
      HarvestCheckpoint c = checkpoint.get();
      first =
          new Pass(
              c.sinceId().orElse(null),
              c.start().orElse(null),
              c.end(),
              c.nextToken().orElse(null));
      newestId = c.newestId().orElse(null);
      postsReadBefore = c.postsRead();
      resumed = true;
    } else {
      checkpoints.clear(number, query);
      first = freshPass(number, window.get(), null);
    }
    return StreamSupport.stream(
        new Harvest(this, number, query, first, resumed, newestId, postsReadBefore, window.get()),
        false);
  }

  /**
   * A pass over the window: since the newest stored tweet when it is within reach, else since the
   * newest id the harvest handed on (when the source has no store), else from the window's start.
   */
  Pass freshPass(int edition, Window window, String newestHandedOn) {
    if (store == null && newestHandedOn != null) {
      return new Pass(newestHandedOn, null, window.end(), null);
    }
    if (store != null) {
      Optional<String> newest = store.newestId(edition);
      if (newest.isPresent()) {
        Optional<Tweet> tweet = store.find(newest.get());
        // since_id must itself be within recent search's reach; an older one is replaced by
        // start_time.
        if (tweet.isEmpty() || !tweet.get().createdAt().isBefore(window.start())) {
          return new Pass(newest.get(), null, window.end(), null);
        }
      }
    }
    return new Pass(null, window.start(), window.end(), null);
  }

  XApiClient client() {
    return client;
  }

  TweetStore store() {
    return store;
  }

  HarvestCheckpointStore checkpoints() {
    return checkpoints;
  }

  HarvestListener listener() {
    return listener;
  }

  int maxResults() {
    return maxResults;
  }

  OptionalLong maxPosts() {
    return maxPosts;
  }

  /** Fetches one page of a pass, of at most {@code pageSize} (10 to 100) tweets. */
  SearchPage fetch(String query, Pass pass, int pageSize, XApiClient.WaitListener onWait) {
    List<Map.Entry<String, String>> q = new ArrayList<>();
    q.add(Map.entry("query", query));
    if (pass.sinceId != null) {
      q.add(Map.entry("since_id", pass.sinceId));
    } else if (pass.start != null) {
      q.add(Map.entry("start_time", DateTimeFormatter.ISO_INSTANT.format(pass.start)));
    }
    q.add(Map.entry("end_time", DateTimeFormatter.ISO_INSTANT.format(pass.end)));
    q.add(Map.entry("max_results", Integer.toString(pageSize)));
    if (pass.nextToken != null) {
      q.add(Map.entry("next_token", pass.nextToken));
    }
    q.add(Map.entry("expansions", EXPANSIONS));
    q.add(Map.entry("tweet.fields", TWEET_FIELDS));
    q.add(Map.entry("user.fields", "username"));
    XApiResponse r =
        client.send(Endpoint.SEARCH_RECENT, Endpoint.SEARCH_RECENT.template, q, null, onWait);
    return SearchPage.parse(r);
  }

  private static Instant ceilToSecond(Instant t) {
    Instant s = t.truncatedTo(ChronoUnit.SECONDS);
    return s.equals(t) ? s : s.plusSeconds(1);
  }

  /**
   * Describes the source.
   *
   * @return its options, without tokens
   */
  @Override
  public String toString() {
    return "XApiTweetSource[excludeRetweets="
        + excludeRetweets
        + ", includeThemeOnlyTweets="
        + includeThemeOnlyTweets
        + ", language="
        + language
        + ", store="
        + (store != null)
        + ", maxPosts="
        + (maxPosts.isPresent() ? Long.toString(maxPosts.getAsLong()) : "none")
        + "]";
  }

  /** One search pass: its bounds and the token of its next page (null for the first). */
  static final class Pass {
    final String sinceId;
    final Instant start;
    final Instant end;
    final String nextToken;

    Pass(String sinceId, Instant start, Instant end, String nextToken) {
      this.sinceId = sinceId;
      this.start = start;
      this.end = end;
      this.nextToken = nextToken;
    }

    Pass next(String token) {
      return new Pass(sinceId, start, end, token);
    }

    HarvestCheckpoint checkpoint(int edition, String query, String newestId, long postsRead) {
      return new HarvestCheckpoint(
          edition,
          query,
          Optional.ofNullable(sinceId),
          Optional.ofNullable(start),
          end,
          Optional.ofNullable(nextToken),
          Optional.ofNullable(newestId),
          postsRead);
    }
  }

  /**
   * Configures an {@link XApiTweetSource}; each setter checks its value at once. Not thread-safe.
   */
  public static final class Builder {
    private final XApiClient client;
    private TweetStore store;
    private HarvestCheckpointStore checkpoints;
    private HarvestListener listener = HarvestListener.NONE;
    private boolean excludeRetweets;
    private boolean includeThemeOnlyTweets;
    private String language;
    private int maxResults = 100;
    private OptionalLong maxPosts = OptionalLong.empty();

    private Builder(XApiClient client) {
      this.client = client;
    }

    /**
     * Stores every harvested tweet, and resumes later harvests after the newest stored one.
     *
     * @param store the store
     * @return this builder
     */
    public Builder store(TweetStore store) {
      this.store = requireNonNull(store, "store");
      return this;
    }

    /**
     * Sets where each edition's harvest keeps where it stands, so that a harvest stopped half-way
     * resumes.
     *
     * @param checkpoints the store; default an {@link InMemoryHarvestCheckpointStore}, which
     *     forgets on restart; give a durable one to resume after a restart
     * @return this builder
     */
    public Builder checkpoints(HarvestCheckpointStore checkpoints) {
      this.checkpoints = requireNonNull(checkpoints, "checkpoints");
      return this;
    }

    /**
     * Sets who hears the harvest's progress.
     *
     * @param listener the listener; default {@link HarvestListener#NONE}
     * @return this builder
     */
    public Builder listener(HarvestListener listener) {
      this.listener = requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Leaves retweets out ({@code -is:retweet}). The wrap-up counts originals against retweets, so
     * the default keeps them.
     *
     * @param exclude true to leave them out; default false
     * @return this builder
     */
    public Builder excludeRetweets(boolean exclude) {
      this.excludeRetweets = exclude;
      return this;
    }

    /**
     * Also harvests tweets that carry a theme hashtag but not the event's ({@code (#PolTwt OR
     * #Theme)}).
     *
     * @param include true to include them; default false ({@code #PolTwt} only)
     * @return this builder
     */
    public Builder includeThemeOnlyTweets(boolean include) {
      this.includeThemeOnlyTweets = include;
      return this;
    }

    /**
     * Keeps only tweets in one language ({@code lang:xx}).
     *
     * @param language a BCP 47 language code as the API uses it, for example {@code en}; null for
     *     all
     * @return this builder
     * @throws IllegalArgumentException if it is not such a code
     */
    public Builder language(String language) {
      if (language != null && !LANGUAGE.matcher(language).matches()) {
        throw new IllegalArgumentException("language: must be a language code such as en or pt-BR");
      }
      this.language = language;
      return this;
    }

    /**
     * Sets {@code max_results}, the tweets per page.
     *
     * @param maxResults 10 to 100; default 100, the fewest requests
     * @return this builder
     */
    public Builder maxResults(int maxResults) {
      if (maxResults < 10 || maxResults > 100) {
        throw new IllegalArgumentException("maxResults: must be between 10 and 100");
      }
      this.maxResults = maxResults;
      return this;
    }

    /**
     * Sets the read budget: the most posts one run (one {@link XApiTweetSource#harvest(Edition)}
     * stream) reads from the API, which bills each one. The run never passes it: the last pages ask
     * for fewer posts, and it stops, keeping its checkpoint, when fewer than {@value
     * XApiTweetSource#SMALLEST_PAGE} are left (recent search's smallest page), so it may end up to
     * 9 posts short of the budget. The next run resumes where it stopped, with a budget of its own.
     *
     * @param maxPosts at least {@value XApiTweetSource#SMALLEST_PAGE}; default none (no budget)
     * @return this builder
     * @throws IllegalArgumentException if it is smaller
     */
    public Builder maxPosts(long maxPosts) {
      if (maxPosts < SMALLEST_PAGE) {
        throw new IllegalArgumentException(
            "maxPosts: must be at least "
                + SMALLEST_PAGE
                + ", recent search's smallest page (was "
                + maxPosts
                + ")");
      }
      this.maxPosts = OptionalLong.of(maxPosts);
      return this;
    }

    /**
     * Builds the source.
     *
     * @return the source
     */
    public XApiTweetSource build() {
      return new XApiTweetSource(this);
    }
  }
}
