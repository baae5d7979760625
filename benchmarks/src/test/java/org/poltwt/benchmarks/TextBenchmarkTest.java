package org.poltwt.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.twitter.twittertext.Extractor;
import com.twitter.twittertext.TwitterTextParser;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.poltwt.tweet.Hashtags;
import org.poltwt.tweet.TweetLength;

/**
 * The benchmark compares equal answers: ours and twitter-text's agree on the corpus it measures.
 */
class TextBenchmarkTest {
  private static final List<String> CORPUS =
      TextBenchmark.corpus(TextBenchmark.SEED, TextBenchmark.SIZE);

  /**
   * twitter-text takes about a third of a millisecond a text here: every other text keeps this
   * short.
   */
  @Test
  void carriesAgreesWithTwitterText() {
    Extractor extractor = new Extractor();
    List<String> disagreements =
        IntStream.range(0, CORPUS.size() / 2)
            .parallel()
            .mapToObj(i -> CORPUS.get(i * 2))
            .filter(
                text ->
                    Hashtags.carries(text, "PolTwt")
                        != extractor.extractHashtags(text).stream()
                            .anyMatch(t -> t.equalsIgnoreCase("PolTwt")))
            .toList();
    assertThat(disagreements).isEmpty();
  }

  /**
   * twitter-text's parser takes about a millisecond a text here: every tenth text keeps this short.
   */
  @Test
  void weightedAgreesWithTwitterText() {
    List<String> disagreements =
        IntStream.range(0, CORPUS.size() / 10)
            .parallel()
            .mapToObj(i -> CORPUS.get(i * 10 + 1))
            .filter(
                text ->
                    TweetLength.weighted(text) != TwitterTextParser.parseTweet(text).weightedLength)
            .toList();
    assertThat(disagreements).isEmpty();
  }

  @Test
  void theBenchmarkMethodsRunOverTheWholeCorpus() {
    TextBenchmark benchmark = new TextBenchmark();
    benchmark.setUp();
    int carried = 0;
    int contained = 0;
    for (int i = 0; i < TextBenchmark.SIZE; i++) {
      carried += benchmark.carries() ? 1 : 0;
      contained += benchmark.baselineContains() ? 1 : 0;
    }
    assertThat(carried).isBetween(8_000, 9_500);
    assertThat(contained)
        .as("the substring baseline is wrong on look-alikes")
        .isNotEqualTo(carried);
  }

  @Test
  void theCorpusIsWhatTheBenchmarkSaysItIs() {
    assertThat(CORPUS)
        .hasSize(TextBenchmark.SIZE)
        .allMatch(t -> t.length() >= 80 && t.length() <= 280);
    assertThat(TextBenchmark.corpus(TextBenchmark.SEED, 100)).isEqualTo(CORPUS.subList(0, 100));
    long tco = CORPUS.stream().filter(t -> t.contains("https://t.co/")).count();
    long cjk =
        CORPUS.stream()
            .filter(t -> t.codePoints().anyMatch(c -> c >= 0x3040 && c <= 0x9FFF))
            .count();
    long emoji = CORPUS.stream().filter(t -> t.codePoints().anyMatch(c -> c >= 0x1F300)).count();
    long rtl = CORPUS.stream().filter(t -> t.indexOf('\u200F') >= 0).count();
    long combining = CORPUS.stream().filter(t -> t.indexOf('\u0301') >= 0).count();
    assertThat(tco).isBetween(2_700L, 3_300L);
    assertThat(cjk).isGreaterThan(1_000);
    assertThat(emoji).isGreaterThan(1_000);
    assertThat(rtl).isGreaterThan(100);
    assertThat(combining).isGreaterThan(100);
  }
}
