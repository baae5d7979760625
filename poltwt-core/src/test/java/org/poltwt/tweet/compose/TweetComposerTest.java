package org.poltwt.tweet.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.poltwt.InvalidInputException;
import org.poltwt.event.Edition;
import org.poltwt.test.Editions;
import org.poltwt.tweet.Hashtag;
import org.poltwt.tweet.Hashtags;
import org.poltwt.tweet.TweetLength;

class TweetComposerTest {
  private final TweetComposer composer = TweetComposer.forEdition(Editions.scheduled(5));
  private final Edition themed = Editions.scheduledBuilder(6).themes("TimeToUnify").build();

  @Test
  void composesACallForServiceInTheIssuesFormat() {
    CallForService call =
        CallForService.of(
            "Burglary report", LocalTime.of(21, 14, 37), "1234 Main St", "Officers took a report");

    assertThat(composer.callForService(call))
        .isEqualTo("21:14 Burglary report, 1200 block of Main St. Officers took a report. #PolTwt");
  }

  @Test
  void aCallWithoutLocationOrOutcomeIsTimeAndType() {
    assertThat(
            composer.callForService(
                CallForService.of("Welfare check", LocalTime.of(7, 5), null, " ")))
        .isEqualTo("07:05 Welfare check. #PolTwt");
  }

  @Test
  void aCallKeepsItsOwnPunctuationAndDoesNotDoubleIt() {
    CallForService call = CallForService.of("Shots fired?", LocalTime.of(2, 0), null, "Unfounded!");
    assertThat(composer.callForService(call)).isEqualTo("02:00 Shots fired? Unfounded! #PolTwt");

    CallForService separators =
        CallForService.of("Noise complaint,", LocalTime.of(23, 30), "Oak Avenue;", "Advised.");
    assertThat(composer.callForService(separators))
        .isEqualTo("23:30 Noise complaint, Oak Avenue. Advised. #PolTwt");
  }

  @Test
  void everyFieldOfACallIsRedacted() {
    CallForService call =
        CallForService.of(
            "Harassment by Mr Smith",
            LocalTime.of(13, 2),
            "Flat 3, 12 High Street",
            "Victim Jane Doe (07700 900123, jane@example.org) advised; suspect car AB12 CDE traced");

    assertThat(composer.callForService(call))
        .isEqualTo(
            "13:02 Harassment by, unit block of High Street. Victim advised; suspect car traced. #PolTwt");
  }

  @Test
  void aCallWhoseTypeIsOnlyPersonalDataIsRejected() {
    InvalidInputException e =
        catchThrowableOfType(
            InvalidInputException.class,
            () ->
                composer.callForService(
                    CallForService.of("jane@example.org", LocalTime.NOON, null, null)));

    assertThat(e.code()).isEqualTo(TweetComposer.INVALID);
    assertThat(e.field()).isEqualTo("type");
    assertThat(e.getMessage()).doesNotContain("jane");
  }

  @Test
  void aLocationThatIsOnlyPersonalDataIsLeftOut() {
    CallForService call =
        CallForService.of("Lost property", LocalTime.of(9, 0), "555-123-4567", "Returned");
    assertThat(composer.callForService(call)).isEqualTo("09:00 Lost property. Returned. #PolTwt");
  }

  @Test
  void aLongOutcomeIsShortenedAtAWordBoundaryKeepingTimeTypeAndLocation() {
    String outcome =
        "Officers searched the area with the dog unit and the helicopter but found nobody. "
            .repeat(5);
    String tweet =
        composer.callForService(
            CallForService.of(
                "Burglary in progress", LocalTime.of(4, 44), "1234 Main St", outcome));

    assertThat(tweet)
        .startsWith("04:44 Burglary in progress, 1200 block of Main St. Officers searched")
        .endsWith("\u2026 #PolTwt");
    assertThat(TweetLength.weighted(tweet)).isLessThanOrEqualTo(280).isGreaterThan(260);
    String kept = tweet.substring(0, tweet.length() - "\u2026 #PolTwt".length());
    assertThat(outcome.strip()).contains(kept.substring(kept.indexOf("Officers")));
    assertThat(
            outcome.charAt(kept.length() - kept.indexOf("Officers") + outcome.indexOf("Officers")))
        .isIn(' ', ',', '.');
  }

  @Test
  void appendsTheHashtagWithASpace() {
    assertThat(composer.topic("Ask us anything about bike theft today"))
        .isEqualTo("Ask us anything about bike theft today #PolTwt");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Ask us anything about bike theft #PolTwt",
        "#poltwt Ask us anything about bike theft",
        "Ask us anything about #POLTWT bike theft",
        "Ask us anything about bike theft ＃PolTwt",
        "Ask us anything about bike theft #PolTwt.",
      })
  void doesNotAppendTheHashtagTheTextAlreadyCarries(String text) {
    assertThat(composer.topic(text)).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Tweets from #PolTwt2015 were great",
        "Look at x#PolTwt",
        "See https://example.org/#PolTwt",
      })
  void appendsTheHashtagWhenTheTextOnlySeemsToCarryIt(String text) {
    assertThat(composer.topic(text)).isEqualTo(text + " #PolTwt");
  }

  @Test
  void withThemeAppendsTheThemeToo_butOnlyWhatIsMissing() {
    TweetComposer withTheme = TweetComposer.forEdition(themed).withTheme();

    assertThat(withTheme.hashtags()).containsExactly("PolTwt", "TimeToUnify");
    assertThat(withTheme.topic("Football with local kids"))
        .isEqualTo("Football with local kids #PolTwt #TimeToUnify");
    assertThat(withTheme.topic("Football with local kids #timetounify"))
        .isEqualTo("Football with local kids #timetounify #PolTwt");
    assertThat(withTheme.beat("#PolTwt Football with local kids"))
        .isEqualTo("#PolTwt Football with local kids #TimeToUnify");
    assertThat(TweetComposer.forEdition(themed).topic("Football")).isEqualTo("Football #PolTwt");
  }

  @Test
  void withANamedThemeTagsOnlyThatOne() {
    Edition two = Editions.complete(7);
    TweetComposer c = TweetComposer.forEdition(two).withTheme("#policíacercana");

    assertThat(c.hashtags()).containsExactly("GlobalPolTwt", "PolicíaCercana");
    assertThat(c.topic("Hola")).isEqualTo("Hola #GlobalPolTwt #PolicíaCercana");
    assertThat(TweetComposer.forEdition(two).withTheme().hashtags())
        .containsExactly("GlobalPolTwt", "TimeToUnify", "PolicíaCercana");
  }

  @Test
  void askingForAThemeTheEditionDoesNotHaveIsAProgrammerError() {
    assertThatThrownBy(() -> composer.withTheme()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> TweetComposer.forEdition(themed).withTheme("Other"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TweetComposer.forEdition(null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void themesThatLeaveNoRoomForTextAreRejectedNamingTheField() {
    String longTag = "警".repeat(100);
    Edition heavy =
        Editions.scheduledBuilder(8).hashtag("P" + "警".repeat(99)).themes(longTag).build();

    InvalidInputException e =
        catchThrowableOfType(
            InvalidInputException.class, () -> TweetComposer.forEdition(heavy).withTheme());

    assertThat(e.code()).isEqualTo(TweetComposer.INVALID);
    assertThat(e.field()).isEqualTo("themes");
  }

  @Test
  void tagsThatLeaveLittleRoomStillGiveAValidTweetOrATypedError() {
    Edition heavy =
        Editions.scheduledBuilder(8).hashtag("警".repeat(100)).themes("T" + "a".repeat(69)).build();
    TweetComposer c = TweetComposer.forEdition(heavy).withTheme();

    String tweet = c.topic("Hi there");
    assertThat(TweetLength.weighted(tweet)).isLessThanOrEqualTo(280);
    assertThat(tweet).startsWith("Hi");

    InvalidInputException e =
        catchThrowableOfType(
            InvalidInputException.class,
            () -> c.topic("https://example.org/a-long-path is where to look"));
    assertThat(e.field()).isEqualTo("text");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\t\n ", "\u3000\u00A0", "\u200B\u200D", "\uFEFF"})
  void blankTextIsATypedError(String blank) {
    InvalidInputException e =
        catchThrowableOfType(InvalidInputException.class, () -> composer.topic(blank));
    assertThat(e.code()).isEqualTo(TweetComposer.INVALID);
    assertThat(e.field()).isEqualTo("text");
    assertThat(
            catchThrowableOfType(InvalidInputException.class, () -> composer.beat(blank)).field())
        .isEqualTo("text");
  }

  @Test
  void nullTextIsATypedError() {
    assertThat(
            catchThrowableOfType(InvalidInputException.class, () -> composer.topic(null)).reason())
        .isEqualTo("is required");
  }

  @Test
  void textThatIsOnlyContactDetailsIsATypedError() {
    InvalidInputException e =
        catchThrowableOfType(
            InvalidInputException.class, () -> composer.topic("jane@example.org +1 555-123-4567"));
    assertThat(e.field()).isEqualTo("text");
    assertThat(e.getMessage()).doesNotContain("jane").doesNotContain("555");
  }

  @Test
  void normalisesWhitespaceAndDropsWhatTwitterRefuses() {
    assertThat(composer.topic("  Lost  dog\t found \r\n\r\n\r\n  call us \uFEFF\uD800 "))
        .isEqualTo("Lost dog found\n\ncall us #PolTwt");
  }

  @Test
  void topicPostsLoseContactsOnly_beatPostsAlsoLosePlates() {
    String text = "Mr Jones at 1234 Main St says thanks; stopped ABC-1234; call 555-123-4567";

    assertThat(composer.topic(text))
        .isEqualTo("Mr Jones at 1234 Main St says thanks; stopped ABC-1234; call #PolTwt");
    assertThat(composer.beat(text))
        .isEqualTo("Mr Jones at 1234 Main St says thanks; stopped; call #PolTwt");
  }

  @Test
  void aLongPostIsShortenedAtAWordWithAnEllipsis() {
    String text = "Today we are talking about keeping your bike safe. ".repeat(8);
    String tweet = composer.topic(text);

    assertThat(tweet).endsWith("\u2026 #PolTwt");
    assertThat(TweetLength.weighted(tweet)).isLessThanOrEqualTo(280);
    String kept = tweet.substring(0, tweet.length() - "\u2026 #PolTwt".length());
    assertThat(text).startsWith(kept);
    assertThat(text.charAt(kept.length())).isIn(' ', '.');
  }

  @Test
  void aHashtagAtTheEndOfATooLongTextIsAppendedAgainAfterTheEllipsis() {
    String text = "word ".repeat(60) + "#PolTwt";
    String tweet = composer.topic(text);

    assertThat(tweet).endsWith("word\u2026 #PolTwt");
    assertThat(Hashtags.carries(tweet, "PolTwt")).isTrue();
    assertThat(TweetLength.weighted(tweet)).isLessThanOrEqualTo(280);
  }

  @Test
  void aUrlAtTheCutIsDroppedWhole_neverCut() {
    String text =
        "a".repeat(245) + " https://example.org/a-long-path-that-goes-on-and-on and more words";
    String tweet = composer.topic(text);

    assertThat(tweet)
        .isEqualTo(
            "a".repeat(245)
                + " https://example.org/a-long-path-that-goes-on-and-on \u2026 #PolTwt");
    assertThat(TweetLength.weighted(tweet)).isEqualTo(280);

    String tight = "a".repeat(250) + " https://example.org/a-long-path and more";
    assertThat(composer.topic(tight)).isEqualTo("a".repeat(250) + "\u2026 #PolTwt");
  }

  @Test
  void aListMentionAtTheCutIsDroppedWhole_neverLeftAsAMentionOfTheAccount() {
    for (int before = 240; before <= 270; before++) {
      String text = "x".repeat(before) + ".@KentPolice/officers." + "y".repeat(100);
      String tweet = composer.topic(text);

      if (tweet.contains("@KentPolice")) {
        assertThat(tweet).as("%d", before).contains("@KentPolice/officers");
      }
      assertThat(TweetLength.weighted(tweet)).isLessThanOrEqualTo(280);
    }
    // The cut falls inside the list's name here: the whole mention goes.
    assertThat(composer.topic("x".repeat(260) + ".@KentPolice/officers." + "y".repeat(100)))
        .doesNotContain("@KentPolice");
  }

  @Test
  void textWithoutSpacesIsShortenedBetweenGraphemeClusters() {
    String family =
        "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"; // man, woman, girl: one cluster
    String tweet = composer.topic(family.repeat(200));

    assertThat(tweet).endsWith(family + "\u2026 #PolTwt");
    assertThat(TweetLength.weighted(tweet)).isLessThanOrEqualTo(280);

    String cjk = "警察官が地域の皆さんと話しました。".repeat(20);
    String cjkTweet = composer.topic(cjk);
    assertThat(cjkTweet).endsWith("\u2026 #PolTwt").startsWith("警察官が");
    assertThat(TweetLength.weighted(cjkTweet)).isBetween(275, 280);

    String accents = "e\u0301\u0302".repeat(300);
    String accented = composer.topic(accents);
    assertThat(accented).endsWith("e\u0301\u0302\u2026 #PolTwt");
  }

  @Test
  void shorteningNeverMakesAHashtagOfWhatWasNone() {
    // "#Safety#Other" holds no hashtag (a hashtag may not run into another "#"); cut after
    // "#Safet" it would hold #Safet.
    String police = "\uD83D\uDE93"; // police car, weighs 2
    String text = police.repeat(132) + "#Safety#Other";
    assertThat(Hashtags.extract(text)).isEmpty();

    String tweet = composer.topic(text);

    assertThat(tweet).isEqualTo(police.repeat(132) + "\u2026 #PolTwt");
    assertThat(Hashtags.extract(tweet)).extracting(Hashtag::tag).containsExactly("PolTwt");
  }

  @Test
  void toStringNamesTheEditionAndTags() {
    assertThat(TweetComposer.forEdition(themed).withTheme())
        .hasToString("TweetComposer{edition=6, hashtags=[PolTwt, TimeToUnify]}");
  }
}
