package org.poltwt.examples.site;

import static java.util.Objects.requireNonNull;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.poltwt.compliance.Violation;
import org.poltwt.report.AccountCount;
import org.poltwt.report.ComplianceCounts;
import org.poltwt.report.HourCounts;
import org.poltwt.report.TagCount;
import org.poltwt.report.Tally;
import org.poltwt.report.Totals;
import org.poltwt.report.WrapUp;

/**
 * The wrap-up of an edition as HTML with bar charts drawn in SVG: the organisers' page shows it,
 * and {@code poltwt wrapup} writes it as a file that opens in any browser, with no script and
 * nothing fetched from the network.
 */
public final class WrapUpReport {
  private static final DateTimeFormatter HOUR =
      DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);
  private static final String STYLE =
      "body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;"
          + "padding:0 1rem;color:#1b1f24}table{border-collapse:collapse;margin:1rem 0}"
          + "th,td{border-bottom:1px solid #d9dee5;padding:.25rem .6rem;text-align:left}"
          + "td.n{text-align:right}svg{max-width:100%;height:auto}.bar{fill:#1f6feb}.bad{fill:#a4000f}"
          + ".axis{font-size:11px;fill:#454c55}";

  private WrapUpReport() {}

  /**
   * A whole HTML document of the wrap-up.
   *
   * @param wrapUp the wrap-up
   * @return the document
   */
  public static String document(WrapUp wrapUp) {
    requireNonNull(wrapUp, "wrapUp");
    Html h =
        Html.of()
            .open("html", "lang", "en")
            .open("head")
            .open("meta", "charset", "utf-8")
            .tag(
                "title",
                "#"
                    + wrapUp.edition().hashtag()
                    + " edition "
                    + wrapUp.edition().number()
                    + " wrap-up")
            .tag("style", STYLE)
            .close("head")
            .open("body")
            .tag(
                "h1",
                "#"
                    + wrapUp.edition().hashtag()
                    + " edition "
                    + wrapUp.edition().number()
                    + ": the wrap-up")
            .add(body(wrapUp, "h2"))
            .close("body")
            .close("html");
    return "<!DOCTYPE html>\n" + h + "\n";
  }

  /** The report's sections, headed at the given level. */
  static Html body(WrapUp w, String heading) {
    Totals t = w.totals();
    ComplianceCounts c = w.compliance();
    Html h = Html.of();
    h.tag(heading, "In numbers");
    h.add(
        table(
            "The totals",
            List.of("What", "Count"),
            rows(
                "Tweets",
                t.tweets(),
                "Original tweets",
                t.originals(),
                "Retweets",
                t.retweets(),
                "Quotes",
                t.quotes(),
                "Replies",
                t.replies(),
                "Accounts that tweeted",
                t.authors(),
                "of them registered",
                t.registeredAuthors(),
                "Registered accounts",
                t.registeredAccounts(),
                "Registered accounts that stayed silent",
                t.silentAccounts())));
    h.tag(heading, "Compliance");
    Map<String, Long> compliance = new LinkedHashMap<>();
    compliance.put("Compliant", c.compliant());
    for (Violation.Code code : Violation.Code.values()) {
      compliance.put(words(code.name()), c.violations(code));
    }
    compliance.put("Theme-tagged", c.theme());
    h.add(bars("compliance", "Tweets by compliance", compliance, "Compliant"));
    h.tag(heading, "When");
    HourCounts hours = w.utcHours();
    List<Long> utc = hours.hours();
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < utc.size(); i++) {
      labels.add(HOUR.format(hours.hourStart(i).atZone(ZoneOffset.UTC)));
    }
    h.add(columns("utc-hours", "Tweets per hour (UTC) across the global span", utc, labels, 6));
    List<String> local = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      local.add(String.format(Locale.ROOT, "%02d:00", i));
    }
    h.add(
        columns(
            "local-hours", "Tweets per hour of the author's own day", w.localHours(), local, 3));
    h.tag(heading, "Languages and apps");
    h.add(bars("languages", "Tweets per language", top(w.languages(), 12), null));
    h.add(bars("sources", "Tweets per app", top(w.sources(), 10), null));
    h.tag(heading, "Who");
    List<List<String>> countries = new ArrayList<>();
    w.countries().entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue().tweets(), a.getValue().tweets()))
        .limit(20)
        .forEach(
            e -> {
              Tally tally = e.getValue();
              countries.add(
                  List.of(
                      PublicPages.countryName(e.getKey()),
                      n(tally.registeredAccounts()),
                      n(tally.activeAccounts()),
                      n(tally.tweets())));
            });
    h.add(
        table(
            "Countries, by tweets",
            List.of("Country", "Registered", "Tweeted", "Tweets"),
            countries));
    List<List<String>> accounts = new ArrayList<>();
    for (AccountCount a : w.topAccounts(15)) {
      accounts.add(
          List.of(
              a.handle().map(Object::toString).orElse(a.authorId()),
              a.registered() ? "yes" : "no",
              n(a.tweets())));
    }
    h.add(table("The busiest accounts", List.of("Account", "Registered", "Tweets"), accounts));
    List<List<String>> tags = new ArrayList<>();
    for (TagCount tag : w.topHashtags(15)) {
      tags.add(List.of("#" + tag.tag(), n(tag.tweets())));
    }
    h.add(table("The hashtags", List.of("Hashtag", "Tweets"), tags));
    return h;
  }

  private static String words(String code) {
    String s = code.toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String n(long v) {
    return String.format(Locale.ROOT, "%,d", v);
  }

  private static List<List<String>> rows(Object... pairs) {
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < pairs.length; i += 2) {
      rows.add(List.of(String.valueOf(pairs[i]), n((Long) pairs[i + 1])));
    }
    return rows;
  }

  private static Map<String, Long> top(Map<String, Long> counts, int n) {
    Map<String, Long> out = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
        .limit(n)
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private static Html table(String caption, List<String> head, List<List<String>> rows) {
    Html h =
        Html.of().open("table", "class", "data").tag("caption", caption).open("thead").open("tr");
    for (String c : head) {
      h.tag("th", c, "scope", "col");
    }
    h.close("tr").close("thead").open("tbody");
    for (List<String> row : rows) {
      h.open("tr");
      for (int i = 0; i < row.size(); i++) {
        h.tag(
            i == 0 ? "th" : "td",
            row.get(i),
            "scope",
            i == 0 ? "row" : null,
            "class",
            i == 0 ? null : "n");
      }
      h.close("tr");
    }
    return h.close("tbody").close("table");
  }

  /** Horizontal bars, one per entry, with the value written beside each. */
  private static Html bars(String id, String title, Map<String, Long> values, String good) {
    long max = Math.max(1, values.values().stream().mapToLong(Long::longValue).max().orElse(1));
    int row = 22;
    int height = row * values.size() + 10;
    StringBuilder summary = new StringBuilder(title).append(": ");
    Html g = Html.of();
    int i = 0;
    for (Map.Entry<String, Long> e : values.entrySet()) {
      int y = 5 + i * row;
      long width = Math.round(400.0 * e.getValue() / max);
      g.tag(
              "text",
              e.getKey(),
              "x",
              "175",
              "y",
              Integer.toString(y + 15),
              "text-anchor",
              "end",
              "class",
              "axis")
          .tag(
              "rect",
              "",
              "x",
              "180",
              "y",
              Integer.toString(y + 3),
              "width",
              Long.toString(Math.max(1, width)),
              "height",
              "15",
              "class",
              good == null || e.getKey().equals(good) || i == values.size() - 1 ? "bar" : "bad")
          .tag(
              "text",
              n(e.getValue()),
              "x",
              Long.toString(185 + width),
              "y",
              Integer.toString(y + 15),
              "class",
              "axis");
      summary
          .append(e.getKey())
          .append(' ')
          .append(n(e.getValue()))
          .append(i < values.size() - 1 ? "; " : ".");
      i++;
    }
    return figure(id, title, summary.toString(), "0 0 680 " + height, g);
  }

  /** Vertical columns over a sequence, every {@code every}-th labelled. */
  private static Html columns(
      String id, String title, List<Long> values, List<String> labels, int every) {
    long max = Math.max(1, values.stream().mapToLong(Long::longValue).max().orElse(1));
    int n = Math.max(1, values.size());
    double w = 640.0 / n;
    Html g = Html.of();
    long total = 0;
    int peak = 0;
    for (int i = 0; i < values.size(); i++) {
      long v = values.get(i);
      total += v;
      if (v > values.get(peak)) {
        peak = i;
      }
      long height = Math.round(160.0 * v / max);
      g.tag(
          "rect",
          "",
          "x",
          String.format(Locale.ROOT, "%.1f", 30 + i * w),
          "y",
          Long.toString(170 - height),
          "width",
          String.format(Locale.ROOT, "%.1f", Math.max(1, w - 1)),
          "height",
          Long.toString(Math.max(0, height)),
          "class",
          "bar");
      if (i % every == 0) {
        g.tag(
            "text",
            labels.get(i),
            "x",
            String.format(Locale.ROOT, "%.1f", 30 + i * w),
            "y",
            "188",
            "class",
            "axis");
      }
    }
    g.tag("text", n(max), "x", "0", "y", "14", "class", "axis");
    String summary =
        title
            + ": "
            + n(total)
            + " tweets; the busiest hour is "
            + (values.isEmpty() ? "none" : labels.get(peak) + " with " + n(values.get(peak)));
    return figure(id, title, summary, "0 0 680 195", g);
  }

  private static Html figure(
      String id, String title, String summary, String viewBox, Html content) {
    return Html.of()
        .open("figure", "id", id)
        .open(
            "svg",
            "viewbox",
            viewBox,
            "role",
            "img",
            "aria-label",
            summary,
            "xmlns",
            "http://www.w3.org/2000/svg")
        .add(content)
        .close("svg")
        .tag("figcaption", title)
        .close("figure");
  }
}
