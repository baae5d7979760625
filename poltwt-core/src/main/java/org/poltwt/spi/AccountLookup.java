package org.poltwt.spi;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.poltwt.registration.TwitterHandle;

/**
 * The directory's answer about one handle.
 *
 * @param handle the handle asked about
 * @param status whether the account exists and may take part
 * @param account the account, present exactly when {@code status} is {@link Status#FOUND}
 */
public record AccountLookup(TwitterHandle handle, Status status, Optional<TwitterAccount> account) {

  /** Whether an account exists. */
  public enum Status {
    /** The account exists and is active. */
    FOUND,
    /** No account has this handle. */
    NOT_FOUND,
    /** The account exists but is suspended. */
    SUSPENDED
  }

  /**
   * Validates the answer.
   *
   * @param handle the handle asked about
   * @param status the answer
   * @param account the account when found
   */
  public AccountLookup {
    requireNonNull(handle, "handle");
    requireNonNull(status, "status");
    requireNonNull(account, "account");
    if ((status == Status.FOUND) != account.isPresent()) {
      throw new IllegalArgumentException(
          "account: must be present exactly when the status is FOUND");
    }
  }

  /**
   * An account that exists.
   *
   * @param account the account
   * @return the answer
   */
  public static AccountLookup found(TwitterAccount account) {
    return new AccountLookup(account.handle(), Status.FOUND, Optional.of(account));
  }

  /**
   * No such account.
   *
   * @param handle the handle asked about
   * @return the answer
   */
  public static AccountLookup notFound(TwitterHandle handle) {
    return new AccountLookup(handle, Status.NOT_FOUND, Optional.empty());
  }

  /**
   * A suspended account.
   *
   * @param handle the handle asked about
   * @return the answer
   */
  public static AccountLookup suspended(TwitterHandle handle) {
    return new AccountLookup(handle, Status.SUSPENDED, Optional.empty());
  }
}
