package org.poltwt.spi;

import java.time.Instant;
import java.util.Optional;

/**
 * Keeps organisers' mass-mail actions between "send" and the confirmation, where every instance of
 * a site sees them. Implementations are thread-safe: of concurrent claims of one held action,
 * exactly one succeeds.
 */
public interface HeldActionStore {
  /**
   * Holds an action.
   *
   * @param action the action, not yet confirmed
   * @return false when an action with its key is held already (nothing is changed)
   * @throws NullPointerException if {@code action} is null
   * @throws IllegalArgumentException if the action is claimed
   */
  boolean hold(HeldAction action);

  /**
   * Finds an action that has not been forgotten.
   *
   * @param key its key
   * @param now the time
   * @return the action, waiting, claimed or with its result; empty when unknown or expired
   * @throws NullPointerException if an argument is null
   */
  Optional<HeldAction> find(String key, Instant now);

  /**
   * Claims a waiting action for its confirmation: only the one caller that gets true may run it.
   *
   * @param key its key
   * @param now the time
   * @return true for the one claim that turned it from waiting to running
   * @throws NullPointerException if an argument is null
   */
  boolean claim(String key, Instant now);

  /**
   * Records how a claimed action went, so that a later confirmation shows it; does nothing for an
   * action that is not claimed or not stored.
   *
   * @param key its key
   * @param result how it went, at most {@value HeldAction#MAX_RESULT} characters
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the result is too long
   */
  void complete(String key, String result);

  /**
   * Deletes the actions forgotten before a time.
   *
   * @param now the time
   * @return how many were deleted
   * @throws NullPointerException if {@code now} is null
   */
  int purgeExpired(Instant now);
}
