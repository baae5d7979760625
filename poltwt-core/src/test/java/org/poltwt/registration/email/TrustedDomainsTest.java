package org.poltwt.registration.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.poltwt.registration.email.TrustedDomains.Problem;
import org.poltwt.spi.TrustedDomain;
import org.poltwt.spi.memory.InMemoryTrustedDomainStore;

class TrustedDomainsTest {
  private static final Instant AT = Instant.parse("2026-05-01T10:00:00Z");
  private final GovernmentEmailPolicy untrusting =
      GovernmentEmailPolicy.defaults().withTrustedDomains(d -> false);

  @Test
  void theBundledListIsLargeSourcedAndCoversTheIssuesExamples() {
    List<TrustedDomains.PoliceDomain> rows = TrustedDomains.bundled();
    assertThat(rows).hasSizeGreaterThanOrEqualTo(60);
    assertThat(rows)
        .allSatisfy(
            r -> {
              assertThat(r.source()).startsWith("https://");
              assertThat(r.country()).matches("[A-Z]{2}");
              assertThat(r.force()).isNotBlank();
            });
    assertThat(rows)
        .extracting(TrustedDomains.PoliceDomain::domain)
        .contains(
            "politie.nl",
            "garda.ie",
            "polizei.bayern.de",
            "policia.es",
            "polisen.se",
            "nypd.org",
            "lapd.online",
            "tps.ca")
        .doesNotHaveDuplicates();
  }

  @Test
  void everyBundledDomainWouldOtherwiseGoToReviewAndIsNowAccepted() {
    // A bundled row the policy accepts anyway (a government namespace) would be dead weight, and
    // one it refuses (webmail, public suffix) would be a mistake: trust must never override it.
    for (TrustedDomains.PoliceDomain row : TrustedDomains.bundled()) {
      String address = "press@" + row.domain();
      assertThat(untrusting.assess(address).verdict()).as(row.domain()).isEqualTo(Verdict.REVIEW);
      EmailAssessment a = GovernmentEmailPolicy.defaults().assess(address);
      assertThat(a.rule()).as(row.domain()).isEqualTo(EmailAssessment.Rule.TRUSTED_DOMAIN);
      assertThat(a.verdict()).isEqualTo(Verdict.ACCEPTED);
    }
  }

  @Test
  void aTrustedDomainCoversItsSubdomainsButNotLookalikes() {
    GovernmentEmailPolicy p = GovernmentEmailPolicy.defaults();
    assertThat(p.assess("x@mail.politie.nl").rule()).isEqualTo(EmailAssessment.Rule.TRUSTED_DOMAIN);
    assertThat(p.assess("x@politie.nl.evil.example").verdict()).isEqualTo(Verdict.REVIEW);
    assertThat(p.assess("x@notpolitie.nl").verdict()).isEqualTo(Verdict.REVIEW);
  }

  @Test
  void trustNeverOverridesARefusal() {
    GovernmentEmailPolicy p = GovernmentEmailPolicy.defaults().withTrustedDomains(d -> true);
    assertThat(p.assess("x@gmail.com").rule()).isEqualTo(EmailAssessment.Rule.WEBMAIL);
    assertThat(p.assess("x@co.uk").rule()).isEqualTo(EmailAssessment.Rule.PUBLIC_SUFFIX);
    assertThat(p.assess("x@police.gov.example.com").verdict()).isEqualTo(Verdict.REJECTED);
    assertThat(p.assess("x@pоlitie.nl").rule()).isEqualTo(EmailAssessment.Rule.LOOKALIKE);
    // An accepted namespace keeps its own, more telling rule.
    assertThat(p.assess("x@met.police.uk").rule())
        .isEqualTo(EmailAssessment.Rule.GOVERNMENT_NAMESPACE);
  }

  @Test
  void theStoresDecisionsWinOverTheBundledListAndTheMostSpecificWins() {
    InMemoryTrustedDomainStore store = new InMemoryTrustedDomainStore();
    GovernmentEmailPolicy p =
        GovernmentEmailPolicy.defaults()
            .withTrustedDomains(
                TrustedDomains.withDecisions(d -> store.find(d).map(TrustedDomain::trusted)));
    assertThat(p.assess("x@politie.nl").verdict()).isEqualTo(Verdict.ACCEPTED);
    assertThat(p.assess("x@police.example.org").verdict()).isEqualTo(Verdict.REVIEW);

    store.save(new TrustedDomain("politie.nl", false, "", "ana", AT));
    store.save(new TrustedDomain("police.example.org", true, "checked", "ana", AT));
    store.save(new TrustedDomain("lab.police.example.org", false, "", "ana", AT));

    assertThat(p.assess("x@politie.nl").verdict()).isEqualTo(Verdict.REVIEW);
    assertThat(p.assess("x@mail.politie.nl").verdict()).isEqualTo(Verdict.REVIEW);
    assertThat(p.assess("x@police.example.org").rule())
        .isEqualTo(EmailAssessment.Rule.TRUSTED_DOMAIN);
    assertThat(p.assess("x@a.police.example.org").verdict()).isEqualTo(Verdict.ACCEPTED);
    assertThat(p.assess("x@lab.police.example.org").verdict()).isEqualTo(Verdict.REVIEW);
    // The default policy is untouched by the store.
    assertThat(GovernmentEmailPolicy.defaults().assess("x@politie.nl").verdict())
        .isEqualTo(Verdict.ACCEPTED);
  }

  @ParameterizedTest
  @CsvSource({
    "Politie.NL.,politie.nl,",
    "' polizei.bayern.de ',polizei.bayern.de,",
    "münchen.example,xn--mnchen-3ya.example,",
    "not a domain,,SYNTAX",
    "x@politie.nl,,SYNTAX",
    "nl,,SYNTAX",
    ",,SYNTAX",
    "gmail.com,,WEBMAIL",
    "mail.yahoo.co.uk,,WEBMAIL",
    "comcast.net,,WEBMAIL",
    "co.uk,,PUBLIC_SUFFIX",
    "gov.uk,,PUBLIC_SUFFIX",
  })
  void typedDomainsAreCheckedBeforeTheyAreTrusted(String typed, String domain, Problem problem) {
    assertThat(TrustedDomains.check(typed)).isEqualTo(new TrustedDomains.Checked(domain, problem));
  }

  /**
   * The goal of issue 21: at most one in ten real police sign-ups waits for a person. The sample
   * ({@code police_sample.tsv}) holds national, regional and city forces from every continent.
   */
  @Test
  void atMostOneInTenRealPoliceSignUpsWaitsForReview() throws IOException {
    List<String[]> sample = sample();
    assertThat(sample).hasSizeGreaterThanOrEqualTo(40);
    Set<String> continents = new TreeSet<>();
    List<String> before = new ArrayList<>();
    List<String> after = new ArrayList<>();
    for (String[] row : sample) {
      continents.add(row[1]);
      String address = "press@" + row[0];
      if (untrusting.assess(address).verdict() == Verdict.REVIEW) {
        before.add(row[0]);
      }
      Verdict verdict = GovernmentEmailPolicy.defaults().assess(address).verdict();
      assertThat(verdict).as(row[0]).isNotEqualTo(Verdict.REJECTED);
      if (verdict == Verdict.REVIEW) {
        after.add(row[0]);
      }
    }
    assertThat(continents)
        .containsExactlyInAnyOrder(
            "Africa", "Asia", "Europe", "North America", "Oceania", "South America");
    System.out.printf(
        "police sample: %d domains; to review without trusted domains %d (%.0f%%), with the"
            + " bundled list %d (%.0f%%) %s%n",
        sample.size(),
        before.size(),
        100.0 * before.size() / sample.size(),
        after.size(),
        100.0 * after.size() / sample.size(),
        after);
    assertThat(before.size() * 10).as("the sample shows the problem").isGreaterThan(sample.size());
    assertThat(after.size() * 10).as("review share, " + after).isLessThanOrEqualTo(sample.size());
  }

  private static List<String[]> sample() throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (InputStream in = TrustedDomainsTest.class.getResourceAsStream("police_sample.tsv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] cells = line.split("\t", -1);
          assertThat(cells).as(line).hasSize(4);
          assertThat(cells[3]).startsWith("https://");
          rows.add(cells);
        }
      }
    }
    return rows;
  }
}
