package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.poltwt.event.Edition;
import org.poltwt.registration.TwitterHandle;

/**
 * The time-zone picker over HTTP: current ids only, grouped by country, each with its offset on the
 * edition's date, the visitor's zone chosen.
 */
class SiteZonesTest {
  // A winter "today": offsets must follow the edition's date, not the clock.
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC);
  private static final Pattern OPTION = Pattern.compile("<option value=\"([^\"]*)\"");
  private static final Pattern GROUP =
      Pattern.compile("<optgroup label=\"([^\"]*)\">(.*?)</optgroup>", Pattern.DOTALL);

  private static TestSite site;

  @BeforeAll
  static void start() {
    site = TestSite.start(CLOCK, 1000);
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  private static void editionOn(LocalDate date) {
    Edition e =
        site.site.stores().editions().all().stream()
            .max((a, b) -> Integer.compare(a.number(), b.number()))
            .orElseThrow();
    site.site.stores().editions().save(e.toBuilder().date(date).build());
  }

  /** The options of the officer form's zone select, by group label. */
  private static String group(String page, String country) {
    String select = officerZoneSelect(page);
    Matcher m = GROUP.matcher(select);
    while (m.find()) {
      if (m.group(1).equals(country)) {
        return m.group(2);
      }
    }
    throw new AssertionError("no group " + country + " in the zone select");
  }

  private static String officerZoneSelect(String page) {
    int from = page.indexOf("<select id=\"officer-zone\"");
    assertThat(from).as("the officer form's zone select").isNotNegative();
    return page.substring(from, page.indexOf("</select>", from));
  }

  private static List<String> values(String html) {
    List<String> out = new ArrayList<>();
    Matcher m = OPTION.matcher(html);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void theListHasCurrentIdsOnlyGroupedByCountryWithSummerOffsetsOnASummerEdition() {
    editionOn(LocalDate.of(2026, 7, 10));
    String page = site.client().get("/signup").body();
    List<String> all = values(officerZoneSelect(page));

    assertThat(all)
        .doesNotContain("Z", "Asia/Calcutta", "Asia/Saigon", "US/Pacific", "Europe/Kiev")
        .contains("Asia/Kolkata", "Europe/Madrid", "UTC")
        .doesNotHaveDuplicates()
        .hasSizeBetween(300, 450);
    assertThat(group(page, "India")).contains("<option value=\"Asia/Kolkata\">Kolkata (UTC+05:30)");
    assertThat(group(page, "Spain"))
        .contains("<option value=\"Europe/Madrid\">Madrid (UTC+02:00)")
        .contains("<option value=\"Atlantic/Canary\">Canaries (UTC+01:00)")
        .contains("value=\"Africa/Ceuta\"");
    assertThat(group(page, "Ukraine")).contains("value=\"Europe/Kyiv\"");
    assertThat(group(page, "Canada"))
        .contains("<option value=\"America/St_Johns\">St. John\u2019s (UTC-02:30)");
    assertThat(group(page, "United States"))
        .contains("<option value=\"America/Los_Angeles\">Los Angeles (UTC-07:00)");
    // The southern hemisphere is in its winter in July.
    assertThat(group(page, "Australia"))
        .contains("<option value=\"Australia/Sydney\">Sydney (UTC+10:00)");
  }

  @Test
  void aWinterEditionShowsWinterOffsets() {
    editionOn(LocalDate.of(2026, 12, 10));
    String page = site.client().get("/signup").body();

    assertThat(group(page, "Spain")).contains("<option value=\"Europe/Madrid\">Madrid (UTC+01:00)");
    assertThat(group(page, "Australia"))
        .contains("<option value=\"Australia/Sydney\">Sydney (UTC+11:00)");
  }

  @Test
  void theZoneOfTheLinkIsChosenByItsCurrentIdAndTheScriptLeavesIt() {
    editionOn(LocalDate.of(2026, 7, 10));
    String page = site.client().get("/signup?zone=Asia/Calcutta").body();

    assertThat(officerZoneSelect(page))
        .contains("data-browser-zone=\"false\"")
        .contains("<option value=\"Asia/Kolkata\" selected>")
        .doesNotContain("<option value=\"\" selected>");
    assertThat(site.client().get("/?zone=Europe/Madrid").body())
        .contains("<option value=\"Europe/Madrid\" selected>Madrid (UTC+02:00)");
  }

  @Test
  void withoutScriptTheBrowsersLanguageChoosesTheOnlyZoneOfItsCountry() {
    editionOn(LocalDate.of(2026, 7, 10));
    String belgian =
        site.client().get("/signup", Map.of("Accept-Language", "fr-BE,fr;q=0.8")).body();
    assertThat(officerZoneSelect(belgian))
        .contains("data-browser-zone=\"true\"")
        .contains("<option value=\"Europe/Brussels\" selected>");

    // Spain has three zones: no guess, the placeholder stays chosen.
    String spanish = site.client().get("/signup", Map.of("Accept-Language", "es-ES")).body();
    assertThat(officerZoneSelect(spanish))
        .contains("<option value=\"\" selected>")
        .doesNotContain("\" selected>Madrid");
  }

  @Test
  void theWindowOfAnAliasNamesTheZoneTheListHasForIt() {
    editionOn(LocalDate.of(2026, 7, 10));
    String json = site.client().get("/api/window?zone=Asia/Calcutta").body();

    assertThat(json).contains("\"zone\":\"Asia/Calcutta\"").contains("\"listed\":\"Asia/Kolkata\"");
    assertThat(site.client().get("/api/window?zone=Europe/Madrid").body())
        .contains("\"listed\":\"Europe/Madrid\"")
        .contains("\"start\":\"2026-07-10T06:00:00Z\"");
  }

  @Test
  void theHomePageDefaultsToUtcNotZ() {
    String home = site.client().get("/").body();
    int from = home.indexOf("<select id=\"zone\"");
    String select = home.substring(from, home.indexOf("</select>", from));

    assertThat(values(select)).doesNotContain("Z", "Asia/Calcutta").contains("UTC");
    assertThat(select).contains("<option value=\"UTC\" selected>UTC (UTC+00:00)");
  }

  @Test
  void anOldAliasFromTheBrowserIsStoredByItsCurrentId() {
    editionOn(LocalDate.of(2026, 7, 10));
    WebClient c = site.client();
    c.get("/signup");
    Map<String, String> form = SiteHttpTest.officer("Zone_Alias_1", "jane@police.gov.in");
    form.put("country", "IN");
    form.put("zone", "Asia/Calcutta");

    assertThat(c.post("/signup", form).status()).isEqualTo(303);
    int edition = site.latestEdition();
    assertThat(
            site.site
                .stores()
                .registrations()
                .findByHandle(edition, TwitterHandle.of("Zone_Alias_1"))
                .orElseThrow()
                .zone()
                .getId())
        .isEqualTo("Asia/Kolkata");
  }
}
