package org.poltwt.report;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.poltwt.compliance.Violation;
import org.poltwt.registration.TwitterHandle;

/** The CSV tables of a wrap-up (RFC 4180). */
final class CsvTables {
  private CsvTables() {}

  static Map<String, String> of(WrapUp w, int top) {
    Map<String, String> out = new LinkedHashMap<>();
    Totals t = w.totals();
    long tweets = t.tweets();

    Table totals = new Table("metric", "count", "percent");
    totals.row("tweets", tweets, null);
    totals.row("originals", t.originals(), Percent.of(t.originals(), tweets));
    totals.row("retweets", t.retweets(), Percent.of(t.retweets(), tweets));
    totals.row("quotes", t.quotes(), Percent.of(t.quotes(), tweets));
    totals.row("replies", t.replies(), Percent.of(t.replies(), tweets));
    totals.row("registered_tweets", t.registeredTweets(), Percent.of(t.registeredTweets(), tweets));
    totals.row(
        "unregistered_tweets", t.unregisteredTweets(), Percent.of(t.unregisteredTweets(), tweets));
    totals.row("authors", t.authors(), null);
    totals.row(
        "registered_authors",
        t.registeredAuthors(),
        Percent.of(t.registeredAuthors(), t.authors()));
    totals.row(
        "unregistered_authors",
        t.unregisteredAuthors(),
        Percent.of(t.unregisteredAuthors(), t.authors()));
    totals.row("registered_accounts", t.registeredAccounts(), null);
    totals.row(
        "active_accounts",
        t.activeAccounts(),
        Percent.of(t.activeAccounts(), t.registeredAccounts()));
    totals.row(
        "silent_accounts",
        t.silentAccounts(),
        Percent.of(t.silentAccounts(), t.registeredAccounts()));
    totals.row("languages", (long) w.languages().size(), null);
    totals.row("sources", (long) w.sources().size(), null);
    totals.row(
        "sources_not_provided", w.sourcesNotProvided(), Percent.of(w.sourcesNotProvided(), tweets));
    totals.row("older_versions_left_out", w.olderVersions(), null);
    out.put("totals", totals.text());

    ComplianceCounts c = w.compliance();
    Table compliance = new Table("metric", "tweets", "percent");
    compliance.row(
        "carrying_hashtag", c.carryingHashtag(), Percent.of(c.carryingHashtag(), tweets));
    compliance.row(
        "exempt_from_hashtag", c.exemptFromHashtag(), Percent.of(c.exemptFromHashtag(), tweets));
    compliance.row("inside_window", c.insideWindow(), Percent.of(c.insideWindow(), tweets));
    compliance.row("compliant", c.compliant(), Percent.of(c.compliant(), tweets));
    compliance.row("non_compliant", c.nonCompliant(), Percent.of(c.nonCompliant(), tweets));
    compliance.row("theme", c.theme(), Percent.of(c.theme(), tweets));
    out.put("compliance", compliance.text());

    Table violations = new Table("violation", "tweets", "percent");
    for (Map.Entry<Violation.Code, Long> e : c.violations().entrySet()) {
      violations.row(e.getKey().name(), e.getValue(), Percent.of(e.getValue(), tweets));
    }
    out.put("violations", violations.text());

    out.put("languages", counts("language", w.languages(), tweets));
    out.put("sources", counts("source", w.sources(), tweets));
    out.put("countries", tallies("country", w.countries(), tweets));
    out.put("agency_levels", tallies("agency_level", w.agencyLevels(), tweets));
    out.put(
        "participation_models", tallies("participation_model", w.participationModels(), tweets));

    Table accounts = new Table("rank", "handle", "author_id", "registered", "tweets", "percent");
    List<AccountCount> topAccounts = w.topAccounts(top);
    for (int i = 0; i < topAccounts.size(); i++) {
      AccountCount a = topAccounts.get(i);
      accounts.row(
          (long) i + 1,
          a.handle().map(TwitterHandle::value).orElse(""),
          a.authorId(),
          Boolean.toString(a.registered()),
          a.tweets(),
          Percent.of(a.tweets(), tweets));
    }
    out.put("accounts", accounts.text());

    Table hashtags = new Table("rank", "hashtag", "tweets", "percent");
    List<TagCount> topTags = w.topHashtags(top);
    for (int i = 0; i < topTags.size(); i++) {
      TagCount tag = topTags.get(i);
      hashtags.row((long) i + 1, tag.tag(), tag.tweets(), Percent.of(tag.tweets(), tweets));
    }
    out.put("hashtags", hashtags.text());

    HourCounts h = w.utcHours();
    Table utc = new Table("hour", "start_utc", "tweets");
    utc.row("before", "", h.before());
    for (int i = 0; i < h.hours().size(); i++) {
      utc.row(Integer.toString(i), h.hourStart(i).toString(), h.hours().get(i));
    }
    utc.row("after", w.globalSpan().end().toString(), h.after());
    out.put("utc_hours", utc.text());

    Table local = new Table("hour", "tweets", "percent");
    long inWindows = 0;
    for (long n : w.localHours()) {
      inWindows += n;
    }
    for (int i = 0; i < 24; i++) {
      long n = w.localHours().get(i);
      local.row((long) i, n, Percent.of(n, inWindows));
    }
    out.put("local_hours", local.text());
    return Collections.unmodifiableMap(out);
  }

  private static String counts(String key, Map<String, Long> counts, long tweets) {
    Table table = new Table(key, "tweets", "percent");
    counts.forEach((k, n) -> table.row(k, n, Percent.of(n, tweets)));
    return table.text();
  }

  private static String tallies(String key, Map<?, Tally> tallies, long tweets) {
    Table table =
        new Table(
            key, "registered_accounts", "active_accounts", "silent_accounts", "tweets", "percent");
    tallies.forEach(
        (k, t) ->
            table.row(
                k.toString(),
                t.registeredAccounts(),
                t.activeAccounts(),
                t.silentAccounts(),
                t.tweets(),
                Percent.of(t.tweets(), tweets)));
    return table.text();
  }

  /**
   * One CSV table: text cells are quoted as needed and kept from reading as formulas; numbers are
   * written as they are.
   */
  static final class Table {
    private final StringBuilder text = new StringBuilder();

    Table(String... header) {
      row((Object[]) header);
    }

    void row(Object... cells) {
      for (int i = 0; i < cells.length; i++) {
        if (i > 0) {
          text.append(',');
        }
        Object cell = cells[i];
        if (cell instanceof Long || cell instanceof BigDecimal) {
          text.append(
              cell instanceof BigDecimal ? ((BigDecimal) cell).toPlainString() : cell.toString());
        } else if (cell != null) {
          field((String) cell);
        }
      }
      text.append("\r\n");
    }

    String text() {
      return text.toString();
    }

    private void field(String value) {
      String v = value;
      if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
        v = "'" + v;
      }
      boolean quote = false;
      for (int i = 0; i < v.length() && !quote; i++) {
        char ch = v.charAt(i);
        quote = ch == ',' || ch == '"' || ch == '\n' || ch == '\r';
      }
      if (!quote) {
        text.append(v);
        return;
      }
      text.append('"');
      for (int i = 0; i < v.length(); i++) {
        char ch = v.charAt(i);
        if (ch == '"') {
          text.append('"');
        }
        text.append(ch);
      }
      text.append('"');
    }
  }
}
