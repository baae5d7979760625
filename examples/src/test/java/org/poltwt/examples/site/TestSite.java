package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.poltwt.examples.common.SiteConfig;

/** A site on in-memory stores with the demo data, on a free port, for one test class. */
final class TestSite implements AutoCloseable {
  static final String PASSWORD = "organiser-secret-1";

  final SignupSite site;
  final Path dir;
  private final Clock clock;
  private final int rateLimit;
  private final Consumer<SiteConfig.Builder> more;

  private TestSite(
      SignupSite site, Path dir, Clock clock, int rateLimit, Consumer<SiteConfig.Builder> more) {
    this.site = site;
    this.dir = dir;
    this.clock = clock;
    this.rateLimit = rateLimit;
    this.more = more;
  }

  static TestSite start(Clock clock, int rateLimit) {
    return start(clock, rateLimit, b -> {});
  }

  /**
   * Starts a site on the usual test settings, adjusted.
   *
   * @param more adjusts the configuration after the usual settings
   */
  static TestSite start(Clock clock, int rateLimit, Consumer<SiteConfig.Builder> more) {
    return start(clock, rateLimit, more, null);
  }

  /**
   * Starts another instance of this site's deployment: the same settings, its own data directory
   * and port, and this site's stores, shared as several instances share one database (in-memory
   * stores included). For the instances to trust each other's cookies, give the first one a manage
   * key ({@code b.manageKey(...)}), as a deployment shares {@code POLTWT_MANAGE_KEY}; without one,
   * each instance makes its own, as two deployments would. Close it before this site.
   *
   * @return the second instance
   */
  TestSite alongside() {
    return start(clock, rateLimit, more, site.stores());
  }

  /**
   * Starts another instance of this site's deployment, as {@link #alongside()}, on a given port:
   * what a restart or a failover does when an instance stopped and a new one takes its place on the
   * same address and database.
   *
   * @param port the port of an instance that has stopped
   * @return the new instance
   */
  TestSite alongsideOn(int port) {
    return start(clock, rateLimit, more.andThen(b -> b.port(port)), site.stores());
  }

  private static TestSite start(
      Clock clock,
      int rateLimit,
      Consumer<SiteConfig.Builder> more,
      org.poltwt.examples.common.Stores shared) {
    try {
      Path dir = Files.createTempDirectory("poltwt-site");
      SiteConfig.Builder config =
          SiteConfig.builder()
              .port(0)
              .database(SiteConfig.MEMORY)
              .dataDir(dir)
              .organiserPassword(PASSWORD)
              .rateLimit(rateLimit)
              .demoSeed(7)
              .demoTweets(5);
      more.accept(config);
      PrintWriter log = new PrintWriter(Writer.nullWriter());
      return new TestSite(
          shared == null
              ? SignupSite.start(config.build(), clock, log)
              : SignupSite.startSharing(config.build(), clock, log, shared),
          dir,
          clock,
          rateLimit,
          more);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A site whose live board's strip shows every author's posts, registered or not, as the live
   * board's tests want.
   */
  static TestSite showingEveryPost(org.poltwt.test.MutableClock clock) {
    return start(
        clock,
        1000,
        b ->
            b.live(
                new org.poltwt.examples.common.LiveOptions(
                    java.util.Optional.empty(), false, 60, true)));
  }

  /**
   * Moves the site's clock (a {@link org.poltwt.test.MutableClock}) into the newest edition's
   * global span.
   *
   * @param after how long after the span's start
   * @return the instant it is now
   */
  java.time.Instant intoLatestEdition(java.time.Duration after) {
    int number = latestEdition();
    org.poltwt.event.Edition e =
        site.stores().editions().all().stream()
            .filter(x -> x.number() == number)
            .findFirst()
            .orElseThrow();
    java.time.Instant at = org.poltwt.event.Schedule.of(e).globalSpan().start().plus(after);
    ((org.poltwt.test.MutableClock) clock).set(at);
    return at;
  }

  /** The number of the newest edition the demo data made, the one the site signs up for. */
  int latestEdition() {
    return site.stores().editions().all().stream()
        .mapToInt(org.poltwt.event.Edition::number)
        .max()
        .orElseThrow();
  }

  /**
   * Stores an agency's sign-up whose email waits for an organiser's review, as if made now.
   *
   * @return its id
   */
  java.util.UUID waitingForReview(int edition, String handle, String email) {
    org.poltwt.registration.Registration r =
        org.poltwt.registration.Registration.builder()
            .edition(edition)
            .handle(org.poltwt.registration.TwitterHandle.of(handle))
            .accountType(org.poltwt.registration.AccountType.AGENCY)
            .agencyName("Test Police " + handle)
            .agencyLevel(org.poltwt.registration.AgencyLevel.LOCAL)
            .email(email)
            .country("US")
            .zone(java.time.ZoneId.of("America/Chicago"))
            .participationModel(org.poltwt.registration.ParticipationModel.ONE_TOPIC)
            .status(org.poltwt.registration.RegistrationStatus.PENDING_REVIEW)
            .emailNeedsReview(true)
            .createdAt(clock.instant())
            .build();
    site.stores().registrations().insert(r);
    return r.id();
  }

  String url() {
    return "http://localhost:" + site.port();
  }

  WebClient client() {
    return new WebClient(url());
  }

  /** A new client logged in as the organiser: the one way tests log in. */
  WebClient organiser() {
    WebClient c = client();
    c.get("/organiser/login");
    WebClient.Response r = c.post("/organiser/login", Map.of("password", PASSWORD));
    assertThat(r.status()).as("the organiser's log-in").isEqualTo(303);
    return c;
  }

  /**
   * Confirms an action that mails registrants, as an organiser would: the answer to the action is a
   * redirect to its confirmation page, which is opened and confirmed.
   *
   * @param organiser the client that asked for the action
   * @param held the answer to the action
   * @return the result page
   */
  static WebClient.Response confirm(WebClient organiser, WebClient.Response held) {
    assertThat(held.status()).as("an action that mails is held for confirmation").isEqualTo(303);
    String page = held.header("Location");
    assertThat(page).startsWith("/organiser/confirm/");
    assertThat(organiser.get(page).status()).isEqualTo(200);
    WebClient.Response done = organiser.post(page, Map.of());
    assertThat(done.status()).isEqualTo(303);
    return organiser.get(done.header("Location"));
  }

  /**
   * The verification link of the newest mail to a handle in the demo outbox, as its reader would
   * follow it.
   */
  String verificationLink(String handle) {
    WebClient c = organiser();
    Matcher row =
        Pattern.compile("href=\"(/organiser/outbox/[0-9-]+\\.eml)\">[^<]*@" + handle + "<")
            .matcher(c.get("/organiser/outbox").body());
    assertThat(row.find()).as("a mail for @" + handle + " in the outbox").isTrue();
    Matcher link =
        Pattern.compile("href=\"(/verify\\?token=[A-Za-z0-9_-]+)\"")
            .matcher(c.get(row.group(1)).body());
    assertThat(link.find()).as("the verification link in the mail").isTrue();
    return link.group(1);
  }

  @Override
  public void close() {
    site.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory; nothing to do
    }
  }
}
