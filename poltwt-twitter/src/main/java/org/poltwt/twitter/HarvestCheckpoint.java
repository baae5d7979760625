package org.poltwt.twitter;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * A search pass that has not reached its last page: the query and bounds it runs with, and the
 * {@code next_token} of the first page not yet fully consumed (empty for the first page). Recent
 * search returns the newest tweets first, so a pass that stops half-way has stored the newest
 * tweets but not the older ones; resuming from the stored newest id alone would skip them. The next
 * harvest therefore finishes this pass first (the API's pagination tokens do not expire), then asks
 * for what is newer than the newest stored tweet.
 *
 * @param query the search query
 * @param sinceId the {@code since_id} of the pass, when it has one
 * @param start the {@code start_time} of the pass, when it has one
 * @param end the {@code end_time} of the pass
 * @param nextToken the token of the page to fetch next, or empty for the first page
 */
public record HarvestCheckpoint(
    String query,
    Optional<String> sinceId,
    Optional<Instant> start,
    Instant end,
    Optional<String> nextToken) {
  /**
   * Validates the checkpoint.
   *
   * @param query the search query, not blank
   * @param sinceId the since id
   * @param start the start time
   * @param end the end time
   * @param nextToken the next page's token
   */
  public HarvestCheckpoint {
    requireNonNull(query, "query");
    requireNonNull(sinceId, "sinceId");
    requireNonNull(start, "start");
    requireNonNull(end, "end");
    requireNonNull(nextToken, "nextToken");
    if (query.isBlank()) {
      throw new IllegalArgumentException("query: must not be blank");
    }
  }
}
