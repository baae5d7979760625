package org.poltwt.spi;

import static java.util.Objects.requireNonNull;

/**
 * The answer of {@link PublicationLog#claim}: the entry as it now stands, and whether the caller
 * holds it (and so, alone, may send the post).
 *
 * @param publication the entry after the claim
 * @param granted true when this caller now holds the claim; then the entry is {@link
 *     Publication.State#CLAIMED} and its {@link Publication#attempt()} names this claim
 */
public record PublicationClaim(Publication publication, boolean granted) {
  /**
   * Validates the answer.
   *
   * @param publication the entry
   * @param granted whether the caller holds the claim
   */
  public PublicationClaim {
    requireNonNull(publication, "publication");
    if (granted && publication.state() != Publication.State.CLAIMED) {
      throw new IllegalArgumentException("publication: a granted claim must be CLAIMED");
    }
  }
}
