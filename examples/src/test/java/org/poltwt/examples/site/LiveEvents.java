package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** A viewer of the live board's Server-Sent Events: reads one event after another. */
final class LiveEvents implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final InputStream in;
  private final BufferedReader lines;
  private String lastId;
  private String retry;

  private LiveEvents(InputStream in) {
    this.in = in;
    this.lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  /** The next event's data, checked to be a "state" event with an id. */
  JsonNode next() throws IOException {
    Map<String, String> fields = new HashMap<>();
    StringBuilder data = new StringBuilder();
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (line.isEmpty()) {
        if (data.length() > 0) {
          break;
        }
        continue;
      }
      int colon = line.indexOf(':');
      String name = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1).stripLeading();
      if (name.equals("data")) {
        data.append(value);
      } else if (name.equals("retry")) {
        retry = value;
      } else if (!name.isEmpty()) {
        fields.put(name, value);
      }
    }
    assertThat(fields).containsEntry("event", "state").containsKey("id");
    lastId = fields.get("id");
    return JSON.readTree(data.toString());
  }

  /**
   * The next event whose id differs from the last one's: the site's own timer also ticks once a
   * second, and its events in between (same id, nothing new) must carry no post.
   */
  JsonNode nextWithNewId() throws IOException {
    String before = lastId;
    while (true) {
      JsonNode event = next();
      if (!lastId.equals(before)) {
        return event;
      }
      assertThat(event.get("posts")).isEmpty();
    }
  }

  /** The stream's reconnection interval in milliseconds as last sent, or null if never. */
  String retry() {
    return retry;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  static LiveEvents open(TestSite site, String lastEventId) throws Exception {
    return open(site, "/live/events", lastEventId);
  }

  /** Opens the stream at a path and query of the site, with a Last-Event-ID unless null. */
  static LiveEvents open(TestSite site, String path, String lastEventId) throws Exception {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(URI.create(site.url() + path))
            .header("Accept", "text/event-stream")
            .timeout(Duration.ofSeconds(20));
    if (lastEventId != null) {
      r.header("Last-Event-ID", lastEventId);
    }
    HttpResponse<InputStream> response =
        HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
    return new LiveEvents(response.body());
  }
}
