package org.poltwt.spi.memory;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.poltwt.internal.TweetIds;
import org.poltwt.spi.TweetQuery;
import org.poltwt.spi.TweetStore;
import org.poltwt.tweet.Tweet;

/**
 * A {@link TweetStore} in memory, for tests and small embeddings. Thread-safe: one lock guards all.
 */
public final class InMemoryTweetStore implements TweetStore {
  private static final Comparator<Tweet> ORDER =
      Comparator.comparing(Tweet::createdAt).thenComparing(Tweet::id, TweetIds.NUMERIC);

  private final Map<String, Tweet> byId = new HashMap<>();
  private final Map<String, Integer> editionOf = new HashMap<>();

  /** Creates an empty store. */
  public InMemoryTweetStore() {}

  @Override
  public synchronized boolean upsert(int edition, Tweet tweet) {
    requireNonNull(tweet, "tweet");
    if (edition < 1) {
      throw new IllegalArgumentException("edition: must be at least 1");
    }
    editionOf.put(tweet.id(), edition);
    return byId.put(tweet.id(), tweet) == null;
  }

  @Override
  public synchronized Optional<Tweet> find(String id) {
    return Optional.ofNullable(byId.get(requireNonNull(id, "id")));
  }

  @Override
  public synchronized Optional<String> newestId(int edition) {
    return editionOf.entrySet().stream()
        .filter(e -> e.getValue() == edition)
        .map(Map.Entry::getKey)
        .max(TweetIds.NUMERIC);
  }

  @Override
  public synchronized List<Tweet> listAfterId(int edition, Optional<String> afterId, int limit) {
    requireNonNull(afterId, "afterId");
    if (limit < 1) {
      throw new IllegalArgumentException("limit: must be at least 1");
    }
    afterId.ifPresent(InMemoryTweetStore::requireDecimal);
    return editionOf.entrySet().stream()
        .filter(e -> e.getValue() == edition)
        .map(Map.Entry::getKey)
        .filter(id -> afterId.map(a -> TweetIds.NUMERIC.compare(id, a) > 0).orElse(true))
        .sorted(TweetIds.NUMERIC)
        .limit(limit)
        .map(byId::get)
        .toList();
  }

  private static void requireDecimal(String id) {
    if (id.isEmpty() || id.length() > 19 || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("afterId: must be a decimal number");
    }
  }

  @Override
  public synchronized List<Tweet> list(TweetQuery query, int offset, int limit) {
    requireNonNull(query, "query");
    if (offset < 0) {
      throw new IllegalArgumentException("offset: must not be negative");
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit: must be at least 1");
    }
    List<Tweet> matches = matching(query);
    matches.sort(ORDER);
    return List.copyOf(
        matches.subList(
            Math.min(offset, matches.size()), Math.min(offset + limit, matches.size())));
  }

  @Override
  public synchronized long count(TweetQuery query) {
    return matching(requireNonNull(query, "query")).size();
  }

  private List<Tweet> matching(TweetQuery query) {
    List<Tweet> out = new ArrayList<>();
    for (Tweet t : byId.values()) {
      if (editionOf.get(t.id()) == query.edition() && query.matches(t)) {
        out.add(t);
      }
    }
    return out;
  }
}
