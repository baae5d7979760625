package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.poltwt.registration.Registration;
import org.poltwt.spi.AuditEntry;
import org.poltwt.spi.OrganiserAccount;

/**
 * Erasure on request over HTTP: an administrator erases one registration's personal data from the
 * registrations page through a confirmation page; a legal hold refuses it; a replay changes
 * nothing; reviewers are refused; the audit log names the id, never the address.
 */
class SiteEraseTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC);
  private TestSite site;
  private WebClient organiser;

  @BeforeEach
  void start() {
    site = TestSite.start(CLOCK, 1000);
    organiser = site.organiser();
  }

  @AfterEach
  void stop() {
    site.close();
  }

  /** Signs up an officer through the form, which writes a verification mail to the outbox. */
  private Registration signUp(String handle, String email) {
    WebClient c = site.client();
    c.get("/signup");
    assertThat(c.post("/signup", SiteHttpTest.officer(handle, email)).status()).isEqualTo(303);
    return site.site
        .stores()
        .registrations()
        .findByHandle(site.latestEdition(), org.poltwt.registration.TwitterHandle.of(handle))
        .orElseThrow();
  }

  private Registration stored(UUID id) {
    return site.site.stores().registrations().find(id).orElseThrow();
  }

  /** How many mails in the demo outbox folder are addressed to an address. */
  private long mailsTo(String address) throws IOException {
    try (Stream<Path> files = Files.list(site.dir.resolve("outbox"))) {
      return files
          .filter(
              p -> {
                try {
                  return Files.readString(p).contains(address);
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .count();
    }
  }

  /** Whether some page of the registrations waiting for their email links to a page. */
  private boolean listed(String link) {
    for (int n = 0; n < 100; n++) {
      String body =
          organiser.get("/organiser/registrations?status=PENDING_VERIFICATION&page=" + n).body();
      if (body.contains("href=\"" + link + "\"")) {
        return true;
      }
      if (!body.contains("page=" + (n + 1) + "\"")) {
        return false;
      }
    }
    return false;
  }

  private boolean logged(String action, String target) {
    return site.site.stores().auditLog().list(0, 1000).stream()
        .anyMatch((AuditEntry e) -> e.action().equals(action) && e.target().equals(target));
  }

  @Test
  void anAdministratorErasesOneRegistrationOnceThroughAConfirmationPage() throws IOException {
    Registration r = signUp("PCEraseMe", "erase.me@kent.police.uk");
    assertThat(mailsTo("erase.me@kent.police.uk")).isPositive();
    String page = "/organiser/registrations/" + r.id() + "/erase";
    assertThat(listed(page)).as("the registrations page links to the erasure").isTrue();

    WebClient.Response confirm = organiser.get(page);
    assertThat(confirm.status()).isEqualTo(200);
    assertThat(confirm.body())
        .contains("Erase the personal data of @PCEraseMe")
        .contains("What is erased now")
        .contains("What the wrap-up keeps")
        .contains("action=\"" + page + "\"")
        .doesNotContain("erase.me@kent.police.uk");
    assertThat(stored(r.id()).isErased()).as("nothing erased before confirming").isFalse();

    WebClient.Response first = organiser.post(page, Map.of());
    assertThat(first.status()).isEqualTo(303);
    assertThat(first.header("Location")).isEqualTo(page);
    Registration erased = stored(r.id());
    assertThat(erased.isErased()).isTrue();
    assertThat(erased.email()).isEmpty();
    assertThat(erased.handle().value()).isEqualTo("PCEraseMe");
    assertThat(mailsTo("erase.me@kent.police.uk")).isZero();
    assertThat(organiser.get(page).body())
        .contains("The personal data of @PCEraseMe was erased on")
        .doesNotContain("action=\"" + page + "\"");
    assertThat(logged("registration.erase", r.id().toString())).isTrue();
    assertThat(site.site.stores().auditLog().list(0, 1000))
        .noneMatch(e -> e.target().contains("erase.me"));

    // A replay changes nothing, records nothing more and says it is erased already.
    long entries = site.site.stores().auditLog().list(0, 1000).size();
    WebClient.Response again = organiser.post(page, Map.of());
    assertThat(again.status()).isEqualTo(303);
    assertThat(organiser.get(again.header("Location")).body())
        .contains("was erased on")
        .contains("Nothing is left to erase.");
    assertThat(stored(r.id())).isEqualTo(erased);
    assertThat(site.site.stores().auditLog().list(0, 1000)).hasSize((int) entries);
    assertThat(listed(page)).as("no link to erase again").isFalse();
  }

  @Test
  void theErasureDeletesTheRegistrationsOutboxRowsAndNoOneElses() {
    int number = site.latestEdition();
    organiser.get("/organiser/announcements");
    Map<String, String> form = new java.util.LinkedHashMap<>();
    form.put("subject", "{hashtag} edition {edition}");
    form.put("body", "Hello {handle}.");
    form.put("audience", "verified");
    form.put("action", "send");
    TestSite.confirm(organiser, organiser.post("/organiser/announcements", form));
    var outbox = site.site.stores().outbox();
    UUID announcement = outbox.announcements(number).get(0).id();
    int rows = outbox.entries(announcement).size();
    UUID erased = outbox.entries(announcement).get(0).registrationId();
    String page = "/organiser/registrations/" + erased + "/erase";

    organiser.get(page);
    assertThat(organiser.post(page, Map.of()).status()).isEqualTo(303);

    assertThat(stored(erased).isErased()).isTrue();
    assertThat(outbox.entries(announcement))
        .hasSize(rows - 1)
        .noneMatch(e -> e.registrationId().equals(erased));
  }

  @Test
  void aRegistrationOnLegalHoldIsRefusedAndKept() {
    Registration r = signUp("PCHeldHere", "held.here@kent.police.uk");
    organiser.get("/organiser/retention");
    organiser.post(
        "/organiser/retention/holds",
        Map.of(
            "edition",
            Integer.toString(r.edition()),
            "handle",
            "PCHeldHere",
            "reason",
            "Court order 17"));
    String page = "/organiser/registrations/" + r.id() + "/erase";

    WebClient.Response shown = organiser.get(page);
    WebClient.Response refused = organiser.post(page, Map.of());

    assertThat(shown.body())
        .contains("This registration is on legal hold")
        .contains("Court order 17")
        .doesNotContain("action=\"" + page + "\"");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body()).contains("This registration is on legal hold");
    assertThat(stored(r.id()).isErased()).isFalse();
    assertThat(stored(r.id()).email()).isEqualTo("held.here@kent.police.uk");
    assertThat(logged("registration.erase", r.id().toString())).isFalse();
  }

  @Test
  void reviewersStrangersAndFormsWithoutTheirTokenEraseNothing() {
    Registration r = signUp("PCKeepMine", "keep.mine@kent.police.uk");
    String page = "/organiser/registrations/" + r.id() + "/erase";
    site.site
        .stores()
        .organiserAccounts()
        .insert(
            new OrganiserAccount(
                "rev.erase",
                "rev.erase@organisers.example",
                OrganiserAccount.Role.REVIEWER,
                Optional.of(Passwords.hash("a long reviewer passphrase")),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                CLOCK.instant(),
                false));
    WebClient reviewer = site.client();
    reviewer.get("/organiser/login");
    assertThat(
            reviewer
                .post(
                    "/organiser/login",
                    Map.of("name", "rev.erase", "password", "a long reviewer passphrase"))
                .status())
        .isEqualTo(303);
    WebClient stranger = site.client();
    stranger.cookies.putAll(organiser.cookies);

    assertThat(reviewer.get(page).status()).isEqualTo(403);
    assertThat(reviewer.post(page, Map.of()).status()).isEqualTo(403);
    assertThat(stranger.post(page, Map.of()).status()).isEqualTo(403);
    assertThat(site.client().post(page, Map.of()).status()).isIn(401, 403);
    assertThat(organiser.get("/organiser/registrations/not-an-id/erase").status()).isEqualTo(404);
    assertThat(stored(r.id()).isErased()).isFalse();
  }
}
