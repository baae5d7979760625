package org.poltwt.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.poltwt.announcement.Announcement;
import org.poltwt.announcement.AnnouncementService;
import org.poltwt.announcement.Audience;
import org.poltwt.announcement.EditionService;
import org.poltwt.event.Edition;
import org.poltwt.registration.AgencyLevel;
import org.poltwt.registration.ParticipationModel;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationRequest;
import org.poltwt.registration.RegistrationService;
import org.poltwt.spi.Mail;
import org.poltwt.spi.Mailer;
import org.poltwt.spi.memory.InMemoryMailer;
import org.poltwt.test.Editions;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code poltwt.registration.manage-link*}: signed "manage my registration" links in the mails. */
class PoltwtManageLinksTest {
  private static final Pattern LINK = Pattern.compile("https://poltwt\\.example/manage/(\\S+)");
  private static final String TEMPLATE =
      "poltwt.registration.manage-link=https://poltwt.example/manage/{token}";

  private final InMemoryMailer mailer = new InMemoryMailer();

  /** A database, a mailer, the in-memory directory and a fixed clock. */
  private ApplicationContextRunner complete() {
    return Contexts.withDatabase()
        .withBean(Mailer.class, () -> mailer)
        .withBean(
            Clock.class, () -> Clock.fixed(Instant.parse("2015-05-01T00:00:00Z"), ZoneOffset.UTC))
        .withPropertyValues("poltwt.x.directory=in-memory");
  }

  /** The base64 of a key of {@code bytes} bytes. */
  private static String key(int bytes) {
    byte[] key = new byte[bytes];
    for (int i = 0; i < bytes; i++) {
      key[i] = (byte) (i * 37 + 11);
    }
    return Base64.getEncoder().encodeToString(key);
  }

  @Test
  void theVerificationMailCarriesALinkOfTheTemplateThatOpensTheRegistration() {
    complete()
        .withPropertyValues(TEMPLATE, "poltwt.registration.manage-link-key=" + key(32))
        .run(
            context -> {
              Edition edition = context.getBean(EditionService.class).create(Editions.scheduled(5));
              RegistrationService registrations = context.getBean(RegistrationService.class);
              Registration pending = registrations.register(agency("MadridPolice"));

              List<Mail> mails = mailer.sentTo("prensa@madrid.gob.es");
              assertThat(mails).hasSize(1);
              Matcher link = LINK.matcher(mails.get(0).body());
              assertThat(link.find()).as("the link of poltwt.registration.manage-link").isTrue();
              assertThat(registrations.manage(link.group(1)).id()).isEqualTo(pending.id());
              assertThat(registrations.manageLink(pending.id()))
                  .hasValueSatisfying(
                      l -> assertThat(l).startsWith("https://poltwt.example/manage/"));

              // The announcement service carries the same service's links.
              AnnouncementService announcements = context.getBean(AnnouncementService.class);
              Announcement draft =
                  announcements.draft(edition, "Hello", "See you", Audience.allRegistrants());
              Matcher inAnnouncement =
                  LINK.matcher(
                      announcements.preview(draft, registrations.manage(link.group(1))).body());
              assertThat(inAnnouncement.find()).as("the manage link in an announcement").isTrue();
              assertThat(registrations.manage(inAnnouncement.group(1)).id())
                  .isEqualTo(pending.id());
            });
  }

  @Test
  void withoutThePropertiesThereAreNoManageLinks() {
    complete()
        .run(
            context -> {
              Edition edition = context.getBean(EditionService.class).create(Editions.scheduled(5));
              RegistrationService registrations = context.getBean(RegistrationService.class);
              Registration pending = registrations.register(agency("MadridPolice"));

              assertThat(mailer.sentTo("prensa@madrid.gob.es").get(0).body())
                  .doesNotContain("/manage/");
              assertThat(registrations.manageLink(pending.id())).isEmpty();
              assertThatThrownBy(() -> registrations.manage("m1.x.y"))
                  .isInstanceOf(IllegalStateException.class);
              AnnouncementService announcements = context.getBean(AnnouncementService.class);
              Announcement draft =
                  announcements.draft(edition, "Hello", "See you", Audience.allRegistrants());
              assertThat(announcements.preview(draft, pending).body()).doesNotContain("/manage/");
            });
  }

  @Test
  void aLinkWithoutAKeyFailsStartUpNamingTheKey() {
    complete()
        .withPropertyValues(TEMPLATE)
        .run(
            context ->
                assertThat(Contexts.messages(context.getStartupFailure()))
                    .contains("poltwt.registration.manage-link-key")
                    .contains("is required when poltwt.registration.manage-link is set"));
  }

  @Test
  void aKeyWithoutALinkFailsStartUpNamingTheLinkAndNotTheKey() {
    String key = key(32);
    complete()
        .withPropertyValues("poltwt.registration.manage-link-key=" + key)
        .run(
            context ->
                assertThat(Contexts.messages(context.getStartupFailure()))
                    .contains("Property poltwt.registration.manage-link ")
                    .contains("is required when poltwt.registration.manage-link-key is set")
                    .doesNotContain(key));
  }

  @Test
  void aKeyThatIsNotBase64FailsStartUpNamingThePropertyAndNotTheValue() {
    String key = "this-is-not*base64/hunter2-zebra";
    complete()
        .withPropertyValues(TEMPLATE, "poltwt.registration.manage-link-key=" + key)
        .run(
            context -> {
              Throwable failure = context.getStartupFailure();
              assertThat(Contexts.messages(failure))
                  .contains("poltwt.registration.manage-link-key")
                  .contains("must be base64")
                  .doesNotContain(key)
                  .doesNotContain("zebra");
              FailureAnalysis analysis = new PoltwtSecretPropertyFailureAnalyzer().analyze(failure);
              assertThat(analysis).isNotNull();
              assertThat(analysis.getDescription())
                  .contains("'poltwt.registration.manage-link-key'")
                  .contains("must be base64")
                  .doesNotContain(key);
            });
  }

  @Test
  void aShortKeyFailsStartUpNamingThePropertyAndNotTheValue() {
    String key = key(31);
    complete()
        .withPropertyValues(TEMPLATE, "poltwt.registration.manage-link-key=" + key)
        .run(
            context -> {
              Throwable failure = context.getStartupFailure();
              assertThat(Contexts.messages(failure))
                  .contains("poltwt.registration.manage-link-key")
                  .contains("at least 32 secret random bytes, not 31")
                  .doesNotContain(key);
              assertThat(
                      new PoltwtSecretPropertyFailureAnalyzer().analyze(failure).getDescription())
                  .contains("its value is not shown")
                  .doesNotContain(key);
            });
  }

  @Test
  void aUrlSafeKeyIsAccepted() {
    byte[] bytes = new byte[48];
    java.util.Arrays.fill(bytes, (byte) 0xfb);
    String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    assertThat(key).contains("-");
    assertThat(PoltwtAutoConfiguration.manageLinkKey(key)).isEqualTo(bytes);
  }

  @Test
  void aLifetimeTheServiceRefusesFailsStartUpNamingTheProperty() {
    complete()
        .withPropertyValues(
            TEMPLATE,
            "poltwt.registration.manage-link-key=" + key(32),
            "poltwt.registration.manage-link-ttl=400d")
        .run(
            context ->
                assertThat(Contexts.messages(context.getStartupFailure()))
                    .contains("poltwt.registration.manage-link-ttl")
                    .contains("at most 366 days"));
  }

  @Test
  void theKeyIsNotInThePropertiesToString() {
    complete()
        .withPropertyValues(TEMPLATE, "poltwt.registration.manage-link-key=" + key(32))
        .run(
            context ->
                assertThat(context.getBean(PoltwtProperties.class).toString())
                    .contains("manageLinkKey=***")
                    .doesNotContain(key(32)));
  }

  @Test
  void otherInvalidPropertiesAreLeftToSpringBoot() {
    complete()
        .withPropertyValues("poltwt.registration.token-ttl=60d")
        .run(
            context ->
                assertThat(
                        new PoltwtSecretPropertyFailureAnalyzer()
                            .analyze(context.getStartupFailure()))
                    .isNull());
  }

  static RegistrationRequest agency(String handle) {
    return agencyBuilder(handle).build();
  }

  static RegistrationRequest.Builder agencyBuilder(String handle) {
    return RegistrationRequest.builder()
        .edition(5)
        .handle(handle)
        .agency("Madrid Municipal Police", AgencyLevel.LOCAL)
        .email("prensa@madrid.gob.es")
        .country("es")
        .zone("Europe/Madrid")
        .participationModel(ParticipationModel.ONE_TOPIC);
  }
}
