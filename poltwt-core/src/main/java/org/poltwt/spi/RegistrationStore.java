package org.poltwt.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.poltwt.registration.DuplicateRegistrationException;
import org.poltwt.registration.Registration;
import org.poltwt.registration.TwitterHandle;

/**
 * Keeps registrations. At most one registration exists per edition and handle (compared
 * case-insensitively), whatever its status, even under concurrent inserts. Implementations are
 * thread-safe.
 */
public interface RegistrationStore {
  /**
   * Adds a new registration.
   *
   * @param registration the registration
   * @throws DuplicateRegistrationException if its handle is already registered for its edition
   * @throws IllegalStateException if a registration with its id already exists
   */
  void insert(Registration registration);

  /**
   * Adds a new registration together with its first verification token, all or nothing: if either
   * cannot be stored, neither is, so a sign-up is never stored without its token. A store that
   * keeps both in one database overrides this to write them in one transaction. This default
   * inserts the registration, then saves the token, and is not all-or-nothing: every store
   * overrides it (the contract test checks).
   *
   * @param registration the registration
   * @param firstToken its first verification token
   * @param tokens where tokens are kept
   * @throws DuplicateRegistrationException if its handle is already registered for its edition
   * @throws IllegalStateException if a registration with its id, or a token with its hash, exists
   */
  default void insert(
      Registration registration, VerificationToken firstToken, VerificationTokenStore tokens) {
    insert(registration);
    tokens.save(firstToken);
  }

  /**
   * Replaces a stored registration (same id) with a changed copy. The edition, the handle (compared
   * case-insensitively, so its display case may change) and {@code createdAt} must not change.
   *
   * @param registration the changed registration
   * @throws java.util.NoSuchElementException if no registration has its id
   * @throws IllegalArgumentException if the edition, handle or {@code createdAt} differs from the
   *     stored one
   * @throws IllegalStateException if the stored registration was erased and the copy is not: an old
   *     copy must never bring erased personal data back
   */
  void update(Registration registration);

  /**
   * Replaces a stored registration with a changed copy only if nobody changed it since {@code
   * expected} was read: its stored status and {@code updatedAt} still equal {@code expected}'s. The
   * same rules as {@link #update(Registration)} apply to the change.
   *
   * @param expected the registration as read
   * @param changed the changed copy (same id)
   * @return true if replaced; false if it changed meanwhile or no longer exists
   * @throws IllegalArgumentException if the ids differ, or the edition, handle or {@code createdAt}
   *     would change
   * @throws IllegalStateException if the stored registration was erased and the copy is not
   */
  boolean update(Registration expected, Registration changed);

  /**
   * Finds a registration by id.
   *
   * @param id the id
   * @return the registration, or empty
   */
  Optional<Registration> find(UUID id);

  /**
   * Finds the registration of a handle for an edition, comparing handles case-insensitively.
   *
   * @param edition the edition's number
   * @param handle the handle
   * @return the registration, or empty
   */
  Optional<Registration> findByHandle(int edition, TwitterHandle handle);

  /**
   * Lists matching registrations in a stable order: by creation time, then id compared as an
   * unsigned 128-bit number (the order of its canonical text and of SQL {@code uuid} columns, not
   * {@link UUID#compareTo}). Paging with {@code offset} and {@code limit} over unchanged data
   * visits every match exactly once.
   *
   * @param query which registrations
   * @param offset how many matches to skip, at least 0
   * @param limit the most to return, at least 1
   * @return the page, possibly empty
   */
  List<Registration> list(RegistrationQuery query, int offset, int limit);

  /**
   * Counts matching registrations.
   *
   * @param query which registrations
   * @return the count
   */
  long count(RegistrationQuery query);

  /**
   * Removes a registration's personal data (email, officer name, address, coordinates) so that no
   * copy remains, keeping what the wrap-up counts need. See {@link Registration#erased(Instant)}.
   *
   * @param id the registration's id
   * @param at when the erasure happens
   * @return the erased registration, or empty if none has that id
   */
  Optional<Registration> erase(UUID id, Instant at);
}
