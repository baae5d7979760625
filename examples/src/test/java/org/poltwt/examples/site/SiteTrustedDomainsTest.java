package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.spi.TrustedDomain;

/**
 * The review queue grouped by domain, its trust action, and the trusted-domains page (issue 21).
 */
class SiteTrustedDomainsTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-06-01T10:00:30Z"), ZoneOffset.UTC);
  private static TestSite site;
  private static int edition;

  @BeforeAll
  static void start() {
    site = TestSite.start(CLOCK, 1000);
    edition = site.latestEdition();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  private static RegistrationStatus status(UUID id) {
    return site.site.stores().registrations().find(id).orElseThrow().status();
  }

  @Test
  void theQueueIsGroupedByDomainAndOneDecisionClearsAForce() {
    UUID a = site.waitingForReview(edition, "GroupA", "a@pd-group.example.com");
    UUID b = site.waitingForReview(edition, "GroupB", "b@pd-group.example.com");
    UUID c = site.waitingForReview(edition, "GroupC", "c@east.pd-group.example.com");
    UUID other = site.waitingForReview(edition, "GroupOther", "x@sheriff-group.example.net");
    WebClient org = site.organiser();

    String page = org.get("/organiser/review").body();
    Matcher group =
        Pattern.compile(
                "<section class=\"review-group\" data-domain=\"pd-group.example.com\""
                    + "[^>]*>\\s*<h2[^>]*>pd-group.example.com: 2 waiting</h2>")
            .matcher(page);
    assertThat(group.find()).as(page).isTrue();
    assertThat(page)
        .contains("data-domain=\"east.pd-group.example.com\"")
        .contains("Approve all and trust pd-group.example.com")
        .contains("Approve all and trust sheriff-group.example.net");

    // Without the CSRF token nothing changes.
    WebClient forged = site.organiser();
    forged.csrf = "forged";
    assertThat(forged.post("/organiser/review/" + a + "/trust", Map.of()).status()).isEqualTo(403);
    assertThat(status(a)).isEqualTo(RegistrationStatus.PENDING_REVIEW);

    WebClient.Response r = org.post("/organiser/review/" + a + "/trust", Map.of());
    assertThat(r.status()).isEqualTo(303);
    assertThat(org.get(r.header("Location")).body())
        .contains("Approved 3 sign-ups and trusted pd-group.example.com.");
    assertThat(status(a)).isEqualTo(RegistrationStatus.VERIFIED);
    assertThat(status(b)).isEqualTo(RegistrationStatus.VERIFIED);
    assertThat(status(c)).isEqualTo(RegistrationStatus.VERIFIED);
    assertThat(status(other)).isEqualTo(RegistrationStatus.PENDING_REVIEW);
    assertThat(site.site.stores().trustedDomains().find("pd-group.example.com"))
        .hasValueSatisfying(d -> assertThat(d.trusted()).isTrue());

    String trusted = org.get("/organiser/trusted").body();
    assertThat(trusted)
        .contains("<tr data-domain=\"pd-group.example.com\">")
        .contains("admin, 2026-06-01 10:00 UTC");
    // Twice is a conflict, not a second round of mails.
    assertThat(org.post("/organiser/review/" + a + "/trust", Map.of()).status()).isEqualTo(409);
  }

  @Test
  void theTrustedPageListsTheBundledDomainsWithTheirSources() {
    String page = site.organiser().get("/organiser/trusted").body();
    assertThat(page)
        .contains("<tr data-domain=\"politie.nl\">")
        .contains("href=\"https://www.politie.nl/\"")
        .contains("<tr data-domain=\"nypd.org\">")
        .contains("Remove nypd.org")
        .contains("Bundled list");
  }

  @Test
  void anOrganiserAddsAndRemovesADomainAndRemovingABundledOneSticks() {
    WebClient org = site.organiser();
    org.get("/organiser/trusted");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("domain", " Sheriff-Add.Example.ORG. ");
    form.put("note", "County sheriff, checked on its site");
    WebClient.Response added = org.post("/organiser/trusted", form);
    assertThat(added.status()).isEqualTo(303);
    assertThat(org.get(added.header("Location")).body())
        .contains("Now trusted: sheriff-add.example.org.")
        .contains("County sheriff, checked on its site");
    TrustedDomain stored =
        site.site.stores().trustedDomains().find("sheriff-add.example.org").orElseThrow();
    assertThat(stored.trusted()).isTrue();
    assertThat(stored.by()).as("the organiser's account decided").isEqualTo("admin");

    WebClient.Response removed =
        org.post("/organiser/trusted/remove", Map.of("domain", "garda.ie"));
    assertThat(removed.status()).isEqualTo(303);
    String after = org.get(removed.header("Location")).body();
    assertThat(after).contains("Removed: garda.ie.");
    assertThat(site.site.stores().trustedDomains().find("garda.ie").orElseThrow().trusted())
        .isFalse();
    assertThat(after).doesNotContain("Remove garda.ie");
    assertThat(site.site.stores().auditLog().list(0, 20))
        .as("both decisions are in the audit log, by the admin")
        .anySatisfy(
            e ->
                assertThat(e.action() + " " + e.target() + " " + e.actor())
                    .isEqualTo("domain.trust sheriff-add.example.org admin"))
        .anySatisfy(
            e ->
                assertThat(e.action() + " " + e.target() + " " + e.actor())
                    .isEqualTo("domain.revoke garda.ie admin"));
    // The next sign-up from the force waits for review again; a bundled domain no one removed
    // does not.
    assertThat(signUp("GardaAfter", "press@garda.ie").emailNeedsReview()).isTrue();
    assertThat(signUp("PolitieNow", "press@politie.nl").emailNeedsReview()).isFalse();
    assertThat(signUp("SheriffNow", "hq@sheriff-add.example.org").emailNeedsReview()).isFalse();
  }

  private static Registration signUp(String handle, String email) {
    WebClient c = site.client();
    c.get("/signup");
    assertThat(c.post("/signup", SiteHttpTest.officer(handle, email)).status()).isEqualTo(303);
    return site.site
        .stores()
        .registrations()
        .findByHandle(edition, TwitterHandle.of(handle))
        .orElseThrow();
  }

  @Test
  void badDomainsAreRefusedBesideTheField() {
    WebClient org = site.organiser();
    org.get("/organiser/trusted");
    Map<String, String> cases =
        Map.of(
            "not a domain", "Enter a domain name, such as politie.nl.",
            "gmail.com", "This is a public mail service or an internet provider",
            "co.uk", "This is a public suffix that no organisation holds.");
    for (Map.Entry<String, String> e : cases.entrySet()) {
      Map<String, String> form = new LinkedHashMap<>();
      form.put("domain", e.getKey());
      form.put("note", "");
      WebClient.Response r = org.post("/organiser/trusted", form);
      assertThat(r.status()).as(e.getKey()).isEqualTo(422);
      assertThat(r.body())
          .contains("aria-invalid=\"true\"")
          .contains(e.getValue().replace("'", "&#39;"));
    }
    Map<String, String> longNote = new LinkedHashMap<>();
    longNote.put("domain", "ok-domain.example.org");
    longNote.put("note", "x".repeat(501));
    assertThat(org.post("/organiser/trusted", longNote).body())
        .contains("The note can be at most 500 characters.");
    assertThat(site.site.stores().trustedDomains().find("ok-domain.example.org")).isEmpty();
    assertThat(site.site.stores().trustedDomains().find("gmail.com")).isEmpty();
  }
}
