package org.poltwt.archive;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.poltwt.internal.TweetIds;
import org.poltwt.tweet.Tweet;

/**
 * One post in an archive: the post as it was harvested and what the platform said of it.
 *
 * @param tweet the post as it was harvested
 * @param status what the platform said of it at the capture time
 * @param latestVersionId the id of the post's latest version, present exactly when the status is
 *     {@link PostStatus#EDITED_LATER}
 */
public record ArchivedPost(Tweet tweet, PostStatus status, Optional<String> latestVersionId) {
  /**
   * Validates the post.
   *
   * @param tweet the post
   * @param status its status
   * @param latestVersionId the latest version's id, when edited later
   * @throws IllegalArgumentException if the latest version's id is given for a status other than
   *     {@link PostStatus#EDITED_LATER}, missing for it, or the post's own id
   * @throws org.poltwt.InvalidInputException (code {@link Tweet#INVALID}) if it is not a numeric id
   */
  public ArchivedPost {
    requireNonNull(tweet, "tweet");
    requireNonNull(status, "status");
    requireNonNull(latestVersionId, "latestVersionId");
    if ((status == PostStatus.EDITED_LATER) != latestVersionId.isPresent()) {
      throw new IllegalArgumentException(
          "latestVersionId: must be given exactly when the status is EDITED_LATER");
    }
    if (latestVersionId.isPresent()) {
      TweetIds.require("latestVersionId", latestVersionId.get());
      if (latestVersionId.get().equals(tweet.id())) {
        throw new IllegalArgumentException("latestVersionId: must differ from the post's own id");
      }
    }
  }

  /**
   * A post with a status that needs no latest version.
   *
   * @param tweet the post
   * @param status {@link PostStatus#CURRENT}, {@link PostStatus#NO_LONGER_RETURNED} or {@link
   *     PostStatus#NOT_CHECKED}
   * @return the archived post
   * @throws IllegalArgumentException if the status is {@link PostStatus#EDITED_LATER}
   */
  public static ArchivedPost of(Tweet tweet, PostStatus status) {
    return new ArchivedPost(tweet, status, Optional.empty());
  }

  /**
   * A post edited after it was harvested.
   *
   * @param tweet the post as it was harvested
   * @param latestVersionId the id of its latest version
   * @return the archived post
   * @throws IllegalArgumentException if the id is the post's own
   * @throws org.poltwt.InvalidInputException (code {@link Tweet#INVALID}) if it is not a numeric id
   */
  public static ArchivedPost editedLater(Tweet tweet, String latestVersionId) {
    return new ArchivedPost(
        tweet, PostStatus.EDITED_LATER, Optional.of(requireNonNull(latestVersionId, "id")));
  }
}
