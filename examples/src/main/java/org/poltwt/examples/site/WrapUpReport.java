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
import org.poltwt.examples.site.view.Messages;
import org.poltwt.examples.site.view.Msg;
import org.poltwt.examples.site.view.PageData;
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
 * nothing fetched from the network. The templates {@code wrapup/document} and {@code wrapup/report}
 * draw it; this class gathers their data and lays the charts out.
 */
public final class WrapUpReport {
  /** The bar charts' row height; each bar is 15 high, its label and value on one baseline. */
  private static final int ROW = 22;

  private WrapUpReport() {}

  /**
   * A whole HTML document of the wrap-up, in English.
   *
   * @param wrapUp the wrap-up
   * @return the document
   */
  public static String document(WrapUp wrapUp) {
    requireNonNull(wrapUp, "wrapUp");
    Messages t = Messages.english();
    return Views.render("wrapup/document", Map.of("t", t, "r", of(wrapUp, t.locale())));
  }

  /**
   * The data of the report's templates.
   *
   * @param w the wrap-up
   * @param locale the language of the day names under the hourly chart
   */
  static PageData.Report of(WrapUp w, Locale locale) {
    return of(w, locale, true);
  }

  /**
   * The data of the report's templates, its busiest accounts all of them or only the registered.
   *
   * @param w the wrap-up
   * @param locale the language of the day names under the hourly chart
   * @param unregisteredAccounts whether the busiest accounts may name accounts that are not
   *     registered (the public wrap-up names them only where the live board shows their posts)
   */
  static PageData.Report of(WrapUp w, Locale locale, boolean unregisteredAccounts) {
    Totals t = w.totals();
    List<PageData.ReportTotal> totals =
        List.of(
            total(Msg.of("wrapup.report.tweets"), t.tweets()),
            total(Msg.of("wrapup.report.originals"), t.originals()),
            total(Msg.of("wrapup.report.retweets"), t.retweets()),
            total(Msg.of("wrapup.report.quotes"), t.quotes()),
            total(Msg.of("wrapup.report.replies"), t.replies()),
            total(Msg.of("wrapup.report.authors"), t.authors()),
            total(Msg.of("wrapup.report.registeredAuthors"), t.registeredAuthors()),
            total(Msg.of("wrapup.report.registeredAccounts"), t.registeredAccounts()),
            total(Msg.of("wrapup.report.silentAccounts"), t.silentAccounts()));

    ComplianceCounts c = w.compliance();
    List<Label> compliance = new ArrayList<>();
    compliance.add(new Label(null, Msg.of("wrapup.report.compliant"), c.compliant(), false));
    compliance.add(
        new Label(null, Msg.of("wrapup.report.carryingHashtag"), c.carryingHashtag(), false));
    compliance.add(
        new Label(null, Msg.of("wrapup.report.exemptFromHashtag"), c.exemptFromHashtag(), false));
    for (Violation.Code code : Violation.Code.values()) {
      compliance.add(new Label(null, violation(code), c.violations(code), true));
    }
    compliance.add(new Label(null, Msg.of("wrapup.report.themeTagged"), c.theme(), false));

    HourCounts hours = w.utcHours();
    DateTimeFormatter hour = DateTimeFormatter.ofPattern("EEE HH:mm", locale);
    List<String> utc = new ArrayList<>();
    for (int i = 0; i < hours.hours().size(); i++) {
      utc.add(hour.format(hours.hourStart(i).atZone(ZoneOffset.UTC)));
    }
    List<String> local = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      local.add(String.format(Locale.ROOT, "%02d:00", i));
    }

    List<PageData.ReportCountry> countries = new ArrayList<>();
    w.countries().entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue().tweets(), a.getValue().tweets()))
        .limit(20)
        .forEach(
            e -> {
              Tally tally = e.getValue();
              countries.add(
                  new PageData.ReportCountry(
                      PublicPages.countryName(e.getKey()),
                      n(tally.registeredAccounts()),
                      n(tally.activeAccounts()),
                      n(tally.tweets())));
            });
    List<PageData.ReportAccount> accounts = new ArrayList<>();
    for (AccountCount a :
        unregisteredAccounts
            ? w.topAccounts(15)
            : w.accounts().stream().filter(AccountCount::registered).limit(15).toList()) {
      accounts.add(
          new PageData.ReportAccount(
              a.handle().map(Object::toString).orElse(a.authorId()),
              a.registered(),
              n(a.tweets())));
    }
    List<PageData.ReportHashtag> tags = new ArrayList<>();
    for (TagCount tag : w.topHashtags(15)) {
      tags.add(new PageData.ReportHashtag(tag.tag(), n(tag.tweets())));
    }

    return new PageData.Report(
        w.edition().hashtag(),
        w.edition().number(),
        totals,
        bars("compliance", Msg.of("wrapup.report.byCompliance"), compliance),
        columns("utc-hours", Msg.of("wrapup.report.utcHours"), hours.hours(), utc, 6),
        columns("local-hours", Msg.of("wrapup.report.localHours"), w.localHours(), local, 3),
        bars("languages", Msg.of("wrapup.report.languages"), top(w.languages(), 12)),
        bars("sources", Msg.of("wrapup.report.sources"), top(w.sources(), 10)),
        w.sourcesNotProvided() == 0 ? null : n(w.sourcesNotProvided()),
        countries,
        accounts,
        tags);
  }

  private static PageData.ReportTotal total(Msg label, long count) {
    return new PageData.ReportTotal(label, n(count));
  }

  private static Msg violation(Violation.Code code) {
    return switch (code) {
      case MISSING_HASHTAG -> Msg.of("wrapup.report.violation.MISSING_HASHTAG");
      case OUTSIDE_WINDOW -> Msg.of("wrapup.report.violation.OUTSIDE_WINDOW");
      case UNREGISTERED_AUTHOR -> Msg.of("wrapup.report.violation.UNREGISTERED_AUTHOR");
      case TOO_LONG -> Msg.of("wrapup.report.violation.TOO_LONG");
    };
  }

  private static String n(long v) {
    return String.format(Locale.ROOT, "%,d", v);
  }

  /** A bar's label (data, or a message), its value and whether it counts a fault. */
  private record Label(String text, Msg message, long value, boolean bad) {}

  /** The largest entries, as bars labelled with their keys: data, shown as it is. */
  private static List<Label> top(Map<String, Long> counts, int n) {
    Map<String, Long> out = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
        .limit(n)
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    List<Label> labels = new ArrayList<>();
    out.forEach((k, v) -> labels.add(new Label(k, null, v, false)));
    return labels;
  }

  /** Horizontal bars, one per entry, 400 wide at the largest. */
  private static PageData.BarChart bars(String id, Msg title, List<Label> values) {
    long max = Math.max(1, values.stream().mapToLong(Label::value).max().orElse(1));
    List<PageData.Bar> bars = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      Label l = values.get(i);
      int y = 5 + i * ROW;
      long width = Math.round(400.0 * l.value() / max);
      bars.add(
          new PageData.Bar(
              l.text(),
              l.message(),
              y + 15,
              y + 3,
              Math.max(1, width),
              185 + width,
              n(l.value()),
              l.bad()));
    }
    return new PageData.BarChart(id, title, ROW * values.size() + 10, bars);
  }

  /** Vertical columns over a sequence, every {@code every}-th labelled, 160 high at the largest. */
  private static PageData.ColumnChart columns(
      String id, Msg title, List<Long> values, List<String> labels, int every) {
    long max = Math.max(1, values.stream().mapToLong(Long::longValue).max().orElse(1));
    double w = 640.0 / Math.max(1, values.size());
    List<PageData.Column> columns = new ArrayList<>();
    long total = 0;
    int peak = 0;
    for (int i = 0; i < values.size(); i++) {
      long v = values.get(i);
      total += v;
      if (v > values.get(peak)) {
        peak = i;
      }
      long height = Math.round(160.0 * v / max);
      columns.add(
          new PageData.Column(
              String.format(Locale.ROOT, "%.1f", 30 + i * w),
              170 - height,
              String.format(Locale.ROOT, "%.1f", Math.max(1, w - 1)),
              Math.max(0, height),
              i % every == 0 ? labels.get(i) : null));
    }
    boolean none = values.isEmpty();
    return new PageData.ColumnChart(
        id,
        title,
        columns,
        n(max),
        n(total),
        none ? null : labels.get(peak),
        none ? null : n(values.get(peak)));
  }
}
