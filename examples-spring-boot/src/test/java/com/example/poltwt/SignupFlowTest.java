package com.example.poltwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.spi.AccountDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The example end to end over HTTP, on a real port, with its mail caught by a real SMTP server
 * (GreenMail): sign-up, the verification mail, its link, the map, compliance and an announcement.
 * Each subclass runs it on one database.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.mail.host=127.0.0.1",
      "example.base-url=https://poltwt.example",
      "example.organiser-token=" + SignupFlowTest.ORGANISER_TOKEN,
      // The tests deliver announcements through AnnouncementService.send, synchronously.
      "poltwt.announcements.delivery-interval=0"
    })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class SignupFlowTest {
  static final String ORGANISER_TOKEN = "organiser-secret-for-the-tests";
  private static final Pattern LINK =
      Pattern.compile("https://poltwt\\.example(/verify\\.html\\?token=([A-Za-z0-9_-]+))");
  private static final long MAIL_WAIT_MILLIS = 10_000;

  @RegisterExtension
  static final GreenMailExtension greenMail =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
  }

  @LocalServerPort int port;

  /** The starter's in-memory directory (poltwt.x.directory=in-memory): X's stand-in. */
  @Autowired AccountDirectory accounts;

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void signUpVerifyByTheMailedLinkAndAppearOnTheMap() throws Exception {
    String handle = freshHandle();
    String email = "press." + handle.toLowerCase(Locale.ROOT) + "@kent.police.uk";

    HttpResponse<String> created = post("/api/signups", signup(handle, email));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode registration = json.readTree(created.body());
    assertThat(registration.get("handle").asString()).isEqualTo(handle);
    assertThat(registration.get("status").asString()).isEqualTo("PENDING_VERIFICATION");
    assertThat(created.body()).doesNotContain(email);
    assertThat(mapHandles()).doesNotContain(handle);

    Matcher link = LINK.matcher(textOf(mailTo(email)));
    assertThat(link.find()).as("the link of poltwt.registration.verification-link").isTrue();

    // The link opens the page; the page posts the token, as a click on its button does.
    HttpResponse<String> page = get(link.group(1));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("verify.js");
    HttpResponse<String> verified = post("/api/verifications?token=" + link.group(2), "");
    assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
    assertThat(json.readTree(verified.body()).get("status").asString()).isEqualTo("VERIFIED");

    HttpResponse<String> map = get("/api/map");
    assertThat(map.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/geo+json"));
    JsonNode feature = feature(json.readTree(map.body()), handle);
    assertThat(feature.at("/geometry/coordinates/0").asDouble()).isEqualTo(0.5227);
    assertThat(feature.at("/geometry/coordinates/1").asDouble()).isEqualTo(51.2720);
    assertThat(feature.at("/properties/agency").asString()).isEqualTo("Kent Police");
    assertThat(map.body()).doesNotContain(email);

    HttpResponse<String> again = post("/api/verifications?token=" + link.group(2), "");
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(fields(again)).containsExactly("token");

    HttpResponse<String> duplicate = post("/api/signups", signup(handle, email));
    assertThat(duplicate.statusCode()).isEqualTo(409);
    assertThat(fields(duplicate)).containsExactly("handle");
  }

  @Test
  void aWebmailAddressIsRefusedByFieldWithoutEchoingIt() throws Exception {
    String handle = freshHandle();
    int mailsBefore = greenMail.getReceivedMessages().length;

    HttpResponse<String> refused = post("/api/signups", signup(handle, "jane.doe77@gmail.com"));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(fields(refused)).containsExactly("email");
    assertThat(refused.body()).doesNotContain("jane.doe77").doesNotContain("gmail");
    assertThat(greenMail.getReceivedMessages()).hasSize(mailsBefore);
  }

  @Test
  void missingAndMalformedFieldsAreNamed() throws Exception {
    HttpResponse<String> refused =
        post(
            "/api/signups",
            """
            {"handle": "not a handle!", "email": "", "accountType": "AGENCY",
             "agencyLevel": "LOCAL", "country": "GB", "zone": "Europe/London",
             "participationModel": "ONE_TOPIC"}
            """);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(fields(refused)).containsExactlyInAnyOrder("handle", "email", "agencyName");
    assertThat(refused.body()).doesNotContain("not a handle!");

    HttpResponse<String> badZone =
        post(
            "/api/signups",
            signup(freshHandle(), "x@kent.police.uk").replace("Europe/London", "Europe/Nowhere"));
    assertThat(badZone.statusCode()).isEqualTo(400);
    assertThat(fields(badZone)).containsExactly("zone");

    HttpResponse<String> notJson = post("/api/signups", "{\"handle\": ");
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(fields(notJson)).containsExactly("body");
  }

  @Test
  void complianceOfARealXApiPage() throws Exception {
    HttpResponse<String> checked;
    try (InputStream page = getClass().getResourceAsStream("/real-tweets/two_tweets.jsonl")) {
      checked = post("/api/compliance", new String(page.readAllBytes(), StandardCharsets.UTF_8));
    }
    assertThat(checked.statusCode()).as(checked.body()).isEqualTo(200);
    JsonNode summary = json.readTree(checked.body());
    // A retweet of 2021 by an account not signed up: outside the 2030 edition and unregistered.
    assertThat(summary.get("checked").asLong()).isEqualTo(1);
    assertThat(summary.get("nonCompliant").asLong()).isEqualTo(1);
    assertThat(summary.at("/violations/UNREGISTERED_AUTHOR").asLong()).isEqualTo(1);
    assertThat(summary.at("/violations/OUTSIDE_WINDOW").asLong()).isEqualTo(1);
    assertThat(summary.at("/violations/MISSING_HASHTAG").asLong()).isZero();
    assertThat(summary.at("/tags/RETWEET").asLong()).isEqualTo(1);
    assertThat(summary.at("/nonCompliantTweets/0/tweetId").asString())
        .isEqualTo("1394735776701816833");
    assertThat(checked.body()).doesNotContain("POIUYTREWQ"); // never the tweet's text
  }

  @Test
  void complianceKnowsTheVerifiedRegistrationsAndTheirWindows() throws Exception {
    String handle = freshHandle();
    signUpAndVerify(handle, "media." + handle.toLowerCase(Locale.ROOT) + "@kent.police.uk");
    // The account's id on X, as sign-up stored it: tweets are matched to registrations by it.
    String accountId = accounts.lookup(TwitterHandle.of(handle)).account().orElseThrow().id();
    // Edition 12 starts at 08:00 local on 2030-06-07: 07:00 UTC in London's summer time.
    String page =
        """
        {"data": [
          {"id": "1800000000000000001", "author_id": "%1$s",
           "created_at": "2030-06-07T12:00:00.000Z", "text": "Foot patrol in Maidstone #PolTwt"},
          {"id": "1800000000000000002", "author_id": "%1$s",
           "created_at": "2030-06-07T20:00:00.000Z", "text": "A quiet night so far"},
          {"id": "1800000000000000003", "author_id": "%1$s",
           "created_at": "2030-06-08T07:30:00.000Z", "text": "Signing off #PolTwt"}],
         "includes": {"users": [{"id": "%1$s", "username": "%2$s"}]}}
        """
            .formatted(accountId, handle);

    HttpResponse<String> checked = post("/api/compliance", page);

    assertThat(checked.statusCode()).as(checked.body()).isEqualTo(200);
    JsonNode summary = json.readTree(checked.body());
    assertThat(summary.get("checked").asLong()).isEqualTo(3);
    assertThat(summary.get("compliant").asLong()).as(checked.body()).isEqualTo(1);
    assertThat(summary.at("/violations/MISSING_HASHTAG").asLong()).isEqualTo(1);
    assertThat(summary.at("/violations/OUTSIDE_WINDOW").asLong()).isEqualTo(1);
    assertThat(summary.at("/violations/UNREGISTERED_AUTHOR").asLong()).isZero();
    assertThat(summary.at("/nonCompliantTweets/0/tweetId").asString())
        .isEqualTo("1800000000000000002");
    assertThat(summary.at("/nonCompliantTweets/1/violations/0").asString())
        .isEqualTo("OUTSIDE_WINDOW");

    HttpResponse<String> malformed = post("/api/compliance", "{\"data\": [{\"id\": \"1\"}]}\n");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(fields(malformed)).hasSize(1);
  }

  @Test
  void organisersAnnounceToTheVerifiedRegistrants() throws Exception {
    String handle = freshHandle();
    String email = "comms." + handle.toLowerCase(Locale.ROOT) + "@kent.police.uk";
    signUpAndVerify(handle, email);
    String announcement =
        """
        {"subject": "Edition {edition}: your window", "body": "@{handle}: you start {windowStart}."}
        """;

    HttpResponse<String> anonymous = post("/api/announcements", announcement);
    assertThat(anonymous.statusCode()).isEqualTo(401);

    HttpResponse<String> sent =
        send(
            request("/api/announcements")
                .header("Authorization", "Bearer " + ORGANISER_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(announcement))
                .build());
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    JsonNode report = json.readTree(sent.body());
    assertThat(report.get("sent").asInt()).isPositive();
    assertThat(report.get("failed").asInt()).isZero();

    MimeMessage mail = mailTo(email, "Edition 12: your window");
    assertThat(textOf(mail)).contains("@" + handle + ": you start");
  }

  // ---------------------------------------------------------------------------------------------

  private void signUpAndVerify(String handle, String email) throws Exception {
    HttpResponse<String> created = post("/api/signups", signup(handle, email));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    Matcher link = LINK.matcher(textOf(mailTo(email)));
    assertThat(link.find()).isTrue();
    HttpResponse<String> verified = post("/api/verifications?token=" + link.group(2), "");
    assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
  }

  private static String signup(String handle, String email) {
    return """
        {"handle": "%s", "email": "%s", "accountType": "AGENCY", "agencyName": "Kent Police",
         "agencyLevel": "COUNTY", "street": "Sutton Road", "city": "Maidstone",
         "latitude": 51.2720, "longitude": 0.5227, "country": "GB", "zone": "Europe/London",
         "participationModel": "CALLS_FOR_SERVICE"}
        """
        .formatted(handle, email);
  }

  /** A handle no other test (or earlier run on the same database) has used. */
  private static String freshHandle() {
    return "kent_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  /** The first mail to this address, waiting for it as long as it takes GreenMail. */
  private static MimeMessage mailTo(String address) throws Exception {
    return mailTo(address, null);
  }

  private static MimeMessage mailTo(String address, String subject) throws Exception {
    int expected = greenMail.getReceivedMessages().length;
    for (int round = 0; round < 2; round++) {
      for (MimeMessage m : greenMail.getReceivedMessages()) {
        boolean to =
            Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                .anyMatch(a -> a.toString().equalsIgnoreCase(address));
        if (to && (subject == null || subject.equals(m.getSubject()))) {
          return m;
        }
      }
      // Not there yet: wait for the next one to arrive.
      assertThat(greenMail.waitForIncomingEmail(MAIL_WAIT_MILLIS, expected + 1))
          .as("a mail to the test address")
          .isTrue();
    }
    throw new AssertionError("no mail to the test address with the subject " + subject);
  }

  /**
   * The plain text of a mail: the message itself, or the first part of its alternatives, which come
   * first in a mail with files (a calendar invite) after them.
   */
  private static String textOf(MimeMessage mail) throws Exception {
    return textOf(mail.getContent());
  }

  private static String textOf(Object content) throws Exception {
    if (content instanceof MimeMultipart parts) {
      return textOf(parts.getBodyPart(0).getContent());
    }
    return (String) content;
  }

  private List<String> mapHandles() throws Exception {
    JsonNode map = json.readTree(get("/api/map").body());
    return map.get("features")
        .valueStream()
        .map(f -> f.at("/properties/handle").asString())
        .toList();
  }

  private static JsonNode feature(JsonNode map, String handle) {
    return map.get("features")
        .valueStream()
        .filter(f -> f.at("/properties/handle").asString().equals(handle))
        .findFirst()
        .orElseThrow(() -> new AssertionError("not on the map: " + handle));
  }

  private List<String> fields(HttpResponse<String> response) {
    return json.readTree(response.body())
        .get("errors")
        .valueStream()
        .map(e -> e.get("field").asString())
        .toList();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(request(path).GET().build());
  }

  private HttpResponse<String> post(String path, String body)
      throws IOException, InterruptedException {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
