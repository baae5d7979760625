package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.poltwt.registration.Registration;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.test.MutableClock;

/**
 * The demo outbox folder under the retention run: a registrant's mails (addresses, names, links) go
 * when the registration is erased, by the registration's id in each mail's Message-ID; a held
 * registration's mails stay; a mail naming no registration goes once older than the shortest
 * retention period.
 */
class SiteRetentionMailFolderTest {
  private MutableClock clock;
  private TestSite site;
  private WebClient organiser;

  @BeforeEach
  void start() {
    clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
    site = TestSite.start(clock, 1000);
    organiser = site.organiser();
  }

  @AfterEach
  void stop() {
    site.close();
  }

  private Registration signUp(String handle, String email) {
    WebClient c = site.client();
    c.get("/signup");
    assertThat(c.post("/signup", SiteHttpTest.officer(handle, email)).status()).isEqualTo(303);
    return site.site
        .stores()
        .registrations()
        .findByHandle(site.latestEdition(), TwitterHandle.of(handle))
        .orElseThrow();
  }

  private Path outbox() {
    return site.dir.resolve("outbox");
  }

  /** The names of the folder's files whose text holds a string. */
  private List<String> filesWith(String text) {
    try (Stream<Path> files = Files.list(outbox())) {
      return files
          .filter(
              p -> {
                try {
                  return Files.readString(p).contains(text);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .map(p -> p.getFileName().toString())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A mail naming no registration (as an organiser's invitation), written at an instant. */
  private String unmatched(Instant at, String text) throws IOException {
    String name = String.format("%013d-999999.eml", at.toEpochMilli());
    Files.writeString(
        outbox().resolve(name),
        "Message-ID: <invitation-abc@localhost>\r\nSubject: Invitation\r\n\r\n" + text + "\r\n");
    return name;
  }

  @Test
  void theRunDeletesTheMailsOfErasedRegistrationsAndKeepsTheHeldOnes() throws IOException {
    Registration gone = signUp("PCMailGoes", "mail.goes@kent.police.uk");
    Registration held = signUp("PCMailStays", "mail.stays@kent.police.uk");
    organiser.get("/organiser/retention");
    organiser.post(
        "/organiser/retention/holds",
        Map.of(
            "edition",
            Integer.toString(held.edition()),
            "handle",
            "PCMailStays",
            "reason",
            "Court order"));
    String old = unmatched(clock.instant(), "old invitation");
    assertThat(filesWith("mail.goes@kent.police.uk")).isNotEmpty();

    site.site.runRetention();
    assertThat(filesWith("mail.goes@kent.police.uk")).as("nothing due yet").isNotEmpty();
    assertThat(outbox().resolve(old)).exists();

    // Past the edition's end and the 90 days of the default period.
    clock.advance(Duration.ofDays(500));
    String fresh = unmatched(clock.instant(), "new invitation");
    site.site.runRetention();

    assertThat(site.site.stores().registrations().find(gone.id()).orElseThrow().isErased())
        .isTrue();
    assertThat(filesWith("mail.goes@kent.police.uk")).isEmpty();
    assertThat(filesWith("mail.stays@kent.police.uk")).isNotEmpty();
    assertThat(outbox().resolve(old)).doesNotExist();
    assertThat(outbox().resolve(fresh)).exists();

    // Again: nothing more goes.
    List<String> left = filesWith("");
    site.site.runRetention();
    assertThat(filesWith("")).containsExactlyInAnyOrderElementsOf(left);
  }

  @Test
  void theShortestPeriodOfAnyEditionDecidesForMailsNamingNoRegistration() throws IOException {
    Registration kept = signUp("PCMailKept", "mail.kept@kent.police.uk");
    String old = unmatched(clock.instant(), "old invitation");
    clock.advance(Duration.ofDays(11));
    organiser = site.organiser();

    site.site.runRetention();
    assertThat(outbox().resolve(old)).as("within the default 90 days").exists();

    organiser.get("/organiser/retention");
    int first =
        site.site.stores().editions().all().stream()
            .mapToInt(org.poltwt.event.Edition::number)
            .min()
            .orElseThrow();
    assertThat(
            organiser.post("/organiser/retention/period/" + first, Map.of("days", "10")).status())
        .isEqualTo(303);
    site.site.runRetention();

    assertThat(outbox().resolve(old)).doesNotExist();
    // The registrant's own mails go with the registration, not by their age.
    assertThat(site.site.stores().registrations().find(kept.id()).orElseThrow().isErased())
        .isFalse();
    assertThat(filesWith("mail.kept@kent.police.uk")).isNotEmpty();
  }
}
