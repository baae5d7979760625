package org.poltwt.examples.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.poltwt.spi.TweetStore;
import org.poltwt.tweet.Tweet;
import org.poltwt.tweet.io.TweetReader;

/**
 * Plays a past edition's tweets into the tweet store on the edition's own clock, sped up, so that
 * the live board can be shown, tested and filmed without the X API. The tweets go through the
 * store, so the board's feed sees them exactly as it sees harvested ones.
 *
 * <p>The replay's clock starts a minute before the first tweet and runs {@code speed} times as fast
 * as the site's clock; each {@link #playDue()} stores the tweets created before the replay's
 * instant. Storing is an upsert by id, so playing a file again (a restart) adds nothing twice.
 * Thread-safe: {@link #playDue()} is synchronized.
 */
final class Replay {
  private static final Pattern EDITION_IN_NAME = Pattern.compile("edition-(\\d{1,6})");

  final int edition;
  private final TweetStore store;
  private final List<Tweet> tweets;
  private final ReplayClock clock;
  private int next;

  Replay(int edition, List<Tweet> tweets, TweetStore store, Clock real, int speed) {
    this.edition = edition;
    this.store = store;
    List<Tweet> sorted = new ArrayList<>(tweets);
    sorted.sort(Comparator.comparing(Tweet::createdAt));
    this.tweets = List.copyOf(sorted);
    Instant first =
        sorted.isEmpty() ? real.instant() : sorted.get(0).createdAt().minus(Duration.ofMinutes(1));
    this.clock = new ReplayClock(real, real.instant(), first, speed);
  }

  /**
   * Reads a JSON Lines (or any format {@link TweetReader} reads) file of tweets.
   *
   * @throws UncheckedIOException if the file cannot be read
   */
  static List<Tweet> read(Path file) {
    try (InputStream in = Files.newInputStream(file);
        TweetReader reader = TweetReader.of(in)) {
      List<Tweet> all = new ArrayList<>();
      reader.forEachRemaining(all::add);
      return all;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the replay file " + file.getFileName(), e);
    }
  }

  /** The edition a file's name gives, such as {@code demo-edition-4.jsonl}. */
  static OptionalInt editionInName(Path file) {
    Matcher m = EDITION_IN_NAME.matcher(file.getFileName().toString());
    return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
  }

  /** The replay's clock: the edition's time, sped up. */
  Clock clock() {
    return clock;
  }

  /** How many tweets are still to play. */
  synchronized int remaining() {
    return tweets.size() - next;
  }

  /**
   * Stores the tweets created before the replay's instant that are not stored yet.
   *
   * @return how many it stored
   */
  synchronized int playDue() {
    Instant now = clock.instant();
    int from = next;
    while (next < tweets.size() && tweets.get(next).createdAt().isBefore(now)) {
      next++;
    }
    if (next > from) {
      store.upsertAll(edition, tweets.subList(from, next));
    }
    return next - from;
  }

  /** A clock {@code speed} times as fast as another, from a given instant. */
  private static final class ReplayClock extends Clock {
    private final Clock real;
    private final Instant realStart;
    private final Instant start;
    private final long speed;

    ReplayClock(Clock real, Instant realStart, Instant start, long speed) {
      this.real = real;
      this.realStart = realStart;
      this.start = start;
      this.speed = speed;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("the replay's clock is in UTC");
    }

    @Override
    public Instant instant() {
      Duration elapsed = Duration.between(realStart, real.instant());
      return start.plus(elapsed.multipliedBy(speed));
    }
  }
}
