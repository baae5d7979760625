package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poltwt.spi.Mail;

class MailFolderTest {
  @TempDir Path dir;

  @Test
  void writesEachMailAsAnEmlFileAndReadsItBack() throws IOException {
    MailFolder folder =
        new MailFolder(
            dir.resolve("outbox"),
            "PolTwt <no-reply@poltwt.example>",
            Clock.fixed(Instant.parse("2026-06-01T08:00:00Z"), ZoneOffset.UTC));
    folder.send(
        new Mail(
            "jane.doe@kent.police.uk",
            "Confirm @PCJane \u2014 #PolTwt",
            "Hello Jane,\n\nPolic\u00eda link: http://localhost/verify?token=abc\n"));
    folder.send(new Mail("b@kent.police.uk", "Second", "Body"));

    try (var files = Files.list(dir.resolve("outbox"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .hasSize(2)
          .allMatch(n -> n.endsWith(".eml"));
    }
    var mails = folder.list(10);
    assertThat(mails)
        .extracting(MailFolder.Stored::subject)
        .containsExactly("Second", "Confirm @PCJane \u2014 #PolTwt");
    MailFolder.Stored first = folder.read(mails.get(1).id()).orElseThrow();
    assertThat(first.to()).isEqualTo("jane.doe@kent.police.uk");
    assertThat(first.body()).contains("Polic\u00eda link: http://localhost/verify?token=abc");
    assertThat(first.sent()).isEqualTo(Instant.parse("2026-06-01T08:00:00Z"));
    String raw = Files.readString(dir.resolve("outbox").resolve(first.id()));
    assertThat(raw)
        .contains("From: PolTwt <no-reply@poltwt.example>")
        .contains("To: jane.doe@kent.police.uk");
  }

  @Test
  void readsNothingOutsideItsFolder() throws IOException {
    MailFolder folder = new MailFolder(dir.resolve("outbox"), "a@b.example", Clock.systemUTC());
    Files.writeString(dir.resolve("secret.eml"), "Subject: secret\n\nx");

    assertThat(folder.read("../secret.eml")).isEmpty();
    assertThat(folder.read("0000000000000-000001.eml")).isEmpty();
    assertThat(folder.read(null)).isEmpty();
  }
}
