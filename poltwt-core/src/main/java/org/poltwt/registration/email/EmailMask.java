package org.poltwt.registration.email;

/**
 * Masks an email address so its owner can recognise it and nobody else learns it: the first
 * character of the mailbox and of the organisation's own label, then the public suffix, which names
 * no one ({@code john@press.police.gov.uk} becomes {@code j•••@p•••.gov.uk}).
 *
 * <p>What a sign-up page shows when it must say where a message went without disclosing the address
 * to whoever typed a handle.
 */
public final class EmailMask {
  private static final String DOTS = "\u2022\u2022\u2022";

  private EmailMask() {}

  /**
   * Masks an address.
   *
   * @param email the address
   * @return the first character of the mailbox and of the organisation's own label with dots in
   *     place of the rest, then the public suffix; only dots when the address has no mailbox or no
   *     known public suffix
   * @throws NullPointerException if {@code email} is null
   */
  public static String mask(String email) {
    int at = email.lastIndexOf('@');
    if (at < 1 || at == email.length() - 1) {
      return DOTS;
    }
    String domain = email.substring(at + 1);
    int registrable = PublicSuffixRules.bundled().registrableStart(domain);
    int suffix = registrable < 0 ? -1 : domain.indexOf('.', registrable) + 1;
    StringBuilder b =
        new StringBuilder().appendCodePoint(email.codePointAt(0)).append(DOTS).append('@');
    if (suffix <= 0) {
      // Not a domain with a known public suffix: show nothing of it.
      return b.append(DOTS).toString();
    }
    return b.appendCodePoint(domain.codePointAt(registrable))
        .append(DOTS)
        .append('.')
        .append(domain, suffix, domain.length())
        .toString();
  }
}
