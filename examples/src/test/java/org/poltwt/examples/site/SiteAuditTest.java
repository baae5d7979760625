package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.spi.AuditEntry;

/**
 * Every audited action of the organiser pages lands in the audit log with who, what, on what and
 * from where; the audit page and its CSV show it, and neither holds a registrant's email.
 */
class SiteAuditTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-06-01T10:00:30Z"), ZoneOffset.UTC);

  private static TestSite site;
  private static int edition;

  @BeforeAll
  static void start() {
    site = TestSite.start(CLOCK, 1000);
    edition = site.latestEdition();
    for (String handle : new String[] {"AuditOne", "AuditTwo"}) {
      site.waitingForReview(edition, handle, "media-" + handle.toLowerCase() + "@sfgov.org");
    }
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  private static UUID idOf(String handle) {
    return site.site
        .stores()
        .registrations()
        .findByHandle(edition, TwitterHandle.of(handle))
        .orElseThrow()
        .id();
  }

  private static List<AuditEntry> entries() {
    return site.site.stores().auditLog().list(0, 1000);
  }

  private static boolean logged(String actor, String action, String target) {
    return entries().stream()
        .anyMatch(
            e ->
                e.actor().equals(actor)
                    && e.action().equals(action)
                    && e.target().equals(target)
                    && !e.address().isEmpty());
  }

  @Test
  void everyAuditedActionIsInTheLogAndOnTheAuditPage() {
    WebClient c = site.client();
    c.get("/organiser/login");
    assertThat(c.post("/organiser/login", Map.of("password", "not-the-password")).status())
        .isEqualTo(401);
    assertThat(
            c.post("/organiser/login", Map.of("name", "nobody", "password", "not-the-password"))
                .status())
        .isEqualTo(401);
    assertThat(c.post("/organiser/login", Map.of("password", TestSite.PASSWORD)).status())
        .isEqualTo(303);

    c.get("/organiser/review");
    UUID one = idOf("AuditOne");
    UUID two = idOf("AuditTwo");
    assertThat(c.post("/organiser/review/" + one + "/approve", Map.of()).status()).isEqualTo(303);
    assertThat(c.post("/organiser/review/" + two + "/reject", Map.of()).status()).isEqualTo(303);
    assertThat(c.get("/organiser/registrations.csv?emails=on").status()).isEqualTo(200);
    assertThat(c.get("/organiser/registrations.csv").status()).isEqualTo(200);

    c.get("/organiser/announcements");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("subject", "{hashtag} edition {edition}: the theme");
    form.put("body", "Hello {handle}");
    form.put("audience", "verified");
    form.put("previewHandle", "");
    form.put("action", "send");
    // Every mass mail is held for confirmation; the audit entry is written when it is confirmed.
    TestSite.confirm(c, c.post("/organiser/announcements", form));

    c.get("/organiser/edition");
    TestSite.confirm(
        c,
        c.post(
            "/organiser/edition",
            Map.of("date", "2026-08-14", "start", "09:00", "action", "reschedule")));
    c.get("/organiser/edition");
    TestSite.confirm(
        c,
        c.post("/organiser/edition", Map.of("date", "", "start", "08:00", "action", "postpone")));

    String ed = Integer.toString(edition);
    // A failure names the account tried when it exists, and never keeps a name that does not.
    assertThat(logged("admin", "login.failure", "")).isTrue();
    assertThat(logged(AuditTrail.UNKNOWN, "login.failure", "")).isTrue();
    assertThat(entries()).noneMatch(e -> e.actor().equals("nobody"));
    assertThat(logged("admin", "login.success", "")).isTrue();
    assertThat(logged("admin", "registration.approve", one.toString())).isTrue();
    assertThat(logged("admin", "registration.reject", two.toString())).isTrue();
    assertThat(logged("admin", "registrations.export_emails", ed)).isTrue();
    assertThat(logged("admin", "registrations.export", ed)).isTrue();
    assertThat(entries())
        .anyMatch(e -> e.action().equals("announcement.send") && e.target().startsWith(ed + "/"));
    assertThat(logged("admin", "edition.reschedule", ed)).isTrue();
    assertThat(logged("admin", "edition.postpone", ed)).isTrue();
    assertThat(entries()).noneMatch(e -> e.target().contains("sfgov"));

    String page = c.get("/organiser/audit").body();
    assertThat(page)
        .contains("registration.approve")
        .contains(one.toString())
        .contains("edition.postpone")
        .contains("login.failure")
        .contains(entries().get(0).address())
        .doesNotContain("@sfgov.org");

    c.get("/organiser");
    c.post("/organiser/logout", Map.of());
    assertThat(logged("admin", "logout", "")).isTrue();
  }

  @Test
  void theAuditCsvListsTheLogAndKeepsFormulasInert() {
    site.site
        .stores()
        .auditLog()
        .append(new AuditEntry(CLOCK.instant(), "admin", "test.entry", "=1+2", "192.0.2.1"));
    WebClient c = site.client();
    c.get("/organiser/login");
    c.post("/organiser/login", Map.of("password", TestSite.PASSWORD));

    WebClient.Response csv = c.get("/organiser/audit.csv");

    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.header("Content-Type")).startsWith("text/csv");
    assertThat(csv.header("Content-Disposition")).contains("poltwt-audit-log.csv");
    assertThat(csv.body().lines().findFirst()).contains("at,actor,action,target,address");
    assertThat(csv.body()).contains(",admin,test.entry,\"'=1+2\",192.0.2.1");
    assertThat(csv.body()).doesNotContain(",=1+2");
    // The export is itself recorded.
    assertThat(logged("admin", "audit.export", "")).isTrue();
  }

  @Test
  void theAuditPageIsPagedNewestFirst() {
    for (int i = 0; i < AuditPages.PAGE + 5; i++) {
      site.site
          .stores()
          .auditLog()
          .append(
              new AuditEntry(
                  CLOCK.instant().plusSeconds(3600 + i), "admin", "test.paging", "p" + i, ""));
    }
    WebClient c = site.client();
    c.get("/organiser/login");
    c.post("/organiser/login", Map.of("password", TestSite.PASSWORD));

    String first = c.get("/organiser/audit").body();
    String second = c.get("/organiser/audit?page=1").body();

    assertThat(first).contains(">p" + (AuditPages.PAGE + 4) + "<").doesNotContain(">p4<");
    assertThat(first).contains("href=\"/organiser/audit?page=1\"");
    assertThat(second).contains(">p4<").contains(">p0<");
    assertThat(c.get("/organiser/audit?page=x").status()).isEqualTo(200);
  }

  @Test
  void anonymousVisitorsCannotReadTheLog() {
    WebClient c = site.client();
    assertThat(c.get("/organiser/audit").status()).isEqualTo(303);
    assertThat(c.get("/organiser/audit.csv").status()).isEqualTo(303);
  }
}
