package org.poltwt.tweet.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.poltwt.tweet.Hashtag;
import org.poltwt.tweet.Tweet;

/** The text X counted, as the reader derives it from the API's fields. */
class CountedTextTest {

  private static final String HEAD =
      "{\"id\":\"11\",\"author_id\":\"7\",\"created_at\":\"2021-05-11T10:00:00.000Z\",";

  private static Tweet read(String rest) {
    try (TweetReader r = TweetReader.of(new StringReader(HEAD + rest + "}\n"))) {
      return r.next();
    }
  }

  @Test
  void aTextWithNothingToLeaveOutCountsAsItIs() {
    Tweet t = read("\"text\":\"Night shift #PolTwt https://t.co/abc\"");
    assertThat(t.countedText()).isEmpty();
    assertThat(t.longPost()).isFalse();
  }

  @Test
  void theThreeEntitiesXEscapesAreUnescaped() {
    Tweet t = read("\"text\":\"Fish &amp; chips &lt;3 &gt; all &quot;x&quot; &#35;\"");
    assertThat(t.text()).isEqualTo("Fish &amp; chips &lt;3 &gt; all &quot;x&quot; &#35;");
    assertThat(t.countedText()).contains("Fish & chips <3 > all &quot;x&quot; &#35;");
  }

  @Test
  void aReplysLeadingMentionsAreLeftOut() {
    Tweet t =
        read(
            "\"text\":\"@a_b @Cd thanks @ef\","
                + "\"referenced_tweets\":[{\"type\":\"replied_to\",\"id\":\"5\"}],"
                + "\"entities\":{\"mentions\":[{\"start\":0,\"end\":4,\"username\":\"a_b\"},"
                + "{\"start\":5,\"end\":8,\"username\":\"Cd\"},"
                + "{\"start\":16,\"end\":19,\"username\":\"ef\"}]}");
    assertThat(t.countedText()).contains("thanks @ef");
  }

  @Test
  void leadingMentionsOfAPostThatIsNoReplyCount() {
    Tweet t =
        read(
            "\"text\":\"@a_b thanks\","
                + "\"entities\":{\"mentions\":[{\"start\":0,\"end\":4,\"username\":\"a_b\"}]}");
    assertThat(t.countedText()).isEmpty();
  }

  @Test
  void trailingMediaAndQuoteLinksAreLeftOut() {
    Tweet t =
        read(
            "\"text\":\"\uD83D\uDC0D look https://t.co/q https://t.co/m\","
                + "\"referenced_tweets\":[{\"type\":\"quoted\",\"id\":\"99\"}],"
                + "\"attachments\":{\"media_keys\":[\"3_1\"]},"
                + "\"entities\":{\"urls\":["
                + "{\"start\":7,\"end\":21,\"url\":\"https://t.co/q\","
                + "\"expanded_url\":\"https://twitter.com/x/status/99\"},"
                + "{\"start\":22,\"end\":36,\"url\":\"https://t.co/m\","
                + "\"expanded_url\":\"https://twitter.com/y/status/11/photo/1\"}]}");
    assertThat(t.countedText()).contains("\uD83D\uDC0D look");
  }

  @Test
  void aLinkTheAuthorWroteCounts() {
    Tweet t =
        read(
            "\"text\":\"read https://t.co/a\","
                + "\"entities\":{\"urls\":[{\"start\":5,\"end\":19,\"url\":\"https://t.co/a\","
                + "\"expanded_url\":\"https://example.org/status/11/photo/1\"}]}");
    assertThat(t.countedText()).isEmpty();
  }

  @Test
  void indicesThatDoNotPointAtTheLinkAreNotTrusted() {
    Tweet t =
        read(
            "\"text\":\"read this https://t.co/a\","
                + "\"attachments\":{\"media_keys\":[\"3_1\"]},"
                + "\"entities\":{\"urls\":[{\"start\":2,\"end\":24,\"url\":\"https://t.co/a\","
                + "\"media_key\":\"3_1\"}]}");
    assertThat(t.countedText()).isEmpty();
  }

  @Test
  void theApisDisplayTextRangeDecidesWhenGiven() {
    Tweet t = read("\"text\":\"@a hi &amp; bye https://t.co/x\",\"display_text_range\":[3,15]");
    assertThat(t.countedText()).contains("hi & bye");
  }

  @Test
  void aLongPostIsItsNoteTextWithItsOwnHashtags() {
    String note = "#PolTwt " + "a".repeat(400);
    Tweet t =
        read(
            "\"text\":\"short #Other https://t.co/n\","
                + "\"entities\":{\"hashtags\":[{\"start\":6,\"end\":12,\"tag\":\"Other\"}]},"
                + "\"note_tweet\":{\"text\":\""
                + note
                + "\",\"entities\":{\"hashtags\":[{\"start\":0,\"end\":7,\"tag\":\"PolTwt\"}]}}");
    assertThat(t.text()).isEqualTo(note);
    assertThat(t.longPost()).isTrue();
    assertThat(t.countedText()).isEmpty();
    assertThat(t.hashtags()).containsExactly(new Hashtag("PolTwt", 0, 7));
  }

  @Test
  void theApisHashtagEntitiesAreTheTweetsHashtags() {
    Tweet t =
        read(
            "\"text\":\"RT @x: cut short #Br\u2026\","
                + "\"entities\":{\"hashtags\":[{\"start\":17,\"end\":24,\"tag\":\"Brexit\"}]}");
    assertThat(t.hashtags()).containsExactly(new Hashtag("Brexit", 17, 24));
    Tweet none = read("\"text\":\"#PolTwt\",\"entities\":{\"urls\":[]}");
    assertThat(none.hashtags()).isEmpty();
  }
}
