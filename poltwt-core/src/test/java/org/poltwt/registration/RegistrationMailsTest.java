package org.poltwt.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.poltwt.event.Edition;
import org.poltwt.spi.Mail;
import org.poltwt.test.Editions;
import org.poltwt.test.Registrations;

/** The registration mails' templates: every key used, every placeholder filled. */
class RegistrationMailsTest {
  /** Delegates to the real bundle and remembers each key read. */
  private static final class Recording extends ResourceBundle {
    final ResourceBundle real = ResourceBundle.getBundle(RegistrationMails.BUNDLE, Locale.ENGLISH);
    final Set<String> read = new HashSet<>();

    @Override
    protected Object handleGetObject(String key) {
      read.add(key);
      return real.getObject(key);
    }

    @Override
    public Enumeration<String> getKeys() {
      return real.getKeys();
    }
  }

  private static List<Mail> everyMail(RegistrationMails mails) {
    Registration r = Registrations.officer(5, "PCJane");
    Edition dated = Editions.scheduled(5);
    List<Mail> all = new ArrayList<>();
    all.add(
        mails.verification(
            r,
            dated,
            "https://poltwt.example/verify?token=t&x=<1>",
            Registrations.BASE_TIME,
            Registrations.at(86_400)));
    all.add(
        mails.verification(
            r,
            Editions.dateTbd(5),
            "https://poltwt.example/verify?token=t",
            Registrations.BASE_TIME,
            Registrations.at(86_400)));
    all.add(mails.verification(r, null, "t", Registrations.BASE_TIME, Registrations.at(60)));
    all.add(mails.approval(r, dated));
    all.add(mails.rejection(r, dated));
    all.add(mails.approval(r, null));
    Registration unplaced = Registrations.withAddress(r);
    RegistrationMails.Extras everything =
        new RegistrationMails.Extras(
            Optional.of("https://poltwt.example/manage/m1.a.b"),
            Registrations.at(90 * 86_400),
            Optional.of(new Mail.Attachment("poltwt-5.ics", "text/calendar; method=REQUEST", "x")),
            true);
    all.add(
        mails.verification(
            unplaced, dated, "t", Registrations.BASE_TIME, Registrations.at(60), everything));
    all.add(mails.approval(unplaced, dated, everything));
    all.add(mails.change(unplaced, dated, Registrations.at(60), everything));
    all.add(mails.withdrawal(unplaced, dated, everything));
    return all;
  }

  @Test
  void everyKeyOfTheBundleIsUsedAndEveryKeyUsedIsInIt() {
    Recording bundle = new Recording();

    everyMail(RegistrationMails.of(bundle, Locale.ENGLISH));

    assertThat(bundle.read).containsExactlyInAnyOrderElementsOf(Collections.list(bundle.getKeys()));
  }

  @ParameterizedTest
  @MethodSource("org.poltwt.testing.Translations#languages")
  void everyPlaceholderIsFilledInEveryPart(String language) {
    for (Mail m : everyMail(RegistrationMails.of(Locale.forLanguageTag(language)))) {
      String what = language + " " + m.kind();
      assertThat(m.subject()).as(what + " subject").doesNotContain("{").doesNotContain("}");
      assertThat(m.body()).as(what + " text").doesNotContain("{").doesNotContain("}");
      assertThat(m.html()).as(what + " html").isPresent();
      assertThat(m.html().get()).as(what + " html").doesNotContain("{").doesNotContain("}");
      assertThat(m.body()).as(what + " text").contains("@PCJane");
    }
  }

  @ParameterizedTest
  @MethodSource("org.poltwt.testing.Translations#translated")
  void everyMailIsWrittenInEachLanguage(String language) {
    List<Mail> english = everyMail(RegistrationMails.of(Locale.ENGLISH));
    List<Mail> translated = everyMail(RegistrationMails.of(Locale.forLanguageTag(language)));

    assertThat(translated).hasSameSizeAs(english);
    for (int i = 0; i < english.size(); i++) {
      Mail m = translated.get(i);
      String what = language + " " + m.kind() + " #" + i;
      assertThat(m.kind()).isEqualTo(english.get(i).kind());
      assertThat(m.subject()).as(what).isNotBlank().contains("@PCJane");
      assertThat(m.body()).as(what).isNotBlank().contains("@PCJane").contains("PolTwt");
      assertThat(m.subject()).as(what).isNotEqualTo(english.get(i).subject());
      assertThat(m.body()).as(what).isNotEqualTo(english.get(i).body());
      for (String paragraph : english.get(i).body().split("\n\n")) {
        if (!paragraph.isBlank() && !paragraph.startsWith("  ")) {
          assertThat(m.body()).as(what + ": an English paragraph").doesNotContain(paragraph);
        }
      }
      assertThat(m.html().get()).as(what).contains("<html lang=\"" + language + "\"");
    }
  }

  @Test
  void theHtmlPartEscapesWhatItQuotes() {
    Mail m = everyMail(RegistrationMails.of(Locale.ENGLISH)).get(0);

    assertThat(m.html().get())
        .contains("href=\"https://poltwt.example/verify?token=t&amp;x=&lt;1&gt;\"")
        .doesNotContain("<1>");
    assertThat(m.body()).contains("https://poltwt.example/verify?token=t&x=<1>");
  }

  @Test
  void aLanguageWithoutATranslationGetsEnglish() {
    Mail english =
        RegistrationMails.of(Locale.ENGLISH).approval(Registrations.officer(5, "PCJane"), null);
    Mail other =
        RegistrationMails.of(Locale.forLanguageTag("sw"))
            .approval(Registrations.officer(5, "PCJane"), null);

    assertThat(other.subject()).isEqualTo(english.subject());
    assertThat(other.body()).isEqualTo(english.body());
  }
}
