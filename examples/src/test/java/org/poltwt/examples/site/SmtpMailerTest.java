package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.poltwt.PoltwtException;
import org.poltwt.spi.Mail;

/** The SMTP mailer against a minimal SMTP server on the loopback interface. */
class SmtpMailerTest {
  /** Speaks just enough SMTP for one message, recording the client's lines. */
  private static Thread server(ServerSocket socket, List<String> lines, boolean refuseRecipient) {
    Thread t =
        new Thread(
            () -> {
              try (Socket s = socket.accept();
                  BufferedReader in =
                      new BufferedReader(
                          new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                  PrintWriter out =
                      new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8)) {
                out.print("220 test ESMTP\r\n");
                out.flush();
                boolean data = false;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                  lines.add(line);
                  if (data) {
                    if (line.equals(".")) {
                      data = false;
                      out.print("250 queued\r\n");
                      out.flush();
                    }
                    continue;
                  }
                  String verb =
                      line.length() >= 4
                          ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT)
                          : line;
                  switch (verb) {
                    case "EHLO":
                      out.print("250-test\r\n250 8BITMIME\r\n");
                      break;
                    case "RCPT":
                      out.print(refuseRecipient ? "550 no such user\r\n" : "250 ok\r\n");
                      break;
                    case "DATA":
                      out.print("354 go ahead\r\n");
                      data = true;
                      break;
                    case "QUIT":
                      out.print("221 bye\r\n");
                      out.flush();
                      return;
                    default:
                      out.print("250 ok\r\n");
                  }
                  out.flush();
                }
              } catch (IOException e) {
                lines.add("server failed: " + e);
              }
            });
    t.setDaemon(true);
    t.start();
    return t;
  }

  @Test
  void sendsOneMessageToOneRecipient() throws Exception {
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread t = server(socket, lines, false);
      SmtpMailer mailer =
          new SmtpMailer(
              "127.0.0.1",
              socket.getLocalPort(),
              null,
              null,
              false,
              "PolTwt <no-reply@poltwt.example>",
              Clock.systemUTC());

      mailer.send(
          new Mail(
              "jane.doe@kent.police.uk",
              "Confirm @PCJane",
              "Open http://localhost/verify?token=x"));
      t.join(5000);
    }
    assertThat(lines)
        .contains(
            "MAIL FROM:<no-reply@poltwt.example>", "RCPT TO:<jane.doe@kent.police.uk>", "DATA")
        .contains("Subject: Confirm @PCJane")
        .anyMatch(l -> l.contains("verify?token=x"));
  }

  @Test
  void aRefusalIsAMailFailureThatQuotesNoAddress() throws Exception {
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      server(socket, lines, true);
      SmtpMailer mailer =
          new SmtpMailer(
              "127.0.0.1",
              socket.getLocalPort(),
              null,
              null,
              false,
              "a@poltwt.example",
              Clock.systemUTC());

      assertThatThrownBy(() -> mailer.send(new Mail("jane.doe@kent.police.uk", "S", "B")))
          .isInstanceOf(PoltwtException.class)
          .hasMessageStartingWith("SMTP delivery failed")
          .hasMessageNotContaining("jane.doe");
    }
  }
}
