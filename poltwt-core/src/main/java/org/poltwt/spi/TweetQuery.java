package org.poltwt.spi;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import org.poltwt.tweet.Tweet;

/**
 * Which harvested tweets of an edition to list or count. Empty filters match everything.
 *
 * @param edition the edition's number
 * @param authorId only tweets by this account id
 * @param from only tweets created at or after this instant
 * @param until only tweets created before this instant
 */
public record TweetQuery(
    int edition, Optional<String> authorId, Optional<Instant> from, Optional<Instant> until) {
  /**
   * Validates the query.
   *
   * @param edition the edition's number, at least 1
   * @param authorId the author filter
   * @param from the inclusive lower bound of the creation time
   * @param until the exclusive upper bound of the creation time
   */
  public TweetQuery {
    if (edition < 1) {
      throw new IllegalArgumentException("edition: must be at least 1");
    }
    requireNonNull(authorId, "authorId");
    requireNonNull(from, "from");
    requireNonNull(until, "until");
  }

  /**
   * Every harvested tweet of an edition.
   *
   * @param edition the edition's number
   * @return the query
   */
  public static TweetQuery of(int edition) {
    return new TweetQuery(edition, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * Narrows to one author.
   *
   * @param id the author's account id
   * @return a new query
   */
  public TweetQuery byAuthor(String id) {
    return new TweetQuery(edition, Optional.of(id), from, until);
  }

  /**
   * Narrows to a time range.
   *
   * @param fromInclusive the first instant included
   * @param untilExclusive the first instant excluded
   * @return a new query
   */
  public TweetQuery between(Instant fromInclusive, Instant untilExclusive) {
    return new TweetQuery(
        edition, authorId, Optional.of(fromInclusive), Optional.of(untilExclusive));
  }

  /**
   * Whether a tweet matches the author and time filters (the edition is the store's business).
   *
   * @param t the tweet
   * @return true if it matches
   */
  public boolean matches(Tweet t) {
    return authorId.map(a -> a.equals(t.authorId())).orElse(true)
        && from.map(f -> !t.createdAt().isBefore(f)).orElse(true)
        && until.map(u -> t.createdAt().isBefore(u)).orElse(true);
  }
}
