package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.poltwt.test.MutableClock;

/** "Manage my registration" over HTTP: the link every mail carries, and what it can do. */
class SiteManageTest {
  private static final Pattern MANAGE =
      Pattern.compile("href=\"(/manage\\?token=[A-Za-z0-9._-]+)\"");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:05Z"));
  private TestSite site;

  @BeforeEach
  void start() {
    site = TestSite.start(clock, 1000);
  }

  @AfterEach
  void stop() {
    site.close();
  }

  /** The outbox pages of the mails to a handle, oldest first. */
  private List<String> mailsTo(String handle) {
    WebClient organiser = site.organiser();
    Matcher row =
        Pattern.compile(
                "href=\"(/organiser/outbox/[0-9-]+\\.eml)\">[^<]*@" + handle + "(?![A-Za-z0-9_])")
            .matcher(organiser.get("/organiser/outbox").body());
    List<String> pages = new java.util.ArrayList<>();
    while (row.find()) {
      pages.add(organiser.get(row.group(1)).body());
    }
    java.util.Collections.reverse(pages);
    return pages;
  }

  private String signUpAndFindTheManageLink(String handle) {
    return signUpAndFindTheManageLink(
        handle, SiteHttpTest.officer(handle, handle.toLowerCase() + "@kent.police.uk"));
  }

  private String signUpAndFindTheManageLink(String handle, Map<String, String> form) {
    WebClient c = site.client();
    c.get("/signup");
    assertThat(c.post("/signup", form).status()).isEqualTo(303);
    String mail = mailsTo(handle).get(0);
    Matcher link = MANAGE.matcher(mail);
    assertThat(link.find()).as("the verification mail's manage link").isTrue();
    assertThat(mail)
        .as("the invite arrives with the mail")
        .contains("Attachment: poltwt-")
        .contains("BEGIN:VCALENDAR")
        .contains("METHOD:REQUEST");
    return link.group(1).replace("&amp;", "&");
  }

  private static Map<String, String> change(String token) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("token", token);
    f.put("language", "es");
    f.put("country", "ES");
    f.put("zone", "Atlantic/Canary");
    f.put("participationModel", "CALLS_FOR_SERVICE");
    f.put("city", "Sevilla");
    return f;
  }

  private static String token(String link) {
    return link.substring(link.indexOf("token=") + 6);
  }

  @Test
  void aRegistrantChangesZoneLanguageAndAddressAndGetsTheConfirmationInTheirNewLanguage() {
    String link = signUpAndFindTheManageLink("PCManage");
    WebClient c = site.client();

    WebClient.Response page = c.get(link);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("@PCManage").contains("Kent Police").contains("Europe/London");
    WebClient.Response invite = c.get(link.replace("/manage?", "/manage/invite.ics?"));
    assertThat(invite.status()).isEqualTo(200);
    assertThat(invite.header("Content-Type")).startsWith("text/calendar");
    assertThat(invite.header("Content-Disposition")).contains("attachment").contains(".ics");
    assertThat(invite.body()).startsWith("BEGIN:VCALENDAR").contains("TZID:Europe/London");

    WebClient.Response saved = c.post("/manage", change(token(link)));
    assertThat(saved.status()).isEqualTo(303);
    assertThat(saved.header("Location")).startsWith("/manage?saved=1&token=");
    WebClient.Response after = c.get(saved.header("Location"));
    assertThat(after.body())
        .contains("id=\"manage-saved\"")
        .contains("value=\"Atlantic/Canary\" selected")
        .contains("value=\"Sevilla\"");
    List<String> mails = mailsTo("PCManage");
    assertThat(mails).hasSize(2);
    assertThat(mails.get(1))
        .as("the confirmation, in Spanish, with the invite that moves the event")
        .contains("inscripción")
        .contains("TZID:Atlantic/Canary")
        .doesNotContain("was changed as you asked");
  }

  @Test
  void anAgencysFormCannotPutAnOfficersNameOnTheMapNorGetTheLibrarysEnglish() {
    Map<String, String> agency = SiteHttpTest.officer("KentAgencyPd", "desk@kent.police.uk");
    agency.put("form", "agency");
    agency.remove("officerName");
    String link = signUpAndFindTheManageLink("KentAgencyPd", agency);
    Map<String, String> forged = change(token(link));
    forged.put("officerNameOnMap", "on");

    WebClient c = site.client();
    c.get(link);
    WebClient.Response saved = c.post("/manage", forged);

    // The box is not on an agency's form: ignored, not refused in words beside no field.
    assertThat(saved.status()).isEqualTo(303);
    assertThat(c.get(saved.header("Location")).body())
        .contains("id=\"manage-saved\"")
        .doesNotContain("applies to officer accounts only");
  }

  @Test
  void badInputIsShownBesideTheFieldAndChangesNothing() {
    String link = signUpAndFindTheManageLink("PCBadInput");
    Map<String, String> bad = change(token(link));
    bad.put("country", "XX");
    bad.put("latitude", "north");
    bad.put("zone", "Mars/Olympus");

    WebClient c = site.client();
    c.get(link);
    WebClient.Response refused = c.post("/manage", bad);

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body()).contains("manage-latitude-error").contains("manage-zone-error");
    assertThat(mailsTo("PCBadInput")).hasSize(1);
    assertThat(site.client().get(link).body()).contains("Europe/London\" selected");
  }

  @Test
  void aTamperedLinkDoesNotWorkAnOldOneHasExpiredAndNothingChanges() {
    String link = signUpAndFindTheManageLink("PCTamper");
    String tampered = link.substring(0, link.length() - 2) + (link.endsWith("AA") ? "BB" : "AA");

    WebClient.Response forged = site.client().get(tampered);
    assertThat(forged.status()).isEqualTo(404);
    assertThat(forged.body()).contains("This link does not work").doesNotContain("@PCTamper");
    WebClient c = site.client();
    c.get(link);
    assertThat(c.post("/manage", change(token(tampered))).status()).isEqualTo(404);
    c.get(link);
    assertThat(c.post("/manage/withdraw", Map.of("token", "nonsense", "confirm", "yes")).status())
        .isEqualTo(404);

    clock.advance(Duration.ofDays(91));
    WebClient.Response old = site.client().get(link);
    assertThat(old.status()).isEqualTo(410);
    assertThat(old.body()).contains("This link has expired");
    assertThat(mailsTo("PCTamper")).hasSize(1);
  }

  @Test
  void withdrawingAsksFirstThenCancelsTheEventAndClosesTheLink() {
    String link = signUpAndFindTheManageLink("PCWithdraw");
    WebClient c = site.client();
    c.get(link);

    WebClient.Response asked = c.post("/manage/withdraw", Map.of("token", token(link)));
    assertThat(asked.status()).isEqualTo(200);
    assertThat(asked.body()).contains("Withdraw your registration?").contains("name=\"confirm\"");
    assertThat(mailsTo("PCWithdraw")).as("asking changes nothing").hasSize(1);

    WebClient.Response done =
        c.post("/manage/withdraw", Map.of("token", token(link), "confirm", "yes"));
    assertThat(done.status()).isEqualTo(303);
    assertThat(c.get(done.header("Location")).body()).contains("id=\"manage-withdrawn\"");
    List<String> mails = mailsTo("PCWithdraw");
    assertThat(mails).hasSize(2);
    assertThat(mails.get(1)).contains("is withdrawn as you asked").contains("METHOD:CANCEL");
    WebClient.Response closed = c.get(link);
    assertThat(closed.status()).isEqualTo(410);
    assertThat(closed.body()).contains("This registration is closed");
  }
}
