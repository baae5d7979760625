package org.poltwt.tweet;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.poltwt.internal.TagFold;
import org.poltwt.event.Edition;
import org.poltwt.event.EditionStatus;
import org.poltwt.event.InvalidEditionException;
import org.poltwt.event.Schedule;
import org.poltwt.event.Window;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.spi.RegistrationQuery;
import org.poltwt.spi.RegistrationStore;

/**
 * Checks tweets against one edition's rules, fast enough to check a whole edition.
 *
 * <pre>{@code
 * ComplianceChecker checker = ComplianceChecker.builder()
 *     .edition(fifth)
 *     .registrations(registrationStore)   // read once, here
 *     .build();
 * ComplianceSummary summary = new ComplianceSummary();
 * checker.checkAll(tweets, summary).filter(r -> !r.compliant()).forEach(report::write);
 * // summary.checked(), summary.violations(Violation.Code.OUTSIDE_WINDOW), ...
 * }</pre>
 *
 * <p>The rules, each a {@link Violation.Code}:
 *
 * <ul>
 *   <li>{@link Violation.Code#MISSING_HASHTAG MISSING_HASHTAG}: none of the tweet's {@linkplain
 *       Tweet#hashtags() hashtag entities} equals the edition's hashtag, compared as {@link
 *       Hashtags#carries(String, String)} compares (NFC, then simple case folding code point by
 *       code point). So {@code
 *       #poltwt2015}, {@code x#poltwt} and {@code https://example.com/#poltwt} do not carry it and
 *       {@code ＃PolTwt} does. The entities already in the {@link Tweet} are used: the text is not
 *       scanned a second time.
 *   <li>{@link Violation.Code#OUTSIDE_WINDOW OUTSIDE_WINDOW}: posted outside the author's own
 *       window, {@code Schedule.of(edition).windowIn(zone)} for the zone of the author's
 *       registration, which is half-open: posted at its end is outside. An author without a verified
 *       registration has no zone, so for them the window is the edition's {@linkplain
 *       Schedule#globalSpan() global span}.
 *   <li>{@link Violation.Code#UNREGISTERED_AUTHOR UNREGISTERED_AUTHOR}: the author has no {@link
 *       RegistrationStatus#VERIFIED VERIFIED} registration for the edition. A registration with a
 *       Twitter account id matches a tweet whose author id equals it, whatever the handle is now (the
 *       account may have been renamed, and its old handle may now belong to someone else). A
 *       registration without an account id matches by handle, case-insensitively.
 *   <li>{@link Violation.Code#TOO_LONG TOO_LONG}: the {@linkplain TweetLength#weighted(String)
 *       weighted length} is over {@value TweetLength#MAX_WEIGHTED_LENGTH}. A text whose code
 *       points' weights, plus 19 for every dot that could begin a URL's TLD, stay within the
 *       limit skips the exact count, which gives the same verdict.
 * </ul>
 *
 * <p>Tags: {@link ComplianceTag#RETWEET} for a {@linkplain Tweet#isRetweet() retweet} and {@link
 * ComplianceTag#THEME} for a tweet carrying one of the edition's theme hashtags.
 *
 * <p><b>Retweets.</b> A retweet's text, as the X API gives it, is {@code "RT @user: "} and the
 * original text, cut short when it does not fit: the retweeter wrote none of it, and the hashtag
 * the original carried may have been cut off. So by default a retweet is not checked for {@code
 * MISSING_HASHTAG} nor for {@code TOO_LONG}; the original tweet is checked on its own when it is
 * harvested. It is checked for its window and its author, since retweeting is something the
 * retweeter does at a time of their own. {@link Builder#retweetsMustCarryHashtag(boolean)} turns
 * the hashtag check on for retweets, accepting that a truncated text may then be reported.
 *
 * <p><b>Registrations are a snapshot.</b> Built with {@link Builder#registrations(RegistrationStore)},
 * the checker reads the edition's verified registrations once, in {@link Builder#build()}, into
 * hash maps by account id and by handle, and computes each distinct zone's window once; checking a
 * tweet never calls the store. A registration verified or withdrawn later is not seen: build a new
 * checker to see it. Callers that keep registrations elsewhere pass a {@link RegistrationLookup}
 * instead, which is called once per tweet.
 *
 * <p>Instances are immutable and thread-safe (provided the lookup, if any, is), and {@link
 * #check(Tweet)} allocates little: a compliant tweet's result shares its empty violation list and
 * its tag set with every other result; outside-window and unregistered violations are shared
 * instances computed when the checker is built.
 */
public final class ComplianceChecker {
  /** How many registrations to read from the store per page. */
  static final int PAGE_SIZE = 1_000;

  /** {@link #tagsCarried} bits: the edition's hashtag, a theme hashtag. */
  private static final int CARRIES = 1;
  private static final int THEME_TAG = 2;

  private static final Set<ComplianceTag> NO_TAGS = Set.of();
  private static final Set<ComplianceTag> RETWEET = Set.of(ComplianceTag.RETWEET);
  private static final Set<ComplianceTag> THEME = Set.of(ComplianceTag.THEME);
  private static final Set<ComplianceTag> RETWEET_AND_THEME = Set.of(ComplianceTag.RETWEET, ComplianceTag.THEME);

  private final Edition edition;
  private final Schedule schedule;
  private final int[] hashtag;
  private final int[][] themes;
  private final boolean retweetsMustCarryHashtag;
  private final Map<String, ZoneWindow> byAccountId;
  private final Map<String, ZoneWindow> byHandle;
  private final RegistrationLookup lookup;
  private final ConcurrentMap<ZoneId, ZoneWindow> zones = new ConcurrentHashMap<>();
  private final ZoneWindow globalSpan;
  private final Violation missingHashtag;
  private final Violation unregisteredAuthor;

  private ComplianceChecker(Builder b) {
    this.edition = b.edition;
    this.schedule = b.schedule;
    this.hashtag = TagFold.folded(edition.hashtag());
    List<String> themeTags = edition.themes();
    this.themes = new int[themeTags.size()][];
    for (int i = 0; i < themes.length; i++) {
      themes[i] = TagFold.folded(themeTags.get(i));
    }
    this.retweetsMustCarryHashtag = b.retweetsMustCarryHashtag;
    this.missingHashtag = new Violation(Violation.Code.MISSING_HASHTAG,
        "does not carry #" + edition.hashtag() + " as a hashtag");
    this.unregisteredAuthor = new Violation(Violation.Code.UNREGISTERED_AUTHOR,
        "the author has no verified registration for edition " + edition.number());
    this.globalSpan = new ZoneWindow(schedule.globalSpan(), "edition " + edition.number() + "'s global span");
    this.lookup = b.lookup;
    this.byAccountId = new HashMap<>();
    this.byHandle = new HashMap<>();
    if (b.store != null) {
      load(b.store);
    }
  }

  /**
   * Starts building a checker; set the edition and one source of registrations.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the edition this checker checks against.
   *
   * @return the edition
   */
  public Edition edition() {
    return edition;
  }

  /**
   * Checks one tweet.
   *
   * @param tweet the tweet
   * @return the rules it breaks and its tags
   * @throws NullPointerException if {@code tweet} is null, or a {@link RegistrationLookup} returned
   *     null
   */
  public ComplianceResult check(Tweet tweet) {
    requireNonNull(tweet, "tweet");
    boolean retweet = tweet.isRetweet();

    String text = tweet.text();
    List<Hashtag> hashtags = tweet.hashtags();
    // A tweet whose entities were never extracted (the usual case for a tweet just read) is
    // answered from one pass over its text.
    ScanTweet scan = hashtags instanceof TextHashtags lazy && !lazy.extracted() ? lazy.scan() : null;
    int found = scan != null ? tagsCarried(text, scan) : tagsCarried(hashtags);
    boolean carries = (found & CARRIES) != 0;
    boolean theme = (found & THEME_TAG) != 0;

    Violation missing = carries || (retweet && !retweetsMustCarryHashtag) ? null : missingHashtag;
    ZoneWindow registered = registeredWindow(tweet);
    Violation outside = (registered != null ? registered : globalSpan).violationAt(tweet.createdAt());
    Violation unregistered = registered == null ? unregisteredAuthor : null;
    Violation tooLong = retweet ? null : tooLong(text, scan);

    List<Violation> violations = missing == null && outside == null && unregistered == null && tooLong == null
        ? List.of()
        : listOf(missing, outside, unregistered, tooLong);
    Set<ComplianceTag> tags = retweet ? (theme ? RETWEET_AND_THEME : RETWEET) : (theme ? THEME : NO_TAGS);
    return new ComplianceResult(tweet.id(), tweet.authorId(), tweet.authorHandle(), violations, tags);
  }

  /**
   * Checks a stream of tweets lazily, counting each result into a summary as it passes.
   *
   * <p>Nothing is held: each tweet is checked when the returned stream pulls it, and the summary
   * keeps counts only, so a whole edition of tweets can go through in constant memory. The summary
   * is complete once the returned stream has been consumed; every terminal operation that visits
   * every element counts every tweet, {@code count()} included. A short-circuiting operation
   * ({@code findFirst}, {@code limit}, ...) counts the tweets it pulled. The returned stream is
   * parallel if {@code tweets} is; the summary is thread-safe. Closing it closes {@code tweets}.
   *
   * @param tweets the tweets, consumed by this call's result
   * @param summary where to count the results; may already hold counts, which are added to
   * @return the results, in the order of {@code tweets} when that is ordered
   * @throws NullPointerException if an argument is null; a null tweet in the stream fails when it
   *     is reached
   */
  public Stream<ComplianceResult> checkAll(Stream<Tweet> tweets, ComplianceSummary summary) {
    requireNonNull(tweets, "tweets");
    requireNonNull(summary, "summary");
    // A spliterator rather than map(): map keeps SIZED, and count() on a SIZED stream skips the
    // elements, so the summary would stay empty.
    return StreamSupport.stream(new Results(tweets.spliterator(), summary), tweets.isParallel())
        .onClose(tweets::close);
  }

  private ComplianceResult checkAndCount(Tweet tweet, ComplianceSummary summary) {
    ComplianceResult result = check(tweet);
    summary.add(result);
    return result;
  }

  /** The window of the author's verified registration, or null when there is none. */
  private ZoneWindow registeredWindow(Tweet tweet) {
    if (lookup == null) {
      ZoneWindow w = byAccountId.get(tweet.authorId());
      if (w == null && !byHandle.isEmpty()) {
        Optional<TwitterHandle> handle = tweet.authorHandle();
        if (handle.isPresent()) {
          w = byHandle.get(handle.get().normalized());
        }
      }
      return w;
    }
    Optional<Registration> found = lookup.find(edition.number(), tweet.authorId(), tweet.authorHandle());
    requireNonNull(found, "registrationLookup returned null instead of Optional.empty()");
    if (found.isEmpty()) {
      return null;
    }
    Registration r = found.get();
    if (r.edition() != edition.number() || r.status() != RegistrationStatus.VERIFIED || !matches(r, tweet)) {
      return null;
    }
    return zoneWindow(r.zone());
  }

  /** Account id when the registration has one; else the handle. */
  private static boolean matches(Registration r, Tweet tweet) {
    Optional<String> accountId = r.accountId();
    if (accountId.isPresent()) {
      return accountId.get().equals(tweet.authorId());
    }
    Optional<TwitterHandle> handle = tweet.authorHandle();
    return handle.isPresent() && handle.get().equals(r.handle());
  }

  private void load(RegistrationStore store) {
    RegistrationQuery query = RegistrationQuery.of(edition.number()).withStatus(RegistrationStatus.VERIFIED);
    int offset = 0;
    while (true) {
      List<Registration> page = store.list(query, offset, PAGE_SIZE);
      for (Registration r : page) {
        if (r.edition() != edition.number() || r.status() != RegistrationStatus.VERIFIED) {
          continue; // a store that ignored a filter must not let an unverified account through
        }
        ZoneWindow w = zoneWindow(r.zone());
        if (r.accountId().isPresent()) {
          byAccountId.putIfAbsent(r.accountId().get(), w);
        } else {
          byHandle.putIfAbsent(r.handle().normalized(), w);
        }
      }
      if (page.size() < PAGE_SIZE) {
        return;
      }
      offset += page.size();
    }
  }

  private ZoneWindow zoneWindow(ZoneId zone) {
    ZoneWindow w = zones.get(zone);
    if (w == null) {
      w = zones.computeIfAbsent(zone, z -> new ZoneWindow(schedule.windowIn(z), "the author's window in " + z.getId()));
    }
    return w;
  }

  /**
   * Which of the edition's tags the tweet carries, {@link #CARRIES} and {@link #THEME_TAG} bits,
   * from the entities it holds, compared one by one.
   */
  private int tagsCarried(List<Hashtag> hashtags) {
    int found = 0;
    for (int i = 0, n = hashtags.size(); i < n; i++) {
      String tag = hashtags.get(i).tag();
      found = step(found, TagFold.matches(tag, 0, tag.length(), hashtag), isTheme(tag, 0, tag.length()));
      if (found == (themes.length == 0 ? CARRIES : CARRIES | THEME_TAG)) {
        break;
      }
    }
    return found;
  }

  /**
   * Which of the edition's tags a text carries, answered as {@link Hashtags#carries} answers: the
   * hash signs the scan found are matched and their tags compared in place, and the URLs, which
   * can only drop a tag, are looked for only when a tag matched and the text may hold one, and
   * only up to that tag.
   */
  private int tagsCarried(String text, ScanTweet scan) {
    int[] tags = scan.candidates(text);
    if (tags.length == 0) {
      return 0;
    }
    // Two bits per candidate (hashtag, theme), while they fit in a long; beyond 32 candidates the
    // entities are extracted and compared as usual.
    if (tags.length > 64) {
      return tagsCarried(Hashtags.extract(text));
    }
    long matched = 0;
    int last = -1;
    for (int t = 0; t < tags.length; t += 2) {
      boolean h = TagFold.matches(text, tags[t] + 1, tags[t + 1], hashtag);
      boolean th = !h && isTheme(text, tags[t] + 1, tags[t + 1]);
      if (h || th) {
        matched |= (h ? 1L : 2L) << t;
        last = t;
      }
    }
    if (last < 0) {
      return 0;
    }
    int[] urls = scan.mayHoldUrl() && mayBeInUrl(text, tags, matched, last) ? UrlScanner.urls(text, tags[last])
        : UrlScanner.NONE;
    boolean[] kept = ScanHashtags.keptBeside(tags, urls);
    int found = 0;
    for (int t = 0; t <= last; t += 2) {
      long bits = matched >>> t;
      if (kept[t / 2] && (bits & 3L) != 0) {
        found = step(found, (bits & 1L) != 0, (bits & 2L) != 0);
      }
    }
    return found;
  }

  /** Whether a URL could hold one of the matched tags' hash signs ({@link ScanHashtags#mayBeInUrl}). */
  private static boolean mayBeInUrl(String text, int[] tags, long matched, int last) {
    for (int t = 0; t <= last; t += 2) {
      if (((matched >>> t) & 3L) != 0 && ScanHashtags.mayBeInUrl(text, tags[t])) {
        return true;
      }
    }
    return false;
  }

  /**
   * Adds one kept entity to what was found, as a first match of the hashtag and then any theme.
   */
  private static int step(int found, boolean isHashtag, boolean isTheme) {
    if ((found & CARRIES) == 0 && isHashtag) {
      return found | CARRIES;
    }
    return isTheme ? found | THEME_TAG : found;
  }

  /** Whether {@code tag[from, to)} is one of the edition's themes. */
  private boolean isTheme(String tag, int from, int to) {
    for (int[] t : themes) {
      if (TagFold.matches(tag, from, to, t)) {
        return true;
      }
    }
    return false;
  }

  private static Violation tooLong(String text, ScanTweet scan) {
    int weighted = shortcutLength(text, scan != null ? scan : ScanTweet.of(text));
    if (weighted < 0) {
      weighted = TweetLength.weighted(text);
    }
    if (weighted <= TweetLength.MAX_WEIGHTED_LENGTH) {
      return null;
    }
    return new Violation(Violation.Code.TOO_LONG, "is " + weighted + " weighted characters long, over the limit of "
        + TweetLength.MAX_WEIGHTED_LENGTH);
  }

  /**
   * Whether a text's weighted length is certainly within the limit, without counting it: the cheap
   * upper bound of {@link ScanTweet} that lets most tweets skip {@link TweetLength#weighted(String)}.
   *
   * @param text the text
   * @return true only if its weighted length is certainly at most {@value TweetLength#MAX_WEIGHTED_LENGTH}
   */
  static boolean certainlyFits(String text) {
    return shortcutLength(text, ScanTweet.of(text)) == 0;
  }

  /**
   * What the length shortcut knows of a text's weighted length, without the full count: 0 when it
   * is certainly within the limit; the exact length when it is over the limit and no emoji sequence
   * could lower it; -1 when only the full count can tell.
   *
   * @param text the text
   * @param scan the text's scan
   * @return 0, a length over {@value TweetLength#MAX_WEIGHTED_LENGTH}, or -1
   */
  static int shortcutLength(String text, ScanTweet scan) {
    if (scan.certainlyFits()) {
      return 0;
    }
    String counted = text;
    ScanTweet s = scan;
    if (!scan.nfcInert()) {
      // Counted in NFC: a combining mark usually composes away, and the normal form then scans as
      // any text.
      counted = WeightNfc.nfc(text);
      if (counted.equals(text)) {
        return -1;
      }
      s = ScanTweet.of(counted);
      if (s.certainlyFits()) {
        return 0;
      }
    }
    int length = s.weightCountingUrls(counted);
    if (length < 0) {
      return -1;
    }
    if (length <= TweetLength.MAX_WEIGHTED_LENGTH) {
      return 0;
    }
    // Only emoji sequences could make the count lower than this, or a blank text count 0.
    return WeightEmoji.find(counted, 0) < 0 && !WeightCounter.isBlank(counted) ? length : -1;
  }

  private static List<Violation> listOf(Violation... maybe) {
    List<Violation> found = new ArrayList<>(maybe.length);
    for (Violation v : maybe) {
      if (v != null) {
        found.add(v);
      }
    }
    return List.copyOf(found);
  }

  /**
   * Finds a registration for the author of a tweet, for callers that keep registrations outside a
   * {@link RegistrationStore} or want every check to see the latest data. Called once per tweet
   * checked, from every thread that checks; it must be thread-safe if the checker is shared.
   *
   * <p>The checker accepts what it returns only if it is for the checker's edition, {@link
   * RegistrationStatus#VERIFIED VERIFIED}, and matches the author: by account id when the
   * registration has one, else by handle. So a lookup may simply return whatever it finds.
   */
  @FunctionalInterface
  public interface RegistrationLookup {
    /**
     * Finds the registration an author may have.
     *
     * @param edition the checker's edition number
     * @param authorId the tweet's author id
     * @param authorHandle the tweet's author handle, when the tweet had it
     * @return the registration, or empty; never null
     */
    Optional<Registration> find(int edition, String authorId, Optional<TwitterHandle> authorHandle);
  }

  /** Builds a {@link ComplianceChecker}. Each setter validates at once. Not thread-safe. */
  public static final class Builder {
    private Edition edition;
    private Schedule schedule;
    private RegistrationStore store;
    private RegistrationLookup lookup;
    private boolean retweetsMustCarryHashtag;

    private Builder() {}

    /**
     * Sets the edition to check against. It must have a date: an edition without one ({@link
     * EditionStatus#DATE_TBD}, or cancelled while its date was to be decided) has no windows, so
     * no tweet could be placed in or out of one. A cancelled or completed edition with a date can
     * be checked.
     *
     * @param edition the edition
     * @return this builder
     * @throws NullPointerException if {@code edition} is null
     * @throws InvalidEditionException (field {@code date}) if the edition has no date
     */
    public Builder edition(Edition edition) {
      requireNonNull(edition, "edition");
      this.schedule = Schedule.of(edition);
      this.edition = edition;
      return this;
    }

    /**
     * Reads the edition's verified registrations from a store, once, when {@link #build()} runs.
     *
     * @param store the store
     * @return this builder
     * @throws NullPointerException if {@code store} is null
     */
    public Builder registrations(RegistrationStore store) {
      this.store = requireNonNull(store, "store");
      return this;
    }

    /**
     * Finds registrations with a lookup, once per tweet checked, instead of a store snapshot.
     *
     * @param lookup the lookup
     * @return this builder
     * @throws NullPointerException if {@code lookup} is null
     */
    public Builder registrationLookup(RegistrationLookup lookup) {
      this.lookup = requireNonNull(lookup, "lookup");
      return this;
    }

    /**
     * Sets whether a retweet must carry the hashtag in its own text. Off by default: the API cuts a
     * long retweet's text short, which may cut the hashtag off; see the class description.
     *
     * @param required true to report retweets whose text does not carry the hashtag
     * @return this builder
     */
    public Builder retweetsMustCarryHashtag(boolean required) {
      this.retweetsMustCarryHashtag = required;
      return this;
    }

    /**
     * Builds the checker, reading the registrations from the store if one was given.
     *
     * @return the checker
     * @throws RuntimeException whatever the store's {@code list} throws while the registrations
     *     are read
     * @throws IllegalStateException if the edition is not set, or not exactly one of {@link
     *     #registrations(RegistrationStore)} and {@link #registrationLookup(RegistrationLookup)} was
     *     set
     */
    public ComplianceChecker build() {
      if (edition == null) {
        throw new IllegalStateException("edition: is required");
      }
      if (store == null && lookup == null) {
        throw new IllegalStateException("registrations: set a store or a registrationLookup");
      }
      if (store != null && lookup != null) {
        throw new IllegalStateException("registrations: set a store or a registrationLookup, not both");
      }
      return new ComplianceChecker(this);
    }
  }

  /** One window and the two ways of falling outside it, as shared violations. */
  private static final class ZoneWindow {
    private final Instant start;
    private final Instant end;
    private final Violation before;
    private final Violation after;

    ZoneWindow(Window window, String what) {
      this.start = window.start();
      this.end = window.end();
      this.before = new Violation(Violation.Code.OUTSIDE_WINDOW,
          "posted before " + what + " opened; it is " + window);
      this.after = new Violation(Violation.Code.OUTSIDE_WINDOW,
          "posted at or after " + what + " closed; it is " + window);
    }

    /** Null inside {@code [start, end)}, else the violation. */
    Violation violationAt(Instant t) {
      if (t.isBefore(start)) {
        return before;
      }
      return t.isBefore(end) ? null : after;
    }
  }

  /** Checks each tweet as it is pulled; never SIZED, so that no terminal operation skips the checks. */
  private final class Results implements Spliterator<ComplianceResult> {
    private final Spliterator<Tweet> source;
    private final ComplianceSummary summary;

    Results(Spliterator<Tweet> source, ComplianceSummary summary) {
      this.source = source;
      this.summary = summary;
    }

    @Override
    public boolean tryAdvance(Consumer<? super ComplianceResult> action) {
      return source.tryAdvance(t -> action.accept(checkAndCount(t, summary)));
    }

    @Override
    public void forEachRemaining(Consumer<? super ComplianceResult> action) {
      source.forEachRemaining(t -> action.accept(checkAndCount(t, summary)));
    }

    @Override
    public Spliterator<ComplianceResult> trySplit() {
      Spliterator<Tweet> split = source.trySplit();
      return split == null ? null : new Results(split, summary);
    }

    @Override
    public long estimateSize() {
      return source.estimateSize();
    }

    @Override
    public int characteristics() {
      return (source.characteristics() & (ORDERED | CONCURRENT)) | NONNULL;
    }
  }
}
