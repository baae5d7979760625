package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.poltwt.announcement.Announcement;
import org.poltwt.announcement.AnnouncementService;
import org.poltwt.announcement.Audience;
import org.poltwt.announcement.DeliveryReport;
import org.poltwt.event.Edition;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.test.MutableClock;

/**
 * Two site instances on one PostgreSQL database (a schema of this run's own, dropped afterwards),
 * sending mail to one real SMTP server (GreenMail), as several instances behind a load balancer
 * would: journeys whose requests alternate between the instances, both instances' outbox senders at
 * once, and an instance stopped in the middle of a send.
 *
 * <p>It needs the PostgreSQL server of {@value #PG_URL_VARIABLE} ({@code source .ci/postgres.sh}
 * starts one and sets it); without it the test is skipped with a message, unless {@code CI=true},
 * where it fails: CI must prove the deployment on the real database.
 */
class SiteTwoInstancesTest {
  static final String PG_URL_VARIABLE = "POLTWT_TEST_PG_URL";
  static final String PG_URL_PROPERTY = "poltwt.test.pg.url";
  static final String SKIP_MESSAGE =
      "The two-instance test needs a PostgreSQL server: set "
          + PG_URL_VARIABLE
          + " (or -D"
          + PG_URL_PROPERTY
          + ") to a JDBC URL with user and password; `source .ci/postgres.sh` starts a private one"
          + " and sets it";

  private static final String SCHEMA =
      "twoinst_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/verify\\?token=[\\w-]+)");

  /** Shared by every instance, as one wall clock is; moved on to let a claim's lease lapse. */
  private static final MutableClock CLOCK = new MutableClock(Instant.now());

  private static String url;
  private static String manageKey;
  private static GreenMail mail;
  private static TestSite a;
  private static TestSite b;

  @BeforeAll
  static void startTwoInstances() throws Exception {
    String server = System.getProperty(PG_URL_PROPERTY, System.getenv(PG_URL_VARIABLE));
    if (server == null || server.isBlank()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true, so the two-instance test must run. " + SKIP_MESSAGE);
      }
      System.err.println("[examples] SKIPPING the two-instance test. " + SKIP_MESSAGE);
      Assumptions.abort(SKIP_MESSAGE);
    }
    try (Connection c = DriverManager.getConnection(server);
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + SCHEMA);
    }
    url = server + (server.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    manageKey = Base64.getEncoder().encodeToString(key);
    mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    mail.start();
    // One after the other: the first migrates the schema and stores the demo edition.
    a = start(mail.getSmtp().getPort());
    b = start(mail.getSmtp().getPort());
  }

  /**
   * An instance of the deployment, on the usual test settings but on the PostgreSQL schema, with
   * the deployment's secret, and sending mail to the SMTP server on this port.
   */
  private static TestSite start(int smtpPort) {
    return TestSite.start(
        CLOCK,
        1000,
        config ->
            config
                .database(url)
                .demoTweets(0)
                .smtp("127.0.0.1", smtpPort, null, null, false)
                .manageKey(manageKey));
  }

  @AfterAll
  static void stopAndDropTheSchema() throws SQLException {
    for (TestSite i : new TestSite[] {a, b}) {
      if (i != null) {
        i.close();
      }
    }
    if (mail != null) {
      mail.stop();
    }
    if (url != null) {
      try (Connection c = DriverManager.getConnection(url);
          Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      }
    }
  }

  /**
   * The same browser, its request sent to the other instance: a browser keeps one cookie jar per
   * host, whatever instance the load balancer picks, and posts the form of the page it shows.
   */
  private static WebClient sameBrowserOn(TestSite instance, WebClient browser) {
    WebClient other = instance.client();
    other.cookies.putAll(browser.cookies);
    other.csrf = browser.csrf;
    return other;
  }

  @Test
  void signUpOnOneInstanceAndVerifyOnTheOther() throws Exception {
    WebClient onA = a.client();
    onA.get("/signup");
    WebClient.Response signedUp =
        sameBrowserOn(b, onA)
            .post("/signup", SiteHttpTest.officer("PCTwoInst", "two.inst@kent.police.uk"));
    assertThat(signedUp.status()).as("the form from A, posted to B").isEqualTo(303);

    List<MimeMessage> mails = awaitMailsTo("two.inst@kent.police.uk");
    assertThat(mails).as("one verification mail").hasSize(1);
    Matcher link = LINK.matcher(text(mails.get(0)));
    assertThat(link.find()).as("the verification link in the mail").isTrue();
    WebClient.Response form = onA.get(link.group(1));
    assertThat(form.status()).isEqualTo(200);
    Matcher token = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(form.body());
    assertThat(token.find()).isTrue();
    WebClient.Response confirmed =
        sameBrowserOn(b, onA).post("/verify", Map.of("token", token.group(1)));

    assertThat(confirmed.status()).as("the confirmation from A's page, posted to B").isEqualTo(200);
    Registration r =
        b.site
            .stores()
            .registrations()
            .findByHandle(a.latestEdition(), TwitterHandle.of("PCTwoInst"))
            .orElseThrow();
    assertThat(r.status()).isEqualTo(RegistrationStatus.VERIFIED);
  }

  @Test
  void logInOnOneInstanceAndApproveOnTheOther() {
    java.util.UUID waiting =
        a.waitingForReview(a.latestEdition(), "TwoInstAgency", "desk@twoinst.example");

    WebClient onA = a.client();
    onA.get("/organiser/login");
    assertThat(onA.post("/organiser/login", Map.of("password", TestSite.PASSWORD)).status())
        .as("the log-in on A")
        .isEqualTo(303);
    WebClient onB = sameBrowserOn(b, onA);
    WebClient.Response review = onB.get("/organiser/review");
    assertThat(review.status()).as("A's session, on B").isEqualTo(200);
    assertThat(review.body()).contains("TwoInstAgency");
    WebClient.Response approved = onB.post("/organiser/review/" + waiting + "/approve", Map.of());

    assertThat(approved.status()).as("the approval on B").isEqualTo(303);
    assertThat(a.site.stores().registrations().find(waiting).orElseThrow().status())
        .isEqualTo(RegistrationStatus.VERIFIED);
  }

  @Test
  void bothInstancesSendersAtOnceMailEveryRecipientOnce() throws Exception {
    Announcement news = draft(a.site.announcements(), "Both senders at once");
    ExecutorService senders = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch go = new CountDownLatch(1);
      // A sends (enqueues everyone, then delivers); B's sender works the same outbox meanwhile.
      Future<DeliveryReport> fromA =
          senders.submit(
              () -> {
                go.await();
                return a.site.announcements().send(news);
              });
      Future<?> fromB =
          senders.submit(
              () -> {
                go.await();
                while (!fromA.isDone()) {
                  b.site.announcements().deliverDue(news.edition().number());
                }
                return null;
              });
      go.countDown();
      fromA.get(5, TimeUnit.MINUTES);
      fromB.get(5, TimeUnit.MINUTES);
    } finally {
      senders.shutdownNow();
    }
    b.site.announcements().deliverDue(news.edition().number());

    DeliveryReport report = a.site.announcements().report(news.id());
    assertThat(report.recipients()).as("an announcement to many").isGreaterThan(20);
    assertThat(report.pending()).isEmpty();
    assertThat(report.failed()).isEmpty();
    assertEveryRecipientHasOneMail(news, report);
  }

  @Test
  void anInstanceStoppedMidSendLosesNothing() throws Exception {
    try (StallingRelay relay = new StallingRelay(mail.getSmtp().getPort(), 2)) {
      TestSite c = start(relay.port());
      try {
        Announcement news = draft(c.site.announcements(), "Sent while an instance stops");
        Thread sender =
            new Thread(
                () -> {
                  try {
                    c.site.announcements().send(news);
                  } catch (RuntimeException expected) {
                    // Its database closed under it: what a dying instance's sender meets. Whatever
                    // it did or did not record is what the assertions below judge.
                  }
                });
        sender.start();
        assertThat(relay.stalled.await(2, TimeUnit.MINUTES))
            .as("C handed two mails over and hangs on the third")
            .isTrue();
        c.close();
        relay.release.countDown();
        sender.join(TimeUnit.MINUTES.toMillis(2));
        assertThat(sender.isAlive()).isFalse();

        b.site.announcements().deliverDue(news.edition().number());
        DeliveryReport early = b.site.announcements().report(news.id());
        assertThat(early.pending())
            .as("only the mail C had claimed waits, for its claim to lapse")
            .hasSize(1);
        assertThat(early.sent()).isEqualTo(early.recipients() - 1);
        String waiting =
            b.site.stores().registrations().find(early.pending().get(0)).orElseThrow().email();
        assertThat(mailsTo(waiting).stream().filter(m -> subject(m).equals(news.subject())))
            .as("the mail C never finished was not delivered")
            .isEmpty();

        CLOCK.advance(Duration.ofMinutes(10).plusSeconds(1));
        b.site.announcements().deliverDue(news.edition().number());

        DeliveryReport report = b.site.announcements().report(news.id());
        assertThat(report.pending()).isEmpty();
        assertThat(report.failed()).isEmpty();
        assertEveryRecipientHasOneMail(news, report);
      } finally {
        c.close();
      }
    }
  }

  /** An announcement to every registrant of the edition, stored but not sent. */
  private static Announcement draft(AnnouncementService service, String subject) {
    Edition e = a.site.stores().editions().find(a.latestEdition()).orElseThrow();
    return service.draft(
        e, subject, "Hello {handle}, news from the organisers.", Audience.allRegistrants());
  }

  private static void assertEveryRecipientHasOneMail(Announcement news, DeliveryReport report)
      throws MessagingException {
    Map<String, Integer> perAddress = new HashMap<>();
    for (MimeMessage m : mail.getReceivedMessages()) {
      if (subject(m).equals(news.subject())) {
        for (jakarta.mail.Address to : m.getRecipients(Message.RecipientType.TO)) {
          perAddress.merge(to.toString(), 1, Integer::sum);
        }
      }
    }
    assertThat(report.sent()).isEqualTo(report.recipients());
    assertThat(perAddress).as("one mail to each recipient").hasSize(report.recipients());
    assertThat(perAddress.values()).as("none twice").containsOnly(1);
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The mails to an address, once there is one: the site hands a mail over before it answers, and
   * the server files it a moment later.
   */
  private static List<MimeMessage> awaitMailsTo(String address) throws Exception {
    for (int i = 0; i < 3000; i++) {
      List<MimeMessage> got = mailsTo(address);
      if (!got.isEmpty()) {
        return got;
      }
      Thread.sleep(10);
    }
    return List.of();
  }

  private static List<MimeMessage> mailsTo(String address) throws MessagingException {
    List<MimeMessage> out = new ArrayList<>();
    for (MimeMessage m : mail.getReceivedMessages()) {
      for (jakarta.mail.Address to : m.getRecipients(Message.RecipientType.TO)) {
        if (to.toString().equals(address)) {
          out.add(m);
        }
      }
    }
    return out;
  }

  /** The text of a mail's parts, decoded. */
  private static String text(jakarta.mail.Part part) throws MessagingException, IOException {
    if (part.isMimeType("text/*")) {
      return part.getContent().toString();
    }
    if (part.isMimeType("multipart/*")) {
      jakarta.mail.Multipart parts = (jakarta.mail.Multipart) part.getContent();
      StringBuilder all = new StringBuilder();
      for (int i = 0; i < parts.getCount(); i++) {
        all.append(text(parts.getBodyPart(i))).append('\n');
      }
      return all.toString();
    }
    return "";
  }

  /**
   * An SMTP relay in front of GreenMail that passes the first connections on and holds the next one
   * open without a word until released: the mail server stops answering while an instance's sender
   * waits on it, so the test can stop the instance at that moment.
   */
  static final class StallingRelay implements AutoCloseable {
    final CountDownLatch stalled = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    private final ServerSocket server;
    private final List<Socket> sockets = new ArrayList<>();
    private final Thread acceptor;

    StallingRelay(int target, int passOn) throws IOException {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      acceptor =
          new Thread(
              () -> {
                int n = 0;
                while (!server.isClosed()) {
                  try {
                    Socket in = server.accept();
                    track(in);
                    n++;
                    if (n <= passOn) {
                      Socket out = track(new Socket(InetAddress.getLoopbackAddress(), target));
                      pipe(in, out);
                      pipe(out, in);
                    } else {
                      stalled.countDown();
                      release.await();
                      in.close();
                    }
                  } catch (IOException | InterruptedException e) {
                    return;
                  }
                }
              },
              "stalling-relay");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return server.getLocalPort();
    }

    private synchronized Socket track(Socket s) {
      sockets.add(s);
      return s;
    }

    private static void pipe(Socket from, Socket to) {
      Thread t =
          new Thread(
              () -> {
                try (InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream()) {
                  in.transferTo(out);
                } catch (IOException e) {
                  // the other side closed; the relay's connection ends with it
                } finally {
                  try {
                    to.close();
                  } catch (IOException e) {
                    // already closed
                  }
                }
              },
              "relay-pipe");
      t.setDaemon(true);
      t.start();
    }

    @Override
    public synchronized void close() throws IOException {
      release.countDown();
      server.close();
      for (Socket s : sockets) {
        s.close();
      }
    }
  }
}
