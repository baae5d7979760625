package org.poltwt.report;

import static java.util.Objects.requireNonNull;

/**
 * How many tweets carry one hashtag beside the edition's own.
 *
 * <p>Hashtags compare as {@link org.poltwt.tweet.Hashtags#carries(String, String)} compares them
 * (NFC, then simple case folding), so {@code #TimeToUnify} and {@code #timetounify} are one tag.
 *
 * @param tag the hashtag without its {@code #}, in its most frequent spelling (ties broken by
 *     {@link String#compareTo(String)})
 * @param tweets tweets carrying it, each counted once however often it carries it
 */
public record TagCount(String tag, long tweets) {

  /**
   * Validates the count.
   *
   * @param tag the hashtag, not empty
   * @param tweets tweets carrying it, at least 1
   * @throws NullPointerException if {@code tag} is null
   * @throws IllegalArgumentException if {@code tag} is empty or {@code tweets} below 1
   */
  public TagCount {
    requireNonNull(tag, "tag");
    if (tag.isEmpty()) {
      throw new IllegalArgumentException("tag: must not be empty");
    }
    if (tweets < 1) {
      throw new IllegalArgumentException("tweets: must be at least 1 (" + tweets + ")");
    }
  }
}
