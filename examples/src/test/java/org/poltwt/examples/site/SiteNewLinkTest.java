package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.poltwt.test.MutableClock;

/** "Send me a new link" over HTTP: after an expired link, and silent about unknown handles. */
class SiteNewLinkTest {
  private static final String ANSWER = "If a registration pending verification exists for ";

  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-06-01T10:00:05Z"));
  private static TestSite site;

  @BeforeAll
  static void start() {
    site = TestSite.start(CLOCK, 1000);
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  /** Every verification link mailed to a handle, as a person finds them in the outbox. */
  private static List<String> verificationLinks(String handle) {
    WebClient c = site.organiser();
    Matcher row =
        Pattern.compile("href=\"(/organiser/outbox/[0-9-]+\\.eml)\">[^<]*@" + handle + "<")
            .matcher(c.get("/organiser/outbox").body());
    List<String> links = new ArrayList<>();
    while (row.find()) {
      Matcher link =
          Pattern.compile("href=\"(/verify\\?token=[A-Za-z0-9_-]+)\"")
              .matcher(c.get(row.group(1)).body());
      assertThat(link.find()).as("the verification link in the mail").isTrue();
      links.add(link.group(1));
    }
    return links;
  }

  private static WebClient.Response verify(String link) {
    WebClient c = site.client();
    WebClient.Response confirm = c.get(link);
    Matcher token = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(confirm.body());
    assertThat(token.find()).as("the confirmation form").isTrue();
    return c.post("/verify", Map.of("token", token.group(1)));
  }

  private static WebClient.Response requestNewLink(String handle) {
    WebClient c = site.client();
    assertThat(c.get("/new-link").status()).isEqualTo(200);
    return c.post("/new-link", Map.of("handle", handle));
  }

  @Test
  void anExpiredLinkLeadsToANewOneThatVerifies() {
    WebClient c = site.client();
    c.get("/signup");
    assertThat(
            c.post("/signup", SiteHttpTest.officer("PCExpired", "expired@kent.police.uk")).status())
        .isEqualTo(303);
    String first = verificationLinks("PCExpired").get(0);
    CLOCK.advance(Duration.ofHours(49));

    WebClient.Response expired = verify(first);
    assertThat(expired.status()).isEqualTo(410);
    assertThat(expired.body()).contains("href=\"/new-link\"").contains("Send me a new link");

    WebClient.Response asked = requestNewLink("@pcexpired");
    assertThat(asked.status()).isEqualTo(200);
    assertThat(asked.body()).contains(ANSWER + "@pcexpired").doesNotContain("expired@");
    WebClient.Response again = requestNewLink("PCExpired");
    assertThat(again.body()).contains(ANSWER + "@PCExpired");

    List<String> links = verificationLinks("PCExpired");
    assertThat(links).as("the sign-up mail and one new link, not two").hasSize(2);
    String fresh = links.stream().filter(l -> !l.equals(first)).findFirst().orElseThrow();
    assertThat(verify(first).status()).as("the old link stays expired").isEqualTo(410);
    WebClient.Response confirmed = verify(fresh);
    assertThat(confirmed.status()).isEqualTo(200);
    assertThat(confirmed.body()).contains("Email confirmed").contains("@PCExpired");
  }

  @Test
  void anUnknownHandleGetsTheSamePageAndNoMail() {
    int before = site.organiser().get("/organiser/outbox").body().split("\\.eml\"").length;

    WebClient.Response asked = requestNewLink("NobodySignedUp");

    assertThat(asked.status()).isEqualTo(200);
    assertThat(asked.body()).contains(ANSWER + "@NobodySignedUp");
    assertThat(verificationLinks("NobodySignedUp")).isEmpty();
    assertThat(site.organiser().get("/organiser/outbox").body().split("\\.eml\"").length)
        .isEqualTo(before);
  }

  @Test
  void aMalformedHandleIsAnErrorBesideTheField() {
    WebClient.Response asked = requestNewLink("not a handle");

    assertThat(asked.status()).isEqualTo(422);
    assertThat(asked.body()).contains("Error: a handle is").doesNotContain(ANSWER);
  }

  @Test
  void theAlreadySignedUpErrorLinksToANewLink() {
    WebClient c = site.client();
    c.get("/signup");
    c.post("/signup", SiteHttpTest.officer("PCTwiceLink", "twice.link@kent.police.uk"));
    c.get("/signup");
    WebClient.Response again =
        c.post("/signup", SiteHttpTest.officer("pctwicelink", "other@kent.police.uk"));

    assertThat(again.status()).isEqualTo(422);
    assertThat(again.body()).contains("id=\"duplicate-new-link\"").contains("href=\"/new-link\"");
  }

  @Test
  void theFormNeedsItsCsrfToken() {
    WebClient c = site.client();
    c.get("/new-link");
    WebClient.Response refused = c.postRaw("/new-link", "handle=PCExpired");

    assertThat(refused.status()).isEqualTo(403);
  }
}
