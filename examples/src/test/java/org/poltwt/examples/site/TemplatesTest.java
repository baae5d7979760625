package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.poltwt.examples.site.view.FormState;
import org.poltwt.examples.site.view.Frame;
import org.poltwt.examples.site.view.Messages;
import org.poltwt.examples.site.view.Msg;
import org.poltwt.examples.site.view.Option;
import org.poltwt.examples.site.view.PageData;

/**
 * The precompiled templates and their output: escaping, attributes, and the fields' accessibility
 * wiring.
 */
class TemplatesTest {
  private static final String HOSTILE = "<script>\"x\" & 'y'</script>";
  private static final Messages T = Messages.english();

  private static String render(String template, Object... params) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < params.length; i += 2) {
      map.put((String) params[i], params[i + 1]);
    }
    return Views.render(template, map);
  }

  @Test
  void textAndAttributeValuesAreEscaped() {
    assertThat(SiteOutput.escape(HOSTILE))
        .isEqualTo("&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;");
    FormState s =
        new FormState(
            "f", Map.of("name", HOSTILE), Map.of("name", Msg.of("error.reason", HOSTILE)));

    String html = render("tag/input", "t", T, "s", s, "name", "name", "label", HOSTILE);

    assertThat(html)
        .doesNotContain("<script>")
        .contains(
            "<label for=\"f-name\">&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;</label>")
        .contains(" value=\"&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;\"")
        .contains(">Error: &lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;</p>");
  }

  @Test
  void aFieldIsWiredToItsHintAndError() {
    FormState clean = FormState.empty("officer");
    FormState wrong =
        new FormState(
            "officer", Map.of("email", "x@"), Map.of("email", Msg.of("form.error.required")));

    String plain =
        render("tag/input", "t", T, "s", clean, "name", "email", "label", "Email", "type", "email");
    String hinted =
        render(
            "tag/input",
            "t",
            T,
            "s",
            wrong,
            "name",
            "email",
            "label",
            "Email",
            "hint",
            "We mail you",
            "required",
            true,
            "maxlength",
            "254");

    assertThat(plain)
        .contains("<input type=\"email\" id=\"officer-email\" name=\"email\" value=\"\">")
        .contains("<div class=\"field\">")
        .doesNotContain("required")
        .doesNotContain("aria-");
    assertThat(hinted)
        .contains("<div class=\"field has-error\">")
        .contains(
            "id=\"officer-email\" name=\"email\" value=\"x@\" required aria-invalid=\"true\" "
                + "aria-describedby=\"officer-email-hint officer-email-error\" maxlength=\"254\">")
        .contains("<span class=\"required\"> (required)</span>")
        .contains("<p class=\"hint\" id=\"officer-email-hint\">We mail you</p>")
        .contains("<p class=\"error\" id=\"officer-email-error\">Error: is required</p>");
  }

  @Test
  void selectsAndRadiosMarkTheChosenOptionOnly() {
    FormState s =
        new FormState(
            "agency", Map.of("agencyLevel", "COUNTY", "participationModel", "ONE_TOPIC"), Map.of());
    List<Option> levels =
        List.of(
            Option.message("", "level.choose"),
            Option.message("COUNTY", "level.COUNTY"),
            Option.text("X", "<b>"));

    String select =
        render(
            "tag/select",
            "t",
            T,
            "s",
            s,
            "name",
            "agencyLevel",
            "label",
            "Level",
            "options",
            levels);
    String radios =
        render(
            "tag/radios",
            "t",
            T,
            "s",
            s,
            "name",
            "participationModel",
            "legend",
            "How",
            "options",
            PublicPages.MODELS);

    assertThat(select)
        .contains("<option value=\"\">Choose a level</option>")
        .contains("<option value=\"COUNTY\" selected>County or regional</option>")
        .contains("<option value=\"X\">&lt;b&gt;</option>");
    assertThat(radios)
        .contains(
            "id=\"agency-participationModel-1\" name=\"participationModel\" value=\"ONE_TOPIC\" "
                + "required checked>")
        .doesNotContain("value=\"TWEET_THE_BEAT\" required checked");
  }

  @Test
  void everyPostFormCarriesTheCsrfToken() {
    Frame f = new Frame(T, List.of(), "tok\"en");

    String html =
        render("tag/button", "f", f, "action", "/organiser/logout", "label", "Log out")
            .replace("\n", "");

    assertThat(html)
        .isEqualTo(
            "<form method=\"post\" action=\"/organiser/logout\" accept-charset=\"utf-8\" "
                + "class=\"inline\"><input type=\"hidden\" name=\"_csrf\" value=\"tok&quot;en\"><button type=\"submit\">Log out"
                + "</button></form>");
  }

  @Test
  void theLayoutMarksTheCurrentPageAndEscapesTheTitle() {
    Frame f =
        new Frame(
            T,
            List.of(
                new Frame.NavItem("/", Msg.of("nav.home"), true),
                new Frame.NavItem("/map", Msg.of("nav.map"), false)),
            "token");
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("f", f);
    params.put("title", "<i>");
    params.put("text", HOSTILE);

    String html = Views.render("error", params);

    assertThat(html)
        .startsWith("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">")
        .contains("<title>&lt;i&gt; \u00b7 #PolTwt</title>")
        .contains(
            "<li><a href=\"/\" aria-current=\"page\">Home</a></li><li><a href=\"/map\">Map</a></li>")
        .contains("<p>&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;</p>")
        .doesNotContain("<script>\"");
  }

  @Test
  void aJavascriptLinkIsNotWrittenIntoAnHref() {
    FormState s = FormState.empty("x");
    Map<String, Object> params = new HashMap<>();
    params.put(
        "f",
        new Frame(
            T, List.of(new Frame.NavItem("javascript:alert(1)", Msg.of("nav.home"), false)), "t"));
    params.put("title", "x");
    params.put("text", s.form());

    assertThat(Views.render("error", params)).doesNotContain("javascript:");
  }

  @Test
  void theWrapUpReportEscapesWhatTweetsAndRegistrationsBring() {
    // Languages, apps and hashtags come from tweets, country names and handles from registrations:
    // every one of them is untrusted, in text and in the charts' aria-label alike.
    PageData.BarChart bars =
        new PageData.BarChart(
            "languages",
            Msg.of("wrapup.report.languages"),
            32,
            List.of(new PageData.Bar(HOSTILE, null, 20, 8, 400, 585, "1", false)));
    PageData.ColumnChart hours =
        new PageData.ColumnChart(
            "local-hours",
            Msg.of("wrapup.report.localHours"),
            List.of(new PageData.Column("30.0", 10, "25.7", 160, HOSTILE)),
            "1",
            "1",
            HOSTILE,
            "1");
    PageData.Report report =
        new PageData.Report(
            HOSTILE,
            1,
            List.of(new PageData.ReportTotal(Msg.of("wrapup.report.tweets"), "1")),
            bars,
            hours,
            hours,
            bars,
            bars,
            HOSTILE,
            List.of(new PageData.ReportCountry(HOSTILE, "1", "1", "1")),
            List.of(new PageData.ReportAccount(HOSTILE, true, "1")),
            List.of(new PageData.ReportHashtag(HOSTILE, "1")));
    String escaped = "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;";

    String html = render("wrapup/document", "t", T, "r", report);

    assertThat(html)
        .doesNotContain("<script>")
        .contains("<title>#" + escaped + " edition 1 wrap-up</title>")
        .contains("<text x=\"175\" y=\"20\" text-anchor=\"end\" class=\"axis\">" + escaped)
        .contains("aria-label=\"Tweets per language: " + escaped + " 1.\"")
        .contains("the busiest hour is " + escaped + " with 1\"")
        .contains("<text x=\"30.0\" y=\"188\" class=\"axis\">" + escaped + "</text>")
        .contains("<tr><th scope=\"row\">" + escaped + "</th><td class=\"n\">yes</td>")
        .contains("<tr><th scope=\"row\">#" + escaped + "</th>")
        .contains("For " + escaped + " of these tweets the app is not available");
  }
}
