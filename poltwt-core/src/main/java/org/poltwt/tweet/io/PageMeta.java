package org.poltwt.tweet.io;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What an X API v2 response page says about itself, beside its tweets: whether it has {@code data},
 * its {@code meta} object, and the problems of its {@code errors} array. {@link TweetReader} hands
 * one to the listener set with {@link TweetReader.Builder#onPage} for every page it reads, so that
 * a caller paging through search results reads the tweets and the {@code next_token} in one pass.
 *
 * <p>A page is a JSON object with a {@code data}, {@code includes}, {@code meta} or {@code errors}
 * member, such as {@code GET /2/tweets/search/recent} returns:
 *
 * <pre>{@code
 * {"data":[...],"includes":{"users":[...]},
 *  "meta":{"newest_id":"1346889436626259968","oldest_id":"1346889436626259968",
 *          "result_count":1,"next_token":"b26v89c19zqg8o3fo7gesq314yb9l2l4ptqy"}}
 * }</pre>
 *
 * <p>The values are the page's own, unchanged (an empty {@code next_token} stays empty).
 *
 * <p>X answers in part: a page may hold tweets in {@code data} and, beside them, an {@code errors}
 * item for each thing it could not give (a user not found, a suspended account, a withheld post).
 * The reader returns the page's tweets as usual and lists those items here, in their order; a page
 * with {@code errors} and neither {@code data} nor {@code meta} is a failed request.
 *
 * @param lineNumber the 1-based line of the input where the page starts
 * @param hasData whether the page has a {@code data} member; a search that matched nothing has none
 * @param hasMeta whether the page has a {@code meta} member
 * @param nextToken {@code meta.next_token}, which asks for the next page; absent on the last page
 * @param newestId {@code meta.newest_id}, the id of the page's newest tweet
 * @param oldestId {@code meta.oldest_id}, the id of the page's oldest tweet
 * @param resultCount {@code meta.result_count}, the number of tweets X says the page holds
 * @param errors the items of the page's {@code errors} array, in order: problems X reports beside
 *     the data (a partial answer) or instead of it; empty without {@code errors}
 */
public record PageMeta(
    long lineNumber,
    boolean hasData,
    boolean hasMeta,
    Optional<String> nextToken,
    Optional<String> newestId,
    Optional<String> oldestId,
    OptionalLong resultCount,
    List<ApiProblem> errors) {

  /**
   * Validates the record.
   *
   * @param lineNumber the 1-based line, at least 1
   * @param hasData whether there is {@code data}
   * @param hasMeta whether there is {@code meta}
   * @param nextToken the next page's token, not null
   * @param newestId the newest id, not null
   * @param oldestId the oldest id, not null
   * @param resultCount the result count, not null
   * @param errors the page's problems, not null; copied
   * @throws IllegalArgumentException if {@code lineNumber} is less than 1
   * @throws NullPointerException naming a component that is null, or {@code errors} if it holds
   *     null
   */
  public PageMeta {
    if (lineNumber < 1) {
      throw new IllegalArgumentException("lineNumber: must be at least 1 (" + lineNumber + ")");
    }
    requireNonNull(nextToken, "nextToken");
    requireNonNull(newestId, "newestId");
    requireNonNull(oldestId, "oldestId");
    requireNonNull(resultCount, "resultCount");
    errors = List.copyOf(requireNonNull(errors, "errors"));
  }
}
