package org.poltwt.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.twitter.twittertext.TwitterTextParser;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.poltwt.tweet.Hashtags;
import org.poltwt.tweet.TweetLength;
import org.poltwt.tweet.io.RealTweets;

/**
 * The texts of real posts, as X published them, against twitter-text: the hashtags poltwt finds and
 * the weighted length it counts are twitter-text's for every text of both corpora, the tweepy
 * payloads (default fields: kana, CJK, Devanagari, emoji, links) included. This compares the text
 * rules only; what X counted for a published post (without its reply mentions and media links) is
 * the reader's and the checker's business, tested on the same corpus beside them.
 */
class RealTextsTest {
  static Stream<String> files() {
    List<String> files = new ArrayList<>(RealTweets.files("tweepy"));
    files.addAll(RealTweets.files("twarc-csv"));
    return files.stream();
  }

  @ParameterizedTest
  @MethodSource("files")
  void hashtagsAndWeightedLengthAreTwitterTexts(String file) {
    List<RealTweets.Expected> tweets = RealTweets.expected(file);
    assertThat(tweets).isNotEmpty();
    for (RealTweets.Expected t : tweets) {
      String text = t.text();
      assertThat(Hashtags.extract(text)).as(t.id()).isEqualTo(ScanOracle.hashtags(text));
      assertThat(TweetLength.weighted(text))
          .as(t.id())
          .isEqualTo(TwitterTextParser.parseTweet(text).weightedLength);
    }
  }
}
