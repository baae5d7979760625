package org.poltwt.registration;

import static java.util.Objects.requireNonNull;

import java.text.MessageFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.UUID;
import org.poltwt.event.Edition;
import org.poltwt.event.Schedule;
import org.poltwt.event.Window;
import org.poltwt.event.WindowText;
import org.poltwt.internal.Bundles;
import org.poltwt.internal.text.Markup;
import org.poltwt.spi.Mail;

/**
 * The registration service's mails (verification, approval, rejection), from the bundle {@code
 * org/poltwt/registration/mails}: a plain-text and an HTML part of the same paragraphs. Java only
 * gathers the values; every word comes from the bundle. Immutable and thread-safe.
 */
final class RegistrationMails {
  static final String BUNDLE = "org.poltwt.registration.mails";

  /** Languages written right to left, whose HTML part says so. */
  private static final java.util.Set<String> RIGHT_TO_LEFT =
      java.util.Set.of("ar", "fa", "he", "ur", "ps", "dv", "yi");

  private final ResourceBundle bundle;
  private final Locale locale;
  private final WindowText when;
  private final String lang;

  private RegistrationMails(ResourceBundle bundle, Locale locale) {
    this.bundle = bundle;
    this.locale = locale;
    this.when = WindowText.of(locale);
    Locale found = bundle.getLocale();
    this.lang = found == null || found.getLanguage().isEmpty() ? "en" : found.getLanguage();
  }

  /** The mails in a locale's language, English when it has none of its own. */
  static RegistrationMails of(Locale locale) {
    requireNonNull(locale, "locale");
    return new RegistrationMails(Bundles.load(BUNDLE, locale), locale);
  }

  /** The mails from a given bundle; the tests use it to see which keys are read. */
  static RegistrationMails of(ResourceBundle bundle, Locale locale) {
    return new RegistrationMails(bundle, locale);
  }

  /**
   * What a mail adds beyond its own words: the registrant's manage link (and when it stops
   * working), the calendar file, and whether the map cannot place them.
   */
  record Extras(
      Optional<String> manageLink,
      Instant manageExpires,
      Optional<Mail.Attachment> calendar,
      boolean unplaced) {
    static final Extras NONE = new Extras(Optional.empty(), Instant.EPOCH, Optional.empty(), false);
  }

  /** The verification mail without extras. */
  Mail verification(Registration r, Edition edition, String link, Instant issued, Instant expires) {
    return verification(r, edition, link, issued, expires, Extras.NONE);
  }

  /** The approval mail without extras. */
  Mail approval(Registration r, Edition edition) {
    return approval(r, edition, Extras.NONE);
  }

  /** The verification mail; {@code edition} may be null when the edition has gone. */
  Mail verification(
      Registration r, Edition edition, String link, Instant issued, Instant expires, Extras x) {
    Paragraphs p = new Paragraphs();
    p.text(format("verification.greeting", who(r, edition)));
    window(p, r, edition);
    p.text(format("verification.action", new Object[0]));
    p.link(link, format("verification.button", new Object[0]));
    p.text(format("verification.expiry", when.dateTime(expires, r.zone()), r.zone().getId()));
    p.text(format("verification.ignore", new Object[0]));
    extras(p, r, x);
    return p.mail(r, format("verification.subject", who(r, edition)), x)
        .withKind(Mail.Kind.VERIFICATION)
        .withKey("verification-" + r.id() + "-" + issued.toEpochMilli());
  }

  /** The mail telling the registrant an organiser approved their email address. */
  Mail approval(Registration r, Edition edition, Extras x) {
    Paragraphs p = new Paragraphs();
    p.text(format("approval.body", who(r, edition)));
    window(p, r, edition);
    p.text(format("approval.next", who(r, edition)));
    extras(p, r, x);
    return p.mail(r, format("approval.subject", who(r, edition)), x)
        .withKind(Mail.Kind.APPROVAL)
        .withKey(key("approval", r.id()));
  }

  /** The mail telling the registrant an organiser turned their email address down. */
  Mail rejection(Registration r, Edition edition) {
    Paragraphs p = new Paragraphs();
    p.text(format("rejection.body", who(r, edition)));
    p.text(format("rejection.again", new Object[0]));
    return p.mail(r, format("rejection.subject", who(r, edition)), Extras.NONE)
        .withKind(Mail.Kind.REJECTION)
        .withKey(key("rejection", r.id()));
  }

  /** The mail confirming a change the registrant made through their manage link. */
  Mail change(Registration r, Edition edition, Instant at, Extras x) {
    Paragraphs p = new Paragraphs();
    p.text(format("change.body", who(r, edition)));
    window(p, r, edition);
    extras(p, r, x);
    return p.mail(r, format("change.subject", who(r, edition)), x)
        .withKind(Mail.Kind.OTHER)
        .withKey("change-" + r.id() + "-" + at.toEpochMilli());
  }

  /** The mail confirming a withdrawal the registrant made through their manage link. */
  Mail withdrawal(Registration r, Edition edition, Extras x) {
    Paragraphs p = new Paragraphs();
    p.text(format("withdrawal.body", who(r, edition)));
    p.text(format("withdrawal.again", new Object[0]));
    if (x.calendar().isPresent()) {
      p.text(format("invite.attached", new Object[0]));
    }
    return p.mail(r, format("withdrawal.subject", who(r, edition)), x)
        .withKind(Mail.Kind.OTHER)
        .withKey(key("withdrawal", r.id()));
  }

  private void window(Paragraphs p, Registration r, Edition edition) {
    if (edition != null && edition.date().isPresent()) {
      Window w = Schedule.of(edition).windowIn(r.zone());
      p.text(
          format(
              "verification.window",
              when.dateTime(w.start(), r.zone()),
              when.dateTime(w.end(), r.zone()),
              r.zone().getId()));
    }
  }

  private void extras(Paragraphs p, Registration r, Extras x) {
    if (x.unplaced() && r.address().isPresent()) {
      p.text(format("unplaced.text", r.address().get().city(), r.country()));
    }
    if (x.calendar().isPresent()) {
      p.text(format("invite.attached", new Object[0]));
    }
    if (x.manageLink().isPresent()) {
      p.text(format("manage.text", new Object[0]));
      p.link(x.manageLink().get(), format("manage.button", new Object[0]));
      p.text(format("manage.expiry", when.dateTime(x.manageExpires(), r.zone()), r.zone().getId()));
    }
  }

  private static String key(String kind, UUID id) {
    return kind + "-" + id;
  }

  private static Object[] who(Registration r, Edition edition) {
    return new Object[] {
      r.handle().toString(),
      r.agencyName(),
      Integer.toString(r.edition()),
      edition == null ? Edition.DEFAULT_HASHTAG : edition.hashtag()
    };
  }

  private String format(String key, Object... args) {
    return new MessageFormat(bundle.getString(key), locale).format(args);
  }

  /** Paragraphs in both forms: the text part and the HTML part say the same. */
  private final class Paragraphs {
    private final List<String> text = new ArrayList<>();
    private final StringBuilder html = new StringBuilder();

    void text(String paragraph) {
      text.add(paragraph);
      html.append("<p>").append(Markup.escape(paragraph)).append("</p>\n");
    }

    void link(String href, String label) {
      text.add("  " + href);
      html.append("<p><a href=\"")
          .append(Markup.escape(href))
          .append("\">")
          .append(Markup.escape(label))
          .append("</a></p>\n");
    }

    Mail mail(Registration r, String subject, Extras x) {
      String footer = format("footer", new Object[0]);
      String body = String.join("\n\n", text) + "\n\n-- \n" + footer + "\n";
      String page =
          "<!DOCTYPE html>\n<html lang=\""
              + lang
              + (RIGHT_TO_LEFT.contains(lang) ? "\" dir=\"rtl" : "")
              + "\">\n<head><meta charset=\"utf-8\"><title>"
              + Markup.escape(subject)
              + "</title></head>\n<body>\n"
              + html
              + "<hr>\n<p><small>"
              + Markup.escape(footer)
              + "</small></p>\n</body>\n</html>\n";
      Mail mail = new Mail(r.email(), subject, body).withHtml(page);
      return x.calendar().map(mail::withAttachment).orElse(mail);
    }
  }
}
