package org.poltwt.spi;

import java.time.Instant;
import java.util.Optional;

/**
 * Keeps organisers' log-ins where every instance of a site sees them, so a request may land on any
 * instance and a restart logs nobody out. Implementations are thread-safe.
 */
public interface SessionStore {
  /**
   * Stores a new session.
   *
   * @param session the session
   * @throws NullPointerException if {@code session} is null
   * @throws IllegalStateException if a session with the same hash is stored
   */
  void open(OrganiserSession session);

  /**
   * Finds a session that has not expired.
   *
   * @param idHash the hash of the cookie's value
   * @param now the time to judge expiry by
   * @return the session, or empty when there is none or it expired
   * @throws NullPointerException if an argument is null
   */
  Optional<OrganiserSession> find(String idHash, Instant now);

  /**
   * Ends one session; ending one that is not stored does nothing.
   *
   * @param idHash the hash of the cookie's value
   * @throws NullPointerException if {@code idHash} is null
   */
  void close(String idHash);

  /**
   * Ends every session of an account: when it is disabled, its role or its password changes.
   *
   * @param account the account's name
   * @return how many sessions ended
   * @throws NullPointerException if {@code account} is null
   */
  int closeAllOf(String account);

  /**
   * Deletes the sessions that expired before a time.
   *
   * @param now the time
   * @return how many were deleted
   * @throws NullPointerException if {@code now} is null
   */
  int purgeExpired(Instant now);
}
