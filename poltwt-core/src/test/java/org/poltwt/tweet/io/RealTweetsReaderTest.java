package org.poltwt.tweet.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.tweet.Hashtag;
import org.poltwt.tweet.Tweet;

/**
 * The reader on real X API v2 responses: every payload reads, and gives the payload's own ids,
 * authors, texts, references and hashtag entities, as a Jackson tree read of the same file finds
 * them.
 */
class RealTweetsReaderTest {

  static List<String> twarcFiles() {
    return RealTweets.files("twarc-csv").stream()
        .filter(f -> !f.equals(RealTweets.CUT_OFF))
        .collect(Collectors.toList());
  }

  static List<String> tweepyFiles() {
    return RealTweets.files("tweepy");
  }

  @ParameterizedTest
  @MethodSource("twarcFiles")
  void readsEachPayloadAsThePayloadSays(String file) {
    List<RealTweets.Expected> expected = RealTweets.expected(file);
    List<Tweet> read = readAll(file);

    assertThat(expected).isNotEmpty();
    assertThat(read).hasSameSizeAs(expected);
    for (int i = 0; i < read.size(); i++) {
      Tweet t = read.get(i);
      RealTweets.Expected e = expected.get(i);
      assertThat(t.id()).as(file).isEqualTo(e.id());
      assertThat(t.authorId()).as(e.id()).isEqualTo(e.authorId());
      assertThat(t.authorHandle().map(TwitterHandle::value).orElse(null))
          .as(e.id())
          .isEqualTo(e.username());
      assertThat(t.text()).as(e.id()).isEqualTo(e.text());
      assertThat(RealTweets.references(t)).as(e.id()).isEqualTo(e.references());
      assertThat(t.hashtags()).extracting(Hashtag::tag).as(e.id()).isEqualTo(e.hashtags());
    }
  }

  @Test
  void theCaptureCutOffMidLineIsMalformedAtItsLine() {
    List<Tweet> read = new ArrayList<>();
    MalformedTweetException thrown;
    try (TweetReader reader = TweetReader.of(RealTweets.open(RealTweets.CUT_OFF))) {
      thrown =
          catchThrowableOfType(
              MalformedTweetException.class, () -> reader.forEachRemaining(read::add));
    }

    assertThat(thrown).isNotNull();
    assertThat(thrown.lineNumber()).isEqualTo(RealTweets.CUT_OFF_LINE);
    assertThat(thrown.malformed().field()).isEqualTo("json");
    assertThat(read)
        .extracting(Tweet::id)
        .containsExactlyElementsOf(
            RealTweets.expected(RealTweets.CUT_OFF).stream()
                .map(RealTweets.Expected::id)
                .collect(Collectors.toList()));
  }

  /** Tweepy asked for no fields beyond the defaults: every tweet lacks its author, by field. */
  @ParameterizedTest
  @MethodSource("tweepyFiles")
  void defaultFieldTweetsAreRejectedByField(String file) {
    List<MalformedTweet> malformed = new ArrayList<>();
    try (TweetReader reader =
        TweetReader.builder()
            .onMalformed(TweetReader.Malformed.SKIP)
            .onMalformed(malformed::add)
            .build(RealTweets.open(file))) {
      assertThat(reader.hasNext()).isFalse();
    }

    assertThat(malformed).hasSameSizeAs(RealTweets.expected(file));
    assertThat(malformed).extracting(MalformedTweet::field).containsOnly("author_id");
  }

  @Test
  void readsEveryRealTweet() {
    int read = 0;
    for (String file : RealTweets.files("twarc-csv")) {
      try (TweetReader reader =
          TweetReader.builder()
              .onMalformed(TweetReader.Malformed.SKIP)
              .build(RealTweets.open(file))) {
        while (reader.hasNext()) {
          reader.next();
          read++;
        }
      }
    }
    assertThat(read).isEqualTo(RealTweets.REAL_TWEETS_READ);
  }

  @Test
  void anEditedPostIsKnownAsOnePostInTwoVersions() {
    Tweet latest = readAll("twarc-csv/edited.jsonl").get(0);
    Tweet before = readAll("twarc-csv/edited_before.jsonl").get(0);

    assertThat(latest.edited()).isTrue();
    assertThat(before.edited()).isTrue();
    assertThat(latest.editHistory()).containsExactly("1576994746135764992", "1576994789110992896");
    assertThat(latest.postId()).isEqualTo(before.postId()).isEqualTo("1576994746135764992");
    assertThat(latest.latestVersion()).isTrue();
    assertThat(before.latestVersion()).isFalse();

    Tweet quote = readAll("twarc-csv/quoted_edit.jsonl").get(0);
    assertThat(quote.edited()).isFalse();
    assertThat(quote.editHistory()).isEmpty();
    assertThat(quote.postId()).isEqualTo(quote.id());
  }

  @Test
  void anEditedPostWritesAndReadsBackWithItsHistory() {
    Tweet latest = readAll("twarc-csv/edited.jsonl").get(0);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (TweetWriter w = TweetWriter.of(out)) {
      w.write(latest);
    }
    try (TweetReader r = TweetReader.of(new java.io.ByteArrayInputStream(out.toByteArray()))) {
      Tweet back = r.next();
      assertThat(back.editHistory()).isEqualTo(latest.editHistory());
      assertThat(back.countedText()).isEqualTo(latest.countedText());
      assertThat(back.hashtags()).isEqualTo(latest.hashtags());
    }
  }

  static List<Tweet> readAll(String file) {
    try (TweetReader reader = TweetReader.of(RealTweets.open(file))) {
      List<Tweet> out = new ArrayList<>();
      reader.forEachRemaining(out::add);
      return out;
    }
  }
}
