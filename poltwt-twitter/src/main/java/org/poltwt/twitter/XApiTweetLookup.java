package org.poltwt.twitter;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.poltwt.spi.TweetLookup;
import org.poltwt.tweet.Tweet;
import org.poltwt.tweet.io.PageMeta;
import org.poltwt.tweet.io.TweetReader;

/**
 * Looks posts up by id with {@code GET /2/tweets?ids=...}, at most {@value #MAX_IDS} ids a call,
 * asking for the same {@code tweet.fields}, {@code expansions} and {@code user.fields} as {@link
 * XApiTweetSource} (the edits among them: {@code edit_history_tweet_ids}). Each answer is read by
 * core's {@link TweetReader}, as recent search's pages are. Thread-safe.
 *
 * <p>A post the API does not return in {@code data} is missing from the answer: X answers a
 * deleted, protected or suspended one with an item in {@code errors} beside {@code data} (or in
 * place of it, when none of the ids is returned), and those items are not failures. A returned post
 * carries its {@code edit_history_tweet_ids}, oldest first, so a caller sees whether a later
 * version replaced it.
 *
 * <pre>{@code
 * TweetLookup lookup = XApiTweetLookup.of(client);
 * AgencyArchive archive = AgencyArchive.checked(edition, handle, posts, lookup, clock);
 * }</pre>
 */
public final class XApiTweetLookup implements TweetLookup {
  /** The most ids one call asks for, the API's limit. */
  public static final int MAX_IDS = 100;

  private final XApiClient client;

  private XApiTweetLookup(XApiClient client) {
    this.client = client;
  }

  /**
   * A lookup on a client.
   *
   * @param client the client; its app bearer token (or user token) is used
   * @return the lookup
   */
  public static XApiTweetLookup of(XApiClient client) {
    return new XApiTweetLookup(requireNonNull(client, "client"));
  }

  /**
   * Looks posts up, {@value #MAX_IDS} ids a call.
   *
   * @param ids the posts' numeric ids; duplicates are asked once
   * @return the posts X returns, under their ids, in the order asked
   * @throws IllegalArgumentException if an id is not 1 to 20 digits
   * @throws XApiException if a call fails for good, or an answer is malformed
   */
  @Override
  public Map<String, Tweet> lookup(Collection<String> ids) {
    requireNonNull(ids, "ids");
    Set<String> distinct = new LinkedHashSet<>();
    for (String id : ids) {
      if (id == null || !id.matches("[0-9]{1,20}")) {
        throw new IllegalArgumentException("ids: each must be a numeric id of 1 to 20 digits");
      }
      distinct.add(id);
    }
    Map<String, Tweet> returned = new LinkedHashMap<>();
    List<String> batch = new ArrayList<>(MAX_IDS);
    for (String id : distinct) {
      batch.add(id);
      if (batch.size() == MAX_IDS) {
        fetch(batch, returned);
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      fetch(batch, returned);
    }
    Map<String, Tweet> ordered = new LinkedHashMap<>();
    for (String id : distinct) {
      Tweet t = returned.get(id);
      if (t != null) {
        ordered.put(id, t);
      }
    }
    return ordered;
  }

  private void fetch(List<String> batch, Map<String, Tweet> into) {
    Endpoint e = Endpoint.TWEETS_BY_IDS;
    List<Map.Entry<String, String>> q = new ArrayList<>();
    q.add(Map.entry("ids", String.join(",", batch)));
    q.add(Map.entry("expansions", XApiTweetSource.EXPANSIONS));
    q.add(Map.entry("tweet.fields", XApiTweetSource.TWEET_FIELDS));
    q.add(Map.entry("user.fields", "username"));
    XApiResponse r = client.send(e, e.template, q, null, null);
    ApiPage read = ApiPage.read(e, r, "a lookup answer");
    List<Tweet> tweets = read.tweets();
    PageMeta page = read.meta();
    if (!page.hasData() && page.errors().isEmpty()) {
      throw Json.malformed(e, r.status(), "neither data nor errors");
    }
    for (Tweet t : tweets) {
      into.put(t.id(), t);
    }
  }

  /**
   * Describes the lookup.
   *
   * @return its name, without tokens
   */
  @Override
  public String toString() {
    return "XApiTweetLookup";
  }
}
