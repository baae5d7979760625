package org.poltwt.report;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collector;
import java.util.stream.Stream;
import org.poltwt.compliance.ComplianceChecker;
import org.poltwt.compliance.ComplianceResult;
import org.poltwt.compliance.ComplianceTag;
import org.poltwt.compliance.Violation;
import org.poltwt.event.Edition;
import org.poltwt.event.Window;
import org.poltwt.registration.AgencyLevel;
import org.poltwt.registration.ParticipationModel;
import org.poltwt.registration.Registration;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.tweet.Tweet;

/**
 * The wrap-up of an edition: the figures organisers publish once it is over.
 *
 * <pre>{@code
 * ComplianceChecker checker = ComplianceChecker.builder().edition(fifth).registrations(store).build();
 * WrapUp wrapUp;
 * try (TweetReader tweets = TweetReader.of(Files.newInputStream(tweetsFile))) {
 *   wrapUp = WrapUp.of(checker, registrations, tweets.stream());   // the same registrations as the store's
 * }
 * String summary = wrapUp.toMarkdown();
 * Map<String, String> tables = wrapUp.toCsv();                       // table name -> CSV text
 * String json = new ObjectMapper().registerModule(new PoltwtModule()).writeValueAsString(wrapUp);
 * }</pre>
 *
 * <p><b>One pass, bounded memory.</b> An {@link Accumulator} looks at each tweet once and keeps
 * counts only: its memory grows with the distinct authors, languages, source apps and hashtags,
 * never with the number of tweets. The caller removes duplicate tweets, if their source has any:
 * telling them apart would mean remembering every tweet id.
 *
 * <p><b>Edited posts.</b> An edited post is counted once, as its latest version: a tweet whose
 * {@linkplain Tweet#editHistory() edit history} names a later version of it ({@link
 * Tweet#latestVersion()} false) is not counted, only tallied in {@link #olderVersions()}, so that
 * the older and the latest version of one post (which share a {@linkplain Tweet#postId() post id})
 * are not counted twice. This needs no memory of the ids seen, but it means that when only an older
 * version is in the input (the harvest got the post before it was edited and the X API later
 * answered with the full history, or the latest version was left out), that post is not counted at
 * all: its tweets, compliance and hashtags are missing from the figures and it shows only in {@link
 * #olderVersions()}. An older version read before the post was edited names no later version, so it
 * counts as the post, as it was then. A version that is the latest counts as any tweet does,
 * whatever the earlier versions said.
 *
 * <p><b>Exact merge.</b> Every count is kept whole, the per-account and per-hashtag ones included
 * (the exports show the top ones), so {@link #merge(WrapUp)} of the wrap-ups of the parts of a
 * stream equals the wrap-up of the whole stream, in whatever order and grouping the parts are
 * merged: editions can be counted in parallel or incrementally.
 *
 * <p><b>What is counted how.</b>
 *
 * <ul>
 *   <li>Registrations: only the edition's {@link
 *       org.poltwt.registration.RegistrationStatus#VERIFIED VERIFIED} registrations among those
 *       given count. A tweet's author matches one as {@link ComplianceChecker} matches them: by
 *       account id when the registration has one, else by handle, case-insensitively. Per-country,
 *       agency-level and participation-model figures are about registered accounts; tweets by
 *       unregistered authors are counted in {@link Totals#unregisteredTweets()} instead.
 *   <li>Compliance figures come from the {@link ComplianceResult}s as given; the registration
 *       figures from the registrations given here. Give both the same registrations. A tweet
 *       carries the hashtag when its result is tagged {@link ComplianceTag#CARRIES_HASHTAG} (for a
 *       retweet, when the retweeted post carries it); a retweet that does not carry it and was not
 *       required to is counted in {@link ComplianceCounts#exemptFromHashtag()}, not as carrying it.
 *   <li>A tweet without a language counts under {@value #UNKNOWN_LANGUAGE}, one without a source
 *       app under {@value #UNKNOWN_SOURCE}.
 *   <li>Hours: {@link #utcHours()} are the hours of the edition's global span, from its start;
 *       {@link #localHours()} are the 24 hours of each registered author's own window, for their
 *       tweets inside it. Local hour 0 begins at the edition's local start time on the author's
 *       wall clock (so on a daylight-saving day, the repeated hour counts twice into one hour and
 *       the skipped hour stays empty).
 *   <li>Hashtags: each tweet counts once per distinct hashtag (compared as {@link
 *       org.poltwt.tweet.Hashtags} compares them), the edition's own hashtag left out.
 * </ul>
 *
 * <p>Immutable and thread-safe, with value equality. Nothing in it, its exports or its {@link
 * #toString()} is personal: handles and account ids, never an email or a name.
 */
public final class WrapUp {
  /**
   * How many accounts and hashtags {@link #toCsv()}, {@link #toMarkdown()} and the JSON form show.
   */
  public static final int DEFAULT_TOP = 20;

  /** The language key of tweets without one: BCP 47's "undetermined". */
  public static final String UNKNOWN_LANGUAGE = "und";

  /**
   * The source key of tweets from before {@link #SOURCE_REMOVED} that do not say which app they
   * were sent from.
   */
  public static final String UNKNOWN_SOURCE = "(unknown)";

  /**
   * When the X API stopped giving a post's {@code source} (2022-12-20, UTC). A tweet created since
   * without a source is not counted under an app at all but in {@link #sourcesNotProvided()}: the
   * figure is not available, which is not the same as an unknown app.
   */
  public static final Instant SOURCE_REMOVED = Instant.parse("2022-12-20T00:00:00Z");

  private static final Comparator<Map.Entry<String, Long>> BY_COUNT =
      Map.Entry.<String, Long>comparingByValue()
          .reversed()
          .thenComparing(Map.Entry.comparingByKey());

  /** A copy of the accumulator's counts, never changed: everything below is derived from it. */
  private final RawCounts counts;

  private final Roster roster;

  private final Map<String, Long> languages;
  private final Map<String, Long> sources;
  private final Totals totals;
  private final ComplianceCounts compliance;
  private final Map<String, Tally> countries;
  private final Map<AgencyLevel, Tally> agencyLevels;
  private final Map<ParticipationModel, Tally> participationModels;
  private final List<AccountCount> accounts;
  private final List<TagCount> hashtags;
  private final HourCounts utcHours;
  private final List<Long> localHours;

  /** Takes counts that nothing else holds: the wrap-up's immutability rests on that. */
  private WrapUp(RawCounts counts) {
    this.counts = counts;
    roster = counts.roster;
    languages = sortedByCount(counts.languages);
    sources = sortedByCount(counts.sources);
    totals = computeTotals();
    compliance = ComplianceCounts.from(counts.compliance);
    countries = tallies(acc -> acc.country());
    agencyLevels = enumTallies(AgencyLevel.class, Roster.Account::agencyLevel);
    participationModels = enumTallies(ParticipationModel.class, Roster.Account::participationModel);
    accounts = accountCounts();
    hashtags = tagCounts();
    utcHours = new HourCounts(roster.span.start(), boxed(counts.utc), counts.before, counts.after);
    localHours = boxed(counts.local);
  }

  /**
   * Starts counting an edition's tweets.
   *
   * @param edition the edition, with a date (its global span sets the UTC hours)
   * @param registrations the edition's registrations; those not {@code VERIFIED} or of another
   *     edition are left out, so a store's whole list may be given
   * @return an empty accumulator
   * @throws NullPointerException if an argument is null or {@code registrations} holds null
   * @throws org.poltwt.event.InvalidEditionException (field {@code date}) if the edition has no
   *     date
   */
  public static Accumulator accumulator(Edition edition, Collection<Registration> registrations) {
    return new Accumulator(Roster.of(edition, registrations));
  }

  /**
   * Returns a collector that checks each tweet with a checker and counts it; it works on parallel
   * streams, merging the partial counts exactly.
   *
   * @param checker the checker, whose edition is the wrap-up's
   * @param registrations the edition's registrations, as for {@link #accumulator(Edition,
   *     Collection)}; the same ones the checker was built from
   * @return the collector
   * @throws NullPointerException if an argument is null or {@code registrations} holds null
   */
  public static Collector<Tweet, Accumulator, WrapUp> collector(
      ComplianceChecker checker, Collection<Registration> registrations) {
    requireNonNull(checker, "checker");
    Roster roster = Roster.of(checker.edition(), registrations);
    return Collector.of(
        () -> new Accumulator(roster),
        (acc, tweet) -> {
          if (tweet.latestVersion()) {
            acc.add(tweet, checker.check(tweet));
          } else {
            acc.counts.olderVersions++; // no need to check what is not counted
          }
        },
        Accumulator::merge,
        Accumulator::result);
  }

  /**
   * Checks and counts a stream of tweets in one pass. The stream is consumed, not closed.
   *
   * @param checker the checker, whose edition is the wrap-up's
   * @param registrations the edition's registrations, as for {@link #accumulator(Edition,
   *     Collection)}
   * @param tweets the tweets; may be parallel
   * @return the wrap-up
   * @throws NullPointerException if an argument is null, or a tweet in the stream is
   */
  public static WrapUp of(
      ComplianceChecker checker, Collection<Registration> registrations, Stream<Tweet> tweets) {
    requireNonNull(tweets, "tweets");
    return tweets.collect(collector(checker, registrations));
  }

  /**
   * Returns the wrap-up of both this one's tweets and another's: exactly what one pass over both
   * streams would give.
   *
   * @param other the other wrap-up, of the same edition and the same verified registrations
   * @return the merged wrap-up
   * @throws NullPointerException if {@code other} is null
   * @throws IllegalArgumentException if the other is of another edition or other registrations
   */
  public WrapUp merge(WrapUp other) {
    requireNonNull(other, "other");
    return toAccumulator().addAll(other).result();
  }

  /**
   * Returns an accumulator that starts from this wrap-up's counts, to go on counting more tweets.
   *
   * @return a new accumulator holding these counts
   */
  public Accumulator toAccumulator() {
    return new Accumulator(roster).addAll(this);
  }

  /**
   * Returns the edition.
   *
   * @return the edition
   */
  public Edition edition() {
    return roster.edition;
  }

  /**
   * Returns the edition's global span, whose hours {@link #utcHours()} counts.
   *
   * @return the span
   */
  public Window globalSpan() {
    return roster.span;
  }

  /**
   * Returns the headline counts.
   *
   * @return the totals
   */
  public Totals totals() {
    return totals;
  }

  /**
   * Returns how the tweets fared against the rules.
   *
   * @return the compliance counts
   */
  public ComplianceCounts compliance() {
    return compliance;
  }

  private Totals computeTotals() {
    long[] byAccount = counts.byAccount;
    long registeredTweets = 0;
    long active = 0;
    for (long n : byAccount) {
      registeredTweets += n;
      active += n > 0 ? 1 : 0;
    }
    long registeredAuthors = 0;
    for (RawCounts.AuthorSlot a : counts.authors.values()) {
      registeredAuthors += a.account >= 0 ? 1 : 0;
    }
    long tweets = counts.tweets;
    long authors = counts.authors.size();
    return new Totals(
        tweets,
        tweets - counts.retweets,
        counts.retweets,
        counts.quotes,
        counts.replies,
        authors,
        registeredAuthors,
        authors - registeredAuthors,
        registeredTweets,
        tweets - registeredTweets,
        byAccount.length,
        active,
        byAccount.length - active);
  }

  /**
   * Returns the tweets per language.
   *
   * @return language tag to tweets, most tweets first (then by tag); {@value #UNKNOWN_LANGUAGE} for
   *     tweets without a language
   */
  public Map<String, Long> languages() {
    return languages;
  }

  /**
   * Returns the tweets per source app.
   *
   * @return app name to tweets, most tweets first (then by name); {@value #UNKNOWN_SOURCE} for
   *     tweets from before {@link #SOURCE_REMOVED} without a source. Tweets the X API gave no
   *     source for because it no longer gives one are not here: see {@link #sourcesNotProvided()}
   */
  public Map<String, Long> sources() {
    return sources;
  }

  /**
   * Returns how many tweets, created since {@link #SOURCE_REMOVED}, carry no source app because the
   * X API no longer provides one. A wrap-up of a recent edition has every tweet here and no app at
   * all: the apps used are not available, rather than unknown.
   *
   * @return the tweets whose app the X API did not provide
   */
  public long sourcesNotProvided() {
    return counts.sourcesNotProvided;
  }

  /**
   * Returns how many tweets were left out because they are older versions of an edited post: their
   * edit history names a later version. They are in no other figure; see the class description for
   * what that means when the later version is not in the input.
   *
   * @return the older versions left out
   */
  public long olderVersions() {
    return counts.olderVersions;
  }

  /**
   * Returns the registered accounts and their tweets per country.
   *
   * @return ISO 3166-1 alpha-2 code to tally, for every country with a verified registration, most
   *     tweets first (then by code)
   */
  public Map<String, Tally> countries() {
    return countries;
  }

  /**
   * Returns the registered accounts and their tweets per agency level.
   *
   * @return every level, in enum order, zeros included
   */
  public Map<AgencyLevel, Tally> agencyLevels() {
    return agencyLevels;
  }

  /**
   * Returns the registered accounts and their tweets per participation model.
   *
   * @return every model, in enum order, zeros included
   */
  public Map<ParticipationModel, Tally> participationModels() {
    return participationModels;
  }

  /**
   * Returns every account that tweeted, with its tweets.
   *
   * @return most tweets first, then by handle (case-insensitively), then by account id
   */
  public List<AccountCount> accounts() {
    return accounts;
  }

  /**
   * Returns the accounts with the most tweets.
   *
   * @param n how many, at least 0
   * @return the first {@code n} of {@link #accounts()}, or all if there are fewer
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public List<AccountCount> topAccounts(int n) {
    return top(accounts, n);
  }

  /**
   * Returns every hashtag the tweets carry beside the edition's own, with its tweets.
   *
   * @return most tweets first, then by the tag's case-folded form
   */
  public List<TagCount> hashtags() {
    return hashtags;
  }

  /**
   * Returns the hashtags carried by the most tweets beside the edition's own.
   *
   * @param n how many, at least 0
   * @return the first {@code n} of {@link #hashtags()}, or all if there are fewer
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public List<TagCount> topHashtags(int n) {
    return top(hashtags, n);
  }

  /**
   * Returns the tweets per UTC hour of the global span, and those before and after it.
   *
   * @return the hour counts
   */
  public HourCounts utcHours() {
    return utcHours;
  }

  /**
   * Returns the tweets per hour of their registered author's own window, for tweets inside it: the
   * follow-the-sun wave seen from each zone's clock.
   *
   * @return 24 counts, hour 0 beginning at the edition's local start time
   */
  public List<Long> localHours() {
    return localHours;
  }

  /**
   * Returns the wrap-up as CSV tables, showing the top {@value #DEFAULT_TOP} accounts and hashtags.
   *
   * @return table name to CSV text; see {@link #toCsv(int)}
   */
  public Map<String, String> toCsv() {
    return toCsv(DEFAULT_TOP);
  }

  /**
   * Returns the wrap-up as CSV tables (RFC 4180: a header row, CRLF line ends, fields with a comma,
   * quote or line break quoted). A text field that a spreadsheet would take for a formula (it
   * begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return) is prefixed
   * with {@code '}. Percentages are numbers with one decimal, rounded half up, empty when there is
   * nothing to divide by.
   *
   * <p>Tables: {@code totals}, {@code compliance}, {@code violations}, {@code languages}, {@code
   * sources}, {@code countries}, {@code agency_levels}, {@code participation_models}, {@code
   * accounts} (top {@code top}), {@code hashtags} (top {@code top}), {@code utc_hours}, {@code
   * local_hours}.
   *
   * @param top how many accounts and hashtags to show, at least 0
   * @return table name to CSV text, in the order above
   * @throws IllegalArgumentException if {@code top} is negative
   */
  public Map<String, String> toCsv(int top) {
    return CsvTables.of(this, checkTop(top));
  }

  /**
   * Returns a Markdown summary, showing the top {@value #DEFAULT_TOP} of each list.
   *
   * @return the summary; see {@link #toMarkdown(int)}
   */
  public String toMarkdown() {
    return toMarkdown(DEFAULT_TOP);
  }

  /**
   * Returns a Markdown summary: the headline figures, compliance, then tables of languages, source
   * apps, countries, agency levels, participation models, top accounts, top hashtags, and tweets
   * per UTC and per local hour. Text from tweets (source app names, hashtags) is escaped, so it
   * cannot add markup or HTML. Percentages have one decimal, rounded half up, and never round a
   * part to 0% or 100% that is not.
   *
   * @param top how many languages, sources, accounts and hashtags to show, at least 0
   * @return the summary
   * @throws IllegalArgumentException if {@code top} is negative
   */
  public String toMarkdown(int top) {
    return MarkdownSummary.of(this, checkTop(top));
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof WrapUp)) {
      return false;
    }
    return counts.sameAs(((WrapUp) o).counts);
  }

  @Override
  public int hashCode() {
    return counts.hash();
  }

  /**
   * Returns the edition and the headline counts.
   *
   * @return for example {@code "WrapUp{edition=5, tweets=10, retweets=2, authors=4, ...}"}
   */
  @Override
  public String toString() {
    return "WrapUp{edition="
        + roster.edition.number()
        + ", tweets="
        + totals.tweets()
        + ", retweets="
        + totals.retweets()
        + ", authors="
        + totals.authors()
        + ", activeAccounts="
        + totals.activeAccounts()
        + "/"
        + totals.registeredAccounts()
        + ", compliant="
        + compliance.compliant()
        + ", languages="
        + languages.size()
        + ", sources="
        + sources.size()
        + ", hashtags="
        + hashtags.size()
        + "}";
  }

  private Map<String, Tally> tallies(Function<Roster.Account, String> key) {
    long[] byAccount = counts.byAccount;
    Map<String, long[]> sums = new HashMap<>();
    for (int i = 0; i < byAccount.length; i++) {
      long[] s = sums.computeIfAbsent(key.apply(roster.accounts.get(i)), k -> new long[3]);
      add(s, byAccount[i]);
    }
    List<Map.Entry<String, long[]>> entries = new ArrayList<>(sums.entrySet());
    entries.sort(
        Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[2])
            .thenComparing(Map.Entry::getKey));
    Map<String, Tally> out = new LinkedHashMap<>();
    for (Map.Entry<String, long[]> e : entries) {
      out.put(e.getKey(), tally(e.getValue()));
    }
    return Collections.unmodifiableMap(out);
  }

  private <E extends Enum<E>> Map<E, Tally> enumTallies(
      Class<E> type, Function<Roster.Account, E> key) {
    long[] byAccount = counts.byAccount;
    E[] values = type.getEnumConstants();
    long[][] sums = new long[values.length][3];
    for (int i = 0; i < byAccount.length; i++) {
      add(sums[key.apply(roster.accounts.get(i)).ordinal()], byAccount[i]);
    }
    Map<E, Tally> out = new EnumMap<>(type);
    for (E v : values) {
      out.put(v, tally(sums[v.ordinal()]));
    }
    return Collections.unmodifiableMap(out);
  }

  private static void add(long[] sum, long accountTweets) {
    sum[0]++;
    sum[1] += accountTweets > 0 ? 1 : 0;
    sum[2] += accountTweets;
  }

  private static Tally tally(long[] sum) {
    return new Tally(sum[0], sum[1], sum[2]);
  }

  private List<AccountCount> accountCounts() {
    List<AccountCount> out = new ArrayList<>(counts.authors.size());
    counts.authors.forEach(
        (id, a) -> {
          Optional<TwitterHandle> handle =
              a.account >= 0
                  ? Optional.of(roster.accounts.get(a.account).handle())
                  : Optional.ofNullable(a.handle).map(TwitterHandle::new);
          out.add(new AccountCount(handle, id, a.account >= 0, a.tweets));
        });
    out.sort(
        Comparator.comparingLong((AccountCount c) -> -c.tweets())
            .thenComparing(c -> c.handle().map(TwitterHandle::normalized).orElse("~"))
            .thenComparing(c -> c.handle().map(TwitterHandle::value).orElse(""))
            .thenComparing(c -> c.authorId().length())
            .thenComparing(AccountCount::authorId));
    return List.copyOf(out);
  }

  private List<TagCount> tagCounts() {
    List<Map.Entry<String, RawCounts.TagSlot>> entries = new ArrayList<>(counts.tags.entrySet());
    entries.sort(
        Comparator.comparingLong((Map.Entry<String, RawCounts.TagSlot> e) -> -e.getValue().tweets)
            .thenComparing(Map.Entry::getKey));
    List<TagCount> out = new ArrayList<>(entries.size());
    for (Map.Entry<String, RawCounts.TagSlot> e : entries) {
      out.add(new TagCount(mostFrequent(e.getValue().spellings), e.getValue().tweets));
    }
    return List.copyOf(out);
  }

  /**
   * The key with the highest count, the least key among equals: the first in {@link #BY_COUNT}
   * order.
   */
  private static String mostFrequent(Map<String, long[]> counts) {
    String best = null;
    long bestCount = 0;
    for (Map.Entry<String, long[]> e : counts.entrySet()) {
      long n = e.getValue()[0];
      if (best == null || n > bestCount || n == bestCount && e.getKey().compareTo(best) < 0) {
        best = e.getKey();
        bestCount = n;
      }
    }
    return best;
  }

  private static Map<String, Long> sortedByCount(Map<String, long[]> counts) {
    List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.size());
    counts.forEach((k, n) -> entries.add(Map.entry(k, n[0])));
    entries.sort(BY_COUNT);
    Map<String, Long> out = new LinkedHashMap<>();
    for (Map.Entry<String, Long> e : entries) {
      out.put(e.getKey(), e.getValue());
    }
    return Collections.unmodifiableMap(out);
  }

  private static List<Long> boxed(long[] counts) {
    List<Long> out = new ArrayList<>(counts.length);
    for (long n : counts) {
      out.add(n);
    }
    return List.copyOf(out);
  }

  private static <T> List<T> top(List<T> all, int n) {
    checkTop(n);
    return n >= all.size() ? all : all.subList(0, n);
  }

  private static int checkTop(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n: must not be negative (" + n + ")");
    }
    return n;
  }

  /**
   * Counts tweets into a {@link WrapUp}, one at a time, in memory that grows with the distinct
   * authors, languages, sources and hashtags but not with the tweets. Not thread-safe: give each
   * thread its own and {@linkplain #addAll(WrapUp) merge} their results, as {@link
   * WrapUp#collector(ComplianceChecker, Collection)} does.
   */
  public static final class Accumulator {
    private final RawCounts counts;

    Accumulator(Roster roster) {
      this.counts = new RawCounts(roster);
    }

    /**
     * Counts one tweet, unless it is an older version of an edited post ({@link
     * Tweet#latestVersion()} false), which is only tallied in {@link WrapUp#olderVersions()}.
     *
     * @param tweet the tweet
     * @param result its compliance result, from a checker of the same edition
     * @return this accumulator
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the result is of another tweet (its tweet or author id
     *     differs)
     */
    public Accumulator add(Tweet tweet, ComplianceResult result) {
      requireNonNull(tweet, "tweet");
      requireNonNull(result, "result");
      if (!result.tweetId().equals(tweet.id()) || !result.authorId().equals(tweet.authorId())) {
        throw new IllegalArgumentException("result: is the result of another tweet");
      }
      if (result.has(ComplianceTag.CARRIES_HASHTAG) && result.has(Violation.Code.MISSING_HASHTAG)) {
        throw new IllegalArgumentException(
            "result: both carries the hashtag and misses it, which no checker says");
      }
      if (!tweet.latestVersion()) {
        counts.olderVersions++;
        return this;
      }
      counts.add(tweet, result);
      return this;
    }

    /**
     * Adds the counts of a wrap-up, as if its tweets had been added here.
     *
     * @param other a wrap-up of the same edition and the same verified registrations
     * @return this accumulator
     * @throws NullPointerException if {@code other} is null
     * @throws IllegalArgumentException if the other is of another edition or other registrations
     */
    public Accumulator addAll(WrapUp other) {
      requireNonNull(other, "other");
      if (!counts.roster.sameAs(other.roster)) {
        throw new IllegalArgumentException(
            "other: is a wrap-up of another edition or other registrations, which cannot be merged");
      }
      counts.addAll(other.counts);
      return this;
    }

    /**
     * Returns the wrap-up of what was counted so far. The accumulator may go on counting.
     *
     * @return the wrap-up
     */
    public WrapUp result() {
      return new WrapUp(counts.copy());
    }

    /**
     * The collector's combiner: adds another accumulator of the same roster without building its
     * wrap-up first, which would sort its accounts and hashtags only to throw them away.
     */
    Accumulator merge(Accumulator other) {
      counts.addAll(other.counts);
      return this;
    }
  }
}
