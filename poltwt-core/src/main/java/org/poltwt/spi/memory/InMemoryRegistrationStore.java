package org.poltwt.spi.memory;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.poltwt.registration.DuplicateRegistrationException;
import org.poltwt.registration.Registration;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.spi.RegistrationQuery;
import org.poltwt.spi.RegistrationStore;
import org.poltwt.spi.VerificationToken;
import org.poltwt.spi.VerificationTokenStore;

/**
 * A {@link RegistrationStore} in two hash maps, one by id and one by edition and lower-cased
 * handle, guarded by a read-write lock. Thread-safe: the duplicate check and the insert happen
 * under one write lock, so of any number of concurrent inserts of one handle for one edition
 * exactly one succeeds.
 *
 * <p>{@link #list(RegistrationQuery, int, int)} and {@link #count(RegistrationQuery)} scan every
 * registration; the store is meant for tests, demos and small embeddings. Ties in creation time are
 * broken by id compared as an unsigned 128-bit number, the order of the id's canonical string form
 * and of SQL {@code uuid} columns (not {@link UUID#compareTo(UUID)}, which compares signed halves),
 * so paging gives the same order here as in a database.
 *
 * <p>Beyond the {@link RegistrationStore} contract, an update cannot bring personal data back into
 * an erased registration: see {@link #update(Registration)}.
 */
public final class InMemoryRegistrationStore implements RegistrationStore {
  /** Creation time, then id as an unsigned number. */
  private static final Comparator<Registration> ORDER =
      Comparator.comparing(Registration::createdAt)
          .thenComparing(Registration::id, InMemoryRegistrationStore::compareUnsigned);

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<UUID, Registration> byId = new HashMap<>();
  private final Map<HandleKey, UUID> byHandle = new HashMap<>();

  /** Creates an empty store. */
  public InMemoryRegistrationStore() {}

  /**
   * Adds a new registration.
   *
   * @param registration the registration
   * @throws NullPointerException if {@code registration} is null
   * @throws IllegalStateException if a registration with its id already exists
   * @throws DuplicateRegistrationException if its handle is already registered for its edition,
   *     whatever the status of that registration
   */
  @Override
  public void insert(Registration registration) {
    requireNonNull(registration, "registration");
    HandleKey key = HandleKey.of(registration.edition(), registration.handle());
    lock.writeLock().lock();
    try {
      checkInsertable(registration, key);
      byId.put(registration.id(), registration);
      byHandle.put(key, registration.id());
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Adds a new registration together with its first verification token, all or nothing: under this
   * store's lock it checks that the registration can be added, saves the token, and only then adds
   * the registration. Whatever the token store, a failed save leaves no registration and a refused
   * registration leaves no token.
   *
   * @param registration the registration
   * @param firstToken its first verification token
   * @param tokens where tokens are kept
   * @throws NullPointerException if an argument is null
   * @throws IllegalStateException if a registration with its id, or a token with its hash, exists
   * @throws DuplicateRegistrationException if its handle is already registered for its edition
   */
  @Override
  public void insert(
      Registration registration, VerificationToken firstToken, VerificationTokenStore tokens) {
    requireNonNull(registration, "registration");
    requireNonNull(firstToken, "firstToken");
    requireNonNull(tokens, "tokens");
    HandleKey key = HandleKey.of(registration.edition(), registration.handle());
    lock.writeLock().lock();
    try {
      checkInsertable(registration, key);
      tokens.save(firstToken);
      byId.put(registration.id(), registration);
      byHandle.put(key, registration.id());
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Throws if the registration's id or handle is taken; the caller holds the write lock. */
  private void checkInsertable(Registration registration, HandleKey key) {
    if (byId.containsKey(registration.id())) {
      throw new IllegalStateException(
          "id: a registration with id " + registration.id() + " already exists");
    }
    if (byHandle.containsKey(key)) {
      throw new DuplicateRegistrationException(registration.edition(), registration.handle());
    }
  }

  /**
   * Replaces a stored registration (same id) with a changed copy. The handle may change its display
   * case only, since handles compare case-insensitively.
   *
   * @param registration the changed registration
   * @throws NullPointerException if {@code registration} is null
   * @throws NoSuchElementException if no registration has its id
   * @throws IllegalArgumentException if the edition or handle differs from the stored one
   * @throws IllegalStateException if the stored registration is erased and the copy is not, which
   *     would bring erased personal data back
   */
  @Override
  public void update(Registration registration) {
    requireNonNull(registration, "registration");
    lock.writeLock().lock();
    try {
      replace(stored(registration), registration);
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public boolean update(Registration expected, Registration changed) {
    requireNonNull(expected, "expected");
    requireNonNull(changed, "changed");
    if (!expected.id().equals(changed.id())) {
      throw new IllegalArgumentException("changed: must have the id of expected");
    }
    lock.writeLock().lock();
    try {
      Registration stored = byId.get(changed.id());
      if (stored == null
          || stored.status() != expected.status()
          || !stored.updatedAt().equals(expected.updatedAt())) {
        return false;
      }
      replace(stored, changed);
      return true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  private Registration stored(Registration registration) {
    Registration stored = byId.get(registration.id());
    if (stored == null) {
      throw new NoSuchElementException("id: no registration has id " + registration.id());
    }
    return stored;
  }

  /** Checks the update rules and replaces; the caller holds the write lock. */
  private void replace(Registration stored, Registration registration) {
    stored.checkReplacement(registration);
    byId.put(registration.id(), registration);
  }

  /**
   * Finds a registration by id.
   *
   * @param id the id
   * @return the registration, or empty
   * @throws NullPointerException if {@code id} is null
   */
  @Override
  public Optional<Registration> find(UUID id) {
    requireNonNull(id, "id");
    lock.readLock().lock();
    try {
      return Optional.ofNullable(byId.get(id));
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Finds the registration of a handle for an edition, comparing handles case-insensitively.
   *
   * @param edition the edition's number
   * @param handle the handle
   * @return the registration, or empty
   * @throws NullPointerException if {@code handle} is null
   */
  @Override
  public Optional<Registration> findByHandle(int edition, TwitterHandle handle) {
    requireNonNull(handle, "handle");
    HandleKey key = HandleKey.of(edition, handle);
    lock.readLock().lock();
    try {
      UUID id = byHandle.get(key);
      return id == null ? Optional.empty() : Optional.of(byId.get(id));
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Lists matching registrations by creation time, then id (as an unsigned number).
   *
   * @param query which registrations
   * @param offset how many matches to skip, at least 0
   * @param limit the most to return, at least 1
   * @return an immutable page, possibly empty
   * @throws NullPointerException if {@code query} is null
   * @throws IllegalArgumentException if {@code offset} is negative or {@code limit} is below 1
   */
  @Override
  public List<Registration> list(RegistrationQuery query, int offset, int limit) {
    requireNonNull(query, "query");
    if (offset < 0) {
      throw new IllegalArgumentException("offset: must be at least 0 (was " + offset + ")");
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit: must be at least 1 (was " + limit + ")");
    }
    lock.readLock().lock();
    try {
      return byId.values().stream()
          .filter(query::matches)
          .sorted(ORDER)
          .skip(offset)
          .limit(limit)
          .toList();
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Counts matching registrations.
   *
   * @param query which registrations
   * @return the count
   * @throws NullPointerException if {@code query} is null
   */
  @Override
  public long count(RegistrationQuery query) {
    requireNonNull(query, "query");
    lock.readLock().lock();
    try {
      return byId.values().stream().filter(query::matches).count();
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Replaces a registration with its {@linkplain Registration#erased(Instant) erased} copy, so the
   * store keeps no reference to its personal data.
   *
   * @param id the registration's id
   * @param at when the erasure happens
   * @return the erased registration, or empty if none has that id
   * @throws NullPointerException if an argument is null
   */
  @Override
  public Optional<Registration> erase(UUID id, Instant at) {
    requireNonNull(id, "id");
    requireNonNull(at, "at");
    lock.writeLock().lock();
    try {
      Registration stored = byId.get(id);
      if (stored == null) {
        return Optional.empty();
      }
      Registration erased = stored.erased(at);
      byId.put(id, erased);
      return Optional.of(erased);
    } finally {
      lock.writeLock().unlock();
    }
  }

  private static int compareUnsigned(UUID a, UUID b) {
    int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
    return high != 0
        ? high
        : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
  }

  /** The uniqueness key: edition and lower-cased handle. */
  private record HandleKey(int edition, String handle) {
    static HandleKey of(int edition, TwitterHandle handle) {
      return new HandleKey(edition, handle.normalized());
    }
  }
}
