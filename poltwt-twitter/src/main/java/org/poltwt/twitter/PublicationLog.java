package org.poltwt.twitter;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where {@link XApiTweetPublisher} records each post before sending it and marks it after, keyed by
 * the caller's idempotency key. Give it a durable implementation (a database table) so a crash
 * between the two steps is remembered; {@link #inMemory()} remembers within the process.
 * Implementations are thread-safe, and {@link #begin} is atomic per key.
 */
public interface PublicationLog {
  /**
   * Records the intent to post, unless the key is recorded already.
   *
   * @param key the idempotency key
   * @param textDigest the SHA-256 of the text
   * @param at now
   * @return the entry as it now stands: new and pending, or the one recorded before (pending or
   *     posted)
   */
  Publication begin(String key, String textDigest, Instant at);

  /**
   * Marks a recorded post as on X.
   *
   * @param key the idempotency key
   * @param tweetId the tweet's id, or empty when the API refused a duplicate
   * @param at now
   * @return the posted entry
   * @throws IllegalStateException if the key was never recorded
   */
  Publication markPosted(String key, Optional<String> tweetId, Instant at);

  /**
   * Finds an entry.
   *
   * @param key the idempotency key
   * @return the entry, or empty
   */
  Optional<Publication> find(String key);

  /**
   * Returns a new, empty in-memory log.
   *
   * @return the log
   */
  static PublicationLog inMemory() {
    return new PublicationLog() {
      private final Map<String, Publication> entries = new HashMap<>();

      @Override
      public synchronized Publication begin(String key, String textDigest, Instant at) {
        return entries.computeIfAbsent(
            requireNonNull(key, "key"), k -> Publication.pending(k, textDigest, at));
      }

      @Override
      public synchronized Publication markPosted(String key, Optional<String> tweetId, Instant at) {
        Publication p = entries.get(requireNonNull(key, "key"));
        if (p == null) {
          throw new IllegalStateException("key: was never recorded");
        }
        if (p.state() == Publication.State.POSTED) {
          return p;
        }
        Publication posted = p.posted(tweetId, at);
        entries.put(key, posted);
        return posted;
      }

      @Override
      public synchronized Optional<Publication> find(String key) {
        return Optional.ofNullable(entries.get(requireNonNull(key, "key")));
      }

      @Override
      public synchronized String toString() {
        return "PublicationLog.inMemory[" + entries.size() + " entries]";
      }
    };
  }
}
