package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.poltwt.compliance.ComplianceChecker;
import org.poltwt.event.Edition;
import org.poltwt.examples.demo.DemoData;
import org.poltwt.report.WrapUp;
import org.poltwt.spi.memory.InMemoryRegistrationStore;
import org.poltwt.tweet.Tweet;

/** The wrap-up report from tweets to the document: its words, numbers, charts and escaping. */
class WrapUpReportTest {
  private static final Edition EDITION =
      DemoData.generate(7, LocalDate.of(2026, 3, 2)).nextEdition();

  private static WrapUp wrapUp(Tweet... tweets) {
    ComplianceChecker checker =
        ComplianceChecker.builder()
            .edition(EDITION)
            .registrations(new InMemoryRegistrationStore())
            .build();
    WrapUp.Accumulator acc = WrapUp.accumulator(EDITION, List.of());
    for (Tweet t : tweets) {
      acc.add(t, checker.check(t));
    }
    return acc.result();
  }

  private static Tweet tweet(String id, String lang, String source) {
    return Tweet.builder()
        .id(id)
        .authorId("2")
        .text("#" + EDITION.hashtag() + " on the beat #Tag")
        .createdAt(Instant.parse("2026-01-01T00:00:00Z"))
        .lang(lang)
        .source(source)
        .build();
  }

  @Test
  void aDocumentWithItsWordsNumbersAndCharts() {
    String html = WrapUpReport.document(wrapUp(tweet("1", "en", "Web"), tweet("3", "en", "Web")));

    assertThat(html)
        .startsWith("<!DOCTYPE html>\n<html lang=\"en\">")
        .contains(
            "<title>#" + EDITION.hashtag() + " edition " + EDITION.number() + " wrap-up</title>")
        .contains("<h2>In numbers</h2>")
        .contains("<tr><th scope=\"row\">Tweets</th><td class=\"n\">2</td></tr>")
        .contains(
            "aria-label=\"Tweets by compliance: Compliant 0; Carry the hashtag 2; Exempt retweets"
                + " without it 0; Missing hashtag 0; Outside window 2; Unregistered author 2; Too"
                + " long 0; Theme-tagged 0.\"")
        .contains("<p class=\"note\">A tweet carries the hashtag when its own words do;")
        .contains("<figure id=\"utc-hours\"><svg viewbox=\"0 0 680 195\" role=\"img\"")
        .contains("aria-label=\"Tweets per language: en 2.\"")
        .contains("<tr><th scope=\"row\">#Tag</th><td class=\"n\">2</td></tr>")
        .contains("<td class=\"n\">no</td>")
        .endsWith("</body></html>\n");
  }

  @Test
  void languagesAndAppsFromTweetsAreEscaped() {
    String html =
        WrapUpReport.document(
            wrapUp(tweet("1", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>")));

    assertThat(html)
        .doesNotContain("<script>")
        .doesNotContain("<img")
        .contains("class=\"axis\">&lt;script&gt;alert(1)&lt;/script&gt;</text>")
        .contains("aria-label=\"Tweets per app: &lt;img src=x onerror=alert(1)&gt; 1.\"");
  }

  @Test
  void anEmptyChartSaysSo() {
    assertThat(WrapUpReport.document(wrapUp()))
        .contains("aria-label=\"Tweets per language: none.\"")
        .contains("aria-label=\"Tweets per app: none.\"");
  }
}
