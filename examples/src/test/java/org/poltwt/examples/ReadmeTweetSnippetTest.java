package org.poltwt.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.poltwt.compliance.ComplianceChecker;
import org.poltwt.compliance.ComplianceResult;
import org.poltwt.event.Edition;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.report.WrapUp;
import org.poltwt.spi.memory.InMemoryRegistrationStore;
import org.poltwt.tweet.Hashtags;
import org.poltwt.tweet.Tweet;
import org.poltwt.tweet.TweetLength;
import org.poltwt.tweet.compose.CallForService;
import org.poltwt.tweet.compose.TweetComposer;
import org.poltwt.tweet.io.TweetReader;

/** The README's tweet snippet is this test's body, so it always compiles and runs. */
class ReadmeTweetSnippetTest {
  private static final String JSONL =
      "{\"id\":\"1\",\"author_id\":\"42\",\"author\":{\"id\":\"42\",\"username\":\"PoliciaMadrid\"},"
          + "\"text\":\"Patrulla en Lavapi\u00e9s #PolTwt\",\"created_at\":\"2015-06-05T07:00:00.000Z\",\"lang\":\"es\"}\n"
          + "{\"id\":\"2\",\"author_id\":\"77\",\"author\":{\"id\":\"77\",\"username\":\"SomeoneElse\"},"
          + "\"text\":\"#poltwt2015 is not the tag\",\"created_at\":\"2015-06-05T07:00:00.000Z\"}\n";

  @Test
  void snippetRuns() throws IOException {
    Edition edition =
        Edition.builder()
            .number(5)
            .date(LocalDate.of(2015, 6, 5))
            .localStart(LocalTime.of(8, 0))
            .themes("TimeToUnify")
            .build();
    InMemoryRegistrationStore registrationStore = new InMemoryRegistrationStore();
    Registration madrid =
        Registration.builder()
            .edition(5)
            .handle(TwitterHandle.of("PoliciaMadrid"))
            .accountType(org.poltwt.registration.AccountType.AGENCY)
            .agencyName("Policía Municipal de Madrid")
            .agencyLevel(org.poltwt.registration.AgencyLevel.LOCAL)
            .email("prensa@madrid.gob.es")
            .country("ES")
            .zone(ZoneId.of("Europe/Madrid"))
            .participationModel(org.poltwt.registration.ParticipationModel.ONE_TOPIC)
            .status(RegistrationStatus.VERIFIED)
            .createdAt(java.time.Instant.parse("2015-05-01T00:00:00Z"))
            .build();
    registrationStore.insert(madrid);
    List<Registration> registrations = List.of(madrid);
    InputStream tweetsJsonl = new ByteArrayInputStream(JSONL.getBytes(StandardCharsets.UTF_8));
    // README-TWEETS-START
    boolean carries =
        Hashtags.carries("Night shift in Lavapiés ＃POLTWT", "PolTwt"); // true: full-width, any case
    boolean notTheTag =
        Hashtags.carries("see https://example.org/#poltwt", "PolTwt"); // false: inside a URL
    int weighted =
        TweetLength.weighted(
            "警察 \uD83D\uDE93 https://t.co/abc"); // 2+2, 1, 2, 1 and 23 for the URL: 31

    ComplianceChecker checker =
        ComplianceChecker.builder()
            .edition(edition)
            .registrations(registrationStore) // a snapshot of the verified registrations, read once
            .build();

    try (Stream<Tweet> tweets = TweetReader.of(tweetsJsonl).stream()) { // X API v2 pages or JSONL
      WrapUp wrapUp = WrapUp.of(checker, registrations, tweets);
      String markdown = wrapUp.toMarkdown();
    }

    String tweet =
        TweetComposer.forEdition(edition)
            .callForService(
                CallForService.of(
                    "Burglary report",
                    LocalTime.of(21, 14),
                    "1234 Main St",
                    "Officers took a report"));
    // "21:14 Burglary report, 1200 block of Main St. Officers took a report. #PolTwt"
    // README-TWEETS-END

    assertThat(carries).isTrue();
    assertThat(notTheTag).isFalse();
    assertThat(weighted).isEqualTo(31);
    assertThat(tweet)
        .isEqualTo("21:14 Burglary report, 1200 block of Main St. Officers took a report. #PolTwt");
    ComplianceResult first =
        checker.check(
            TweetReader.of(new ByteArrayInputStream(JSONL.getBytes(StandardCharsets.UTF_8)))
                .stream()
                .findFirst()
                .orElseThrow());
    assertThat(first.compliant()).isTrue();
  }

  @Test
  void readmeShowsExactlyTheSnippet() throws IOException {
    assertThat(ReadmeSnippets.readme())
        .contains(ReadmeSnippets.snippet(getClass(), "README-TWEETS"));
  }
}
