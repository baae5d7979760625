package org.poltwt.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.poltwt.event.Edition;
import org.poltwt.event.EditionStatus;
import org.poltwt.internal.SecretTokens;
import org.poltwt.spi.Mail;
import org.poltwt.spi.RegistrationQuery;
import org.poltwt.spi.RegistrationStore;
import org.poltwt.spi.TwitterAccount;
import org.poltwt.spi.memory.InMemoryAccountDirectory;
import org.poltwt.spi.memory.InMemoryEditionStore;
import org.poltwt.spi.memory.InMemoryMailer;
import org.poltwt.spi.memory.InMemoryRegistrationStore;
import org.poltwt.spi.memory.InMemoryVerificationTokenStore;
import org.poltwt.test.MutableClock;

class RegistrationServiceTest {
  private static final Pattern TOKEN = Pattern.compile("verify\\?token=([A-Za-z0-9_-]{43})");

  private final MutableClock clock = new MutableClock(Instant.parse("2015-05-01T10:00:00Z"));
  private final InMemoryEditionStore editions = new InMemoryEditionStore();
  private final InMemoryRegistrationStore registrations = new InMemoryRegistrationStore();
  private final InMemoryVerificationTokenStore tokens = new InMemoryVerificationTokenStore();
  private final InMemoryMailer mailer = new InMemoryMailer();
  private final InMemoryAccountDirectory accounts = InMemoryAccountDirectory.acceptingEveryHandle();
  private final RegistrationService service =
      RegistrationService.builder()
          .editionStore(editions)
          .registrationStore(registrations)
          .tokenStore(tokens)
          .mailer(mailer)
          .accountDirectory(accounts)
          .clock(clock)
          .verificationLink(t -> "https://poltwt.example/verify?token=" + t)
          .build();

  /** The edition every registration test signs up for: 5 June 2015, from 08:00 local time. */
  static final Edition FIFTH =
      Edition.builder()
          .number(5)
          .date(LocalDate.of(2015, 6, 5))
          .localStart(LocalTime.of(8, 0))
          .build();

  /**
   * A service builder on in-memory stores (a fresh token store), accepting every handle, with links
   * to poltwt.example; each test class adds what it tries.
   */
  static RegistrationService.Builder inMemory(
      InMemoryEditionStore editions,
      InMemoryRegistrationStore registrations,
      InMemoryMailer mailer,
      java.time.Clock clock) {
    return RegistrationService.builder()
        .editionStore(editions)
        .registrationStore(registrations)
        .tokenStore(new InMemoryVerificationTokenStore())
        .mailer(mailer)
        .accountDirectory(InMemoryAccountDirectory.acceptingEveryHandle())
        .clock(clock)
        .verificationLink(t -> "https://poltwt.example/verify?token=" + t);
  }

  RegistrationServiceTest() {
    editions.save(FIFTH);
  }

  static RegistrationRequest.Builder agency(String handle) {
    return RegistrationRequest.builder()
        .edition(5)
        .handle(handle)
        .agency("Madrid Municipal Police", AgencyLevel.LOCAL)
        .email("prensa@madrid.gob.es")
        .address("Calle de Albarracín 31", "Madrid", "Comunidad de Madrid", "28037")
        .coordinates(40.4327, -3.6297)
        .country("es")
        .zone("Europe/Madrid")
        .participationModel(ParticipationModel.ONE_TOPIC);
  }

  static RegistrationRequest.Builder officer(String handle) {
    return RegistrationRequest.builder()
        .edition(5)
        .handle(handle)
        .officer("Jane Doe", "Kent Police", AgencyLevel.COUNTY)
        .email("jane.doe@kent.police.uk")
        .country("GB")
        .zone("Europe/London")
        .participationModel(ParticipationModel.TWEET_THE_BEAT);
  }

  private String tokenMailedTo(String address) {
    return lastTokenMailed(mailer, address);
  }

  /** The token of the last verification link mailed to an address. */
  static String lastTokenMailed(InMemoryMailer mailer, String address) {
    List<Mail> mails = mailer.sentTo(address);
    assertThat(mails).isNotEmpty();
    Matcher m = TOKEN.matcher(mails.get(mails.size() - 1).body());
    assertThat(m.find()).as("the mail carries a verification link").isTrue();
    return m.group(1);
  }

  @Test
  void registersAnAgencyPendingVerificationAndMailsItsOwnWindow() {
    Registration r = service.register(agency("@PoliciaMadrid").build());

    assertThat(r.status()).isEqualTo(RegistrationStatus.PENDING_VERIFICATION);
    assertThat(r.handle().value()).isEqualToIgnoringCase("PoliciaMadrid");
    assertThat(r.country()).isEqualTo("ES");
    assertThat(r.zone()).isEqualTo(ZoneId.of("Europe/Madrid"));
    assertThat(r.address()).isPresent();
    assertThat(r.coordinates()).contains(new Coordinates(40.4327, -3.6297));
    assertThat(r.emailNeedsReview()).isFalse();
    assertThat(r.accountId()).isPresent();
    assertThat(r.onMap()).isFalse();
    assertThat(registrations.find(r.id())).contains(r);

    Mail mail = mailer.sentTo("prensa@madrid.gob.es").get(0);
    assertThat(mail.to()).isEqualTo("prensa@madrid.gob.es");
    assertThat(mail.body()).contains("Friday 5 June 2015 at 08:00 Europe/Madrid");
    assertThat(mailer.sent()).hasSize(1);
  }

  @Test
  void registersAnOfficer() {
    Registration r = service.register(officer("JaneDoeKent").build());

    assertThat(r.accountType()).isEqualTo(AccountType.OFFICER);
    assertThat(r.officerName()).contains("Jane Doe");
    assertThat(r.address()).isEmpty();
  }

  @Test
  void verifyingTheMailedTokenVerifiesAndPutsAnAgencyWithAnAddressOnTheMap() {
    Registration r = service.register(agency("PoliciaMadrid").build());
    clock.advance(Duration.ofHours(1));

    Registration verified = service.verify(tokenMailedTo("prensa@madrid.gob.es"));

    assertThat(verified.status()).isEqualTo(RegistrationStatus.VERIFIED);
    assertThat(verified.onMap()).isTrue();
    assertThat(verified.updatedAt()).isEqualTo(clock.instant());
    assertThat(registrations.find(r.id()).orElseThrow().status())
        .isEqualTo(RegistrationStatus.VERIFIED);
  }

  @Test
  void aTokenWorksOnceThenIsUsed() {
    service.register(agency("PoliciaMadrid").build());
    String token = tokenMailedTo("prensa@madrid.gob.es");
    service.verify(token);

    assertThatThrownBy(() -> service.verify(token))
        .isInstanceOf(VerificationException.UsedToken.class);
  }

  @Test
  void anExpiredTokenChangesNothing() {
    Registration r = service.register(agency("PoliciaMadrid").build());
    String token = tokenMailedTo("prensa@madrid.gob.es");
    clock.advance(Duration.ofHours(48));

    assertThatThrownBy(() -> service.verify(token))
        .isInstanceOf(VerificationException.ExpiredToken.class);
    assertThat(registrations.find(r.id())).contains(r);
  }

  @Test
  void aTokenJustBeforeExpiryStillWorks() {
    service.register(agency("PoliciaMadrid").build());
    String token = tokenMailedTo("prensa@madrid.gob.es");
    clock.advance(Duration.ofHours(48).minusNanos(1000));

    assertThat(service.verify(token).status()).isEqualTo(RegistrationStatus.VERIFIED);
  }

  @Test
  void unknownAndMalformedTokensAreUnknown() {
    Registration r = service.register(agency("PoliciaMadrid").build());
    String token = tokenMailedTo("prensa@madrid.gob.es");
    String altered = (token.charAt(0) == 'A' ? 'B' : 'A') + token.substring(1);

    for (String bad :
        new String[] {altered, "", "short", null, token + "x", token.substring(1) + "!"}) {
      assertThatThrownBy(() -> service.verify(bad))
          .isInstanceOf(VerificationException.UnknownToken.class);
    }
    assertThat(registrations.find(r.id())).contains(r);
  }

  @Test
  void tokensAreStoredOnlyAsHashes() {
    service.register(agency("PoliciaMadrid").build());
    String token = tokenMailedTo("prensa@madrid.gob.es");

    assertThat(tokens.findByHash(SecretTokens.hash(token))).isPresent();
    assertThat(SecretTokens.hash(token)).isNotEqualTo(token).hasSize(64);
  }

  @Test
  void anEmailThatNeedsReviewGoesToReviewAfterVerificationThenAnOrganiserApproves() {
    Registration r =
        service.register(
            agency("SFPD")
                .email("media@sfgov.org")
                .country("US")
                .zone("America/Los_Angeles")
                .build());
    assertThat(r.emailNeedsReview()).isTrue();

    Registration verified = service.verify(tokenMailedTo("media@sfgov.org"));
    assertThat(verified.status()).isEqualTo(RegistrationStatus.PENDING_REVIEW);

    assertThat(service.approve(r.id()).status()).isEqualTo(RegistrationStatus.VERIFIED);

    List<Mail> mails = mailer.sentTo("media@sfgov.org");
    assertThat(mails)
        .extracting(Mail::kind)
        .containsExactly(Mail.Kind.VERIFICATION, Mail.Kind.APPROVAL);
    Mail approval = mails.get(1);
    assertThat(approval.subject()).contains("approved").contains("@SFPD");
    assertThat(approval.body()).contains("approved").doesNotContain("{");
    assertThat(approval.html()).get(InstanceOfAssertFactories.STRING).contains("approved");
    assertThat(approval.key()).contains("approval-" + r.id());
  }

  @Test
  void aRejectionIsMailedToTheRegistrant() {
    Registration r = service.register(agency("SFPD").email("media@sfgov.org").build());

    service.reject(r.id());

    List<Mail> mails = mailer.sentTo("media@sfgov.org");
    assertThat(mails)
        .extracting(Mail::kind)
        .containsExactly(Mail.Kind.VERIFICATION, Mail.Kind.REJECTION);
    assertThat(mails.get(1).subject()).contains("not accepted");
    assertThat(mails.get(1).body()).contains("withdrawn").doesNotContain("{");
    assertThat(mails.get(1).key()).contains("rejection-" + r.id());
  }

  @Test
  void aFailedApprovalOrRejectionMailNeverUndoesTheDecision() {
    Registration a = service.register(agency("SFPD").email("media@sfgov.org").build());
    service.verify(tokenMailedTo("media@sfgov.org"));
    Registration b = service.register(agency("LAPD").email("press@sfgov.org").build());

    mailer.failNext(2);
    assertThat(service.approve(a.id()).status()).isEqualTo(RegistrationStatus.VERIFIED);
    assertThat(service.reject(b.id()).status()).isEqualTo(RegistrationStatus.WITHDRAWN);

    assertThat(registrations.find(a.id()).orElseThrow().status())
        .isEqualTo(RegistrationStatus.VERIFIED);
    assertThat(registrations.find(b.id()).orElseThrow().status())
        .isEqualTo(RegistrationStatus.WITHDRAWN);
    assertThat(mailer.sent())
        .extracting(Mail::kind)
        .doesNotContain(Mail.Kind.APPROVAL, Mail.Kind.REJECTION);
  }

  @Test
  void theVerificationMailHasATextAndAnHtmlPartAndAKeyWithoutTheToken() {
    service.register(agency("PoliciaMadrid").build());
    String token = tokenMailedTo("prensa@madrid.gob.es");

    Mail mail = mailer.sentTo("prensa@madrid.gob.es").get(0);
    assertThat(mail.kind()).isEqualTo(Mail.Kind.VERIFICATION);
    assertThat(mail.html())
        .get(InstanceOfAssertFactories.STRING)
        .contains("<a href=\"https://poltwt.example/verify?token=" + token + "\">")
        .contains("Friday 5 June 2015 at 08:00 Europe/Madrid");
    assertThat(mail.key()).get(InstanceOfAssertFactories.STRING).doesNotContain(token);
    assertThat(mail.toString()).doesNotContain(token).doesNotContain("prensa");
  }

  @Test
  void anOrganiserCanRejectAnEmailUnderReview() {
    Registration r = service.register(agency("SFPD").email("media@sfgov.org").build());
    service.verify(tokenMailedTo("media@sfgov.org"));

    assertThat(service.reject(r.id()).status()).isEqualTo(RegistrationStatus.WITHDRAWN);
  }

  @Test
  void approveOnlyAppliesToRegistrationsPendingReview() {
    Registration r = service.register(agency("PoliciaMadrid").build());

    assertThatThrownBy(() -> service.approve(r.id()))
        .isInstanceOf(RegistrationStateException.class)
        .hasFieldOrPropertyWithValue("code", "registration.wrong-state");
    assertThatThrownBy(() -> service.reject(r.id())).isInstanceOf(RegistrationStateException.class);
  }

  @Test
  void aHandleRegistersOncePerEditionWhateverItsCase() {
    service.register(agency("PoliciaMadrid").build());

    assertThatThrownBy(
            () -> service.register(agency("@policiamadrid").email("otro@madrid.gob.es").build()))
        .isInstanceOf(DuplicateRegistrationException.class)
        .hasMessageNotContaining("otro@");
    assertThat(registrations.count(RegistrationQuery.of(5))).isEqualTo(1);
  }

  @Test
  void oneAgencyMayRegisterManyAccounts() {
    service.register(agency("PoliciaMadrid").build());
    service.register(agency("PoliciaMadrid2").build());
    service.register(officer("AgenteMadrid").agencyName("Madrid Municipal Police").build());

    assertThat(registrations.count(RegistrationQuery.of(5))).isEqualTo(3);
  }

  @Test
  void reportsEveryFailingFieldAtOnceAndStoresNothing() {
    RegistrationRequest bad =
        RegistrationRequest.builder()
            .edition(5)
            .handle("not a handle!")
            .accountType(AccountType.OFFICER)
            .agencyName(" ")
            .email("someone@gmail@com")
            .country("XX")
            .zone("Mars/Olympus")
            .coordinates(91.0, null)
            .build();

    InvalidRegistrationException e =
        catchThrowableOfType(InvalidRegistrationException.class, () -> service.register(bad));

    assertThat(e.errors())
        .extracting(InvalidRegistrationException.FieldError::field)
        .contains(
            "handle",
            "agencyName",
            "agencyLevel",
            "officerName",
            "email",
            "country",
            "zone",
            "participationModel",
            "latitude");
    assertThat(e.getMessage()).doesNotContain("someone").doesNotContain("gmail");
    assertThat(registrations.count(RegistrationQuery.of(5))).isZero();
    assertThat(mailer.sent()).isEmpty();
  }

  @Test
  void anUnknownOrClosedEditionIsRejected() {
    assertThat(
            catchThrowableOfType(
                    InvalidRegistrationException.class,
                    () -> service.register(agency("PoliciaMadrid").edition(9).build()))
                .field())
        .isEqualTo("edition");

    editions.save(
        Edition.builder()
            .number(6)
            .date(LocalDate.of(2016, 1, 1))
            .status(EditionStatus.CANCELLED)
            .build());
    InvalidRegistrationException closed =
        catchThrowableOfType(
            InvalidRegistrationException.class,
            () -> service.register(agency("PoliciaMadrid").edition(6).build()));
    assertThat(closed.field()).isEqualTo("edition");
    assertThat(closed.reason()).contains("cancelled");
  }

  @Test
  void anEditionWithoutADateYetStillTakesSignUps() {
    editions.save(Edition.builder().number(6).status(EditionStatus.DATE_TBD).build());

    Registration r = service.register(agency("PoliciaMadrid").edition(6).build());

    assertThat(r.edition()).isEqualTo(6);
    assertThat(mailer.sent()).hasSize(1);
  }

  @Test
  void aMissingOrSuspendedTwitterAccountIsRejected() {
    InMemoryAccountDirectory directory = new InMemoryAccountDirectory();
    directory.add(
        new TwitterAccount(
            "42", TwitterHandle.of("PoliciaMadrid"), "Policía Municipal", false, true));
    directory.suspend(TwitterHandle.of("Suspended1"));
    RegistrationService strict =
        RegistrationService.builder()
            .editionStore(editions)
            .registrationStore(registrations)
            .tokenStore(tokens)
            .mailer(mailer)
            .accountDirectory(directory)
            .clock(clock)
            .build();

    assertThat(
            catchThrowableOfType(
                    InvalidRegistrationException.class,
                    () -> strict.register(agency("NoSuchAccount").build()))
                .reason())
        .contains("no Twitter account");
    assertThat(
            catchThrowableOfType(
                    InvalidRegistrationException.class,
                    () -> strict.register(agency("Suspended1").build()))
                .reason())
        .contains("suspended");
    Registration ok = strict.register(agency("policiamadrid").build());
    assertThat(ok.handle().value()).isEqualTo("PoliciaMadrid");
    assertThat(ok.accountId()).contains("42");
    assertThat(registrations.count(RegistrationQuery.of(5))).isEqualTo(1);
  }

  @Test
  void aRejectedEmailIsReportedOnTheEmailField() {
    InvalidRegistrationException e =
        catchThrowableOfType(
            InvalidRegistrationException.class,
            () ->
                service.register(
                    agency("PoliciaMadrid").email("chief@police.gov.example.com").build()));

    assertThat(e.field()).isEqualTo("email");
    assertThat(e.getMessage())
        .doesNotContain("chief")
        .doesNotContain("chief@police.gov.example.com");
  }

  @Test
  void registeredEmailIsMaskedNeverWhole() {
    service.register(agency("PoliciaMadrid").build());

    assertThat(service.registeredEmail(5, "@policiamadrid"))
        .contains("p\u2022\u2022\u2022@m\u2022\u2022\u2022.gob.es");
    assertThat(service.registeredEmail(5, "SomeoneElse")).isEmpty();
    assertThat(service.registeredEmail(4, "PoliciaMadrid")).isEmpty();
  }

  @Test
  void withdrawTakesAnAccountOffTheMap() {
    Registration r = service.register(agency("PoliciaMadrid").build());
    service.verify(tokenMailedTo("prensa@madrid.gob.es"));

    Registration withdrawn = service.withdraw(r.id());

    assertThat(withdrawn.status()).isEqualTo(RegistrationStatus.WITHDRAWN);
    assertThat(withdrawn.onMap()).isFalse();
  }

  @Test
  void eraseRemovesPersonalDataAndTokensButKeepsWhatTheCountsNeed() {
    Registration r =
        service.register(
            officer("JaneDoeKent").address("1 High St", "Maidstone", null, "ME1 1AA").build());
    String token = tokenMailedTo("jane.doe@kent.police.uk");

    Registration erased = service.erase(r.id());

    assertThat(erased.email()).isEmpty();
    assertThat(erased.officerName()).isEmpty();
    assertThat(erased.address()).isEmpty();
    assertThat(erased.coordinates()).isEmpty();
    assertThat(erased.country()).isEqualTo("GB");
    assertThat(erased.handle()).isEqualTo(r.handle());
    assertThat(registrations.find(r.id())).contains(erased);
    assertThat(service.registeredEmail(5, "JaneDoeKent")).isEmpty();
    assertThatThrownBy(() -> service.verify(token))
        .isInstanceOf(VerificationException.UnknownToken.class);
    assertThatThrownBy(() -> service.withdraw(r.id()))
        .isInstanceOf(RegistrationStateException.class);
  }

  @Test
  void aMailFailureKeepsTheRegistrationAndANewLinkCanBeSent() {
    mailer.failNext(1);
    Registration r = service.register(agency("PoliciaMadrid").build());
    assertThat(registrations.find(r.id())).isPresent();
    assertThat(mailer.sent()).isEmpty();

    service.resendVerification(r.id());

    assertThat(service.verify(tokenMailedTo("prensa@madrid.gob.es")).status())
        .isEqualTo(RegistrationStatus.VERIFIED);
  }

  @Test
  void unknownIdsAreTypedErrors() {
    java.util.UUID id = java.util.UUID.randomUUID();
    for (org.assertj.core.api.ThrowableAssert.ThrowingCallable call :
        List.<org.assertj.core.api.ThrowableAssert.ThrowingCallable>of(
            () -> service.withdraw(id),
            () -> service.erase(id),
            () -> service.approve(id),
            () -> service.reject(id),
            () -> service.resendVerification(id))) {
      assertThatThrownBy(call)
          .isInstanceOf(RegistrationStateException.class)
          .hasFieldOrPropertyWithValue("code", "registration.not-found");
    }
  }

  @Test
  void noExceptionOrToStringRevealsTheEmailOrNames() {
    Registration r =
        service.register(
            officer("JaneDoeKent").address("1 High St", "Maidstone", null, "ME1 1AA").build());

    assertThat(r.toString())
        .doesNotContain("jane.doe")
        .doesNotContain("Jane Doe")
        .doesNotContain("High St");
    assertThat(officer("x").build().toString())
        .doesNotContain("jane.doe")
        .doesNotContain("Jane Doe");
    assertThat(mailer.sent().get(0).toString()).doesNotContain("jane.doe");
  }

  @Test
  void aStaleCopyNeverOverwritesAConcurrentChange() {
    Registration r = service.register(agency("PoliciaMadrid").build());
    // Someone withdraws it between verify's read and its write.
    registrations.update(r.withStatus(RegistrationStatus.WITHDRAWN, r.updatedAt().plusSeconds(1)));
    RegistrationStore store = registrations;

    assertThat(
            store.update(
                r, r.withStatus(RegistrationStatus.VERIFIED, r.updatedAt().plusSeconds(2))))
        .isFalse();
    assertThatThrownBy(() -> service.approve(r.id()))
        .isInstanceOf(RegistrationStateException.class);
    assertThat(registrations.find(r.id()).orElseThrow().status())
        .isEqualTo(RegistrationStatus.WITHDRAWN);
  }

  @Test
  void aMailerThatFailsWithAnyRuntimeExceptionKeepsTheSignUpWhole() {
    RegistrationService withBrokenMail =
        RegistrationService.builder()
            .editionStore(editions)
            .registrationStore(registrations)
            .tokenStore(tokens)
            .accountDirectory(accounts)
            .clock(clock)
            .mailer(
                mail -> {
                  throw new IllegalStateException("550 mailbox " + mail.to() + " unavailable");
                })
            .build();

    Registration r = withBrokenMail.register(agency("PoliciaMadrid").build());

    assertThat(registrations.find(r.id())).contains(r);
    service.resendVerification(r.id());
    assertThat(service.verify(tokenMailedTo("prensa@madrid.gob.es")).status())
        .isEqualTo(RegistrationStatus.VERIFIED);
  }

  @Test
  void surroundingWhitespaceInTheFormIsIgnored() {
    Registration r =
        service.register(
            agency(" @PoliciaMadrid ")
                .email("  prensa@madrid.gob.es\t")
                .country(" es ")
                .zone(" Europe/Madrid ")
                .build());

    assertThat(r.email()).isEqualTo("prensa@madrid.gob.es");
    assertThat(r.handle().value()).isEqualTo("PoliciaMadrid");
  }

  @Test
  void theFirstFieldErrorHasItsOwnReasonAndTheMessageListsTheRest() {
    InvalidRegistrationException e =
        catchThrowableOfType(
            InvalidRegistrationException.class,
            () ->
                service.register(
                    agency("PoliciaMadrid").coordinates(91.0, 200.0).country("XX").build()));

    assertThat(e.errors())
        .extracting(InvalidRegistrationException.FieldError::field)
        .containsExactly("latitude", "longitude", "country");
    assertThat(e.field()).isEqualTo("latitude");
    assertThat(e.reason()).isEqualTo("must be between -90 and 90");
    assertThat(e.getMessage())
        .isEqualTo(
            "latitude: must be between -90 and 90 (and longitude: must be between -180"
                + " and 180; country: must be an ISO 3166-1 alpha-2 code such as GB or US)");
  }

  @Test
  void erasingTwiceIsHarmless() {
    Registration r = service.register(agency("PoliciaMadrid").build());

    Registration once = service.erase(r.id());

    assertThat(service.erase(r.id())).isEqualTo(once);
  }

  @Test
  void theMaskShowsOnlyThePublicSuffixOfTheDomain() {
    service.register(officer("JaneDoeKent").email("jane.doe@press.kent.police.uk").build());

    assertThat(service.registeredEmail(5, "JaneDoeKent"))
        .contains("j\u2022\u2022\u2022@k\u2022\u2022\u2022.police.uk");
  }
}
