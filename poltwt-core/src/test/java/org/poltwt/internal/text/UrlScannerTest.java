package org.poltwt.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * URL shapes of real tweets, each against twitter-text and, for a few, against the expected span.
 */
class UrlScannerTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Read more https://t.co/AbCdEf1234 #PolTwt",
        "https://t.co/AbCdEf1234/extra?x=1",
        "slug too long https://t.co/abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz ok",
        "http://t.co/x?utm=1&a=b. next",
        "tips at www.example.org/path/to/page. Thanks",
        "example.com, example.co.uk and example.jp/ and example.zz",
        "foo.co.uk/path#frag and #tag.com",
        "https://en.wikipedia.org/wiki/Police_(disambiguation) and (see example.com/a_(b))",
        "https://example.org/a((b))c and example.org/a(b(c)d)e. and x.com/(a)(b)",
        "-example.com _example.com .example.com /example.com éexample.com",
        "https://例子.香港/path https://twitter.한국 http://müller.de/ä",
        "mail tips@example.gov or @user.com or $cash.com or #hash.com",
        "https://example.com:8080/x?q=1#frag",
        "xn--p1ai.xn--p1ai and foo.xn--80ak6aa92e.com",
        "HTTPS://EXAMPLE.COM/ABC and Example.Com",
        "trailing.com. a.b.c.d.e.f.g.h.com! a_b.c_d.com a-.com -a.com",
        "https://www.例子.com/ and https://例子.com",
      })
  void urlsAreTwitterTexts(String text) {
    assertThat(UrlScanner.urls(text)).as(text).containsExactly(ScanOracle.urls(text));
  }

  @Test
  void tcoLinksAreCutAfterTheirSlug() {
    String text = "see https://t.co/AbCdEf1234/more";
    assertThat(UrlScanner.urls(text)).containsExactly(4, 4 + "https://t.co/AbCdEf1234".length());
  }

  @Test
  void aUrlWithoutProtocolNeedsAListedTld() {
    assertThat(UrlScanner.urls("example.com")).containsExactly(0, 11);
    assertThat(UrlScanner.urls("example.zz")).isEmpty();
    assertThat(UrlScanner.urls("end of a sentence. Next one")).isEmpty();
    // "next" is a generic TLD: twitter-text reads a missing space as a link.
    assertThat(UrlScanner.urls("end of a sentence.Next one")).containsExactly(9, 22);
  }
}
