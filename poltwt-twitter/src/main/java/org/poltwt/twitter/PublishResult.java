package org.poltwt.twitter;

import static java.util.Objects.requireNonNull;

import org.poltwt.spi.Publication;

/**
 * What {@link XApiTweetPublisher#publish(String, String)} did.
 *
 * @param publication the log entry, now posted
 * @param outcome how it came to be posted
 */
public record PublishResult(Publication publication, Outcome outcome) {
  /** How a publication came to be posted. */
  public enum Outcome {
    /** This call created the tweet (HTTP 201). */
    POSTED,
    /** The log already said posted: nothing was sent. */
    ALREADY_POSTED,
    /**
     * The API refused the text as a duplicate (HTTP 403): an earlier attempt under this key got
     * through, so it is on X; its id is not known.
     */
    DUPLICATE_REFUSED
  }

  /**
   * Validates the result.
   *
   * @param publication the posted entry
   * @param outcome how it came to be posted
   */
  public PublishResult {
    requireNonNull(publication, "publication");
    requireNonNull(outcome, "outcome");
    if (publication.state() != Publication.State.POSTED) {
      throw new IllegalArgumentException("publication: must be posted");
    }
  }
}
