package org.poltwt.spi;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An organiser's account on a sign-up site: who may review registrations or run the edition. The
 * password is kept only as a hash (a PHC string such as Argon2id's), an invitation only as the
 * SHA-256 of its one-time token, so a copy of the store gives neither away. The second factor's
 * secret is kept as it is, since checking a code needs it.
 *
 * @param name the account's name, how it logs in and how the audit log names it: 1 to {@value
 *     #MAX_NAME_LENGTH} lower-case letters, digits, {@code .}, {@code _} or {@code -}, starting
 *     with a letter or digit
 * @param email where the account's invitation goes: the organiser's own address, never written to a
 *     log
 * @param role what the account may do
 * @param passwordHash the password's hash, or empty until the invitation is taken up
 * @param totpSecret the base32 secret of the one-time codes, when the second factor is on
 * @param invitationHash the SHA-256 (lower-case hex) of the open invitation's token, if any
 * @param invitationExpires when that invitation stops working; present exactly when it is
 * @param created when the account was made
 * @param disabled whether it is shut: a disabled account cannot log in or take up an invitation
 */
public record OrganiserAccount(
    String name,
    String email,
    Role role,
    Optional<String> passwordHash,
    Optional<String> totpSecret,
    Optional<String> invitationHash,
    Optional<Instant> invitationExpires,
    Instant created,
    boolean disabled) {

  /** What an account may do. */
  public enum Role {
    /** Everything, including the accounts and the audit log. */
    ADMIN,
    /** The review queue only. */
    REVIEWER
  }

  /** The longest name. */
  public static final int MAX_NAME_LENGTH = 64;

  /** The longest email (RFC 5321's path limit). */
  public static final int MAX_EMAIL_LENGTH = 320;

  /** The longest password hash kept. */
  public static final int MAX_HASH_LENGTH = 200;

  /** The longest second-factor secret kept. */
  public static final int MAX_SECRET_LENGTH = 64;

  private static final Pattern NAME =
      Pattern.compile("[a-z0-9][a-z0-9._-]{0," + (MAX_NAME_LENGTH - 1) + "}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");
  private static final Pattern HASH = Pattern.compile("[!-~]{1," + MAX_HASH_LENGTH + "}");
  private static final Pattern SECRET = Pattern.compile("[A-Z2-7]{16," + MAX_SECRET_LENGTH + "}");
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  /**
   * Validates the account.
   *
   * @param name the name
   * @param email the email
   * @param role the role
   * @param passwordHash the password's hash: printable ASCII, at most {@value #MAX_HASH_LENGTH}
   * @param totpSecret the secret: base32 upper case, 16 to {@value #MAX_SECRET_LENGTH} characters
   * @param invitationHash the invitation token's SHA-256, 64 lower-case hex digits
   * @param invitationExpires present exactly when {@code invitationHash} is
   * @param created when made
   * @param disabled whether shut
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a value is not of the form above; the message names the
   *     field, never the value
   */
  public OrganiserAccount {
    requireNonNull(name, "name");
    requireNonNull(email, "email");
    requireNonNull(role, "role");
    requireNonNull(passwordHash, "passwordHash");
    requireNonNull(totpSecret, "totpSecret");
    requireNonNull(invitationHash, "invitationHash");
    requireNonNull(invitationExpires, "invitationExpires");
    requireNonNull(created, "created");
    check(NAME.matcher(name).matches(), "name");
    check(email.length() <= MAX_EMAIL_LENGTH && EMAIL.matcher(email).matches(), "email");
    check(passwordHash.map(h -> HASH.matcher(h).matches()).orElse(true), "passwordHash");
    check(totpSecret.map(s -> SECRET.matcher(s).matches()).orElse(true), "totpSecret");
    check(invitationHash.map(h -> SHA256.matcher(h).matches()).orElse(true), "invitationHash");
    check(invitationHash.isPresent() == invitationExpires.isPresent(), "invitationExpires");
  }

  private static void check(boolean ok, String field) {
    if (!ok) {
      throw new IllegalArgumentException(field + ": not of the accepted form");
    }
  }

  /**
   * A new account waiting for its invitation to be taken up: no password yet, no second factor.
   *
   * @param name the name
   * @param email the organiser's email
   * @param role the role
   * @param invitationHash the SHA-256 of the invitation's token
   * @param expires when the invitation stops working
   * @param created now
   * @return the account
   */
  public static OrganiserAccount invited(
      String name,
      String email,
      Role role,
      String invitationHash,
      Instant expires,
      Instant created) {
    return new OrganiserAccount(
        name,
        email,
        role,
        Optional.empty(),
        Optional.empty(),
        Optional.of(invitationHash),
        Optional.of(expires),
        created,
        false);
  }

  /**
   * This account with a password set, its invitation used up.
   *
   * @param hash the password's hash
   * @return the changed account
   */
  public OrganiserAccount withPassword(String hash) {
    return new OrganiserAccount(
        name,
        email,
        role,
        Optional.of(hash),
        totpSecret,
        Optional.empty(),
        Optional.empty(),
        created,
        disabled);
  }

  /**
   * This account with a new invitation, replacing any open one.
   *
   * @param hash the SHA-256 of the new token
   * @param expires when it stops working
   * @return the changed account
   */
  public OrganiserAccount withInvitation(String hash, Instant expires) {
    return new OrganiserAccount(
        name,
        email,
        role,
        passwordHash,
        totpSecret,
        Optional.of(hash),
        Optional.of(expires),
        created,
        disabled);
  }

  /**
   * This account with its second factor on (a secret) or off (empty).
   *
   * @param secret the secret, or empty
   * @return the changed account
   */
  public OrganiserAccount withTotpSecret(Optional<String> secret) {
    return new OrganiserAccount(
        name,
        email,
        role,
        passwordHash,
        secret,
        invitationHash,
        invitationExpires,
        created,
        disabled);
  }

  /**
   * This account shut or opened again.
   *
   * @param shut true to disable
   * @return the changed account
   */
  public OrganiserAccount withDisabled(boolean shut) {
    return new OrganiserAccount(
        name,
        email,
        role,
        passwordHash,
        totpSecret,
        invitationHash,
        invitationExpires,
        created,
        shut);
  }

  /**
   * Leaves the password hash, second-factor secret and email out, so that a log or an exception
   * quoting an account gives none of them away.
   *
   * @return the name, role and state
   */
  @Override
  public String toString() {
    return "OrganiserAccount[" + name + ", " + role + (disabled ? ", disabled]" : "]");
  }
}
