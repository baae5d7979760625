package org.poltwt.spi;

import java.util.List;
import java.util.Optional;

/**
 * Where a sign-up site keeps its organisers' accounts, by name. Accounts are never deleted, only
 * disabled, so that the audit log's names keep meaning someone. Implementations are thread-safe.
 */
public interface OrganiserAccountStore {
  /**
   * Adds an account unless its name is taken.
   *
   * @param account the account
   * @return true if added, false if an account of that name exists (it is left as it is)
   * @throws NullPointerException if {@code account} is null
   */
  boolean insert(OrganiserAccount account);

  /**
   * Replaces the stored account of the same name.
   *
   * @param account the account as it now is
   * @throws NullPointerException if {@code account} is null
   * @throws IllegalStateException if no account has that name
   */
  void update(OrganiserAccount account);

  /**
   * Finds an account by name.
   *
   * @param name the name
   * @return the account, or empty
   * @throws NullPointerException if {@code name} is null
   */
  Optional<OrganiserAccount> find(String name);

  /**
   * Finds the account whose open invitation has a token of this hash, expired or not.
   *
   * @param invitationHash the SHA-256 of the token, lower-case hex
   * @return the account, or empty
   * @throws NullPointerException if {@code invitationHash} is null
   */
  Optional<OrganiserAccount> findByInvitation(String invitationHash);

  /**
   * Lists every account, by name.
   *
   * @return the accounts
   */
  List<OrganiserAccount> all();
}
