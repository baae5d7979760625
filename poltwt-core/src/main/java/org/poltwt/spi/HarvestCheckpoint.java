package org.poltwt.spi;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * Where an edition's harvest under one query stands: the search pass it has not finished (its
 * bounds and the token of the first page not yet fully consumed), and the newest tweet id it has
 * handed on. A recent search returns the newest tweets first, so a pass that stops half-way has the
 * newest tweets but not the older ones; resuming from the newest id alone would skip them. The next
 * harvest therefore finishes this pass first, then asks for what is newer than the newest id.
 *
 * @param edition the edition's number, at least 1
 * @param query the search query, not blank
 * @param sinceId the {@code since_id} of the pass, when it has one
 * @param start the {@code start_time} of the pass, when it has one
 * @param end the {@code end_time} of the pass
 * @param nextToken the token of the page to fetch next, or empty for the pass's first page
 * @param newestId the newest tweet id the harvest has handed on, when it has handed any
 * @param postsRead how many posts the harvest has read from the API since it began (X bills each
 *     post read), summed over every run that worked on it until it ends and its checkpoint is
 *     cleared; 0 from a store that did not count them
 */
public record HarvestCheckpoint(
    int edition,
    String query,
    Optional<String> sinceId,
    Optional<Instant> start,
    Instant end,
    Optional<String> nextToken,
    Optional<String> newestId,
    long postsRead) {

  /** The longest query a checkpoint store keeps. */
  public static final int MAX_QUERY_LENGTH = 1_024;

  /** The longest pagination token a checkpoint store keeps. */
  public static final int MAX_TOKEN_LENGTH = 1_000;

  /**
   * Validates the checkpoint.
   *
   * @param edition the edition's number, at least 1
   * @param query the search query, not blank, at most {@value #MAX_QUERY_LENGTH} characters
   * @param sinceId the since id, decimal digits when present
   * @param start the start time
   * @param end the end time, after {@code start} when there is one
   * @param nextToken the next page's token, not blank and at most {@value #MAX_TOKEN_LENGTH}
   *     characters when present
   * @param newestId the newest id handed on, decimal digits when present
   * @param postsRead posts read so far, at least 0
   */
  public HarvestCheckpoint {
    requireNonNull(query, "query");
    requireNonNull(sinceId, "sinceId");
    requireNonNull(start, "start");
    requireNonNull(end, "end");
    requireNonNull(nextToken, "nextToken");
    requireNonNull(newestId, "newestId");
    if (edition < 1) {
      throw new IllegalArgumentException("edition: must be at least 1 (was " + edition + ")");
    }
    if (query.isBlank() || query.length() > MAX_QUERY_LENGTH) {
      throw new IllegalArgumentException(
          "query: must be 1 to " + MAX_QUERY_LENGTH + " characters, not blank");
    }
    sinceId.ifPresent(id -> checkId("sinceId", id));
    newestId.ifPresent(id -> checkId("newestId", id));
    if (start.isPresent() && !end.isAfter(start.get())) {
      throw new IllegalArgumentException("end: must be after start");
    }
    if (nextToken.isPresent()
        && (nextToken.get().isBlank() || nextToken.get().length() > MAX_TOKEN_LENGTH)) {
      throw new IllegalArgumentException(
          "nextToken: must be 1 to " + MAX_TOKEN_LENGTH + " characters, not blank");
    }
    if (postsRead < 0) {
      throw new IllegalArgumentException("postsRead: must be at least 0 (was " + postsRead + ")");
    }
  }

  /**
   * A checkpoint that has not counted posts read ({@link #postsRead()} 0), as checkpoints were
   * before they counted them.
   *
   * @param edition the edition's number, at least 1
   * @param query the search query
   * @param sinceId the since id
   * @param start the start time
   * @param end the end time
   * @param nextToken the next page's token
   * @param newestId the newest id handed on
   */
  public HarvestCheckpoint(
      int edition,
      String query,
      Optional<String> sinceId,
      Optional<Instant> start,
      Instant end,
      Optional<String> nextToken,
      Optional<String> newestId) {
    this(edition, query, sinceId, start, end, nextToken, newestId, 0);
  }

  /**
   * Returns this checkpoint with another count of posts read.
   *
   * @param postsRead posts read so far, at least 0
   * @return the checkpoint with that count
   */
  public HarvestCheckpoint withPostsRead(long postsRead) {
    return new HarvestCheckpoint(
        edition, query, sinceId, start, end, nextToken, newestId, postsRead);
  }

  private static void checkId(String field, String id) {
    if (id.isEmpty() || id.length() > 20 || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException(field + ": must be 1 to 20 decimal digits");
    }
  }
}
