package org.poltwt.benchmarks;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.poltwt.event.Edition;
import org.poltwt.event.Schedule;
import org.poltwt.event.Window;
import org.poltwt.registration.AccountType;
import org.poltwt.registration.AgencyLevel;
import org.poltwt.registration.ParticipationModel;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.registration.TwitterHandle;

/**
 * Seeded, realistic test data shared by the benchmarks: an edition, registrations spread over many
 * time zones, and X API v2 tweets as JSON Lines (the shape {@code TweetReader} reads, with an
 * {@code author} member). Every run generates the same bytes.
 */
final class Corpus {
  /** The seed of every generated corpus. */
  static final long SEED = 20150605L;

  /** The edition every benchmark checks against. */
  static final Edition EDITION =
      Edition.builder()
          .number(5)
          .date(LocalDate.of(2015, 6, 5))
          .localStart(LocalTime.of(8, 0))
          .themes("TimeToUnify")
          .build();

  /** Its schedule. */
  static final Schedule SCHEDULE = Schedule.of(EDITION);

  /** Region zones, in id order. */
  static final List<ZoneId> ZONES = zones();

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final Instant CREATED = Instant.parse("2015-05-01T00:00:00Z");

  /**
   * The tweet texts: the hashtag and length benchmark's corpus ({@link TextBenchmark#corpus}), 80
   * to 280 chars each with links, emoji, other scripts and look-alike tags, as the goal is stated.
   */
  private static final String[] TEXTS = TextBenchmark.corpus(SEED, 2_000).toArray(new String[0]);

  private static final String[] LANGS = {"en", "en", "en", "en", "es", "fr", "ja", "und"};
  private static final String[] SOURCES = {
    "Twitter for iPhone", "Twitter for Android", "Twitter Web App", "TweetDeck", "Hootsuite Inc."
  };

  private Corpus() {}

  private static List<ZoneId> zones() {
    List<ZoneId> zones = new ArrayList<>();
    new TreeSet<>(ZoneId.getAvailableZoneIds()).forEach(id -> zones.add(ZoneId.of(id)));
    return List.copyOf(zones);
  }

  /** The author id of account {@code n}. */
  static String authorId(long n) {
    return Long.toString(2_244_994_945L + n);
  }

  /** The handle of account {@code n}. */
  static String handle(long n) {
    return "police_" + n;
  }

  /**
   * Verified registrations of accounts 0..n-1, spread over the region zones in turn.
   *
   * @param n how many
   * @return the registrations
   */
  static List<Registration> registrations(int n) {
    List<Registration> all = new ArrayList<>(n);
    SplittableRandom random = new SplittableRandom(SEED);
    AgencyLevel[] levels = AgencyLevel.values();
    ParticipationModel[] models = ParticipationModel.values();
    for (int i = 0; i < n; i++) {
      ZoneId zone = ZONES.get((int) ((i * 7919L) % ZONES.size()));
      all.add(
          Registration.builder()
              .id(new java.util.UUID(SEED, i))
              .edition(EDITION.number())
              .handle(TwitterHandle.of(handle(i)))
              .accountType(AccountType.AGENCY)
              .agencyName("Police Department " + (i % 500))
              .agencyLevel(levels[random.nextInt(levels.length)])
              .email("desk@police.gov")
              .country(i % 3 == 0 ? "US" : i % 3 == 1 ? "GB" : "ES")
              .zone(zone)
              .participationModel(models[random.nextInt(models.length)])
              .status(RegistrationStatus.VERIFIED)
              .accountId(authorId(i))
              .createdAt(CREATED)
              .updatedAt(CREATED)
              .build());
    }
    return all;
  }

  /**
   * Generates tweet lines: a fixed mix of texts, authors (some unregistered), and times in and out
   * of windows.
   */
  static final class Lines {
    private final int accounts;
    private final Window[] windows;
    private final SplittableRandom random = new SplittableRandom(SEED);
    private final Window span = SCHEDULE.globalSpan();

    /**
     * @param registrations the registered accounts are 0..registrations-1; a tenth of tweets come
     *     from accounts beyond them
     */
    Lines(List<Registration> registrations) {
      this.accounts = registrations.size();
      this.windows = new Window[accounts];
      for (int i = 0; i < accounts; i++) {
        windows[i] = SCHEDULE.windowIn(registrations.get(i).zone());
      }
    }

    /** Line {@code i} (with its newline), drawing from this generator's random sequence. */
    byte[] line(long i) {
      int t = random.nextInt(TEXTS.length);
      boolean unregistered = random.nextInt(10) == 0;
      int author =
          unregistered
              ? accounts + random.nextInt(Math.max(1, accounts / 4))
              : random.nextInt(accounts);
      Window w = unregistered ? span : windows[author];
      long spanSeconds = w.end().getEpochSecond() - w.start().getEpochSecond();
      // About 5% of tweets fall an hour either side of the window.
      long offset = random.nextLong(spanSeconds + 7_200) - 3_600;
      Instant created = w.start().plusSeconds(offset).plusMillis(random.nextInt(1000));
      StringBuilder b = new StringBuilder(300);
      b.append("{\"id\":\"")
          .append(1_600_000_000_000_000_000L + i)
          .append("\",\"text\":\"")
          .append(JsonStringEncoder.getInstance().quoteAsString(TEXTS[t]))
          .append("\",\"author_id\":\"")
          .append(authorId(author))
          .append("\",\"created_at\":\"")
          .append(TIMESTAMP.format(created))
          .append("\",\"lang\":\"")
          .append(LANGS[t % LANGS.length])
          .append("\",\"source\":\"")
          .append(SOURCES[(int) (i % SOURCES.length)])
          .append("\",\"author\":{\"id\":\"")
          .append(authorId(author))
          .append("\",\"username\":\"")
          .append(handle(author))
          .append("\"}");
      if (random.nextInt(5) == 0) {
        b.append(",\"referenced_tweets\":[{\"type\":\"retweeted\",\"id\":\"")
            .append(1_500_000_000_000_000_000L + random.nextInt(1_000_000))
            .append("\"}]");
      }
      b.append(",\"edit_history_tweet_ids\":[\"")
          .append(1_600_000_000_000_000_000L + i)
          .append("\"]}\n");
      return b.toString().getBytes(UTF_8);
    }

    /** The first {@code n} lines as one array. */
    byte[] bytes(int n) {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(n * 320);
      for (int i = 0; i < n; i++) {
        out.writeBytes(line(i));
      }
      return out.toByteArray();
    }

    /** The first {@code n} lines as a stream generated as it is read, never held whole. */
    InputStream stream(long n) {
      return new InputStream() {
        private long next;
        private byte[] buffer = new byte[0];
        private int at;

        private boolean fill() {
          while (at >= buffer.length) {
            if (next >= n) {
              return false;
            }
            buffer = line(next++);
            at = 0;
          }
          return true;
        }

        @Override
        public int read() {
          return fill() ? buffer[at++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
          if (len == 0) {
            return 0;
          }
          int done = 0;
          while (done < len && fill()) {
            int k = Math.min(len - done, buffer.length - at);
            System.arraycopy(buffer, at, b, off + done, k);
            at += k;
            done += k;
          }
          return done == 0 ? -1 : done;
        }
      };
    }
  }
}
