package org.poltwt.archive;

/** What the platform said of an archived post at the capture time. */
public enum PostStatus {
  /** The platform returns the post, and this version is its latest. */
  CURRENT,
  /** The platform returns the post, but it was edited: a later version is its latest. */
  EDITED_LATER,
  /** The platform no longer returns the post (deleted, made private, or its author suspended). */
  NO_LONGER_RETURNED,
  /** The platform was not asked: the archive says nothing of edits or deletions. */
  NOT_CHECKED;

  /**
   * The status as the archive's JSON Lines spell it.
   *
   * @return for example {@code edited_later}
   */
  public String jsonName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
