package org.poltwt.spi;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * One line of an {@link AuditLog}: who did what to which thing, when and from where. It names the
 * organiser's account and the thing acted on by an identifier (a registration's id, an edition's
 * number, a domain), never a registrant's personal data: an audit log is kept longer than the data
 * it speaks of, and erasing a registration must not leave its email behind in the log. The checks
 * below refuse what would most likely be such data (an {@code @}, a space), not everything that
 * could be.
 *
 * @param at when it happened
 * @param actor who did it: an organiser account's name, or a fixed word for those who have none
 *     (such as {@code registrant} or {@code system}); 1 to {@value #MAX_ACTOR_LENGTH} letters,
 *     digits, {@code .}, {@code _} or {@code -}
 * @param action what was done, such as {@code registration.approve}: 1 to {@value
 *     #MAX_ACTION_LENGTH} lower-case letters, digits, {@code .} or {@code _}, starting with a
 *     letter
 * @param target what it was done to, or empty: 0 to {@value #MAX_TARGET_LENGTH} printable ASCII
 *     characters other than a space or {@code @}
 * @param address the address the request came from, or empty when there was none: 0 to {@value
 *     #MAX_ADDRESS_LENGTH} hex digits, {@code .}, {@code :} or {@code %} and an interface name of
 *     letters and digits (IPv4 and IPv6 literals)
 */
public record AuditEntry(Instant at, String actor, String action, String target, String address) {
  /** The longest actor kept. */
  public static final int MAX_ACTOR_LENGTH = 64;

  /** The longest action kept. */
  public static final int MAX_ACTION_LENGTH = 64;

  /** The longest target kept. */
  public static final int MAX_TARGET_LENGTH = 200;

  /** The longest address kept. */
  public static final int MAX_ADDRESS_LENGTH = 64;

  private static final Pattern ACTOR =
      Pattern.compile("[A-Za-z0-9._-]{1," + MAX_ACTOR_LENGTH + "}");
  private static final Pattern ACTION =
      Pattern.compile("[a-z][a-z0-9._]{0," + (MAX_ACTION_LENGTH - 1) + "}");
  private static final Pattern TARGET = Pattern.compile("[!-?A-~]{0," + MAX_TARGET_LENGTH + "}");
  private static final Pattern ADDRESS =
      Pattern.compile("[0-9A-Za-z.:%]{0," + MAX_ADDRESS_LENGTH + "}");

  /**
   * Validates the entry.
   *
   * @param at when it happened
   * @param actor who did it
   * @param action what was done
   * @param target what it was done to, or empty
   * @param address where the request came from, or empty
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a text is not of the form above; the message names the
   *     field, never the value
   */
  public AuditEntry {
    requireNonNull(at, "at");
    requireNonNull(actor, "actor");
    requireNonNull(action, "action");
    requireNonNull(target, "target");
    requireNonNull(address, "address");
    check(ACTOR, actor, "actor");
    check(ACTION, action, "action");
    check(TARGET, target, "target");
    check(ADDRESS, address, "address");
  }

  private static void check(Pattern p, String value, String field) {
    if (!p.matcher(value).matches()) {
      // The value is left out on purpose: a refused target may be the very email kept out.
      throw new IllegalArgumentException(field + ": not of the accepted form");
    }
  }
}
