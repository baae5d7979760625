package org.poltwt.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.poltwt.compliance.ComplianceChecker;
import org.poltwt.event.Edition;
import org.poltwt.registration.AgencyLevel;
import org.poltwt.registration.ParticipationModel;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.spi.memory.InMemoryRegistrationStore;
import org.poltwt.test.Registrations;
import org.poltwt.tweet.ReferencedTweet;
import org.poltwt.tweet.Tweet;

/**
 * The edition, registrations and the hand-countable stream of thirteen tweets the wrap-up tests
 * share.
 *
 * <p>Edition 5 on 2015-06-05 from local midnight, theme {@code #TimeToUnify}. Its global span is
 * {@code [2015-06-04T10:00Z, 2015-06-06T12:00Z)}: UTC+14 opens first, UTC−12 closes last. Windows:
 * Kiritimati (UTC+14) {@code [06-04T10:00Z, 06-05T10:00Z)}, Pago Pago (UTC−11) {@code
 * [06-05T11:00Z, 06-06T11:00Z)}, Madrid (UTC+2) {@code [06-04T22:00Z, 06-05T22:00Z)}, New York
 * (UTC−4) {@code [06-05T04:00Z, 06-06T04:00Z)}.
 */
final class WrapUpFixtures {
  static final int EDITION = 5;
  static final Edition FIFTH =
      Edition.builder()
          .number(EDITION)
          .date(LocalDate.of(2015, 6, 5))
          .themes("TimeToUnify")
          .build();
  static final Instant SPAN_START = Instant.parse("2015-06-04T10:00:00Z");
  static final Instant SPAN_END = Instant.parse("2015-06-06T12:00:00Z");

  /** An officer's real name, which must never appear in an export. */
  static final String OFFICER_NAME = "Carmen Ruiz Delgado";

  private WrapUpFixtures() {}

  /**
   * Four verified registrations of edition 5 (KiriPolice by account id 1001, PagoPagoPD by handle,
   * MadridPol by account id 3003, SilentPD who never tweets), and three that do not count: pending,
   * withdrawn, and one of edition 6.
   */
  static List<Registration> registrations() {
    return List.of(
        Registrations.agencyBuilder(EDITION, "KiriPolice")
            .status(RegistrationStatus.VERIFIED)
            .zone(ZoneId.of("Pacific/Kiritimati"))
            .country("KI")
            .agencyLevel(AgencyLevel.NATIONAL)
            .participationModel(ParticipationModel.ONE_TOPIC)
            .accountId("1001")
            .email("press.office@police.gov.ki")
            .build(),
        Registrations.agencyBuilder(EDITION, "PagoPagoPD")
            .status(RegistrationStatus.VERIFIED)
            .zone(ZoneId.of("Pacific/Pago_Pago"))
            .country("AS")
            .agencyLevel(AgencyLevel.LOCAL)
            .participationModel(ParticipationModel.CALLS_FOR_SERVICE)
            .build(),
        Registrations.officerBuilder(EDITION, "MadridPol")
            .status(RegistrationStatus.VERIFIED)
            .zone(ZoneId.of("Europe/Madrid"))
            .country("ES")
            .agencyLevel(AgencyLevel.STATE_OR_PROVINCE)
            .participationModel(ParticipationModel.TWEET_THE_BEAT)
            .accountId("3003")
            .officerName(OFFICER_NAME)
            .email("c.ruiz@policia.gob.es")
            .build(),
        Registrations.agencyBuilder(EDITION, "SilentPD")
            .status(RegistrationStatus.VERIFIED)
            .build(),
        Registrations.agencyBuilder(EDITION, "PendingPD").build(),
        Registrations.agencyBuilder(EDITION, "GonePD").status(RegistrationStatus.WITHDRAWN).build(),
        Registrations.agencyBuilder(EDITION + 1, "OtherEdPD")
            .status(RegistrationStatus.VERIFIED)
            .build());
  }

  static InMemoryRegistrationStore store(Collection<Registration> registrations) {
    InMemoryRegistrationStore store = new InMemoryRegistrationStore();
    registrations.forEach(store::insert);
    return store;
  }

  static ComplianceChecker checker(Collection<Registration> registrations) {
    return ComplianceChecker.builder().edition(FIFTH).registrations(store(registrations)).build();
  }

  /** The thirteen tweets; the comment on each says what it counts as. */
  static List<Tweet> tweets() {
    List<Tweet> t = new ArrayList<>();
    // KiriPolice (1001): compliant, theme; UTC hour 0, local hour 0.
    t.add(
        tweet(
            1,
            "1001",
            "KiriPolice",
            "Patrol at dawn #PolTwt #TimeToUnify",
            "2015-06-04T10:30:00Z",
            "en",
            "Twitter Web App",
            null));
    // KiriPolice: compliant; UTC 2, local 2.
    t.add(
        tweet(
            2,
            "1001",
            "KiriPolice",
            "Coffee with the community #poltwt #Community",
            "2015-06-04T12:15:00Z",
            "en",
            "Twitter for iPhone",
            null));
    // KiriPolice retweet of a post without the hashtag: exempt from the rule, so compliant, and
    // not carrying it; UTC 3, local 3.
    t.add(
        tweet(
            3,
            "1001",
            "KiriPolice",
            "RT @someone: great work #Community",
            "2015-06-04T13:00:00Z",
            "en",
            "Twitter for iPhone",
            ReferencedTweet.Type.RETWEETED));
    // PagoPagoPD by handle, in lower case: compliant, theme in lower case; UTC 26, local 1.
    t.add(
        tweet(
            4,
            "2002",
            "pagopagopd",
            "Traffic stop on Route 1 #PolTwt #timetounify",
            "2015-06-05T12:00:00Z",
            "en",
            "TweetDeck",
            null));
    // PagoPagoPD reply at the very start of its window: compliant; UTC 25, local 0.
    t.add(
        tweet(
            5,
            "2002",
            "PagoPagoPD",
            "@citizen thanks! #PolTwt",
            "2015-06-05T11:00:00Z",
            "en",
            "TweetDeck",
            ReferencedTweet.Type.REPLIED_TO));
    // MadridPol (3003) before its window: OUTSIDE_WINDOW; UTC 11, no local hour.
    t.add(
        tweet(
            6,
            "3003",
            "MadridPol",
            "Vigilancia en el centro #PolTwt #Seguridad",
            "2015-06-04T21:00:00Z",
            "es",
            "Twitter for Android",
            null));
    // MadridPol quote, hashtag in capitals, #seguridad twice in two spellings: compliant; UTC 22,
    // local 10.
    t.add(
        tweet(
            7,
            "3003",
            "MadridPol",
            "Mirad esto #POLTWT #seguridad #Seguridad",
            "2015-06-05T08:00:00Z",
            "es",
            "Twitter for Android",
            ReferencedTweet.Type.QUOTED));
    // MadridPol without the hashtag: MISSING_HASHTAG; UTC 23, local 11.
    t.add(
        tweet(
            8,
            "3003",
            "MadridPol",
            "Sin hashtag hoy",
            "2015-06-05T09:30:00Z",
            "es",
            "Twitter for Android",
            null));
    // A citizen: UNREGISTERED_AUTHOR; no source; UTC 29.
    t.add(
        tweet(
            9, "9999", "JustACitizen", "I love #PolTwt", "2015-06-05T15:00:00Z", "en", null, null));
    // The citizen after the span: OUTSIDE_WINDOW, UNREGISTERED_AUTHOR; no language; after.
    t.add(
        tweet(
            10,
            "9999",
            "JustACitizen",
            "#PolTwt late",
            "2015-06-06T13:00:00Z",
            null,
            "Twitter Web App",
            null));
    // A pending registration's account before the span: OUTSIDE_WINDOW, UNREGISTERED_AUTHOR;
    // before.
    t.add(
        tweet(
            11,
            "5005",
            "PendingPD",
            "Early #PolTwt",
            "2015-06-04T09:00:00Z",
            "en",
            "Hootsuite",
            null));
    // KiriPolice, too long: TOO_LONG; UTC 5, local 5.
    t.add(
        tweet(
            12,
            "1001",
            "KiriPolice",
            "#PolTwt " + "a".repeat(300),
            "2015-06-04T15:00:00Z",
            "en",
            "Twitter Web App",
            null));
    // An account the tweet gives no handle for: UNREGISTERED_AUTHOR; UTC 30.
    t.add(
        tweet(
            13,
            "7777",
            null,
            "#PolTwt #Community hello",
            "2015-06-05T16:00:00Z",
            "fr",
            "Twitter Web App",
            null));
    return t;
  }

  static Tweet tweet(
      long id,
      String authorId,
      String handle,
      String text,
      String at,
      String lang,
      String source,
      ReferencedTweet.Type ref) {
    return Tweet.builder()
        .id(Long.toString(id))
        .authorId(authorId)
        .authorHandle(handle == null ? null : TwitterHandle.of(handle))
        .text(text)
        .createdAt(Instant.parse(at))
        .lang(lang)
        .source(source)
        .referencedTweets(ref == null ? List.of() : List.of(new ReferencedTweet(ref, "42")))
        .build();
  }

  /** The wrap-up of the thirteen tweets, through the accumulator. */
  static WrapUp wrapUp() {
    List<Registration> registrations = registrations();
    ComplianceChecker checker = checker(registrations);
    WrapUp.Accumulator acc = WrapUp.accumulator(FIFTH, registrations);
    for (Tweet tweet : tweets()) {
      acc.add(tweet, checker.check(tweet));
    }
    return acc.result();
  }
}
