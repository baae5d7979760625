package org.poltwt.tweet.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.poltwt.tweet.ReferencedTweet;
import org.poltwt.tweet.Tweet;

/**
 * A reference's {@code type} is read as X sends it: the OpenAPI enum ({@code retweeted}, {@code
 * quoted}, {@code replied_to}, unchanged in the 2.167 spec that renamed other "tweet" words) and
 * every recorded response use exactly those lower-case words, so nothing else is taken for them.
 */
class TweetReaderReferenceTypesTest {

  @ParameterizedTest
  @CsvSource({"retweeted, RETWEETED", "quoted, QUOTED", "replied_to, REPLIED_TO"})
  void theThreeWordsXSendsAreRead(String wire, ReferencedTweet.Type type) {
    for (String member : List.of("referenced_tweets", "referenced_posts")) {
      List<Tweet> tweets = read(TweetReader.builder(), tweetReferring(member, wire));

      assertThat(tweets)
          .singleElement()
          .satisfies(
              t ->
                  assertThat(t.referencedTweets()).containsExactly(new ReferencedTweet(type, "3")));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "reposted",
        "Reposted",
        "repost",
        "Retweeted",
        "RETWEETED",
        "Quoted",
        "QUOTED",
        "Replied_To",
        "REPLIED_TO",
        "replied-to",
        " retweeted",
        "retweeted ",
        ""
      })
  void anyOtherSpellingIsMalformedNotGuessed(String wire) {
    List<MalformedTweet> malformed = new ArrayList<>();

    List<Tweet> tweets =
        read(
            TweetReader.builder()
                .onMalformed(TweetReader.Malformed.SKIP)
                .onMalformed(malformed::add),
            tweetReferring("referenced_tweets", wire));

    assertThat(tweets).isEmpty();
    assertThat(malformed)
        .containsExactly(
            new MalformedTweet(
                1, "referenced_tweets[0].type", "must be retweeted, quoted or replied_to"));
  }

  private static String tweetReferring(String member, String type) {
    return "{\"data\":[{\"id\":\"1\",\"author_id\":\"2\",\"text\":\"t\",\"created_at\":\"2015-06-05T08:00:00.000Z\",\""
        + member
        + "\":[{\"type\":\""
        + type
        + "\",\"id\":\"3\"}]}],\"meta\":{\"result_count\":1}}\n";
  }

  private static List<Tweet> read(TweetReader.Builder b, String input) {
    try (TweetReader r = b.build(new ByteArrayInputStream(input.getBytes(UTF_8)))) {
      return r.stream().collect(Collectors.toList());
    }
  }
}
