package org.poltwt.report;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.poltwt.compliance.Violation;
import org.poltwt.event.Edition;
import org.poltwt.registration.AgencyLevel;
import org.poltwt.registration.ParticipationModel;

/** The Markdown summary of a wrap-up. */
final class MarkdownSummary {
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final StringBuilder md = new StringBuilder();

  private MarkdownSummary() {}

  static String of(WrapUp w, int top) {
    MarkdownSummary s = new MarkdownSummary();
    s.write(w, top);
    return s.md.toString();
  }

  private void write(WrapUp w, int top) {
    Edition e = w.edition();
    Totals t = w.totals();
    long tweets = t.tweets();
    String tag = "#" + e.hashtag();
    line("# " + escape(tag) + " edition " + e.number() + ": wrap-up");
    line("");
    line(
        "Edition "
            + e.number()
            + " on "
            + e.date().map(Object::toString).orElse("a date to be decided")
            + ", 24 hours from "
            + e.localStart()
            + " local time in each zone; global span "
            + UTC.format(w.globalSpan().start())
            + " to "
            + UTC.format(w.globalSpan().end())
            + " UTC.");

    heading("Headline figures");
    header(1, "Figure", "Count", "Share");
    row("Tweets", count(tweets), "");
    row("Original tweets", count(t.originals()), Percent.text(t.originals(), tweets));
    row("Retweets", count(t.retweets()), Percent.text(t.retweets(), tweets));
    row("Quotes", count(t.quotes()), Percent.text(t.quotes(), tweets));
    row("Replies", count(t.replies()), Percent.text(t.replies(), tweets));
    row("Unique accounts", count(t.authors()), "");
    row(
        "Registered accounts that tweeted",
        count(t.activeAccounts()) + " of " + count(t.registeredAccounts()),
        Percent.text(t.activeAccounts(), t.registeredAccounts()));
    row(
        "Registered accounts that stayed silent",
        count(t.silentAccounts()),
        Percent.text(t.silentAccounts(), t.registeredAccounts()));
    row(
        "Unregistered accounts",
        count(t.unregisteredAuthors()),
        Percent.text(t.unregisteredAuthors(), t.authors()));
    row(
        "Tweets by unregistered accounts",
        count(t.unregisteredTweets()),
        Percent.text(t.unregisteredTweets(), tweets));
    row("Languages", count(w.languages().size()), "");
    row("Source apps", count(w.sources().size()), "");
    if (w.sourcesNotProvided() > 0) {
      row(
          "Tweets whose app the X API did not provide (it stopped on 2022-12-20)",
          count(w.sourcesNotProvided()),
          Percent.text(w.sourcesNotProvided(), tweets));
    }

    if (w.olderVersions() > 0) {
      row(
          "Older versions of edited posts left out (each post counts once, as its latest version)",
          count(w.olderVersions()),
          "");
    }

    ComplianceCounts c = w.compliance();
    heading("Compliance");
    header(1, "Tweets that", "Tweets", "Share");
    row(
        "carry "
            + escape(tag)
            + " as a hashtag in their own words (a retweet: the retweeted post's)",
        count(c.carryingHashtag()),
        Percent.text(c.carryingHashtag(), tweets));
    row(
        "are retweets exempt from the hashtag rule that do not carry it",
        count(c.exemptFromHashtag()),
        Percent.text(c.exemptFromHashtag(), tweets));
    row(
        "were posted inside the author's window",
        count(c.insideWindow()),
        Percent.text(c.insideWindow(), tweets));
    row("break no rule", count(c.compliant()), Percent.text(c.compliant(), tweets));
    StringBuilder themes = new StringBuilder();
    for (String theme : e.themes()) {
      themes.append(themes.length() == 0 ? " (" : ", ").append(escape("#" + theme));
    }
    if (themes.length() > 0) {
      themes.append(')');
    }
    row("carry a theme hashtag" + themes, count(c.theme()), Percent.text(c.theme(), tweets));
    line("");
    header(1, "Rule broken", "Tweets", "Share");
    for (Map.Entry<Violation.Code, Long> v : c.violations().entrySet()) {
      row(rule(v.getKey()), count(v.getValue()), Percent.text(v.getValue(), tweets));
    }

    counts("Languages", "Language", w.languages(), tweets, top);
    counts("Source apps", "App", w.sources(), tweets, top);
    if (w.sourcesNotProvided() > 0) {
      line("");
      line(
          "The X API stopped giving the app a post was sent from on 2022-12-20: for "
              + count(w.sourcesNotProvided())
              + " of these tweets ("
              + Percent.text(w.sourcesNotProvided(), tweets)
              + ") the app is not available, and they are left out of this table.");
    }
    tallies("Countries", "Country", w.countries(), tweets);
    tallies("Agency levels", "Level", w.agencyLevels(), tweets);
    tallies("Participation models", "Model", w.participationModels(), tweets);

    heading("Top accounts");
    header(3, "#", "Account", "Registered", "Tweets", "Share");
    List<AccountCount> accounts = w.topAccounts(top);
    for (int i = 0; i < accounts.size(); i++) {
      AccountCount a = accounts.get(i);
      row(
          Integer.toString(i + 1),
          a.handle().map(h -> escape("@" + h.value())).orElse("account " + escape(a.authorId())),
          a.registered() ? "yes" : "no",
          count(a.tweets()),
          Percent.text(a.tweets(), tweets));
    }
    more(w.accounts().size() - accounts.size(), "account");

    heading("Co-occurring hashtags");
    header(2, "#", "Hashtag", "Tweets", "Share");
    List<TagCount> tags = w.topHashtags(top);
    for (int i = 0; i < tags.size(); i++) {
      TagCount h = tags.get(i);
      row(
          Integer.toString(i + 1),
          escape("#" + h.tag()),
          count(h.tweets()),
          Percent.text(h.tweets(), tweets));
    }
    more(w.hashtags().size() - tags.size(), "hashtag");

    HourCounts h = w.utcHours();
    heading("Tweets per UTC hour");
    header(2, "Hour", "From (UTC)", "Tweets");
    row("before", "", count(h.before()));
    for (int i = 0; i < h.hours().size(); i++) {
      row(Integer.toString(i), UTC.format(h.hourStart(i)), count(h.hours().get(i)));
    }
    row("after", UTC.format(w.globalSpan().end()), count(h.after()));

    heading("Tweets per hour of the author's own window");
    line(
        "Registered accounts' tweets inside their window; hour 0 begins at "
            + e.localStart()
            + " on the account's own clock.");
    line("");
    header(1, "Hour", "Tweets", "Share");
    long inWindows = 0;
    for (long n : w.localHours()) {
      inWindows += n;
    }
    for (int i = 0; i < 24; i++) {
      long n = w.localHours().get(i);
      row(Integer.toString(i), count(n), Percent.text(n, inWindows));
    }
  }

  private void counts(String title, String key, Map<String, Long> counts, long tweets, int top) {
    heading(title);
    header(1, key, "Tweets", "Share");
    int shown = 0;
    long rest = 0;
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      if (shown < top) {
        row(escape(e.getKey()), count(e.getValue()), Percent.text(e.getValue(), tweets));
        shown++;
      } else {
        rest += e.getValue();
      }
    }
    if (shown < counts.size()) {
      row("*" + (counts.size() - shown) + " more*", count(rest), Percent.text(rest, tweets));
    }
  }

  private void tallies(String title, String key, Map<?, Tally> tallies, long tweets) {
    heading(title);
    header(1, key, "Registered", "Tweeted", "Silent", "Tweets", "Share");
    tallies.forEach(
        (k, t) ->
            row(
                label(k),
                count(t.registeredAccounts()),
                count(t.activeAccounts()),
                count(t.silentAccounts()),
                count(t.tweets()),
                Percent.text(t.tweets(), tweets)));
  }

  private void more(int hidden, String what) {
    if (hidden > 0) {
      line("");
      line("and " + count(hidden) + " more " + what + (hidden == 1 ? "" : "s") + ".");
    }
  }

  private static String label(Object key) {
    if (key instanceof AgencyLevel || key instanceof ParticipationModel) {
      String name = ((Enum<?>) key).name().replace('_', ' ').toLowerCase(Locale.ROOT);
      return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
    return escape(key.toString());
  }

  private static String rule(Violation.Code code) {
    switch (code) {
      case MISSING_HASHTAG:
        return "Hashtag missing";
      case OUTSIDE_WINDOW:
        return "Outside the author's window";
      case UNREGISTERED_AUTHOR:
        return "Author not registered";
      case TOO_LONG:
        return "Too long";
      default:
        return escape(code.name());
    }
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private void heading(String title) {
    line("");
    line("## " + title);
    line("");
  }

  /**
   * A header row, the first {@code textColumns} columns aligned left and the others (numbers)
   * right.
   */
  private void header(int textColumns, String... cells) {
    row(cells);
    StringBuilder rule = new StringBuilder("|");
    for (int i = 0; i < cells.length; i++) {
      rule.append(i < textColumns ? " :--- |" : " ---: |");
    }
    line(rule.toString());
  }

  private void row(String... cells) {
    StringBuilder r = new StringBuilder("|");
    for (String cell : cells) {
      r.append(' ').append(cell).append(" |");
    }
    line(r.toString());
  }

  private void line(String text) {
    md.append(text).append('\n');
  }

  /**
   * Text from tweets, made inert: every ASCII punctuation mark is backslash-escaped (CommonMark
   * then shows it as itself, so no link, emphasis, table cell or HTML tag can start), and line
   * breaks and tabs become spaces so a table row stays one line.
   */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '\n'
          || ch == '\r'
          || ch == '\t'
          || ch == '\u2028'
          || ch == '\u2029'
          || ch == '\u0085') {
        out.append(' ');
      } else if (ch < 0x80 && isPunctuation(ch)) {
        out.append('\\').append(ch);
      } else if (Character.isISOControl(ch)) {
        out.append(' ');
      } else {
        out.append(ch);
      }
    }
    return out.toString();
  }

  private static boolean isPunctuation(char ch) {
    return (ch >= '!' && ch <= '/')
        || (ch >= ':' && ch <= '@')
        || (ch >= '[' && ch <= '`')
        || (ch >= '{' && ch <= '~');
  }
}
