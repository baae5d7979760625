package org.poltwt.archive;

import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;
import org.poltwt.internal.Bundles;
import org.poltwt.internal.text.Markup;
import org.poltwt.tweet.Hashtag;
import org.poltwt.tweet.Tweet;

/**
 * The archive as one HTML page: the words come from the bundle {@code org.poltwt.archive.messages},
 * and this class only lays them out with the archive's data, every text escaped.
 */
final class ArchivePage {
  private static final String STYLE =
      "body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;"
          + "color:#111;background:#fff}"
          + "h1{font-size:1.5rem;margin:0 0 1rem}"
          + "dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0 0 1rem}"
          + "dt{font-weight:600}dd{margin:0}"
          + ".note{border-left:4px solid #888;padding:.25rem .75rem;background:#f3f3f3}"
          + "table{border-collapse:collapse;width:100%;margin-top:1rem}"
          + "th,td{border:1px solid #bbb;padding:.4rem .5rem;text-align:left;vertical-align:top}"
          + "th{background:#eee}"
          + "td.text{white-space:pre-wrap;overflow-wrap:anywhere}"
          + "td.time{white-space:nowrap;font-variant-numeric:tabular-nums}"
          + ".status-edited_later,.status-no_longer_returned{font-weight:700}"
          + ".status-no_longer_returned{color:#8a0000}.status-edited_later{color:#7a4a00}"
          + "@media print{body{margin:0;max-width:none;font-size:10pt}"
          + "a{color:inherit;text-decoration:none}"
          + "a[href]::after{content:\" (\" attr(href) \")\";font-size:8pt}"
          + "tr{break-inside:avoid}thead{display:table-header-group}"
          + ".note{background:none}}";

  private final ResourceBundle words;
  private final String lang;
  private final StringBuilder html = new StringBuilder(4096);

  private ArchivePage(Locale language) {
    this.words = Bundles.load("org.poltwt.archive.messages", language);
    Locale found = words.getLocale();
    this.lang = found == null || found.getLanguage().isEmpty() ? "en" : found.getLanguage();
  }

  static String render(AgencyArchive a, Locale language) {
    return new ArchivePage(language).page(a);
  }

  private String page(AgencyArchive a) {
    String tag = a.edition().hashtag();
    String number = Integer.toString(a.edition().number());
    String account = "@" + a.handle().value();
    html.append("<!DOCTYPE html>\n<html lang=\"")
        .append(lang)
        .append(lang.equals("ar") ? "\" dir=\"rtl" : "")
        .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(Markup.escape(word("archive.title", tag, number, account)))
        .append("</title>\n<style>")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n<h1>")
        .append(Markup.escape(word("archive.heading", tag, number)))
        .append(": ")
        .append(Markup.escape(account))
        .append("</h1>\n<dl>\n");
    item("archive.account", account);
    item("archive.edition", number);
    item(
        "archive.date", a.edition().date().map(d -> d.toString()).orElse(word("archive.date.tbd")));
    item("archive.captured", DateTimeFormatter.ISO_INSTANT.format(a.capturedAt()));
    item("archive.count", Integer.toString(a.posts().size()));
    html.append("</dl>\n<p class=\"note\" id=\"status-note\">")
        .append(Markup.escape(word(a.statusChecked() ? "archive.checked" : "archive.notChecked")))
        .append("</p>\n<p>")
        .append(
            Markup.escape(word("archive.files", a.baseName() + ".jsonl", AgencyArchive.CHECKSUMS)))
        .append("</p>\n");
    if (a.posts().isEmpty()) {
      html.append("<p>").append(Markup.escape(word("archive.none"))).append("</p>\n");
    } else {
      table(a);
    }
    html.append("</body>\n</html>\n");
    return html.toString();
  }

  private void item(String key, String value) {
    html.append("<dt>")
        .append(Markup.escape(word(key)))
        .append("</dt><dd>")
        .append(Markup.escape(value))
        .append("</dd>\n");
  }

  private void table(AgencyArchive a) {
    html.append("<table>\n<thead><tr>");
    for (String key :
        new String[] {
          "archive.column.time",
          "archive.column.text",
          "archive.column.hashtags",
          "archive.column.status"
        }) {
      html.append("<th scope=\"col\">").append(Markup.escape(word(key))).append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    for (ArchivedPost p : a.posts()) {
      Tweet t = p.tweet();
      // Ids are digits and the handle letters, digits and '_': the link needs no escaping.
      String link = "https://x.com/" + a.handle().value() + "/status/" + t.id();
      html.append("<tr id=\"post-")
          .append(t.id())
          .append("\"><td class=\"time\">")
          .append(Markup.escape(DateTimeFormatter.ISO_INSTANT.format(t.createdAt())))
          .append("<br><a href=\"")
          .append(link)
          .append("\">")
          .append(Markup.escape(word("archive.link")))
          .append("</a></td><td class=\"text\">")
          .append(Markup.escape(Markup.unescapeX(t.text())))
          .append("</td><td>");
      boolean first = true;
      for (Hashtag h : t.hashtags()) {
        html.append(first ? "" : " ").append(Markup.escape("#" + h.tag()));
        first = false;
      }
      html.append("</td><td class=\"status-").append(p.status().jsonName()).append("\">");
      html.append(
          Markup.escape(
              word("status." + p.status().name(), p.latestVersionId().map(id -> id).orElse(""))));
      html.append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n");
  }

  private String word(String key, Object... args) {
    String pattern = words.getString(key);
    return args.length == 0 && pattern.indexOf('\'') < 0
        ? pattern
        : new MessageFormat(pattern, Locale.ROOT).format(args);
  }
}
