package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The public surfaces, attacked from outside: the outbox, the page after a sign-up, forged links,
 * the JSON routes' errors, page numbers and the CSRF cookie across sites.
 */
class SitePublicSurfacesTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC);
  private static TestSite site;

  @BeforeAll
  static void start() {
    site = TestSite.start(CLOCK, 1000);
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  @Test
  void theOutboxIsForALoggedInOrganiserOnly() {
    WebClient visitor = site.client();
    WebClient.Response anonymous = visitor.get("/organiser/outbox");
    assertThat(anonymous.status()).isEqualTo(303);
    assertThat(anonymous.header("Location")).isEqualTo("/organiser/login");
    assertThat(visitor.get("/organiser/outbox/1.eml").status()).isEqualTo(303);
    assertThat(visitor.get("/outbox").status()).isEqualTo(404);
    assertThat(visitor.get("/outbox").body()).doesNotContain("/verify?token=");

    assertThat(site.organiser().get("/organiser/outbox").status()).isEqualTo(200);
  }

  @Test
  void withAMailServerThereIsNoOutboxEvenForTheOrganiser() {
    try (TestSite smtp =
        TestSite.start(CLOCK, 1000, b -> b.smtp("127.0.0.1", 25, null, null, false))) {
      assertThat(smtp.organiser().get("/organiser/outbox").status()).isEqualTo(404);
      assertThat(smtp.client().get("/").body()).doesNotContain("/organiser/outbox");
    }
  }

  @Test
  void theAddressAfterASignUpIsShownOnlyToTheBrowserThatSignedUpAndOnlyWhileItWaits() {
    WebClient signer = site.client();
    signer.get("/signup");
    WebClient.Response r =
        signer.post("/signup", SiteHttpTest.officer("PCSentOnly", "sent.only@kent.police.uk"));
    assertThat(r.status()).isEqualTo(303);
    String page = r.header("Location");

    assertThat(signer.get(page).body())
        .contains("We sent a verification email for")
        .contains("s\u2022\u2022\u2022@");
    WebClient other = site.client();
    assertThat(other.get(page).body())
        .doesNotContain("\u2022\u2022\u2022@")
        .contains("If the sign-up went through");
    // Another handle with this browser's proof shows nothing either.
    assertThat(signer.get("/signup/sent?handle=EvilAgency").body())
        .doesNotContain("\u2022\u2022\u2022@");

    // Once verified, nobody is told a mail was just sent.
    WebClient.Response confirm = signer.get(site.verificationLink("PCSentOnly"));
    Matcher token = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(confirm.body());
    assertThat(token.find()).isTrue();
    assertThat(signer.post("/verify", Map.of("token", token.group(1))).status()).isEqualTo(200);
    assertThat(signer.get(page).body())
        .doesNotContain("\u2022\u2022\u2022@")
        .doesNotContain("We sent a verification email for");
  }

  @Test
  void thePageAfterASignUpIsRateLimitedLikeTheLookUp() {
    try (TestSite limited = TestSite.start(CLOCK, 3)) {
      WebClient c = limited.client();
      for (int i = 0; i < 3; i++) {
        assertThat(c.get("/signup/sent?handle=EvilAgency").status()).isEqualTo(200);
      }
      WebClient.Response refused = c.get("/signup/sent?handle=EvilAgency");
      assertThat(refused.status()).isEqualTo(429);
      assertThat(refused.header("Retry-After")).isNotNull();
    }
  }

  @Test
  void forgedVerificationAndUnsubscribeLinksGetTheirOwnPageInTheVisitorsLanguage() {
    WebClient c = site.client();
    c.get("/verify?lang=es&token=" + "x".repeat(43));
    WebClient.Response verify = c.post("/verify", Map.of("token", "x".repeat(43)));
    c.get("/unsubscribe?token=" + "y".repeat(43));
    WebClient.Response unsubscribe = c.post("/unsubscribe", Map.of("token", "y".repeat(43)));

    for (WebClient.Response r : new WebClient.Response[] {verify, unsubscribe}) {
      assertThat(r.status()).isEqualTo(404);
      assertThat(r.body()).contains("Enlace desconocido").doesNotContain("Page not found");
    }
  }

  @Test
  void jsonRoutesAnswerErrorsAsProblemDetails() {
    WebClient c = site.client();
    for (String path :
        new String[] {"/api/window?zone=Nowhere/Atall", "/api/window", "/api/nothing-here"}) {
      WebClient.Response r = c.get(path);
      assertThat(r.status()).as(path).isEqualTo(404);
      assertThat(r.header("Content-Type")).as(path).startsWith("application/problem+json");
      assertThat(r.body())
          .contains("\"type\":\"about:blank\"")
          .contains("\"title\":\"Not Found\"")
          .contains("\"status\":404")
          .contains("\"detail\":")
          .doesNotContain("<html");
    }
    assertThat(c.get("/api/window?zone=Europe/Madrid").header("Content-Type"))
        .startsWith("application/json");
  }

  @Test
  void outOfRangePageNumbersAreTheLastPageOrA400NeverA500() {
    WebClient organiser = site.organiser();
    WebClient.Response far = organiser.get("/organiser/registrations?page=50000000");
    assertThat(far.status()).isEqualTo(200);
    assertThat(far.body()).contains("Previous page").doesNotContain("Next page");
    for (String bad : new String[] {"-1", "abc", "99999999999999", "1e3"}) {
      WebClient.Response r = organiser.get("/organiser/registrations?page=" + bad);
      assertThat(r.status()).as(bad).isEqualTo(400);
      assertThat(r.body()).contains("This page number is not valid");
    }
  }

  @Test
  void arrivingFromAnotherSiteKeepsTheCsrfCookieSoAFormOpenInAnotherTabStillSubmits() {
    WebClient c = site.client();
    WebClient.Response first = c.get("/lookup");
    assertThat(first.headers().allValues("Set-Cookie"))
        .anySatisfy(
            v -> assertThat(v).startsWith(Guards.CSRF_COOKIE + "=").contains("SameSite=Lax"));
    String formToken = c.csrf;

    // A link followed from another site: the Lax cookie comes along, and stays as it is.
    WebClient.Response arrival =
        c.get(
            "/",
            Map.of("Sec-Fetch-Site", "cross-site", "Referer", "https://elsewhere.example/post"));
    assertThat(arrival.headers().allValues("Set-Cookie"))
        .noneSatisfy(v -> assertThat(v).startsWith(Guards.CSRF_COOKIE + "="));

    c.csrf = formToken;
    WebClient.Response submitted = c.post("/lookup", Map.of("handle", "EvilAgency"));
    assertThat(submitted.status()).isNotEqualTo(403);
  }
}
