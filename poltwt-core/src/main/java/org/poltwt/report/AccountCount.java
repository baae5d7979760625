package org.poltwt.report;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.poltwt.registration.TwitterHandle;

/**
 * The tweets of one account.
 *
 * @param handle the account's handle: its registration's for a registered account, else the one its
 *     tweets gave (the first in case-insensitive order if they gave several); empty when no tweet
 *     gave one
 * @param authorId the account's numeric id
 * @param registered whether the account matched a verified registration
 * @param tweets its tweets, at least 1
 */
public record AccountCount(
    Optional<TwitterHandle> handle, String authorId, boolean registered, long tweets) {

  /**
   * Validates the count.
   *
   * @param handle the account's handle, if known
   * @param authorId the account's numeric id
   * @param registered whether the account matched a verified registration
   * @param tweets its tweets
   * @throws NullPointerException if {@code handle} or {@code authorId} is null
   * @throws IllegalArgumentException if {@code tweets} is below 1
   */
  public AccountCount {
    requireNonNull(handle, "handle");
    requireNonNull(authorId, "authorId");
    if (tweets < 1) {
      throw new IllegalArgumentException("tweets: must be at least 1 (" + tweets + ")");
    }
  }
}
