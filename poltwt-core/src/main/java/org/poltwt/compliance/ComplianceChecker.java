package org.poltwt.compliance;

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
import org.poltwt.event.Edition;
import org.poltwt.event.EditionStatus;
import org.poltwt.event.InvalidEditionException;
import org.poltwt.event.Schedule;
import org.poltwt.event.Window;
import org.poltwt.internal.text.EventTags;
import org.poltwt.internal.text.ScannedHashtags;
import org.poltwt.internal.text.TextScan;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.spi.RegistrationQuery;
import org.poltwt.spi.RegistrationStore;
import org.poltwt.tweet.Hashtag;
import org.poltwt.tweet.Hashtags;
import org.poltwt.tweet.Tweet;
import org.poltwt.tweet.TweetLength;

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
 *       code point). So {@code #poltwt2015}, {@code x#poltwt} and {@code
 *       https://example.com/#poltwt} do not carry it and {@code ＃PolTwt} does. The entities already
 *       in the {@link Tweet} are used: the text is not scanned a second time.
 *   <li>{@link Violation.Code#OUTSIDE_WINDOW OUTSIDE_WINDOW}: posted outside the author's own
 *       window, {@code Schedule.of(edition).windowIn(zone)} for the zone of the author's
 *       registration, which is half-open: posted at its end is outside. An author without a
 *       verified registration has no zone, so for them the window is the edition's {@linkplain
 *       Schedule#globalSpan() global span}.
 *   <li>{@link Violation.Code#UNREGISTERED_AUTHOR UNREGISTERED_AUTHOR}: the author has no {@link
 *       RegistrationStatus#VERIFIED VERIFIED} registration for the edition. A registration with a
 *       Twitter account id matches a tweet whose author id equals it, whatever the handle is now
 *       (the account may have been renamed, and its old handle may now belong to someone else). A
 *       registration without an account id matches by handle, case-insensitively.
 *   <li>{@link Violation.Code#TOO_LONG TOO_LONG}: the {@linkplain TweetLength#weighted(String)
 *       weighted length} of the text X counted ({@link Tweet#countedText()}, else the whole text)
 *       is over {@value TweetLength#MAX_WEIGHTED_LENGTH}. A tweet is a published post, so its
 *       length is the one X counted when it published it: for a post read from the X API the reader
 *       has taken off what X did not count (escaped HTML entities, a reply's leading mentions,
 *       links appended for media or a quoted post), and a {@linkplain Tweet#longPost() long post}
 *       is never too long. A text not yet posted is a draft: check it with {@link
 *       #checkDraft(String)}, which counts the text exactly as written. A text whose code points'
 *       weights, plus 19 for every dot that could begin a URL's TLD, stay within the limit skips
 *       the exact count, which gives the same verdict.
 * </ul>
 *
 * <p>Tags: {@link ComplianceTag#RETWEET} for a {@linkplain Tweet#isRetweet() retweet}, {@link
 * ComplianceTag#THEME} for a tweet carrying one of the edition's theme hashtags, and {@link
 * ComplianceTag#CARRIES_HASHTAG} for a tweet whose hashtags carry the edition's hashtag, retweets
 * included (a retweet's hashtags are the retweeted post's when the tweet has them). So every tweet
 * checked is exactly one of: tagged {@code CARRIES_HASHTAG}; reported {@code MISSING_HASHTAG}; or a
 * retweet exempt from the rule that does not carry it.
 *
 * <p><b>Retweets.</b> A retweet's text, as the X API gives it, is {@code "RT @user: "} and the
 * original text, cut short when it does not fit: the retweeter wrote none of it, and the hashtag
 * the original carried may have been cut off. So by default a retweet is not checked for {@code
 * MISSING_HASHTAG} nor for {@code TOO_LONG}; the original tweet is checked on its own when it is
 * harvested. It is checked for its window and its author, since retweeting is something the
 * retweeter does at a time of their own. {@link Builder#retweetsMustCarryHashtag(boolean)} turns
 * the hashtag check on for retweets, accepting that a truncated text may then be reported.
 *
 * <p><b>Registrations are a snapshot.</b> Built with {@link
 * Builder#registrations(RegistrationStore)}, the checker reads the edition's verified registrations
 * once, in {@link Builder#build()}, into hash maps by account id and by handle, and computes each
 * distinct zone's window once; checking a tweet never calls the store. A registration verified or
 * withdrawn later is not seen: build a new checker to see it. Callers that keep registrations
 * elsewhere pass a {@link RegistrationLookup} instead, which is called once per tweet.
 *
 * <p>Instances are immutable and thread-safe (provided the lookup, if any, is), and {@link
 * #check(Tweet)} allocates little: a compliant tweet's result shares its empty violation list and
 * its tag set with every other result; outside-window and unregistered violations are shared
 * instances computed when the checker is built.
 */
public final class ComplianceChecker {
  /** How many registrations to read from the store per page. */
  static final int PAGE_SIZE = 1_000;

  private static final int TAG_RETWEET = 1;
  private static final int TAG_THEME = 2;
  private static final int TAG_CARRIES = 4;

  /**
   * Every combination of the three tags, indexed by {@code TAG_*} bits, built once so that {@link
   * #check(Tweet)} never allocates a tag set.
   */
  private static final List<Set<ComplianceTag>> TAG_SETS = tagSets();

  private final Edition edition;
  private final Schedule schedule;
  private final EventTags tags;
  private final boolean retweetsMustCarryHashtag;
  private final Map<String, ZoneWindow> byAccountId;
  private final Map<String, ZoneWindow> byHandle;
  private final RegistrationLookup lookup;
  private final ConcurrentMap<ZoneId, ZoneWindow> zones = new ConcurrentHashMap<>();

  /**
   * Built on first use: the global span asks the schedule for every zone's window, which only
   * tweets by unregistered authors need (a CLI check of a few tweets would pay for it at start).
   */
  private volatile ZoneWindow globalSpan;

  private final Violation missingHashtag;
  private final Violation unregisteredAuthor;

  private ComplianceChecker(Builder b) {
    this.edition = b.edition;
    this.schedule = b.schedule;
    this.tags = EventTags.of(edition.hashtag(), edition.themes());
    this.retweetsMustCarryHashtag = b.retweetsMustCarryHashtag;
    this.missingHashtag =
        new Violation(
            Violation.Code.MISSING_HASHTAG,
            "does not carry #" + edition.hashtag() + " as a hashtag");
    this.unregisteredAuthor =
        new Violation(
            Violation.Code.UNREGISTERED_AUTHOR,
            "the author has no verified registration for edition " + edition.number());
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
    TextScan scan =
        hashtags instanceof ScannedHashtags<?> lazy && !lazy.extracted() ? lazy.scan() : null;
    int found = scan != null ? tags.carriedBy(text, scan) : carriedBy(hashtags);
    boolean carries = (found & EventTags.HASHTAG) != 0;
    boolean theme = (found & EventTags.THEME) != 0;

    Violation missing = carries || (retweet && !retweetsMustCarryHashtag) ? null : missingHashtag;
    ZoneWindow registered = registeredWindow(tweet);
    Violation outside =
        (registered != null ? registered : globalSpan()).violationAt(tweet.createdAt());
    Violation unregistered = registered == null ? unregisteredAuthor : null;
    Violation tooLong = retweet || tweet.longPost() ? null : tooLongAsPublished(tweet, scan);

    List<Violation> violations =
        missing == null && outside == null && unregistered == null && tooLong == null
            ? List.of()
            : listOf(missing, outside, unregistered, tooLong);
    Set<ComplianceTag> tagged =
        TAG_SETS.get(
            (retweet ? TAG_RETWEET : 0) | (theme ? TAG_THEME : 0) | (carries ? TAG_CARRIES : 0));
    return new ComplianceResult(
        tweet.id(), tweet.authorId(), tweet.authorHandle(), violations, tagged);
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

  private ZoneWindow globalSpan() {
    ZoneWindow w = globalSpan;
    if (w == null) {
      // A race builds two equal windows; either may be kept.
      w = new ZoneWindow(schedule.globalSpan(), "edition " + edition.number() + "'s global span");
      globalSpan = w;
    }
    return w;
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
    Optional<Registration> found =
        lookup.find(edition.number(), tweet.authorId(), tweet.authorHandle());
    requireNonNull(found, "registrationLookup returned null instead of Optional.empty()");
    if (found.isEmpty()) {
      return null;
    }
    Registration r = found.get();
    if (r.edition() != edition.number()
        || r.status() != RegistrationStatus.VERIFIED
        || !matches(r, tweet)) {
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
    RegistrationQuery query =
        RegistrationQuery.of(edition.number()).withStatus(RegistrationStatus.VERIFIED);
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
      w =
          zones.computeIfAbsent(
              zone,
              z -> new ZoneWindow(schedule.windowIn(z), "the author's window in " + z.getId()));
    }
    return w;
  }

  private static List<Set<ComplianceTag>> tagSets() {
    List<Set<ComplianceTag>> sets = new ArrayList<>(8);
    for (int bits = 0; bits < 8; bits++) {
      List<ComplianceTag> tags = new ArrayList<>(3);
      if ((bits & TAG_RETWEET) != 0) {
        tags.add(ComplianceTag.RETWEET);
      }
      if ((bits & TAG_THEME) != 0) {
        tags.add(ComplianceTag.THEME);
      }
      if ((bits & TAG_CARRIES) != 0) {
        tags.add(ComplianceTag.CARRIES_HASHTAG);
      }
      sets.add(Set.copyOf(tags));
    }
    return List.copyOf(sets);
  }

  /**
   * Which of the edition's tags the tweet's entities carry, compared one by one in place (a tweet
   * read from the API holds the API's own entities, so this is a common path: nothing is copied).
   */
  private int carriedBy(List<Hashtag> hashtags) {
    int found = 0;
    for (int i = 0, n = hashtags.size(); i < n && !tags.complete(found); i++) {
      found = tags.with(found, hashtags.get(i).tag());
    }
    return found;
  }

  /**
   * Checks a draft: text not yet posted, such as {@link org.poltwt.tweet.compose.TweetComposer}'s
   * output or a text an officer is about to send. The text is counted exactly as it is written,
   * since that is what X will count when it is posted: {@link Violation.Code#MISSING_HASHTAG} if it
   * does not carry the edition's hashtag, {@link Violation.Code#TOO_LONG} if its {@linkplain
   * TweetLength#weighted(String) weighted length} is over {@value TweetLength#MAX_WEIGHTED_LENGTH}.
   * A draft has no author or time yet, so neither window nor registration is checked; a draft that
   * is meant to be a long post is not a draft of a tweet and should not be checked here.
   *
   * @param text the text to be posted
   * @return the rules it breaks, in {@link Violation.Code} order; empty if none
   * @throws NullPointerException if {@code text} is null
   */
  public List<Violation> checkDraft(String text) {
    requireNonNull(text, "text");
    TextScan scan = TextScan.of(text);
    boolean carries = (tags.carriedBy(text, scan) & EventTags.HASHTAG) != 0;
    Violation tooLong = tooLong(text, scan);
    return carries && tooLong == null
        ? List.of()
        : listOf(carries ? null : missingHashtag, tooLong);
  }

  /**
   * A published post is too long only if the part of its text X counted is: see {@link
   * Tweet#countedText()}. The text's scan is used when the whole text counted.
   */
  private static Violation tooLongAsPublished(Tweet tweet, TextScan scan) {
    Optional<String> counted = tweet.countedText();
    return counted.isPresent() ? tooLong(counted.get(), null) : tooLong(tweet.text(), scan);
  }

  private static Violation tooLong(String text, TextScan scan) {
    int weighted = TextScan.lengthOverLimit(text, scan);
    if (weighted == 0) {
      return null;
    }
    return new Violation(
        Violation.Code.TOO_LONG,
        "is "
            + weighted
            + " weighted characters long, over the limit of "
            + TweetLength.MAX_WEIGHTED_LENGTH);
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
     * EditionStatus#DATE_TBD}, or cancelled while its date was to be decided) has no windows, so no
     * tweet could be placed in or out of one. A cancelled or completed edition with a date can be
     * checked.
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
     * @throws RuntimeException whatever the store's {@code list} throws while the registrations are
     *     read
     * @throws IllegalStateException if the edition is not set, or not exactly one of {@link
     *     #registrations(RegistrationStore)} and {@link #registrationLookup(RegistrationLookup)}
     *     was set
     */
    public ComplianceChecker build() {
      if (edition == null) {
        throw new IllegalStateException("edition: is required");
      }
      if (store == null && lookup == null) {
        throw new IllegalStateException("registrations: set a store or a registrationLookup");
      }
      if (store != null && lookup != null) {
        throw new IllegalStateException(
            "registrations: set a store or a registrationLookup, not both");
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
      this.before =
          new Violation(
              Violation.Code.OUTSIDE_WINDOW, "posted before " + what + " opened; it is " + window);
      this.after =
          new Violation(
              Violation.Code.OUTSIDE_WINDOW,
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

  /**
   * Checks each tweet as it is pulled; never SIZED, so that no terminal operation skips the checks.
   */
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
