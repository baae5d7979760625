package org.poltwt.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.poltwt.compliance.Violation.Code.MISSING_HASHTAG;
import static org.poltwt.compliance.Violation.Code.TOO_LONG;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.poltwt.tweet.Tweet;

/** TOO_LONG for a published post (the length X counted) and for a draft (the text as written). */
class PublishedAndDraftLengthTest {
  private final ComplianceChecker checker = ComplianceFixtures.checker();

  private static List<Violation.Code> codes(List<Violation> violations) {
    return violations.stream().map(Violation::code).collect(Collectors.toList());
  }

  private Tweet published(String text, String counted, boolean longPost) {
    return Tweet.builder()
        .id("77")
        .authorId(ComplianceFixtures.KIRI_ID)
        .text(text)
        .countedText(counted)
        .longPost(longPost)
        .createdAt(ComplianceFixtures.MIDDAY_SHARED)
        .build();
  }

  @Test
  void aDraftCountsAsWritten() {
    assertThat(codes(checker.checkDraft("#PolTwt " + "a".repeat(272)))).isEmpty();
    assertThat(codes(checker.checkDraft("#PolTwt " + "a".repeat(273)))).containsExactly(TOO_LONG);
    assertThat(codes(checker.checkDraft("a".repeat(300))))
        .containsExactly(MISSING_HASHTAG, TOO_LONG);
    assertThat(codes(checker.checkDraft("#PolTwt &amp; " + "a".repeat(267))))
        .containsExactly(TOO_LONG);
  }

  @Test
  void aPublishedPostCountsWhatXCounted() {
    String apiText = "#PolTwt &amp; " + "a".repeat(267);
    String counted = "#PolTwt & " + "a".repeat(267);
    assertThat(codes(checker.check(published(apiText, counted, false)).violations())).isEmpty();
    assertThat(codes(checker.check(published(apiText, null, false)).violations()))
        .containsExactly(TOO_LONG);
  }

  @Test
  void aPublishedLongPostIsNeverTooLong() {
    String note = "#PolTwt " + "a".repeat(2000);
    assertThat(codes(checker.check(published(note, null, true)).violations())).isEmpty();
    assertThat(codes(checker.checkDraft(note))).containsExactly(TOO_LONG);
  }
}
