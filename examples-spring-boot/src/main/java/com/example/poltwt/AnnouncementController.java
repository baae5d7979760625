package com.example.poltwt;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.poltwt.announcement.Announcement;
import org.poltwt.announcement.AnnouncementService;
import org.poltwt.announcement.Audience;
import org.poltwt.announcement.DeliveryReport;
import org.poltwt.event.Edition;
import org.poltwt.spi.EditionStore;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organisers' side: an announcement to every verified registrant, each mail in terms of the
 * recipient's own window. Only with {@code Authorization: Bearer} and the token of {@code
 * example.organiser-token}; without that property the endpoint is off.
 */
@RestController
class AnnouncementController {
  private final AnnouncementService announcements;
  private final EditionStore editions;
  private final int edition;
  private final byte[] organiserToken;

  AnnouncementController(
      AnnouncementService announcements, EditionStore editions, ExampleProperties properties) {
    this.announcements = announcements;
    this.editions = editions;
    this.edition = properties.edition().number();
    String token = properties.organiserToken();
    this.organiserToken =
        token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Drafts the announcement and sends it; what cannot be sent now is retried by the starter's
   * scheduled outbox delivery.
   *
   * @param authorization the {@code Authorization} header
   * @param form the subject and body templates ({@code {windowStart}}, {@code {handle}} and the
   *     other placeholders of poltwt's announcements allowed)
   * @return where delivery stands; 401 without the organisers' token
   */
  @PostMapping("/api/announcements")
  ResponseEntity<AnnouncementAnswer> announce(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @Valid @RequestBody AnnouncementForm form) {
    if (!organiser(authorization)) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
    }
    Edition current = editions.find(edition).orElseThrow();
    Announcement announcement =
        announcements.draft(current, form.subject(), form.body(), Audience.verified());
    DeliveryReport report = announcements.send(announcement);
    return ResponseEntity.ok(
        new AnnouncementAnswer(
            report.announcementId().toString(),
            report.recipients(),
            report.sent(),
            report.pending().size(),
            report.failed().size()));
  }

  private boolean organiser(String authorization) {
    if (organiserToken == null || authorization == null || !authorization.startsWith("Bearer ")) {
      return false;
    }
    byte[] given = authorization.substring("Bearer ".length()).getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, organiserToken);
  }

  /**
   * The announcement's templates.
   *
   * @param subject the subject, one line
   * @param body the body
   */
  record AnnouncementForm(@NotBlank String subject, @NotBlank String body) {}

  /**
   * Where delivery stands.
   *
   * @param announcementId the stored announcement
   * @param recipients how many registrants it is for
   * @param sent how many mails were sent
   * @param pending how many are left to the scheduled delivery
   * @param failed how many failed for good
   */
  record AnnouncementAnswer(
      String announcementId, int recipients, int sent, int pending, int failed) {}
}
