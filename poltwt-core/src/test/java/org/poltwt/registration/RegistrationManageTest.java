package org.poltwt.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.poltwt.event.Edition;
import org.poltwt.spi.CalendarInvites;
import org.poltwt.spi.Mail;
import org.poltwt.spi.memory.InMemoryEditionStore;
import org.poltwt.spi.memory.InMemoryMailer;
import org.poltwt.spi.memory.InMemoryRegistrationStore;
import org.poltwt.test.MutableClock;

/** The "manage my registration" link: signed, expiring, for one registration, and what it does. */
class RegistrationManageTest {
  private static final byte[] KEY =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private static final Pattern MANAGE = Pattern.compile("https://poltwt\\.example/manage/(\\S+)");

  private final MutableClock clock = new MutableClock(Instant.parse("2015-05-01T10:00:00Z"));
  private final InMemoryEditionStore editions = new InMemoryEditionStore();
  private final InMemoryRegistrationStore registrations = new InMemoryRegistrationStore();
  private final InMemoryMailer mailer = new InMemoryMailer();
  private final RecordingInvites invites = new RecordingInvites();

  /** Writes a stand-in file per call and remembers each call's method and sequence. */
  static final class RecordingInvites implements CalendarInvites {
    final List<String> calls = new ArrayList<>();

    @Override
    public Optional<Mail.Attachment> invite(Registration r, Edition edition, int sequence) {
      calls.add("REQUEST " + sequence + " " + r.zone() + " " + r.language());
      return Optional.of(new Mail.Attachment("poltwt-5.ics", "text/calendar; method=REQUEST", "x"));
    }

    @Override
    public Optional<Mail.Attachment> cancellation(Registration r, Edition edition, int sequence) {
      calls.add("CANCEL " + sequence);
      return Optional.of(new Mail.Attachment("poltwt-5.ics", "text/calendar; method=CANCEL", "x"));
    }
  }

  RegistrationManageTest() {
    editions.save(RegistrationServiceTest.FIFTH);
  }

  private RegistrationService.Builder builder() {
    return RegistrationServiceTest.inMemory(editions, registrations, mailer, clock);
  }

  private RegistrationService service() {
    return builder()
        .manageLinks(KEY, t -> "https://poltwt.example/manage/" + t)
        .calendarInvites(invites)
        .geocoder((address, country) -> Optional.empty())
        .build();
  }

  private static String manageToken(Mail mail) {
    Matcher m = MANAGE.matcher(mail.body());
    assertThat(m.find()).as("the mail carries a manage link").isTrue();
    return m.group(1);
  }

  private Mail lastMail() {
    List<Mail> sent = mailer.sent();
    return sent.get(sent.size() - 1);
  }

  @Test
  void theVerificationMailCarriesAManageLinkTheInviteAndSaysTheMapCannotPlaceTheCity() {
    RegistrationService service = service();
    Registration r =
        service.register(
            RegistrationServiceTest.agency("@PoliciaMadrid").coordinates(null, null).build());

    Mail mail = lastMail();
    assertThat(service.manage(manageToken(mail))).isEqualTo(r);
    assertThat(mail.attachments())
        .extracting(Mail.Attachment::filename)
        .containsExactly("poltwt-5.ics");
    assertThat(mail.body()).contains("could not find Madrid (ES)").contains("/manage/m1.");
    assertThat(mail.html().orElseThrow()).contains("Manage my registration</a>");
    assertThat(invites.calls)
        .containsExactly(
            "REQUEST " + CalendarInvites.sequenceAt(clock.instant()) + " Europe/Madrid en");
  }

  @Test
  void withoutManageLinksMailsCarryNoneAndManageRefuses() {
    RegistrationService service = builder().build();
    Registration r = service.register(RegistrationServiceTest.agency("@PoliciaMadrid").build());

    assertThat(lastMail().body()).doesNotContain("Manage my registration");
    assertThat(lastMail().attachments()).isEmpty();
    assertThat(service.manageLink(r.id())).isEmpty();
    assertThatIllegalStateException().isThrownBy(() -> service.manage("m1.x.y"));
  }

  @Test
  void aTamperedCutOrForeignLinkIsInvalidAndAnOldOneExpired() {
    RegistrationService service = service();
    Registration r = service.register(RegistrationServiceTest.agency("@PoliciaMadrid").build());
    String token =
        service.manageLink(r.id()).orElseThrow().replace("https://poltwt.example/manage/", "");

    char last = token.charAt(token.length() - 1);
    String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
    String foreign =
        builder()
            .manageLinks(
                "another key of thirty-two bytes!".getBytes(StandardCharsets.UTF_8), t -> t)
            .build()
            .manageLink(r.id())
            .orElseThrow();
    for (String bad :
        new String[] {
          tampered, token.substring(0, 20), foreign, "", "m1..", "nonsense", "m1.%%%.%%%"
        }) {
      assertThatExceptionOfType(ManageLinkException.class)
          .as(bad)
          .isThrownBy(() -> service.manage(bad))
          .extracting(ManageLinkException::reason)
          .isEqualTo(ManageLinkException.Reason.INVALID);
    }

    clock.advance(Duration.ofDays(90));
    assertThatExceptionOfType(ManageLinkException.class)
        .isThrownBy(() -> service.manage(token))
        .satisfies(e -> assertThat(e.reason()).isEqualTo(ManageLinkException.Reason.EXPIRED))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(token));
  }

  @Test
  void aChangeIsStoredAndMailedInTheNewLanguageWithAnInviteThatMovesTheEvent() {
    RegistrationService service = service();
    Registration r = service.register(RegistrationServiceTest.agency("@PoliciaMadrid").build());
    String token = manageToken(lastMail());
    clock.advance(Duration.ofMinutes(5));

    RegistrationChange change =
        new RegistrationChange(
            Optional.of(PostalAddress.of("Calle Mayor 1", "Sevilla")),
            Optional.empty(),
            "ES",
            ZoneId.of("Atlantic/Canary"),
            ParticipationModel.CALLS_FOR_SERVICE,
            Locale.forLanguageTag("es"),
            false);
    Registration changed = service.change(token, change);

    assertThat(registrations.find(r.id())).contains(changed);
    assertThat(changed.zone()).isEqualTo(ZoneId.of("Atlantic/Canary"));
    assertThat(changed.language()).isEqualTo(Locale.forLanguageTag("es"));
    assertThat(changed.coordinates()).as("the old coordinates were the old address's").isEmpty();
    assertThat(changed.updatedAt()).isEqualTo(clock.instant());
    assertThat(lastMail().attachments()).hasSize(1);
    assertThat(invites.calls).hasSize(2);
    int first = Integer.parseInt(invites.calls.get(0).split(" ")[1]);
    int second = Integer.parseInt(invites.calls.get(1).split(" ")[1]);
    assertThat(second).as("the later invite's SEQUENCE").isGreaterThan(first);
    assertThat(invites.calls.get(1)).endsWith("Atlantic/Canary es");

    int mails = mailer.sent().size();
    assertThat(service.change(token, RegistrationChange.of(changed))).isEqualTo(changed);
    assertThat(mailer.sent()).as("nothing changed, nothing mailed").hasSize(mails);
  }

  @Test
  void aChangeThatBreaksARuleNamesTheFieldAndChangesNothing() {
    RegistrationService service = service();
    Registration r = service.register(RegistrationServiceTest.agency("@PoliciaMadrid").build());
    String token = manageToken(lastMail());
    RegistrationChange nameOnMap =
        new RegistrationChange(
            r.address(),
            r.coordinates(),
            "ES",
            r.zone(),
            r.participationModel(),
            r.language(),
            true);

    assertThatExceptionOfType(InvalidRegistrationException.class)
        .isThrownBy(() -> service.change(token, nameOnMap))
        .satisfies(e -> assertThat(e.field()).isEqualTo("officerNameOnMap"));
    assertThatExceptionOfType(InvalidRegistrationException.class)
        .isThrownBy(
            () ->
                new RegistrationChange(
                    r.address(),
                    r.coordinates(),
                    "XX",
                    r.zone(),
                    r.participationModel(),
                    r.language(),
                    false))
        .satisfies(e -> assertThat(e.field()).isEqualTo("country"));
    assertThat(registrations.find(r.id())).contains(r);
  }

  @Test
  void withdrawingThroughTheLinkMailsTheCancellationAndClosesTheLink() {
    RegistrationService service = service();
    service.register(RegistrationServiceTest.agency("@PoliciaMadrid").build());
    String token = manageToken(lastMail());

    Registration withdrawn = service.withdrawWithLink(token);

    assertThat(withdrawn.status()).isEqualTo(RegistrationStatus.WITHDRAWN);
    Mail mail = lastMail();
    assertThat(mail.body()).contains("is withdrawn as you asked").doesNotContain("/manage/");
    assertThat(mail.attachments())
        .extracting(Mail.Attachment::contentType)
        .containsExactly("text/calendar; method=CANCEL");
    assertThat(invites.calls.get(invites.calls.size() - 1)).startsWith("CANCEL ");
    assertThatExceptionOfType(ManageLinkException.class)
        .isThrownBy(() -> service.manage(token))
        .extracting(ManageLinkException::reason)
        .isEqualTo(ManageLinkException.Reason.CLOSED);
    assertThat(service.manageLink(withdrawn.id())).isEmpty();
  }

  @Test
  void aShortKeyIsRefused() {
    assertThatExceptionOfType(IllegalArgumentException.class)
        .isThrownBy(() -> builder().manageLinks(new byte[31], t -> t))
        .withMessageContaining("manageLinkKey");
  }
}
