package org.poltwt.spi.memory;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.poltwt.PoltwtException;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.spi.AccountDirectory;
import org.poltwt.spi.AccountLookup;
import org.poltwt.spi.TwitterAccount;

/**
 * An {@link AccountDirectory} that knows the accounts it is given, for tests and demos. Handles
 * compare case-insensitively. It counts the lookups made, so tests can check caching, and can be
 * told to fail the next few lookups. Thread-safe.
 *
 * <pre>{@code
 * InMemoryAccountDirectory directory = new InMemoryAccountDirectory()
 *     .add(new TwitterAccount("17", TwitterHandle.of("PolTwt"), "PolTwt", false, true));
 * directory.suspend(TwitterHandle.of("gone_rogue"));
 * }</pre>
 */
public final class InMemoryAccountDirectory implements AccountDirectory {
  /**
   * The {@link PoltwtException#code()} of a simulated failure, as the {@link AccountDirectory}
   * contract names it.
   */
  public static final String FAILURE_CODE = "directory.unavailable";

  private final boolean acceptsEveryHandle;
  private final Map<TwitterHandle, TwitterAccount> accounts = new ConcurrentHashMap<>();
  private final Set<TwitterHandle> suspended = ConcurrentHashMap.newKeySet();
  private final AtomicLong lookups = new AtomicLong();
  private final AtomicInteger failuresLeft = new AtomicInteger();

  /**
   * Creates a directory that knows no account: every handle is {@link
   * AccountLookup.Status#NOT_FOUND}.
   */
  public InMemoryAccountDirectory() {
    this(false);
  }

  private InMemoryAccountDirectory(boolean acceptsEveryHandle) {
    this.acceptsEveryHandle = acceptsEveryHandle;
  }

  /**
   * Creates a directory, for demos, in which every handle it was not told about is an active,
   * public, unverified account. Its id is derived from the lower-cased handle, so the same handle
   * in any case always gets the same id; its name is the handle as asked. Accounts {@linkplain
   * #add(TwitterAccount) added} and handles {@linkplain #suspend(TwitterHandle) suspended} still
   * answer as told.
   *
   * @return a new directory
   */
  public static InMemoryAccountDirectory acceptingEveryHandle() {
    return new InMemoryAccountDirectory(true);
  }

  /**
   * Adds an account, or replaces the one with the same handle (in any case).
   *
   * @param account the account
   * @return this directory
   * @throws NullPointerException if {@code account} is null
   */
  public InMemoryAccountDirectory add(TwitterAccount account) {
    requireNonNull(account, "account");
    accounts.put(account.handle(), account);
    return this;
  }

  /**
   * Marks a handle's account suspended: lookups answer {@link AccountLookup.Status#SUSPENDED},
   * whether or not the account was added.
   *
   * @param handle the handle
   * @return this directory
   * @throws NullPointerException if {@code handle} is null
   */
  public InMemoryAccountDirectory suspend(TwitterHandle handle) {
    requireNonNull(handle, "handle");
    suspended.add(handle);
    return this;
  }

  /**
   * Makes the next {@code n} lookups fail with a {@link PoltwtException} of code {@value
   * #FAILURE_CODE}, replacing any failures still pending; {@code failNext(0)} cancels them. Failed
   * lookups count in {@link #lookups()}.
   *
   * @param n how many lookups should fail, at least 0
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public void failNext(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n: must be at least 0 (was " + n + ")");
    }
    failuresLeft.set(n);
  }

  /**
   * Returns how many handles have been looked up so far, one per handle (a {@link
   * #lookupAll(java.util.Collection)} of three distinct handles counts three).
   *
   * @return the number of lookups
   */
  public long lookups() {
    return lookups.get();
  }

  /**
   * Looks up one handle: suspended handles answer {@link AccountLookup.Status#SUSPENDED}, added
   * accounts {@link AccountLookup.Status#FOUND}, any other handle {@link
   * AccountLookup.Status#NOT_FOUND} (or, for a directory {@linkplain #acceptingEveryHandle()
   * accepting every handle}, {@code FOUND}).
   *
   * @param handle the handle
   * @return the answer
   * @throws NullPointerException if {@code handle} is null
   * @throws PoltwtException (code {@value #FAILURE_CODE}) if a simulated failure was pending
   */
  @Override
  public AccountLookup lookup(TwitterHandle handle) {
    requireNonNull(handle, "handle");
    lookups.incrementAndGet();
    if (failuresLeft.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
      throw new PoltwtException(
          FAILURE_CODE, "the account directory could not be asked (simulated failure)");
    }
    if (suspended.contains(handle)) {
      return AccountLookup.suspended(handle);
    }
    TwitterAccount account = accounts.get(handle);
    if (account != null) {
      return AccountLookup.found(account);
    }
    if (acceptsEveryHandle) {
      return AccountLookup.found(
          new TwitterAccount(idFor(handle), handle, handle.value(), false, false));
    }
    return AccountLookup.notFound(handle);
  }

  /**
   * A stable numeric id: the 64-bit FNV-1a hash of the lower-cased handle, unsigned, in decimal.
   */
  private static String idFor(TwitterHandle handle) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : handle.normalized().getBytes(UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return Long.toUnsignedString(hash);
  }
}
