package org.poltwt.tweet.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.tweet.ReferencedTweet;
import org.poltwt.tweet.Tweet;

/** Whatever {@link TweetWriter} writes, {@link TweetReader} reads back as equal tweets. */
class TweetWriterRoundTripProperties {

  @Property(tries = 300)
  void tweetsWrittenAsBytesReadBackEqual(@ForAll("tweets") List<Tweet> tweets) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TweetWriter w = TweetWriter.of(out)) {
      tweets.forEach(w::write);
    }

    try (TweetReader r = TweetReader.of(new ByteArrayInputStream(out.toByteArray()))) {
      assertThat(r.stream().collect(Collectors.toList())).isEqualTo(tweets);
    }
    assertThat(out.toString(UTF_8).lines()).hasSize(tweets.size());
  }

  @Property(tries = 300)
  void tweetsWrittenAsCharactersReadBackEqual(@ForAll("wellFormedTweets") List<Tweet> tweets) {
    StringWriter out = new StringWriter();
    try (TweetWriter w = TweetWriter.of(out)) {
      tweets.forEach(w::write);
    }

    try (TweetReader r = TweetReader.of(new StringReader(out.toString()))) {
      assertThat(r.stream().collect(Collectors.toList())).isEqualTo(tweets);
    }
  }

  @Provide
  Arbitrary<List<Tweet>> tweets() {
    return tweets(texts(true)).list().ofMaxSize(8);
  }

  /** Text that is well-formed Unicode, as a character stream must be to be encoded. */
  @Provide
  Arbitrary<List<Tweet>> wellFormedTweets() {
    return tweets(texts(false)).list().ofMaxSize(8);
  }

  private static Arbitrary<Tweet> tweets(Arbitrary<String> texts) {
    Arbitrary<String> ids = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(20);
    Arbitrary<TwitterHandle> handles =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withCharRange('A', 'Z')
            .numeric()
            .withChars('_')
            .ofMinLength(1)
            .ofMaxLength(15)
            .map(TwitterHandle::new)
            .injectNull(0.3);
    Arbitrary<String> langs =
        Arbitraries.of("en", "es", "fr", "und", "zh-Hant", "").injectNull(0.3);
    Arbitrary<String> sources = texts.injectNull(0.5);
    Arbitrary<List<ReferencedTweet>> references =
        Combinators.combine(Arbitraries.of(ReferencedTweet.Type.class), ids)
            .as(ReferencedTweet::new)
            .list()
            .ofMaxSize(3);
    return Combinators.combine(ids, ids, handles, texts, instants(), langs, sources, references)
        .as(
            (id, authorId, handle, text, at, lang, source, refs) ->
                Tweet.builder()
                    .id(id)
                    .authorId(authorId)
                    .authorHandle(handle)
                    .text(text)
                    .createdAt(at)
                    .lang(lang)
                    .source(source)
                    .referencedTweets(refs)
                    .build());
  }

  /**
   * Texts of code points that JSON has to escape, that take two UTF-16 units or that make hashtags.
   */
  private static Arbitrary<String> texts(boolean loneSurrogates) {
    Arbitrary<Integer> ascii = Arbitraries.integers().between(0x20, 0x7E);
    Arbitrary<Integer> special =
        Arbitraries.of(
            (int) '"',
            (int) '\\',
            (int) '/',
            (int) '\n',
            (int) '\r',
            (int) '\t',
            0,
            0x1F,
            0x7F,
            0x2028,
            0x2029,
            0xFEFF,
            0xFF03,
            (int) '#',
            (int) '@',
            0xFFFD);
    Arbitrary<Integer> emoji = Arbitraries.integers().between(0x1F300, 0x1FAFF);
    Arbitrary<Integer> anyCodePoint =
        Arbitraries.integers()
            .between(0, Character.MAX_CODE_POINT)
            .filter(c -> c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE);
    Arbitrary<Integer> surrogate =
        Arbitraries.integers().between(Character.MIN_SURROGATE, Character.MAX_SURROGATE);
    Arbitrary<Integer> codePoints =
        loneSurrogates
            ? Arbitraries.frequencyOf(
                Tuple.of(8, ascii),
                Tuple.of(3, special),
                Tuple.of(2, emoji),
                Tuple.of(3, anyCodePoint),
                Tuple.of(1, surrogate))
            : Arbitraries.frequencyOf(
                Tuple.of(8, ascii),
                Tuple.of(3, special),
                Tuple.of(2, emoji),
                Tuple.of(3, anyCodePoint));
    Arbitrary<String> words =
        codePoints.list().ofMaxSize(40).map(TweetWriterRoundTripProperties::join);
    Arbitrary<String> prefix = Arbitraries.of("", "", "#PolTwt ", "RT @PolTwt: ", "\uFF03PolTwt\n");
    return Combinators.combine(prefix, words).as(String::concat);
  }

  private static String join(List<Integer> codePoints) {
    StringBuilder sb = new StringBuilder();
    codePoints.forEach(sb::appendCodePoint);
    return sb.toString();
  }

  /** Mostly the API's millisecond instants around the event, sometimes any instant at all. */
  private static Arbitrary<Instant> instants() {
    Arbitrary<Instant> apiLike =
        Arbitraries.longs()
            .between(
                Instant.parse("2006-03-21T00:00:00Z").toEpochMilli(),
                Instant.parse("2040-01-01T00:00:00Z").toEpochMilli())
            .map(Instant::ofEpochMilli);
    Arbitrary<Instant> any =
        Combinators.combine(
                Arbitraries.longs()
                    .between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()),
                Arbitraries.integers().between(0, 999_999_999))
            .as(Instant::ofEpochSecond);
    Arbitrary<Instant> edges =
        Arbitraries.of(
            Instant.MIN,
            Instant.MAX,
            Instant.EPOCH,
            Instant.parse("0000-01-01T00:00:00Z"),
            Instant.parse("9999-12-31T23:59:59.999Z"),
            Instant.parse("-0001-12-31T23:59:59.999Z"),
            Instant.parse("+10000-01-01T00:00:00Z"));
    return Arbitraries.frequencyOf(Tuple.of(6, apiLike), Tuple.of(2, any), Tuple.of(1, edges));
  }
}
