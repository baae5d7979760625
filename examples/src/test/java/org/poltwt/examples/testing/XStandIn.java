package org.poltwt.examples.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for the X API: a JDK {@link HttpServer} on the loopback address that answers one
 * path (and everything under it) with what a test's {@link Handler} says. WireMock's Jetty would
 * clash with the site's, so the command-line and site tests both use this one.
 */
public final class XStandIn implements AutoCloseable {
  private static final Pattern MAX = Pattern.compile("max_results=(\\d+)");
  private static final Pattern NEXT = Pattern.compile("next_token=at(\\d+)");

  private final HttpServer server;
  private final List<Request> requests;

  private XStandIn(HttpServer server, List<Request> requests) {
    this.server = server;
    this.requests = requests;
  }

  /** What the stand-in answers a request with. */
  @FunctionalInterface
  public interface Handler {
    Answer answer(Request request);
  }

  /** A request as sent: its target (path and raw query) and its Authorization header. */
  public record Request(URI uri, String authorization) {
    static Request of(HttpExchange exchange) {
      return new Request(
          exchange.getRequestURI(), exchange.getRequestHeaders().getFirst("Authorization"));
    }

    public String path() {
      return uri.getPath();
    }

    /** The decoded query. */
    public String query() {
      return uri.getQuery();
    }
  }

  /** A status, a content type, a body and any further headers. */
  public record Answer(int status, String contentType, String body, Map<String, String> headers) {
    /** A JSON answer with this status. */
    public static Answer json(int status, String body) {
      return new Answer(status, "application/json", body, Map.of());
    }

    /** A 200 JSON answer. */
    public static Answer ok(String body) {
      return json(200, body);
    }

    /** An RFC 7807 problem, as X answers an error. */
    public static Answer problem(int status, String body) {
      return new Answer(status, "application/problem+json", body, Map.of());
    }

    /** This answer with one more header. */
    public Answer withHeader(String name, String value) {
      Map<String, String> more = new LinkedHashMap<>(headers);
      more.put(name, value);
      return new Answer(status, contentType, body, more);
    }
  }

  /** Starts a stand-in answering requests under {@code path}. */
  public static XStandIn start(String path, Handler handler) throws IOException {
    List<Request> requests = new CopyOnWriteArrayList<>();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        path,
        exchange -> {
          Request request = Request.of(exchange);
          requests.add(request);
          Answer a = handler.answer(request);
          byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
          a.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
          exchange.getResponseHeaders().add("Content-Type", a.contentType());
          exchange.sendResponseHeaders(a.status(), bytes.length);
          try (OutputStream o = exchange.getResponseBody()) {
            o.write(bytes);
          }
        });
    server.start();
    return new XStandIn(server, requests);
  }

  /** The queries of the requests sent so far, decoded, in the order they came. */
  public List<String> queries() {
    return requests.stream().map(Request::query).toList();
  }

  /** The requests sent so far, each as its path, a space and its Authorization header. */
  public List<String> pathsAndAuthorizations() {
    return requests.stream().map(r -> r.path() + " " + r.authorization()).toList();
  }

  /** The requests sent so far, each as its target as sent: path and raw query. */
  public List<String> targets() {
    return requests.stream().map(r -> r.uri().toString()).toList();
  }

  /** Forgets the requests sent so far. */
  public void forget() {
    requests.clear();
  }

  /** Starts a stand-in for recent search that answers each search by its decoded query. */
  public static XStandIn recentSearch(Function<String, Answer> byQuery) throws IOException {
    return start("/2/tweets/search/recent", request -> byQuery.apply(request.query()));
  }

  /** Where the stand-in listens, as the {@code --api} option and the site's config take it. */
  public String url() {
    return "http://localhost:" + server.getAddress().getPort();
  }

  public URI uri() {
    return URI.create(url());
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /**
   * Recent search over {@code all} posts, newest first, on pages of {@code max_results} (10 when
   * not given) that {@code next_token=atN} continues; a query with {@code since_id} finds nothing
   * newer.
   */
  public static String searchOf(int all, String query) {
    if (query.contains("since_id=")) {
      return "{\"meta\":{\"result_count\":0}}";
    }
    Matcher m = MAX.matcher(query);
    Matcher t = NEXT.matcher(query);
    int from = t.find() ? Integer.parseInt(t.group(1)) : 0;
    int size = Math.min(m.find() ? Integer.parseInt(m.group(1)) : 10, all - from);
    return page(from, size, from + size < all ? "at" + (from + size) : null);
  }

  /** Posts {@code from} to {@code from + size - 1}, newest first. */
  private static String page(int from, int size, String next) {
    List<String> tweets = new ArrayList<>();
    for (int i = from; i < from + size; i++) {
      tweets.add(
          "{\"id\":\""
              + (1_800_000_000_000_000_100L - i)
              + "\",\"author_id\":\"42\",\"text\":\"Shift "
              + i
              + " #PolTwt\",\"created_at\":\"2026-06-05T10:00:00.000Z\",\"lang\":\"en\"}");
    }
    return "{\"data\":["
        + String.join(",", tweets)
        + "],\"includes\":{\"users\":[{\"id\":\"42\",\"username\":\"PoliciaMadrid\","
        + "\"name\":\"Policia\"}]},\"meta\":{\"result_count\":"
        + size
        + (next == null ? "" : ",\"next_token\":\"" + next + "\"")
        + "}}";
  }
}
