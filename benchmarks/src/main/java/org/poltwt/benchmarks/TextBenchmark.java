package org.poltwt.benchmarks;

import com.twitter.twittertext.Extractor;
import com.twitter.twittertext.TwitterTextParser;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.poltwt.tweet.Hashtags;
import org.poltwt.tweet.TweetLength;

/**
 * The hashtag check and the weighted length against twitter-text, Twitter's reference, on one
 * corpus of realistic tweets: each operation handles one text of the corpus, in turn.
 *
 * <p>The figures to report are the ratios {@code carries / twitterTextExtractHashtags} and {@code
 * weighted / twitterTextParseTweet}; {@code baselineContains} ({@code text.contains("#PolTwt")}, a
 * check that is fast but wrong for {@code #PolTwt2015}, {@code #poltwt} or a URL fragment) shows
 * how close to a plain substring search the exact check runs. Run it with
 *
 * <pre>
 * mvn -q -o install -DskipTests
 * java -jar benchmarks/target/benchmarks.jar TextBenchmark
 * </pre>
 *
 * <p>or with {@link #main(String[])}. A quick run ({@code -f 1 -wi 2 -i 3 -w 1 -r 1}) can end its
 * warm-up before the JIT has compiled the scanner, most of all on a busy machine, and then reports
 * a fraction of its speed; the default warm-up (5 × 2 s) avoids that.
 *
 * <p>{@code TextBenchmarkTest} checks that the measured methods agree with twitter-text on the
 * corpus (on a sample, twitter-text being slow), so the comparison is between equal answers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TextBenchmark {
  /** The corpus' size. */
  static final int SIZE = 10_000;

  /** The corpus' seed, fixed so every run measures the same texts. */
  static final long SEED = 20150605L;

  private static final String TAG = "PolTwt";

  private final Extractor extractor = new Extractor();
  private String[] texts;
  private int next;

  /** Generates the corpus. */
  @Setup
  public void setUp() {
    texts = corpus(SEED, SIZE).toArray(new String[0]);
  }

  private String nextText() {
    String text = texts[next];
    next = next + 1 == texts.length ? 0 : next + 1;
    return text;
  }

  /**
   * The exact hashtag check.
   *
   * @return whether the text carries #PolTwt
   */
  @Benchmark
  public boolean carries() {
    return Hashtags.carries(nextText(), TAG);
  }

  /**
   * The exact weighted length.
   *
   * @return the weighted length
   */
  @Benchmark
  public int weighted() {
    return TweetLength.weighted(nextText());
  }

  /**
   * twitter-text's hashtag extraction, the reference for {@link #carries()}.
   *
   * @return the hashtags
   */
  @Benchmark
  public List<String> twitterTextExtractHashtags() {
    return extractor.extractHashtags(nextText());
  }

  /**
   * twitter-text's parser, the reference for {@link #weighted()}.
   *
   * @return the weighted length
   */
  @Benchmark
  public int twitterTextParseTweet() {
    return TwitterTextParser.parseTweet(nextText()).weightedLength;
  }

  /**
   * The baseline: a substring search, fast and wrong.
   *
   * @return whether the text contains "#PolTwt"
   */
  @Benchmark
  public boolean baselineContains() {
    return nextText().contains("#PolTwt");
  }

  /**
   * Runs this benchmark with the annotations' settings.
   *
   * @param args ignored
   * @throws RunnerException if JMH fails
   */
  public static void main(String[] args) throws RunnerException {
    new Runner(new OptionsBuilder().include(TextBenchmark.class.getSimpleName()).build()).run();
  }

  // ---------------------------------------------------------------------------------------------
  // The corpus: tweets of a police tweet-a-thon, 80 to 280 chars, in several languages.

  private static final String[] OPENERS = {
    "Officers responded to a call about", "Our patrol team checked on",
        "Thanks to everyone who reported",
    "Dispatch received a report of", "Detectives are following up on", "Community officers visited",
    "Reminder from your local station:", "Just wrapped up a shift dealing with",
        "Busy night for the team with",
    "Traffic unit stopped a driver for", "K9 unit assisted with",
        "School resource officers talked about",
  };
  private static final String[] SUBJECTS = {
    "a noise complaint downtown",
    "a lost dog near the park",
    "a minor collision on Main St",
    "a suspicious package at the station",
    "a welfare check for an elderly resident",
    "shoplifting at the mall",
    "speeding in a school zone",
    "a missing bike",
    "a fire alarm at the library",
    "graffiti on the bridge",
    "a stranded motorist",
    "a found wallet (returned to its owner)",
    "road safety with students",
  };
  private static final String[] CLOSERS = {
    "Stay safe out there!", "Thanks for your patience.", "Call 911 in an emergency.",
        "Great work, team.",
    "Follow along all day.", "Ask us anything!", "More updates soon.", "Drive carefully tonight.",
  };
  private static final String[] FOREIGN = {
    "La patrulla atendió una llamada en el centro, todo en orden.",
    "Les agents ont aidé une personne âgée à rentrer chez elle.",
    "Die Streife hat einen Unfall auf der Brücke aufgenommen, niemand wurde verletzt.",
    "Патруль помог водителю на трассе, всё в порядке.",
    "الشرطة في خدمتكم على مدار الساعة",
    "\u200Fהמשטרה כאן בשבילכם כל היום",
    "警察官が地域のパトロールを行いました。ご協力ありがとうございます。",
    "今天我们在社区开展了安全宣传活动。",
    "오늘 순찰팀이 학교 앞 교통 안전 지도를 했습니다.",
    "पुलिस आपकी सेवा में हमेशा तैयार है।",
    "Polis memeriksa kenderaan di jalan utama.",
    "Caf\u0065\u0301 with a cop this morning at the station",
    "Ελληνική αστυνομία: ασφαλής οδήγηση.",
  };
  private static final String[] EMOJI = {
    "👮",
    "👮‍♀️",
    "🚓",
    "🚨",
    "👍🏽",
    "❤️",
    "🙏",
    "🇺🇸",
    "🇬🇧",
    "🐕",
    "😀",
    "💪🏾",
    "👨‍👩‍👧‍👦",
    "☕",
    "#️⃣",
    "✅",
  };
  private static final String[] OTHER_TAGS = {
    "#TimeToUnify",
    "#police",
    "#CommunityPolicing",
    "#911",
    "#TeamWork",
    "#Polizei",
    "#警察",
    "#SafetyFirst",
  };
  private static final String[] LINKS = {
    "www.example.org/safety/tips",
    "example.com",
    "https://www.police.example.gov/news?id=2015",
    "http://bit.ly/2xYz",
    "news.example.co.uk/local/article-12345",
    "https://en.wikipedia.org/wiki/Police_(disambiguation)",
  };
  private static final String SLUG_CHARS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  /**
   * Generates the corpus: about 30% of the texts carry a t.co link, some another link (a few with
   * parentheses in the path), some emoji, CJK, right-to-left text or combining marks; most carry
   * #PolTwt in some form, some only a look-alike ({@code #PolTwt2015}, a URL fragment, {@code
   * x#PolTwt}).
   *
   * @param seed the random seed
   * @param size how many texts
   * @return the texts, each 80 to 280 chars
   */
  public static List<String> corpus(long seed, int size) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> out = new ArrayList<>(size);
    while (out.size() < size) {
      String text = tweet(random);
      if (text.length() >= 80 && text.length() <= 280) {
        out.add(text);
      }
    }
    return out;
  }

  private static String tweet(SplittableRandom r) {
    List<String> parts = new ArrayList<>();
    int target = 40 + r.nextInt(200);
    int length = 0;
    do {
      String sentence =
          r.nextInt(100) < 25 ? pick(r, FOREIGN) : pick(r, OPENERS) + " " + pick(r, SUBJECTS) + ".";
      parts.add(sentence);
      length += sentence.length() + 1;
    } while (length < target);
    if (r.nextInt(100) < 40) {
      parts.add(pick(r, CLOSERS));
    }
    if (r.nextInt(100) < 30) {
      parts.add(pick(r, EMOJI) + (r.nextBoolean() ? pick(r, EMOJI) : ""));
    }
    if (r.nextInt(100) < 30) {
      StringBuilder slug = new StringBuilder("https://t.co/");
      for (int i = 0; i < 10; i++) {
        slug.append(SLUG_CHARS.charAt(r.nextInt(SLUG_CHARS.length())));
      }
      parts.add(slug.toString());
    } else if (r.nextInt(100) < 8) {
      parts.add(pick(r, LINKS));
    }
    if (r.nextInt(100) < 25) {
      parts.add(pick(r, OTHER_TAGS));
    }
    String tag = eventTag(r);
    if (tag != null) {
      parts.add(r.nextInt(100) < 60 ? parts.size() : r.nextInt(parts.size() + 1), tag);
    }
    return String.join(" ", parts);
  }

  private static String eventTag(SplittableRandom r) {
    int k = r.nextInt(100);
    if (k < 70) {
      return "#PolTwt";
    } else if (k < 78) {
      return "#poltwt";
    } else if (k < 82) {
      return "#POLTWT";
    } else if (k < 85) {
      return "＃PolTwt";
    } else if (k < 88) {
      return "#PolTwt2015";
    } else if (k < 90) {
      return "https://example.org/event#PolTwt";
    } else if (k < 92) {
      return "x#PolTwt";
    } else if (k < 94) {
      return "#PolTwt!";
    }
    return null;
  }

  private static String pick(SplittableRandom r, String[] options) {
    return options[r.nextInt(options.length)];
  }
}
