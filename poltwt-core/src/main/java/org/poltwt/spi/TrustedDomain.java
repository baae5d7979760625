package org.poltwt.spi;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * An organiser's decision about an email domain: trusted (addresses there, and at its subdomains,
 * are accepted without review) or revoked (no longer trusted, even when poltwt's bundled list of
 * police domains names it). The latest decision about a domain replaces the earlier one.
 *
 * @param domain the domain, lower-case ASCII (punycode for internationalised names), no trailing
 *     dot
 * @param trusted true when trusted, false when revoked
 * @param note why, as the organiser wrote it (the force's name, where the domain was checked); may
 *     be empty, at most {@value #MAX_NOTE} characters
 * @param by who decided: an organiser's name or account, or a process; not blank, at most {@value
 *     #MAX_BY} characters
 * @param at when
 */
public record TrustedDomain(String domain, boolean trusted, String note, String by, Instant at) {
  /** The longest note kept. */
  public static final int MAX_NOTE = 500;

  /** The longest {@code by} kept. */
  public static final int MAX_BY = 200;

  /** The longest domain: a DNS name's limit. */
  public static final int MAX_DOMAIN = 253;

  /**
   * Validates the parts.
   *
   * @param domain the domain
   * @param trusted true when trusted, false when revoked
   * @param note why; may be empty
   * @param by who decided
   * @param at when
   * @throws NullPointerException if a part is null
   * @throws IllegalArgumentException if the domain is not lower-case ASCII letters, digits, {@code
   *     -} and dots with at least two labels, or a text is too long or {@code by} blank
   */
  public TrustedDomain {
    requireNonNull(domain, "domain");
    requireNonNull(note, "note");
    requireNonNull(by, "by");
    requireNonNull(at, "at");
    if (!isDomainShape(domain)) {
      throw new IllegalArgumentException("domain: must be a lower-case ASCII domain name");
    }
    if (note.length() > MAX_NOTE) {
      throw new IllegalArgumentException("note: at most " + MAX_NOTE + " characters");
    }
    if (by.isBlank() || by.length() > MAX_BY) {
      throw new IllegalArgumentException("by: 1 to " + MAX_BY + " characters, not blank");
    }
  }

  /** A cheap shape check; the full parsing (IDN, public suffixes) is the caller's. */
  private static boolean isDomainShape(String d) {
    if (d.isEmpty() || d.length() > MAX_DOMAIN || d.indexOf('.') < 0) {
      return false;
    }
    for (String label : d.split("\\.", -1)) {
      if (label.isEmpty() || label.length() > 63) {
        return false;
      }
      for (int i = 0; i < label.length(); i++) {
        char c = label.charAt(i);
        boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        if (!ok) {
          return false;
        }
      }
    }
    return true;
  }
}
