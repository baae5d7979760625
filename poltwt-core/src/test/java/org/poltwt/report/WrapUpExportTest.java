package org.poltwt.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.poltwt.report.WrapUpFixtures.FIFTH;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.poltwt.compliance.ComplianceChecker;
import org.poltwt.json.PoltwtModule;
import org.poltwt.registration.Registration;
import org.poltwt.tweet.Tweet;

/**
 * The JSON, CSV and Markdown exports: they parse back, quote and escape, and hold no personal data.
 */
class WrapUpExportTest {
  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

  /** Source app names that break naive CSV, Markdown or spreadsheets. */
  private static final List<String> HOSTILE_SOURCES =
      List.of(
          "Hootsuite, Inc.",
          "The \"Best\" App",
          "Multi\nLine\r\nApp",
          "=HYPERLINK(\"http://evil.example\",\"x\")",
          "<script>alert(1)</script>",
          "pipe | app");

  private final ObjectMapper mapper = new ObjectMapper().registerModule(new PoltwtModule());
  private final WrapUp wrapUp = WrapUpFixtures.wrapUp();

  @Test
  void jsonParsesBackWithTheFigures() throws Exception {
    JsonNode json = mapper.readTree(mapper.writeValueAsString(wrapUp));
    assertThat(json.at("/edition/number").asInt()).isEqualTo(5);
    assertThat(json.at("/edition/hashtag").asText()).isEqualTo("PolTwt");
    assertThat(json.at("/globalSpan/start").asText()).isEqualTo("2015-06-04T10:00:00Z");
    assertThat(json.at("/totals/tweets").asLong()).isEqualTo(13);
    assertThat(json.at("/totals/originals").asLong()).isEqualTo(12);
    assertThat(json.at("/totals/retweets").asLong()).isEqualTo(1);
    assertThat(json.at("/totals/authors").asLong()).isEqualTo(6);
    assertThat(json.at("/totals/silentAccounts").asLong()).isEqualTo(1);
    assertThat(json.at("/totals/originalsPercent").decimalValue())
        .isEqualByComparingTo("92.3"); // 12/13
    // The retweet 3 is exempt from the hashtag rule, not carrying it (this said 12 before).
    assertThat(json.at("/compliance/carryingHashtag").asLong()).isEqualTo(11);
    assertThat(json.at("/compliance/exemptFromHashtag").asLong()).isEqualTo(1);
    assertThat(json.at("/compliance/exemptFromHashtagPercent").decimalValue())
        .isEqualByComparingTo("7.7"); // 1/13
    assertThat(json.at("/compliance/compliantPercent").decimalValue())
        .isEqualByComparingTo("46.2"); // 6/13
    assertThat(json.at("/compliance/themePercent").decimalValue())
        .isEqualByComparingTo("15.4"); // 2/13
    assertThat(json.at("/compliance/violations/OUTSIDE_WINDOW").asLong()).isEqualTo(3);
    assertThat(fieldNames(json.get("languages"))).containsExactly("en", "es", "fr", "und");
    assertThat(json.at("/languages/en").asLong()).isEqualTo(8);
    assertThat(json.at("/sources/(unknown)").asLong()).isEqualTo(1);
    assertThat(json.at("/countries/KI/tweets").asLong()).isEqualTo(4);
    assertThat(json.at("/countries/US/silentAccounts").asLong()).isEqualTo(1);
    assertThat(json.at("/agencyLevels/LOCAL/registeredAccounts").asLong()).isEqualTo(2);
    assertThat(json.at("/participationModels/ONE_TOPIC/tweets").asLong()).isEqualTo(4);
    assertThat(json.at("/topAccounts/0/handle").asText()).isEqualTo("KiriPolice");
    assertThat(json.at("/topAccounts/0/tweets").asLong()).isEqualTo(4);
    assertThat(json.at("/topAccounts/5/handle").isNull()).isTrue();
    assertThat(json.at("/topAccounts/5/authorId").asText()).isEqualTo("7777");
    assertThat(json.at("/accounts").asInt()).isEqualTo(6);
    assertThat(json.at("/topHashtags/0/tag").asText()).isEqualTo("Community");
    assertThat(json.at("/utcHours/hours").size()).isEqualTo(50);
    assertThat(json.at("/utcHours/hours/26").asLong()).isEqualTo(1);
    assertThat(json.at("/utcHours/before").asLong()).isEqualTo(1);
    assertThat(json.at("/localHours").size()).isEqualTo(24);
    assertThat(json.at("/localHours/0").asLong()).isEqualTo(2);
  }

  @Test
  void jsonPercentagesAreNullWithoutTweets() throws Exception {
    WrapUp empty = WrapUp.accumulator(FIFTH, WrapUpFixtures.registrations()).result();
    JsonNode json = mapper.readTree(mapper.writeValueAsString(empty));
    assertThat(json.at("/totals/originalsPercent").isNull()).isTrue();
    assertThat(json.at("/topAccounts").size()).isZero();
  }

  @Test
  void csvTablesParseBack() {
    Map<String, String> csv = wrapUp.toCsv();
    assertThat(csv.keySet())
        .containsExactly(
            "totals",
            "compliance",
            "violations",
            "languages",
            "sources",
            "countries",
            "agency_levels",
            "participation_models",
            "accounts",
            "hashtags",
            "utc_hours",
            "local_hours");
    assertThat(csv.values()).allSatisfy(text -> assertThat(text).endsWith("\r\n"));

    List<List<String>> totals = Csv.parse(csv.get("totals"));
    assertThat(totals.get(0)).containsExactly("metric", "count", "percent");
    assertThat(totals)
        .contains(
            List.of("tweets", "13", ""),
            List.of("originals", "12", "92.3"),
            List.of("retweets", "1", "7.7"),
            List.of("authors", "6", ""),
            List.of("silent_accounts", "1", "25.0"));
    assertThat(Csv.parse(csv.get("compliance")))
        .contains(
            List.of("carrying_hashtag", "11", "84.6"),
            List.of("exempt_from_hashtag", "1", "7.7"),
            List.of("compliant", "6", "46.2"),
            List.of("theme", "2", "15.4"));
    assertThat(Csv.parse(csv.get("violations")))
        .contains(List.of("UNREGISTERED_AUTHOR", "4", "30.8"));
    assertThat(Csv.parse(csv.get("languages")))
        .containsExactly(
            List.of("language", "tweets", "percent"),
            List.of("en", "8", "61.5"),
            List.of("es", "3", "23.1"),
            List.of("fr", "1", "7.7"),
            List.of("und", "1", "7.7"));
    assertThat(Csv.parse(csv.get("countries")))
        .containsExactly(
            List.of(
                "country",
                "registered_accounts",
                "active_accounts",
                "silent_accounts",
                "tweets",
                "percent"),
            List.of("KI", "1", "1", "0", "4", "30.8"),
            List.of("ES", "1", "1", "0", "3", "23.1"),
            List.of("AS", "1", "1", "0", "2", "15.4"),
            List.of("US", "1", "0", "1", "0", "0.0"));
    assertThat(Csv.parse(csv.get("accounts")))
        .contains(
            List.of("1", "KiriPolice", "1001", "true", "4", "30.8"),
            List.of("6", "", "7777", "false", "1", "7.7"));
    assertThat(Csv.parse(csv.get("hashtags")).get(1))
        .containsExactly("1", "Community", "3", "23.1");
    List<List<String>> utc = Csv.parse(csv.get("utc_hours"));
    assertThat(utc).hasSize(1 + 1 + 50 + 1);
    assertThat(utc.get(1)).containsExactly("before", "", "1");
    assertThat(utc.get(2)).containsExactly("0", "2015-06-04T10:00:00Z", "1");
    assertThat(utc.get(52)).containsExactly("after", "2015-06-06T12:00:00Z", "1");
    assertThat(Csv.parse(csv.get("local_hours")).get(1))
        .containsExactly("0", "2", "25.0"); // 2 of 8
    assertThat(Csv.parse(wrapUp.toCsv(1).get("accounts"))).hasSize(2);
  }

  @Test
  void csvQuotesCommasQuotesAndLineBreaksAndDefusesFormulas() {
    String sources = hostile().toCsv().get("sources");
    Map<String, String> parsed = new LinkedHashMap<>();
    for (List<String> row : Csv.parse(sources).subList(1, HOSTILE_SOURCES.size() + 1)) {
      assertThat(row).hasSize(3);
      parsed.put(row.get(0), row.get(1));
    }
    assertThat(parsed)
        .containsOnlyKeys(
            "Hootsuite, Inc.",
            "The \"Best\" App",
            "Multi\nLine\r\nApp",
            "'=HYPERLINK(\"http://evil.example\",\"x\")",
            "<script>alert(1)</script>",
            "pipe | app");
    assertThat(parsed.values()).containsOnly("1");
    assertThat(sources).contains("\"The \"\"Best\"\" App\"");
  }

  @Test
  void jsonKeepsHostileSourcesExactly() throws Exception {
    JsonNode json = mapper.readTree(mapper.writeValueAsString(hostile()));
    assertThat(fieldNames(json.get("sources")))
        .containsExactlyInAnyOrderElementsOf(HOSTILE_SOURCES);
  }

  @Test
  void markdownHasTheHeadlineFigures() {
    String md = wrapUp.toMarkdown();
    assertThat(md).startsWith("# \\#PolTwt edition 5: wrap-up\n");
    assertThat(md)
        .contains(
            "| Tweets | 13 |  |",
            "| Original tweets | 12 | 92.3% |",
            "| Retweets | 1 | 7.7% |",
            "| Unique accounts | 6 |  |",
            "| Registered accounts that tweeted | 3 of 4 | 75.0% |",
            "| Registered accounts that stayed silent | 1 | 25.0% |",
            "| Unregistered accounts | 3 | 50.0% |",
            "| Languages | 4 |  |",
            "| carry \\#PolTwt as a hashtag in their own words (a retweet: the retweeted post's)"
                + " | 11 | 84.6% |",
            "| are retweets exempt from the hashtag rule that do not carry it | 1 | 7.7% |",
            "| break no rule | 6 | 46.2% |",
            "| carry a theme hashtag (\\#TimeToUnify) | 2 | 15.4% |",
            "| en | 8 | 61.5% |",
            "| KI | 1 | 1 | 0 | 4 | 30.8% |",
            "| State or province | 1 | 1 | 0 | 3 | 23.1% |",
            "| 1 | \\@KiriPolice | yes | 4 | 30.8% |",
            "| 6 | account 7777 | no | 1 | 7.7% |",
            "| 1 | \\#Community | 3 | 23.1% |",
            "| 26 | 2015-06-05 12:00 | 1 |");
    assertThat(wrapUp.toMarkdown(2)).contains("| *2 more* | 2 | 15.4% |", "and 4 more accounts.");
  }

  @Test
  void markdownRoundsSoThatSomeIsNeverNoneNorMostAll() {
    assertThat(Percent.text(1, 3_000)).isEqualTo("<0.1%"); // 0.03
    assertThat(Percent.text(1, 2_000)).isEqualTo("0.1%"); // 0.05, half up
    assertThat(Percent.text(1_999, 2_000)).isEqualTo(">99.9%"); // 99.95
    assertThat(Percent.text(1_998, 2_000)).isEqualTo("99.9%");
    assertThat(Percent.text(0, 2_000)).isEqualTo("0.0%");
    assertThat(Percent.text(2_000, 2_000)).isEqualTo("100.0%");
    assertThat(Percent.text(1, 8)).isEqualTo("12.5%");
    assertThat(Percent.text(1, 16)).isEqualTo("6.3%"); // 6.25, half up
    assertThat(Percent.text(1, 0)).isEqualTo("n/a");
  }

  @Test
  void markdownEscapesHostileText() {
    String md = hostile().toMarkdown();
    assertThat(md).doesNotContain("<script>").contains("\\<script\\>alert\\(1\\)\\<\\/script\\>");
    for (String line : md.split("\n")) {
      if (line.startsWith("|")) {
        String cells = line.replace("\\|", "");
        long pipes = cells.chars().filter(c -> c == '|').count();
        assertThat(pipes).as(line).isGreaterThanOrEqualTo(3);
      }
    }
    assertThat(md).contains("| pipe \\| app | 1 |").contains("| Multi Line  App | 1 |");
    List<String> sourceRows = new ArrayList<>();
    boolean inSources = false;
    for (String line : md.split("\n")) {
      inSources = line.startsWith("## ") ? line.equals("## Source apps") : inSources;
      if (inSources
          && line.startsWith("| ")
          && !line.startsWith("| App")
          && !line.startsWith("| :")) {
        sourceRows.add(line);
      }
    }
    assertThat(sourceRows).hasSize(HOSTILE_SOURCES.size());
  }

  @Test
  void noEmailNorNameInAnyExport() throws Exception {
    List<Registration> registrations = WrapUpFixtures.registrations();
    List<String> exports = new ArrayList<>();
    for (WrapUp w : List.of(wrapUp, hostile())) {
      exports.add(mapper.writeValueAsString(w));
      exports.addAll(w.toCsv().values());
      exports.addAll(w.toCsv(1_000).values());
      exports.add(w.toMarkdown());
      exports.add(w.toMarkdown(1_000));
      exports.add(w.toString());
      exports.add(w.totals().toString() + w.accounts() + w.hashtags() + w.countries());
    }
    for (String export : exports) {
      for (String text :
          List.of(export, export.replace("\\", ""))) { // Markdown escapes '@' and '.'
        Matcher m = EMAIL.matcher(text);
        assertThat(m.find()).as("an email address in %s", text).isFalse();
        for (Registration r : registrations) {
          assertThat(text).doesNotContainIgnoringCase(r.email());
          assertThat(text).doesNotContain(r.agencyName());
          r.officerName().ifPresent(name -> assertThat(text).doesNotContain(name));
        }
        assertThat(text).doesNotContain("police.gov").doesNotContain("Ruiz");
      }
    }
  }

  /** The fixture's tweets plus one tweet from each hostile source app. */
  private static WrapUp hostile() {
    List<Registration> registrations = WrapUpFixtures.registrations();
    ComplianceChecker checker = WrapUpFixtures.checker(registrations);
    List<Tweet> tweets = new ArrayList<>();
    for (int i = 0; i < HOSTILE_SOURCES.size(); i++) {
      tweets.add(
          WrapUpFixtures.tweet(
              100 + i,
              "1001",
              "KiriPolice",
              "#PolTwt #Tag" + i,
              "2015-06-04T11:00:00Z",
              "en",
              HOSTILE_SOURCES.get(i),
              null));
    }
    return WrapUp.of(checker, registrations, tweets.stream());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /**
   * A small RFC 4180 reader: CRLF or LF record ends, fields in quotes may hold commas, quotes ("")
   * and line breaks.
   */
  static final class Csv {
    private Csv() {}

    static List<List<String>> parse(String text) {
      List<List<String>> rows = new ArrayList<>();
      List<String> row = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      int i = 0;
      boolean quoted = false;
      while (i < text.length()) {
        char c = text.charAt(i);
        if (quoted) {
          if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i += 2;
            continue;
          }
          if (c == '"') {
            quoted = false;
          } else {
            field.append(c);
          }
          i++;
          continue;
        }
        if (c == '"') {
          if (field.length() != 0) {
            throw new IllegalArgumentException("a quote inside an unquoted field at " + i);
          }
          quoted = true;
        } else if (c == ',') {
          row.add(field.toString());
          field.setLength(0);
        } else if (c == '\r' || c == '\n') {
          row.add(field.toString());
          field.setLength(0);
          rows.add(row);
          row = new ArrayList<>();
          if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
            i++;
          }
        } else {
          field.append(c);
        }
        i++;
      }
      if (quoted) {
        throw new IllegalArgumentException("an unterminated quoted field");
      }
      if (field.length() > 0 || !row.isEmpty()) {
        row.add(field.toString());
        rows.add(row);
      }
      return rows;
    }
  }
}
