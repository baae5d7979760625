package org.poltwt.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;
import org.poltwt.compliance.ComplianceResult;
import org.poltwt.compliance.ComplianceSummary;
import org.poltwt.internal.text.TagFold;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.tweet.Hashtag;
import org.poltwt.tweet.Tweet;

/**
 * The counts a wrap-up is made of, before anything is derived from them: the one place that knows
 * how a tweet is counted ({@link #add}), how counts are merged ({@link #addAll}) and when two sets
 * of counts are equal ({@link #sameAs}). A new count is added here and in those three methods, and
 * nowhere else.
 *
 * <p>Mutable and not thread-safe. A {@link WrapUp.Accumulator} fills one; a {@link WrapUp} keeps
 * its own {@linkplain #copy() copy} and never changes it, which is what makes the wrap-up
 * immutable.
 *
 * <p>The fields are read directly by {@link WrapUp}, like {@link Roster}'s; only the methods here
 * write them.
 */
final class RawCounts {
  final Roster roster;
  long tweets;
  long retweets;
  long quotes;
  long replies;

  /** Compliant tweets, violations per code and tags per tag: counted where the checker's are. */
  final ComplianceSummary compliance = new ComplianceSummary();

  /** Tweets per verified registration, by its index in the roster. */
  final long[] byAccount;

  /** By account id. */
  final Map<String, AuthorSlot> authors = new HashMap<>();

  /**
   * Tweets per language and per source app; a one-element array is a count that can grow in place.
   */
  final Map<String, long[]> languages = new HashMap<>();

  final Map<String, long[]> sources = new HashMap<>();

  /** Tweets the X API gave no app for because it no longer gives one (see {@link WrapUp}). */
  long sourcesNotProvided;

  /** Older versions of edited posts, left out of every other count (see {@link WrapUp}). */
  long olderVersions;

  /** By the tag's folded form. */
  final Map<String, TagSlot> tags = new HashMap<>();

  final long[] utc;
  long before;
  long after;
  final long[] local = new long[24];

  /**
   * The distinct tags of the tweet being counted; kept only to reuse the list from tweet to tweet.
   */
  private final List<String> seenInTweet = new ArrayList<>();

  /** Starts with every count at zero. */
  RawCounts(Roster roster) {
    this.roster = roster;
    this.byAccount = new long[roster.accounts.size()];
    this.utc = new long[roster.spanHours];
  }

  /** Counts one tweet; the caller has checked that the result is the tweet's. */
  void add(Tweet tweet, ComplianceResult result) {
    tweets++;
    if (tweet.isRetweet()) {
      retweets++;
    } else {
      quotes += tweet.isQuote() ? 1 : 0;
      replies += tweet.isReply() ? 1 : 0;
    }
    compliance.add(result);
    count(languages, tweet.lang().orElse(WrapUp.UNKNOWN_LANGUAGE), 1);
    if (tweet.source().isPresent()) {
      count(sources, tweet.source().get(), 1);
    } else if (tweet.createdAt().isBefore(WrapUp.SOURCE_REMOVED)) {
      count(sources, WrapUp.UNKNOWN_SOURCE, 1);
    } else {
      sourcesNotProvided++;
    }

    int account = roster.match(tweet);
    AuthorSlot author = authors.get(tweet.authorId());
    if (author == null) {
      author = new AuthorSlot();
      authors.put(tweet.authorId(), author);
    }
    author.tweets++;
    author.handle(tweet.authorHandle().map(TwitterHandle::value).orElse(null));
    author.account(account);
    if (account >= 0) {
      byAccount[account]++;
      int localHour = roster.localHour(account, tweet.createdAt());
      if (localHour >= 0) {
        local[localHour]++;
      }
    }

    int hour = roster.utcHour(tweet.createdAt());
    if (hour < 0) {
      before++;
    } else if (hour >= utc.length) {
      after++;
    } else {
      utc[hour]++;
    }
    countTags(tweet.hashtags());
  }

  /**
   * Adds other counts, as if their tweets had been added here. The caller has checked that they are
   * of the same roster: the arrays are indexed by it.
   */
  RawCounts addAll(RawCounts other) {
    tweets += other.tweets;
    retweets += other.retweets;
    quotes += other.quotes;
    replies += other.replies;
    compliance.addAll(other.compliance);
    addInto(byAccount, other.byAccount);
    other.authors.forEach(
        (id, a) -> {
          AuthorSlot slot = authors.computeIfAbsent(id, k -> new AuthorSlot());
          slot.tweets += a.tweets;
          slot.handle(a.handle);
          slot.account(a.account);
        });
    other.languages.forEach((k, n) -> count(languages, k, n[0]));
    other.sources.forEach((k, n) -> count(sources, k, n[0]));
    sourcesNotProvided += other.sourcesNotProvided;
    olderVersions += other.olderVersions;
    other.tags.forEach(
        (key, t) -> {
          TagSlot slot = tags.computeIfAbsent(key, k -> new TagSlot());
          slot.tweets += t.tweets;
          t.spellings.forEach((s, n) -> count(slot.spellings, s, n[0]));
        });
    addInto(utc, other.utc);
    before += other.before;
    after += other.after;
    addInto(local, other.local);
    return this;
  }

  /** Returns counts equal to these that share nothing mutable with them. */
  RawCounts copy() {
    return new RawCounts(roster).addAll(this);
  }

  /**
   * Whether other counts are equal to these, roster included. Of the compliance counts only those a
   * wrap-up shows are compared (compliant, theme, per code): that is what its equality has always
   * meant, and {@link ComplianceCounts} holds exactly those.
   */
  boolean sameAs(RawCounts o) {
    return tweets == o.tweets
        && retweets == o.retweets
        && quotes == o.quotes
        && replies == o.replies
        && before == o.before
        && after == o.after
        && sourcesNotProvided == o.sourcesNotProvided
        && olderVersions == o.olderVersions
        && ComplianceCounts.from(compliance).equals(ComplianceCounts.from(o.compliance))
        && Arrays.equals(byAccount, o.byAccount)
        && Arrays.equals(utc, o.utc)
        && Arrays.equals(local, o.local)
        && roster.sameAs(o.roster)
        && same(authors, o.authors, AuthorSlot::sameAs)
        && same(languages, o.languages, Arrays::equals)
        && same(sources, o.sources, Arrays::equals)
        && same(tags, o.tags, TagSlot::sameAs);
  }

  /** A hash consistent with {@link #sameAs}, from a few of the counts. */
  int hash() {
    int h = roster.hash();
    h = 31 * h + Long.hashCode(tweets);
    h = 31 * h + Arrays.hashCode(byAccount);
    h = 31 * h + Arrays.hashCode(utc);
    h = 31 * h + authors.size();
    h = 31 * h + languages.size();
    return 31 * h + tags.size();
  }

  private void countTags(List<Hashtag> hashtags) {
    if (hashtags.isEmpty()) {
      return;
    }
    seenInTweet.clear();
    for (int i = 0, n = hashtags.size(); i < n; i++) {
      String spelling = hashtags.get(i).tag();
      String key = TagFold.key(spelling);
      if (key.equals(roster.ownTag) || seenInTweet.contains(key)) {
        continue;
      }
      seenInTweet.add(key);
      TagSlot slot = tags.get(key);
      if (slot == null) {
        slot = new TagSlot();
        tags.put(key, slot);
      }
      slot.tweets++;
      count(slot.spellings, spelling, 1);
    }
  }

  private static void count(Map<String, long[]> counts, String key, long n) {
    long[] c = counts.get(key);
    if (c == null) {
      counts.put(key, new long[] {n});
    } else {
      c[0] += n;
    }
  }

  private static void addInto(long[] sum, long[] more) {
    for (int i = 0; i < sum.length; i++) {
      sum[i] += more[i];
    }
  }

  /** Map equality for values that have no {@code equals} of their own. */
  private static <V> boolean same(Map<String, V> a, Map<String, V> b, BiPredicate<V, V> same) {
    if (a.size() != b.size()) {
      return false;
    }
    for (Map.Entry<String, V> e : a.entrySet()) {
      V other = b.get(e.getKey());
      if (other == null || !same.test(e.getValue(), other)) {
        return false;
      }
    }
    return true;
  }

  /** An author's running counts. */
  static final class AuthorSlot {
    private static final Comparator<String> HANDLES =
        Comparator.comparing((String h) -> h.toLowerCase(Locale.ROOT)).thenComparing(h -> h);

    /** Null when no tweet gave one. */
    String handle;

    /** The roster index of the registration matched, -1 when unregistered. */
    int account = -1;

    long tweets;

    /**
     * Keeps the first handle in case-insensitive order, so the choice does not depend on tweet
     * order.
     */
    void handle(String h) {
      if (h != null && (handle == null || HANDLES.compare(h, handle) < 0)) {
        handle = h;
      }
    }

    /** Keeps the lowest registration index matched, for the same reason. */
    void account(int a) {
      if (a >= 0 && (account < 0 || a < account)) {
        account = a;
      }
    }

    boolean sameAs(AuthorSlot o) {
      return tweets == o.tweets && account == o.account && Objects.equals(handle, o.handle);
    }
  }

  /** A hashtag's tweets, and its spellings with the tweets that first wrote it so. */
  static final class TagSlot {
    long tweets;
    final Map<String, long[]> spellings = new HashMap<>(4);

    boolean sameAs(TagSlot o) {
      return tweets == o.tweets && same(spellings, o.spellings, Arrays::equals);
    }
  }
}
