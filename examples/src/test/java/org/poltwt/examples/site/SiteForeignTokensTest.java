package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A session cookie, a CSRF cookie or token or a sign-up's proof cookie from another deployment
 * (another secret, other stores), or tampered with, is refused as the site refuses any stale one: a
 * session is no log-in, a form gets the "form expired" page; never a server error.
 */
class SiteForeignTokensTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC);
  private static final String SECRET = "Zm9yZWlnbi10b2tlbnMtdGVzdC1zaGFyZWQtc2VjcmV0LTMyIGJ5dGVz";

  private static TestSite site;

  /** Another deployment: its own stores, and its own secret made on its first start. */
  private static TestSite other;

  @BeforeAll
  static void start() {
    site = TestSite.start(CLOCK, 1000, b -> b.manageKey(SECRET));
    other = TestSite.start(CLOCK, 1000);
  }

  @AfterAll
  static void stop() {
    other.close();
    site.close();
  }

  /** A browser carrying another client's cookies and form token to the site. */
  private static WebClient carrying(WebClient from) {
    WebClient c = site.client();
    c.cookies.putAll(from.cookies);
    c.csrf = from.csrf;
    return c;
  }

  /** A value of the cookies' shape, one character changed. */
  private static String tampered(String value) {
    char last = value.charAt(value.length() - 1);
    return value.substring(0, value.length() - 1) + (last == 'A' ? 'B' : 'A');
  }

  @Test
  void anotherDeploymentsSessionIsNoLogIn() {
    WebClient foreign = carrying(other.organiser());

    WebClient.Response page = foreign.get("/organiser");

    assertThat(page.status()).isEqualTo(303);
    assertThat(page.header("Location")).isEqualTo("/organiser/login");
  }

  @Test
  void aTamperedOrMalformedSessionCookieIsNoLogInAndAPostWithItIsRefusedWithoutAServerError() {
    WebClient browser = site.organiser();
    for (String value :
        new String[] {
          tampered(browser.cookies.get(Guards.SESSION_COOKIE)), "not-a-session", "%00%ff"
        }) {
      WebClient c = site.client();
      c.get("/organiser/login");
      c.cookies.put(Guards.SESSION_COOKIE, value);

      assertThat(c.get("/organiser").status()).as(value).isEqualTo(303);
      WebClient.Response post = c.post("/organiser/announcements", Map.of("action", "preview"));
      assertThat(post.status()).as(value).isEqualTo(401);
      assertThat(post.body()).contains("Log in as an organiser first");
    }
    assertThat(browser.get("/organiser").status()).isEqualTo(200);
  }

  @Test
  void aFormFromAnotherDeploymentIsRefusedAsExpiredAndWorksOnceReloaded() {
    WebClient foreign = other.client();
    foreign.get("/organiser/login");
    WebClient c = carrying(foreign);

    WebClient.Response refused = c.post("/organiser/login", Map.of("password", TestSite.PASSWORD));

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body()).contains("This form has expired");
    assertThat(c.cookies).doesNotContainKey(Guards.SESSION_COOKIE);
    // Reloaded from this site, the same browser's form goes through.
    c.get("/organiser/login");
    assertThat(c.post("/organiser/login", Map.of("password", TestSite.PASSWORD)).status())
        .isEqualTo(303);
  }

  @Test
  void aTamperedCsrfTokenOrCookieIsRefusedAsExpired() {
    WebClient c = site.client();
    c.get("/organiser/login");
    String token = c.csrf;
    String cookie = c.cookies.get(Guards.CSRF_COOKIE);

    WebClient.Response badToken =
        c.post(
            "/organiser/login",
            Map.of("password", TestSite.PASSWORD, Guards.CSRF_FIELD, tampered(token)));
    c.cookies.put(Guards.CSRF_COOKIE, tampered(cookie));
    WebClient.Response badCookie =
        c.post("/organiser/login", Map.of("password", TestSite.PASSWORD, Guards.CSRF_FIELD, token));
    c.cookies.put(Guards.CSRF_COOKIE, "short");
    WebClient.Response malformed =
        c.post("/organiser/login", Map.of("password", TestSite.PASSWORD, Guards.CSRF_FIELD, token));

    for (WebClient.Response r : new WebClient.Response[] {badToken, badCookie, malformed}) {
      assertThat(r.status()).isEqualTo(403);
      assertThat(r.body()).contains("This form has expired");
    }
  }

  @Test
  void anotherDeploymentsProofOfASignUpShowsNoAddress() {
    WebClient foreign = other.client();
    foreign.get("/signup");
    assertThat(
            foreign
                .post(
                    "/signup",
                    SiteHttpTest.officer("PCForeignProof", "foreign.proof@kent.police.uk"))
                .status())
        .isEqualTo(303);
    WebClient here = site.client();
    here.get("/signup");
    assertThat(
            here.post(
                    "/signup",
                    SiteHttpTest.officer("PCForeignProof", "foreign.proof@kent.police.uk"))
                .status())
        .isEqualTo(303);

    WebClient.Response page = carrying(foreign).get("/signup/sent?handle=PCForeignProof");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).doesNotContain("\u2022\u2022\u2022@");
    assertThat(here.get("/signup/sent?handle=PCForeignProof").body())
        .contains("f\u2022\u2022\u2022@");
  }
}
