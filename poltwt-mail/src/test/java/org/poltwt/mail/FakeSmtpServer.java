package org.poltwt.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An SMTP server that misbehaves, on the loopback interface, for as many connections as come: it
 * refuses every recipient with {@code 550} (quoting the address, as real servers do), or drops the
 * connection at once, or drops it after the client names the sender.
 */
final class FakeSmtpServer implements AutoCloseable {
  /** How the server misbehaves. */
  enum Mode {
    REFUSE_RECIPIENT,
    DROP_ON_CONNECT,
    DROP_AFTER_MAIL_FROM
  }

  private final ServerSocket socket;
  private final Mode mode;
  private final Thread thread;

  FakeSmtpServer(Mode mode) throws IOException {
    this.mode = mode;
    this.socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    this.thread = new Thread(this::serve, "fake-smtp-" + mode);
    thread.setDaemon(true);
    thread.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket s = socket.accept()) {
        converse(s);
      } catch (IOException e) {
        // The socket was closed, by close() or by the client: wait for the next connection.
      }
    }
  }

  private void converse(Socket s) throws IOException {
    if (mode == Mode.DROP_ON_CONNECT) {
      return;
    }
    BufferedReader in =
        new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
    OutputStream out = s.getOutputStream();
    say(out, "220 fake ESMTP");
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
      switch (verb) {
        case "EHLO":
          say(out, "250-fake\r\n250 8BITMIME");
          break;
        case "MAIL":
          if (mode == Mode.DROP_AFTER_MAIL_FROM) {
            return;
          }
          say(out, "250 ok");
          break;
        case "RCPT":
          // Real servers quote the address back; the mailer must not pass this on.
          say(out, "550 5.1.1 " + line.substring(line.indexOf(':') + 1) + ": no such user");
          break;
        case "QUIT":
          say(out, "221 bye");
          return;
        default:
          say(out, "250 ok");
      }
    }
  }

  private static void say(OutputStream out, String reply) throws IOException {
    out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
