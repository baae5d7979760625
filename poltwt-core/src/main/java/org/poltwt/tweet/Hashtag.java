package org.poltwt.tweet;

import static java.util.Objects.requireNonNull;

/**
 * One hashtag entity of a text, as Twitter extracts it.
 *
 * @param tag the hashtag without its {@code #} (or full-width {@code ＃}), as written
 * @param start the code-point index of the hash sign
 * @param end the code-point index just after the tag's last character
 */
public record Hashtag(String tag, int start, int end) {
  /**
   * Validates the entity.
   *
   * @param tag the hashtag without its hash sign, not empty
   * @param start the code-point index of the hash sign, at least 0
   * @param end the code-point index after the tag, greater than {@code start}
   */
  public Hashtag {
    requireNonNull(tag, "tag");
    if (tag.isEmpty()) {
      throw new IllegalArgumentException("tag: must not be empty");
    }
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException(
          "indices: must satisfy 0 <= start < end (" + start + ", " + end + ")");
    }
  }
}
