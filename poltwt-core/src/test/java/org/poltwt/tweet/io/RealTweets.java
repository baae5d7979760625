package org.poltwt.tweet.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.poltwt.tweet.Tweet;

/**
 * The real X API v2 responses in {@code real-tweets/} (recorded by twarc2 for twarc-csv, and by
 * tweepy; MIT, see the README and LICENSE files there), and what an independent Jackson tree read
 * of each finds in them: the expectations the reader's answers are compared with.
 */
public final class RealTweets {
  /** The file the capture cut off in the middle of its last line. */
  public static final String CUT_OFF = "twarc-csv/streaming_output_with_error.jsonl";

  /** The line of {@link #CUT_OFF} that was cut off. */
  public static final long CUT_OFF_LINE = 8;

  /**
   * How many tweets the reader reads from the twarc-csv files (the cut-off file's seven too, with
   * its cut line skipped).
   */
  public static final int REAL_TWEETS_READ = 633;

  /** How many of them are published original posts (not retweets). */
  public static final int ORIGINALS = 314;

  private static final ObjectMapper TREE = new ObjectMapper();

  private RealTweets() {}

  /** One tweet as the payload itself gives it. */
  public record Expected(
      String file,
      String id,
      String authorId,
      String username,
      String text,
      List<String> references,
      List<String> hashtags,
      JsonNode node) {

    /**
     * Whether it is a published original post (not a retweet).
     *
     * @return true unless a reference says it retweets
     */
    public boolean original() {
      return references.stream().noneMatch(r -> r.startsWith("retweeted:"));
    }
  }

  /**
   * The corpus's files, relative to its folder.
   *
   * @param source {@code twarc-csv} or {@code tweepy}
   * @return the data files, sorted
   */
  public static List<String> files(String source) {
    try (Stream<Path> s = Files.list(root().resolve(source))) {
      return s.map(p -> source + "/" + p.getFileName())
          .filter(n -> n.endsWith(".json") || n.endsWith(".jsonl"))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Opens a file of the corpus.
   *
   * @param file relative to the corpus's folder
   * @return its bytes
   */
  public static InputStream open(String file) {
    try {
      return Files.newInputStream(root().resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The tweets of a file ({@code data}, or a flattened tweet per line), read as a Jackson tree; a
   * line that is not JSON is left out.
   *
   * @param file relative to the corpus's folder
   * @return the tweets in the file's order
   */
  public static List<Expected> expected(String file) {
    List<Expected> out = new ArrayList<>();
    try {
      String content = Files.readString(root().resolve(file), StandardCharsets.UTF_8);
      List<String> values = file.endsWith(".jsonl") ? content.lines().toList() : List.of(content);
      for (String value : values) {
        if (value.isBlank()) {
          continue;
        }
        JsonNode root;
        try {
          root = TREE.readTree(value);
        } catch (JsonProcessingException e) {
          continue; // the line cut off in the capture
        }
        collect(file, root, out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static void collect(String file, JsonNode root, List<Expected> out) {
    if (!root.has("data")) {
      JsonNode author = root.path("author");
      out.add(expected(file, root, author.path("username").asText(null)));
      return;
    }
    Map<String, String> users = new HashMap<>();
    for (JsonNode u : root.path("includes").path("users")) {
      users.put(u.path("id").asText(), u.path("username").asText());
    }
    JsonNode data = root.get("data");
    List<JsonNode> tweets = new ArrayList<>();
    if (data.isArray()) {
      data.forEach(tweets::add);
    } else {
      tweets.add(data);
    }
    Map<String, JsonNode> included = new HashMap<>();
    for (JsonNode t : root.path("includes").path("tweets")) {
      included.put(t.path("id").asText(), t);
    }
    for (JsonNode t : tweets) {
      Expected e = expected(file, t, users.get(t.path("author_id").asText()));
      // A retweet's words are the retweeted post's, when the page includes it.
      for (String r : e.references()) {
        JsonNode original =
            r.startsWith("retweeted:") ? included.get(r.substring("retweeted:".length())) : null;
        if (original != null && original.has("entities")) {
          Expected o = expected(file, original, null);
          e =
              new Expected(
                  e.file(),
                  e.id(),
                  e.authorId(),
                  e.username(),
                  e.text(),
                  e.references(),
                  o.hashtags(),
                  e.node());
        }
      }
      out.add(e);
    }
  }

  private static Expected expected(String file, JsonNode t, String username) {
    List<String> references = new ArrayList<>();
    for (JsonNode r : t.path("referenced_tweets")) {
      references.add(r.path("type").asText() + ":" + r.path("id").asText());
    }
    JsonNode note = t.path("note_tweet");
    JsonNode entities = note.has("text") ? note.path("entities") : t.path("entities");
    List<String> hashtags = new ArrayList<>();
    for (JsonNode h : entities.path("hashtags")) {
      hashtags.add(h.path("tag").asText());
    }
    return new Expected(
        file,
        t.path("id").asText(null),
        t.path("author_id").asText(null),
        username,
        note.has("text") ? note.path("text").asText() : t.path("text").asText(null),
        references,
        hashtags,
        t);
  }

  /**
   * The tweet's references as {@code type:id}, as {@link Expected#references()} gives them.
   *
   * @param t a tweet
   * @return its references
   */
  public static List<String> references(Tweet t) {
    return t.referencedTweets().stream()
        .map(r -> r.type().name().toLowerCase(java.util.Locale.ROOT) + ":" + r.id())
        .collect(Collectors.toList());
  }

  private static Path root() {
    try {
      return Path.of(RealTweets.class.getResource("real-tweets/README.txt").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
