package org.poltwt.validation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Configuration;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.poltwt.registration.email.EmailAssessment;
import org.poltwt.registration.email.GovernmentEmailPolicy;
import org.poltwt.registration.email.Verdict;
import org.poltwt.testing.Translations;

/** The constraints as a CMS uses them: on its own form object, through its own Validator. */
class ConstraintsTest {
  private static final Validator VALIDATOR =
      Validation.byProvider(HibernateValidator.class)
          .configure()
          .messageInterpolator(new ParameterMessageInterpolator())
          .buildValidatorFactory()
          .getValidator();

  /** A CMS's own sign-up form. */
  record CmsForm(@TwitterHandle String handle, @GovernmentEmail String email) {}

  /** A stricter form that does not accept addresses that need review. */
  record StrictForm(@GovernmentEmail(allowReview = false) String email) {}

  private static Set<ConstraintViolation<CmsForm>> check(String handle, String email) {
    return VALIDATOR.validate(new CmsForm(handle, email));
  }

  @Test
  void validValuesAndNullsPass() {
    assertThat(check("@PolTwt", "chief@police.gov")).isEmpty();
    assertThat(check("Kent_Police", "media@kent.police.uk")).isEmpty();
    assertThat(check(null, null)).isEmpty();
  }

  @Test
  void aBadHandleFailsWithTheLibraryMessage() {
    Set<ConstraintViolation<CmsForm>> v = check("not a handle", "chief@police.gov");

    assertThat(v)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getPropertyPath()).hasToString("handle");
              assertThat(c.getMessage())
                  .isEqualTo("must be a Twitter handle: 1 to 15 letters, digits or underscores");
            });
  }

  @ParameterizedTest
  @MethodSource("org.poltwt.testing.Translations#translated")
  void aCmsThatSpeaksALanguageGetsTheMessagesInIt(String language) {
    Locale locale = Locale.forLanguageTag(language);
    Validator validator =
        Validation.byProvider(HibernateValidator.class)
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator(Set.of(locale), locale, false))
            .buildValidatorFactory()
            .getValidator();
    Properties words = Translations.properties("ContributorValidationMessages", language);

    assertThat(validator.validate(new CmsForm("not a handle", "chief@gmail.com")))
        .extracting(ConstraintViolation::getMessage)
        .containsExactlyInAnyOrder(
            words.getProperty("org.poltwt.validation.TwitterHandle.message"),
            words.getProperty("org.poltwt.validation.GovernmentEmail.webmail"))
        .doesNotContain(bundle().getProperty("org.poltwt.validation.TwitterHandle.message"));
  }

  @Test
  void aRejectedEmailFailsWithThePolicysReasonAndNotTheAddress() {
    Set<ConstraintViolation<CmsForm>> v = check("PolTwt", "chief@police.gov.example.com");

    assertThat(v)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getPropertyPath()).hasToString("email");
              assertThat(c.getMessage()).isNotBlank().doesNotContain("chief").doesNotContain("@");
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"jane@gmail.com", "x@yahoo.co.uk", "chief@outlook.com"})
  void webmailIsAViolationEvenWhereReviewIsAllowed(String email) {
    assertThat(check("PolTwt", email))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getMessageTemplate())
                  .isEqualTo("{org.poltwt.validation.GovernmentEmail.webmail}");
              assertThat(c.getMessage())
                  .isEqualTo(bundle().getProperty("org.poltwt.validation.GovernmentEmail.webmail"))
                  .doesNotContain(email);
            });
  }

  @Test
  void aPlainDefaultValidatorFactoryWorksWithOnlyPoltwtOnTheClassPath() {
    // Hibernate Validator's default interpolator needs Jakarta EL: poltwt-core brings one.
    try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
      Validator validator = factory.getValidator();
      assertThat(validator.validate(new CmsForm("PolTwt", "jane@gmail.com"))).hasSize(1);
      assertThat(validator.validate(new CmsForm("PolTwt", "jane.doe@kent.police.uk"))).isEmpty();
    }
  }

  @Test
  void theApplicationsPolicyReachesTheConstraintThroughTheFactory() {
    GovernmentEmailPolicy policy =
        GovernmentEmailPolicy.builder()
            .allowDomains("police.example.uk")
            .denyDomains("old-force.gov.uk")
            .build();
    Configuration<?> config = Validation.byDefaultProvider().configure();
    try (ValidatorFactory factory =
        config
            .constraintValidatorFactory(
                GovernmentEmailValidator.factory(
                    policy, config.getDefaultConstraintValidatorFactory()))
            .buildValidatorFactory()) {
      Validator validator = factory.getValidator();
      assertThat(validator.validate(new StrictForm("media@police.example.uk"))).isEmpty();
      assertThat(VALIDATOR.validate(new StrictForm("media@police.example.uk"))).hasSize(1);
      assertThat(validator.validate(new StrictForm("media@old-force.gov.uk")))
          .singleElement()
          .satisfies(
              c ->
                  assertThat(c.getMessageTemplate())
                      .isEqualTo("{org.poltwt.validation.GovernmentEmail.denyList}"));
      // Other constraints still come from the provider's own factory.
      assertThat(validator.validate(new CmsForm("not a handle", null))).hasSize(1);
    }
  }

  @Test
  void aValidatorMadeWithAPolicyUsesIt() {
    GovernmentEmailValidator validator =
        new GovernmentEmailValidator(
            GovernmentEmailPolicy.builder().allowDomains("police.example.uk").build());
    assertThat(validator.isValid("media@police.example.uk", null)).isTrue();
    assertThat(validator.isValid(null, null)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(EmailAssessment.Rule.class)
  void everyRuleThatCanRefuseHasAMessageInTheBundle(EmailAssessment.Rule rule) {
    String key = GovernmentEmailValidator.messageKey(rule);
    assertThat(key).startsWith(GovernmentEmailValidator.MESSAGE_KEY_PREFIX).doesNotContain("_");
    if (rule.verdict() == Verdict.ACCEPTED) {
      assertThat(bundle()).doesNotContainKey(key);
    } else {
      assertThat(bundle().getProperty(key)).as(key).isNotBlank().doesNotContain("{");
    }
  }

  @Test
  void everyKeyInTheBundleIsUsed() {
    Set<String> used = new HashSet<>();
    used.add("org.poltwt.validation.TwitterHandle.message");
    used.add("org.poltwt.validation.GovernmentEmail.message");
    for (EmailAssessment.Rule rule : EmailAssessment.Rule.values()) {
      used.add(GovernmentEmailValidator.messageKey(rule));
    }
    assertThat(used).containsAll(bundle().stringPropertyNames());
  }

  private static Properties bundle() {
    Properties p = new Properties();
    try (InputStream in =
        ConstraintsTest.class.getResourceAsStream("/ContributorValidationMessages.properties")) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  @Test
  void anEmailThatNeedsReviewPassesUnlessTheFormIsStrict() {
    assertThat(check("PolTwt", "media@sfgov.org")).isEmpty();
    assertThat(VALIDATOR.validate(new StrictForm("media@sfgov.org"))).hasSize(1);
    assertThat(VALIDATOR.validate(new StrictForm("media@sf.gov"))).isEmpty();
  }
}
