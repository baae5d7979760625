package org.poltwt.registration.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The package-private pieces behind {@link GovernmentEmailPolicy}: suffix rules and namespaces. */
class EmailPublicSuffixRulesTest {
  private static final PublicSuffixRules BUNDLED = PublicSuffixRules.bundled();

  private static String registrable(PublicSuffixRules rules, String domain) {
    int start = rules.registrableStart(domain);
    return start < 0 ? null : domain.substring(start);
  }

  @ParameterizedTest
  @CsvSource({
    "police.gov.example.com, example.com",
    "example.com, example.com",
    "a.b.example.co.uk, example.co.uk",
    "met.police.uk, met.police.uk",
    "www.ck, www.ck",
    "a.www.ck, www.ck",
    "x.foo.ck, x.foo.ck",
    "a.city.kobe.jp, city.kobe.jp",
    "a.b.kobe.jp, a.b.kobe.jp",
    "police.local, police.local",
    "a.b.github.io, github.io", // the PRIVATE section is ignored
    "xn--h1aahle9bwd.xn--p1ai, xn--h1aahle9bwd.xn--p1ai",
  })
  void findsTheRegistrableDomainByTheIcannRules(String domain, String expected) {
    assertThat(registrable(BUNDLED, domain)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"co.uk", "com", "foo.ck", "b.kobe.jp", "gov.uk", "police.uk", "xn--p1ai"})
  void aPublicSuffixHasNoRegistrablePart(String domain) {
    assertThat(BUNDLED.registrableStart(domain)).isEqualTo(-1);
  }

  @Test
  void internationalRulesAreStoredAsPunycode() {
    assertThat(BUNDLED.isKnownTopLevelDomain("xn--p1ai")).isTrue(); // .рф
    assertThat(BUNDLED.isKnownTopLevelDomain("ck")).isTrue(); // only *.ck and !www.ck
    assertThat(BUNDLED.isKnownTopLevelDomain("notatld")).isFalse();
  }

  @Test
  void aListWithoutSectionMarkersCountsAsIcann() {
    PublicSuffixRules rules =
        PublicSuffixRules.parse(
            new StringReader("com\n*.example\n!www.x.example\n公司.cn  extra text\n"), "psl");
    assertThat(registrable(rules, "a.b.example.com")).isEqualTo("example.com");
    assertThat(registrable(rules, "a.b.x.example")).isEqualTo("b.x.example");
    assertThat(registrable(rules, "a.www.x.example")).isEqualTo("www.x.example");
    assertThat(rules.isExplicitRule("xn--55qx5d.cn")).isTrue();
  }

  @Test
  void thePatternNamespacesComeFromExplicitIcannRulesOnly() {
    EmailNamespaces namespaces = EmailNamespaces.resolve(BUNDLED, List.of());
    assertThat(namespaces.match("a.gov.uk")).isEqualTo("gov.uk");
    assertThat(namespaces.match("a.go.jp")).isEqualTo("go.jp");
    assertThat(namespaces.match("a.gob.mx")).isEqualTo("gob.mx");
    assertThat(namespaces.match("gov.bd")).isEqualTo("gov.bd");
    assertThat(namespaces.match("a.go.it")).as("Gorizia is an exception").isNull();
    assertThat(namespaces.match("a.gv.vc")).as("PRIVATE section").isNull();
    assertThat(namespaces.match("a.go.ck")).as("only a wildcard rule").isNull();
    assertThat(namespaces.match("a.gov.com")).isNull();
    assertThat(namespaces.size()).isBetween(200, 400);
  }

  @Test
  void lookalikeRunsStopAtTheRegistrableLabel() {
    EmailNamespaces namespaces = EmailNamespaces.resolve(BUNDLED, List.of());
    assertThat(lookalike(namespaces, "police.gov.example.com")).isTrue();
    assertThat(lookalike(namespaces, "police.uk.com")).isTrue();
    assertThat(lookalike(namespaces, "gov.com")).isFalse(); // the registered name itself: review
    assertThat(lookalike(namespaces, "sfgov.org")).isFalse();
    assertThat(lookalike(namespaces, "int.example.com")).isFalse();
    assertThat(lookalike(namespaces, "go.example.com")).isFalse();
  }

  private static boolean lookalike(EmailNamespaces namespaces, String domain) {
    return namespaces.appearsBelowSuffix(domain, BUNDLED.registrableStart(domain));
  }
}
