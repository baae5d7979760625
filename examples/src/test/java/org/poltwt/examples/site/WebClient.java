package org.poltwt.examples.site;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A cookie-keeping HTTP client for the site's tests. It keeps cookies itself because the JDK's
 * cookie manager does not send {@code Secure} cookies over plain HTTP, which browsers do on
 * localhost; and it remembers the CSRF token of the last page, as a browser's form would.
 */
final class WebClient {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String base;
  final Map<String, String> cookies = new LinkedHashMap<>();

  /** Headers sent with every request, such as a reverse proxy's X-Forwarded-For. */
  final Map<String, String> headers = new LinkedHashMap<>();

  String csrf;

  WebClient(String base) {
    this.base = base;
  }

  record Response(int status, String body, HttpHeaders headers) {
    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  /** Gets a page with request headers, such as the browser's Accept-Language. */
  Response get(String path, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
    headers.forEach(b::header);
    return send(b);
  }

  /** Posts a form with the CSRF token of the last page fetched. */
  Response post(String path, Map<String, String> form) {
    Map<String, String> all = new LinkedHashMap<>(form);
    if (csrf != null) {
      all.putIfAbsent("_csrf", csrf);
    }
    return postRaw(path, encode(all));
  }

  /** Posts a form as if sent from a page of another origin. */
  Response postFrom(String origin, String path, Map<String, String> form) {
    Map<String, String> all = new LinkedHashMap<>(form);
    all.putIfAbsent("_csrf", csrf);
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Origin", origin)
            .POST(HttpRequest.BodyPublishers.ofString(encode(all))));
  }

  /**
   * Announces a form post of {@code contentLength} bytes with {@code Expect: 100-continue} and
   * sends no body, over a socket of its own: what a server that refuses by size answers before the
   * body, without the race of a client still writing when the server closes the connection.
   *
   * @return the status and the body of the answer
   */
  Response announcePost(String path, long contentLength) {
    URI uri = URI.create(base + path);
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(30_000);
      String request =
          "POST "
              + uri.getRawPath()
              + " HTTP/1.1\r\n"
              + "Host: "
              + uri.getHost()
              + ":"
              + uri.getPort()
              + "\r\n"
              + "Content-Type: application/x-www-form-urlencoded\r\n"
              + "Content-Length: "
              + contentLength
              + "\r\n"
              + "Expect: 100-continue\r\n"
              + "Connection: close\r\n\r\n";
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      Matcher status = Pattern.compile("^HTTP/1\\.1 (\\d{3})").matcher(answer);
      if (!status.find()) {
        throw new IllegalStateException("no HTTP answer");
      }
      int body = answer.indexOf("\r\n\r\n");
      return new Response(
          Integer.parseInt(status.group(1)),
          body < 0 ? "" : answer.substring(body + 4),
          HttpHeaders.of(Map.of(), (k, v) -> true));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Response postRaw(String path, String body) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private Response send(HttpRequest.Builder request) {
    headers.forEach(request::header);
    if (!cookies.isEmpty()) {
      request.header(
          "Cookie",
          cookies.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining("; ")));
    }
    try {
      HttpResponse<String> r =
          http.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      for (String c : r.headers().allValues("Set-Cookie")) {
        String pair = c.split(";", 2)[0];
        int eq = pair.indexOf('=');
        String name = pair.substring(0, eq).strip();
        String value = pair.substring(eq + 1).strip();
        if (value.isEmpty() || c.contains("Max-Age=0")) {
          cookies.remove(name);
        } else {
          cookies.put(name, value);
        }
      }
      Matcher m = CSRF.matcher(r.body());
      if (m.find()) {
        csrf = m.group(1);
      }
      return new Response(r.statusCode(), r.body(), r.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
