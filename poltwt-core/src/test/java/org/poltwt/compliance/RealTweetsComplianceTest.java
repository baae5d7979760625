package org.poltwt.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.poltwt.tweet.Tweet;
import org.poltwt.tweet.io.RealTweets;
import org.poltwt.tweet.io.TweetReader;

/** The checker on real posts X published: none of the originals is too long by X's own count. */
class RealTweetsComplianceTest {

  @Test
  void noPublishedOriginalIsTooLong() {
    ComplianceChecker checker = ComplianceFixtures.checker();
    int originals = 0;
    List<String> tooLong = new ArrayList<>();
    for (String file : RealTweets.files("twarc-csv")) {
      try (TweetReader reader =
          TweetReader.builder()
              .onMalformed(TweetReader.Malformed.SKIP)
              .build(RealTweets.open(file))) {
        while (reader.hasNext()) {
          Tweet t = reader.next();
          if (t.isRetweet()) {
            continue;
          }
          originals++;
          ComplianceResult r = checker.check(t);
          if (r.violations().stream().anyMatch(v -> v.code() == Violation.Code.TOO_LONG)) {
            tooLong.add(file + " " + t.id() + " " + r.violations());
          }
        }
      }
    }
    assertThat(originals).isEqualTo(RealTweets.ORIGINALS);
    assertThat(tooLong).isEmpty();
  }

  /**
   * The API's text of the same posts, taken as drafts, is what poltwt used to weigh: 36 of them are
   * over 280 that way, which is why a published post is counted as X counted it.
   */
  @Test
  void theApiTextsAsDraftsWouldBeTooLong() {
    ComplianceChecker checker = ComplianceFixtures.checker();
    int tooLong = 0;
    int counted = 0;
    for (String file : RealTweets.files("twarc-csv")) {
      try (TweetReader reader =
          TweetReader.builder()
              .onMalformed(TweetReader.Malformed.SKIP)
              .build(RealTweets.open(file))) {
        while (reader.hasNext()) {
          Tweet t = reader.next();
          if (t.isRetweet()) {
            continue;
          }
          if (t.countedText().isPresent()) {
            counted++;
          }
          if (checker.checkDraft(t.text()).stream()
              .anyMatch(v -> v.code() == Violation.Code.TOO_LONG)) {
            tooLong++;
            assertThat(t.countedText()).as(t.id()).isPresent();
          }
        }
      }
    }
    assertThat(tooLong).isEqualTo(36);
    assertThat(counted).isGreaterThanOrEqualTo(tooLong);
  }
}
