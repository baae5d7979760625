package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.poltwt.examples.common.SiteConfig;
import org.poltwt.examples.testing.XStandIn;
import org.poltwt.registration.Registration;
import org.poltwt.registration.TwitterHandle;

/**
 * Sign-up with {@value SiteConfig#X_BEARER_TOKEN} set: each handle is checked on the X API (a local
 * stand-in answering {@code GET /2/users/by/username/{username}} as the API does; WireMock's Jetty
 * would clash with the site's), and a handle no account has, a suspended account's, or one X could
 * not be asked about gets its own message beside the field.
 */
class SiteLiveSignupTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-06-01T10:00:30Z"), ZoneOffset.UTC);
  private static final String TOKEN = "AAAAsiteTestBearerToken0123456789";
  private static final String BY_USERNAME = "/2/users/by/username/";

  /** The stand-in's answers by lower-cased username: status and body. */
  private static final Map<String, Answer> ANSWERS = new ConcurrentHashMap<>();

  private static XStandIn x;
  private static TestSite site;
  private static int edition;

  private record Answer(int status, String body) {}

  @BeforeAll
  static void start() throws IOException {
    x =
        XStandIn.start(
            "/",
            request -> {
              String path = request.path();
              Answer a =
                  path.startsWith(BY_USERNAME)
                      ? ANSWERS.get(path.substring(BY_USERNAME.length()).toLowerCase(Locale.ROOT))
                      : null;
              if (a == null) {
                a = new Answer(404, "{\"title\":\"Not Found Error\",\"status\":404}");
              }
              return XStandIn.Answer.json(a.status(), a.body());
            });
    site = TestSite.start(CLOCK, 1000, b -> b.xBearerToken(TOKEN).xApiUri(x.uri()));
    edition = site.latestEdition();
  }

  @AfterAll
  static void stop() {
    site.close();
    x.close();
  }

  @BeforeEach
  void reset() {
    ANSWERS.clear();
    x.forget();
  }

  @Test
  void aHandleFoundOnXSignsUpWithItsAccountIdAndXsSpelling() {
    ANSWERS.put(
        "pcfoundonx",
        new Answer(
            200,
            "{\"data\":{\"id\":\"1234567890\",\"name\":\"PC Found\","
                + "\"username\":\"PCFoundOnX\",\"protected\":false,\"verified\":false}}"));

    WebClient.Response r = signUp("pcfoundonx");

    assertThat(r.status()).isEqualTo(303);
    Registration stored =
        site.site
            .stores()
            .registrations()
            .findByHandle(edition, TwitterHandle.of("PCFoundOnX"))
            .orElseThrow();
    assertThat(stored.handle().value()).isEqualTo("PCFoundOnX");
    assertThat(stored.accountId()).hasValue("1234567890");
    assertThat(x.pathsAndAuthorizations())
        .containsExactly(BY_USERNAME + "pcfoundonx Bearer " + TOKEN);
  }

  @Test
  void aHandleNoAccountHasIsRefusedBesideTheFieldAskingXOnce() {
    ANSWERS.put(
        "nosuchpc1",
        new Answer(200, errorItem("NoSuchPC1", "Not Found Error", "Could not find user")));

    WebClient.Response r = signUp("NoSuchPC1");

    assertThat(r.status()).isEqualTo(422);
    assertThat(r.body())
        .contains("id=\"officer-handle-error\">Error: no X account has this handle.")
        .contains("value=\"NoSuchPC1\"");
    assertNotStored("NoSuchPC1");
    assertThat(x.pathsAndAuthorizations())
        .as("the form's second question is answered from the cache")
        .hasSize(1);
  }

  @Test
  void aSuspendedAccountIsRefusedAsSuspended() {
    ANSWERS.put(
        "gonerog_pc",
        new Answer(200, errorItem("GoneRog_PC", "Forbidden", "User has been suspended")));

    WebClient.Response r = signUp("GoneRog_PC");

    assertThat(r.status()).isEqualTo(422);
    assertThat(r.body())
        .contains("id=\"officer-handle-error\">Error: X has suspended this account")
        .doesNotContain("no X account has this handle");
    assertNotStored("GoneRog_PC");
  }

  @Test
  void whenXCannotBeAskedTheFormSaysToTryAgain() {
    ANSWERS.put("pcxisdown", new Answer(503, "{\"title\":\"Service Unavailable\"}"));

    WebClient.Response r = signUp("PCXIsDown");

    assertThat(r.status()).isEqualTo(422);
    assertThat(r.body())
        .contains(
            "id=\"officer-handle-error\">Error: we could not check this handle with X just now")
        .doesNotContain(TOKEN);
    assertNotStored("PCXIsDown");
  }

  @Test
  void otherFieldsFailingDoNotAskX() {
    WebClient c = site.client();
    c.get("/signup");

    WebClient.Response r = c.post("/signup", SiteHttpTest.officer("PCBadEmail", "not-an-email"));

    assertThat(r.status()).isEqualTo(422);
    assertThat(r.body()).doesNotContain("officer-handle-error");
    assertThat(x.pathsAndAuthorizations()).isEmpty();
  }

  @Test
  void theConfigurationNeverShowsTheToken() {
    SiteConfig config =
        SiteConfig.fromEnvironment(Map.of(SiteConfig.X_BEARER_TOKEN, TOKEN)).build();

    assertThat(config.xBearerToken()).hasValue(TOKEN);
    assertThat(config.toString()).doesNotContain(TOKEN).contains("checked on the X API");
    assertThat(SiteConfig.builder().build().xBearerToken()).isEmpty();
  }

  private static WebClient.Response signUp(String handle) {
    WebClient c = site.client();
    c.get("/signup");
    return c.post(
        "/signup",
        SiteHttpTest.officer(handle, handle.toLowerCase(Locale.ROOT) + "@kent.police.uk"));
  }

  private static void assertNotStored(String handle) {
    assertThat(site.site.stores().registrations().findByHandle(edition, TwitterHandle.of(handle)))
        .isEmpty();
  }

  /** X's answer to a single lookup of an unknown or suspended username: a 200 with errors[]. */
  private static String errorItem(String username, String title, String detail) {
    return "{\"errors\":[{\"value\":\""
        + username
        + "\",\"detail\":\""
        + detail
        + ": ["
        + username
        + "].\",\"title\":\""
        + title
        + "\",\"resource_type\":\"user\",\"parameter\":\"username\",\"resource_id\":\""
        + username
        + "\",\"type\":\"https://api.twitter.com/2/problems/resource-not-found\"}]}";
  }
}
