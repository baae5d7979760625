package org.poltwt.examples.demo;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.poltwt.event.Edition;
import org.poltwt.event.Schedule;
import org.poltwt.event.Window;
import org.poltwt.registration.ParticipationModel;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.tweet.ReferencedTweet;
import org.poltwt.tweet.Tweet;

/**
 * Made-up tweets of a demo edition: each verified account tweets through its own 24 hours in its
 * own language, in the way it chose (calls for service, one topic, the beat), with retweets,
 * replies and theme tags, and the usual share of mistakes: a missing or mangled hashtag, a tweet
 * before or after the author's window, authors who never registered, the odd tweet that is too
 * long. The same seed gives the same tweets, in time order.
 */
public final class DemoTweets {
  /** The twitter epoch of snowflake ids. */
  private static final long TWEPOCH = 1288834974657L;

  private static final String[] SOURCES = {
    "Twitter for iPhone",
    "Twitter for Android",
    "Twitter Web App",
    "TweetDeck",
    "Hootsuite Inc.",
    "Sprout Social",
    "Buffer"
  };
  private static final Map<String, String> LANGUAGES =
      Map.ofEntries(
          Map.entry("ES", "es"),
          Map.entry("MX", "es"),
          Map.entry("CO", "es"),
          Map.entry("PE", "es"),
          Map.entry("CL", "es"),
          Map.entry("AR", "es"),
          Map.entry("UY", "es"),
          Map.entry("BR", "pt"),
          Map.entry("PT", "pt"),
          Map.entry("FR", "fr"),
          Map.entry("BE", "fr"),
          Map.entry("DE", "de"),
          Map.entry("AT", "de"),
          Map.entry("CH", "de"),
          Map.entry("NL", "nl"),
          Map.entry("IT", "it"),
          Map.entry("SE", "sv"),
          Map.entry("NO", "no"),
          Map.entry("FI", "fi"),
          Map.entry("DK", "da"),
          Map.entry("PL", "pl"),
          Map.entry("TR", "tr"),
          Map.entry("JP", "ja"),
          Map.entry("KR", "ko"));
  private static final Map<String, String[]> TEXTS =
      Map.of(
          "en",
              new String[] {
                "Call for service: %s. Officers attending.",
                "Did you know? Most burglaries happen through an unlocked "
                    + "door. Lock up, even when you're home.",
                "On the beat today: chatting with shop owners on the " + "high street.",
                "Thank you to everyone who stopped to say hello at the market this morning.",
                "Night shift briefing done, 12 officers out on patrol.",
                "Lost dog reunited with its family. Happy " + "ending!",
                "Road closed after a minor collision, please use another route.",
                "School crossing patrol this morning: slow down near schools."
              },
          "es",
              new String[] {
                "Aviso: %s. Patrulla en camino.",
                "Consejo: cierra siempre tu coche y no dejes objetos a " + "la vista.",
                "Hoy patrullamos el barrio a pie, ¡saludadnos!",
                "Gracias a los vecinos por su " + "colaboración esta mañana."
              },
          "pt",
              new String[] {
                "Ocorrência: %s. Viatura a caminho.",
                "Dica: tranque sempre o carro.",
                "Hoje estamos a patrulhar o bairro a pé."
              },
          "fr",
              new String[] {
                "Intervention : %s. Une patrouille est en route.",
                "Conseil : fermez toujours votre " + "voiture à clé.",
                "Aujourd'hui, patrouille à pied dans le quartier."
              },
          "de",
              new String[] {
                "Einsatz: %s. Eine Streife ist unterwegs.",
                "Tipp: Schließen Sie Ihr Auto immer ab.",
                "Heute sind wir zu Fuß im Kiez unterwegs."
              },
          "ja", new String[] {"通報: %s。警察官が向かっています。", "防犯のため、自転車には必ず鍵をかけましょう。"},
          "ko", new String[] {"신고 접수: %s. 경찰관이 출동 중입니다.", "오늘은 동네를 도보로 순찰합니다."});
  private static final String[] INCIDENTS = {
    "shoplifting at a supermarket",
    "noise complaint",
    "minor collision",
    "lost child found safe",
    "suspicious vehicle",
    "burglar alarm",
    "welfare check",
    "traffic lights out"
  };

  private final List<Tweet> tweets;

  private DemoTweets(List<Tweet> tweets) {
    this.tweets = List.copyOf(tweets);
  }

  /**
   * Generates tweets for the verified accounts of an edition, about {@code perAccount} each.
   *
   * @param seed the seed; the same seed and inputs give the same tweets
   * @param edition the edition, with a date
   * @param registrations its registrations; the verified ones tweet
   * @param perAccount the average number of tweets per account, 1 to 1,000
   * @return the tweets, in time order
   * @throws IllegalArgumentException if {@code perAccount} is out of range
   */
  public static DemoTweets generate(
      long seed, Edition edition, List<Registration> registrations, int perAccount) {
    requireNonNull(edition, "edition");
    if (perAccount < 1 || perAccount > 1000) {
      throw new IllegalArgumentException("perAccount: must be between 1 and 1000");
    }
    Random random = new Random(seed);
    Schedule schedule = Schedule.of(edition);
    Window span = schedule.globalSpan();
    String hashtag = "#" + edition.hashtag();
    String theme = edition.themes().isEmpty() ? null : "#" + edition.themes().get(0);
    List<Tweet> out = new ArrayList<>();
    List<Registration> tweeting = new ArrayList<>();
    for (Registration r : registrations) {
      if (r.edition() == edition.number() && r.status() == RegistrationStatus.VERIFIED) {
        tweeting.add(r);
      }
    }
    for (Registration r : tweeting) {
      Window w = schedule.windowIn(r.zone());
      String lang = LANGUAGES.getOrDefault(r.country(), "en");
      String[] texts = TEXTS.getOrDefault(lang, TEXTS.get("en"));
      int n = Math.max(1, perAccount / 2 + random.nextInt(perAccount + 1));
      String source = SOURCES[random.nextInt(SOURCES.length)];
      for (int i = 0; i < n; i++) {
        int roll = random.nextInt(100);
        Instant at =
            w.start().plusSeconds((long) (random.nextDouble() * w.duration().getSeconds()));
        if (roll < 4) {
          at =
              roll < 2
                  ? w.start().minus(Duration.ofMinutes(1 + random.nextInt(180)))
                  : w.end().plus(Duration.ofMinutes(random.nextInt(180)));
        }
        String text;
        String tweetLang = lang;
        List<ReferencedTweet> refs = List.of();
        if (roll >= 4 && roll < 16 && !out.isEmpty()) {
          Tweet original = out.get(random.nextInt(out.size()));
          text =
              "RT @"
                  + original.authorHandle().map(TwitterHandle::value).orElse("someone")
                  + ": "
                  + original.text();
          refs = List.of(new ReferencedTweet(ReferencedTweet.Type.RETWEETED, original.id()));
          tweetLang = original.lang().orElse(lang);
        } else {
          String base = texts[random.nextInt(texts.length)];
          if (base.contains("%s")) {
            base = String.format(Locale.ROOT, base, INCIDENTS[random.nextInt(INCIDENTS.length)]);
          }
          if (r.participationModel() == ParticipationModel.TWEET_THE_BEAT && lang.equals("en")) {
            base =
                base
                    + " "
                    + r.address()
                        .map(a -> "#" + a.city().replaceAll("[^\\p{L}\\p{N}]", ""))
                        .orElse("");
          }
          if (roll >= 16 && roll < 23) {
            text =
                base
                    + (roll < 19
                        ? ""
                        : roll < 21 ? " " + hashtag + "2015" : " " + hashtag.substring(1));
          } else {
            boolean themed =
                theme != null
                    && (r.participationModel() == ParticipationModel.ONE_TOPIC
                        ? random.nextInt(2) == 0
                        : random.nextInt(8) == 0);
            text =
                base
                    + " "
                    + (random.nextBoolean() ? hashtag : hashtag.toLowerCase(Locale.ROOT))
                    + (themed ? " " + theme : "");
          }
          if (roll == 23) {
            text = text + " " + "Remember: ".repeat(30);
          }
          if (roll >= 24 && roll < 29 && !out.isEmpty()) {
            refs =
                List.of(
                    new ReferencedTweet(
                        ReferencedTweet.Type.REPLIED_TO, out.get(random.nextInt(out.size())).id()));
          }
        }
        out.add(tweet(out.size(), at, r.handle(), text, tweetLang, source, refs));
      }
    }
    // Citizens who join in without registering.
    int citizens = Math.max(1, tweeting.size() / 10);
    for (int c = 0; c < citizens; c++) {
      TwitterHandle handle =
          TwitterHandle.of("Citizen" + (1000 + random.nextInt(9000)) + (char) ('a' + c % 26));
      int n = 1 + random.nextInt(5);
      for (int i = 0; i < n; i++) {
        Instant at =
            span.start().plusSeconds((long) (random.nextDouble() * span.duration().getSeconds()));
        out.add(
            tweet(
                out.size(),
                at,
                handle,
                "Thank you to our local officers! " + hashtag,
                "en",
                "Twitter for iPhone",
                List.of()));
      }
    }
    out.sort(Comparator.comparing(Tweet::createdAt).thenComparing(Tweet::id));
    return new DemoTweets(out);
  }

  private static Tweet tweet(
      int n,
      Instant at,
      TwitterHandle author,
      String text,
      String lang,
      String source,
      List<ReferencedTweet> refs) {
    long id = ((Math.max(at.toEpochMilli(), TWEPOCH) - TWEPOCH) << 22) | (n & 0x3FFFFF);
    return Tweet.builder()
        .id(Long.toString(id))
        .authorId(authorId(author))
        .authorHandle(author)
        .text(text)
        .createdAt(at)
        .lang(lang)
        .source(source)
        .referencedTweets(refs)
        .build();
  }

  /** A numeric account id derived from the handle, the same every time. */
  static String authorId(TwitterHandle handle) {
    return Long.toString(Math.abs((long) handle.normalized().hashCode()) + 10_000_000L);
  }

  /**
   * The tweets, in time order.
   *
   * @return the tweets
   */
  public List<Tweet> tweets() {
    return tweets;
  }

  /**
   * Hands each tweet to a consumer, in time order (to a {@link org.poltwt.tweet.io.TweetWriter},
   * say).
   *
   * @param sink the consumer
   */
  public void forEach(Consumer<Tweet> sink) {
    tweets.forEach(sink);
  }
}
