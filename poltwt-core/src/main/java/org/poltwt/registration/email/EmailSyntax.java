package org.poltwt.registration.email;

import java.net.IDN;
import java.util.Locale;

/**
 * Parses mail addresses and domain names by hand, in one pass and without regular expressions, and
 * says what is wrong in words that never repeat the input (apart from a single offending
 * character).
 *
 * <p>Addresses: exactly one {@code @}; the local part is an RFC 5322 dot-atom of ASCII {@code
 * atext} of at most 64 characters, kept as typed; the domain is a host name. Quoted local parts,
 * comments, address literals, whitespace and control or invisible characters are refused, because a
 * sign-up form has no business accepting them.
 *
 * <p>Domains: one trailing dot is removed; the ideographic full stops U+3002, U+FF0E and U+FF61
 * separate labels (as IDNA says); every non-ASCII label goes through {@link IDN#toASCII(String,
 * int)} with {@link IDN#USE_STD3_ASCII_RULES}, ASCII labels are lower-cased, {@code xn--} labels
 * must decode and round-trip; labels are 1–63 letters, digits and inner hyphens; the top-level
 * domain is not all digits; the whole is at most 253 characters.
 */
final class EmailSyntax {
  static final int MAX_ADDRESS = 254;
  static final int MAX_LOCAL = 64;
  static final int MAX_DOMAIN = 253;
  static final int MAX_LABEL = 63;

  /** Longer input is refused before it is even scanned. */
  static final int MAX_INPUT = 4 * MAX_ADDRESS;

  private EmailSyntax() {}

  /** The outcome of parsing: a reason when the input is refused, the parts otherwise. */
  static final class Parsed {
    /** Why the input was refused, or null when it parsed. */
    final String reason;

    /** The local part as typed, or null. */
    final String local;

    /** The domain in lower-case ASCII, without a trailing dot, or null. */
    final String domain;

    /** Whether the domain has an internationalised ({@code xn--}) label. */
    final boolean idn;

    private Parsed(String reason, String local, String domain, boolean idn) {
      this.reason = reason;
      this.local = local;
      this.domain = domain;
      this.idn = idn;
    }

    boolean failed() {
      return reason != null;
    }

    static Parsed failure(String reason) {
      return new Parsed(reason, null, null, false);
    }

    @Override
    public String toString() {
      // Never the address: this object holds personal data.
      return failed() ? "Parsed[refused: " + reason + "]" : "Parsed[ok]";
    }
  }

  /**
   * Parses a whole address.
   *
   * @param address the address, possibly null or garbage
   * @return the parts, or the reason the address is refused; never null
   */
  static Parsed parseAddress(String address) {
    if (address == null) {
      return Parsed.failure("the address is missing");
    }
    int length = address.length();
    if (length == 0) {
      return Parsed.failure("the address is empty");
    }
    if (length > MAX_INPUT) {
      // cheap guard against huge input; the real limit is checked on the normalised address,
      // which may be shorter (a trailing dot) or longer (punycode) than what was typed
      return Parsed.failure("the address is longer than " + MAX_ADDRESS + " characters");
    }
    boolean quote = false;
    boolean comment = false;
    boolean whitespace = false;
    boolean invisible = false;
    int ats = 0;
    int at = -1;
    for (int i = 0; i < length; ) {
      int cp = address.codePointAt(i);
      if (cp == '"') {
        quote = true;
      } else if (cp == '(' || cp == ')') {
        comment = true;
      } else if (cp == '@') {
        ats++;
        at = i;
      } else if (cp > 0x7E || cp < 0x21) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
          whitespace = true;
        } else if (isControlOrInvisible(cp)) {
          invisible = true;
        }
      }
      i += Character.charCount(cp);
    }
    if (quote) {
      return Parsed.failure("local part must not be quoted");
    }
    if (comment) {
      return Parsed.failure("the address must not contain comments in parentheses");
    }
    if (whitespace) {
      return Parsed.failure("the address must not contain whitespace");
    }
    if (invisible) {
      return Parsed.failure("the address must not contain control or invisible characters");
    }
    if (ats == 0) {
      return Parsed.failure("the address must contain an @ sign");
    }
    if (ats > 1) {
      return Parsed.failure("the address must contain exactly one @ sign");
    }
    String local = address.substring(0, at);
    String rawDomain = address.substring(at + 1);
    if (local.isEmpty()) {
      return Parsed.failure("local part (before the @) is empty");
    }
    if (rawDomain.isEmpty()) {
      return Parsed.failure("domain (after the @) is empty");
    }
    if (rawDomain.charAt(0) == '[') {
      return Parsed.failure("IP-address literals in brackets are not accepted; use a domain name");
    }
    String localProblem = localPartProblem(local);
    if (localProblem != null) {
      return Parsed.failure(localProblem);
    }
    Parsed domain = parseDomain(rawDomain, 2);
    if (domain.failed()) {
      return domain;
    }
    if (local.length() + 1 + domain.domain.length() > MAX_ADDRESS) {
      return Parsed.failure("the address is longer than " + MAX_ADDRESS + " characters");
    }
    return new Parsed(null, local, domain.domain, domain.idn);
  }

  /**
   * Parses a domain name on its own, as written in an allow list or a registry.
   *
   * @param raw the domain; not null
   * @param minLabels how many labels the domain needs at least (2 for a mail domain, 1 for a
   *     namespace such as {@code gov})
   * @return the domain in lower-case ASCII, or the reason it is refused; never null
   */
  static Parsed parseDomain(String raw, int minLabels) {
    if (raw.length() > MAX_INPUT) {
      return Parsed.failure("the domain is longer than " + MAX_DOMAIN + " characters");
    }
    String d = raw;
    boolean ascii = isAscii(d);
    if (!ascii) {
      for (int i = 0; i < d.length(); ) {
        int cp = d.codePointAt(i);
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
          return Parsed.failure("the domain must not contain whitespace");
        }
        if (isControlOrInvisible(cp)) {
          return Parsed.failure("the domain must not contain control or invisible characters");
        }
        i += Character.charCount(cp);
      }
      d = d.replace('\u3002', '.').replace('\uFF0E', '.').replace('\uFF61', '.');
    }
    if (d.endsWith(".")) {
      d = d.substring(0, d.length() - 1);
    }
    if (d.isEmpty()) {
      return Parsed.failure("the domain is empty");
    }
    if (d.charAt(0) == '.') {
      return Parsed.failure("the domain must not start with a dot");
    }
    if (d.endsWith(".")) {
      return Parsed.failure("the domain must not end with two dots");
    }
    if (d.contains("..")) {
      return Parsed.failure("the domain must not contain two dots in a row");
    }
    StringBuilder out = new StringBuilder(d.length() + 8);
    boolean idn = false;
    boolean allNumeric = true;
    boolean lastNumeric = false;
    int labels = 0;
    int start = 0;
    while (start <= d.length()) {
      int end = d.indexOf('.', start);
      if (end < 0) {
        end = d.length();
      }
      String label = d.substring(start, end);
      String asciiLabel;
      if (ascii || isAscii(label)) {
        String problem = asciiLabelProblem(label);
        if (problem != null) {
          return Parsed.failure(problem);
        }
        asciiLabel = label.toLowerCase(Locale.ROOT);
        if (asciiLabel.startsWith("xn--")) {
          if (!isCanonicalAce(asciiLabel)) {
            return Parsed.failure("the domain has an invalid internationalised (xn--) label");
          }
          idn = true;
        }
      } else {
        if (label.charAt(0) == '-' || label.charAt(label.length() - 1) == '-') {
          return Parsed.failure("a domain label must not start or end with a hyphen");
        }
        try {
          asciiLabel = IDN.toASCII(label, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (RuntimeException e) {
          // IllegalArgumentException is the documented failure; any other runtime failure of the
          // JDK's IDNA code on odd input must not escape either: assess never throws.
          return Parsed.failure("the domain is not a valid internationalised domain name");
        }
        if (asciiLabel.isEmpty() || asciiLabelProblem(asciiLabel) != null) {
          return Parsed.failure("the domain is not a valid internationalised domain name");
        }
        if (asciiLabel.startsWith("xn--")) {
          idn = true;
        }
      }
      boolean numeric = isAllDigits(asciiLabel);
      allNumeric &= numeric;
      lastNumeric = numeric;
      if (labels > 0) {
        out.append('.');
      }
      out.append(asciiLabel);
      labels++;
      start = end + 1;
    }
    if (labels < minLabels) {
      return Parsed.failure(
          minLabels == 2
              ? "the domain must have at least two labels (like police.gov)"
              : "the domain must have at least " + minLabels + " labels");
    }
    if (allNumeric && labels > 1) {
      return Parsed.failure("IP addresses are not accepted; use a domain name");
    }
    if (lastNumeric) {
      return Parsed.failure("the top-level domain must not be all digits");
    }
    if (out.length() > MAX_DOMAIN) {
      return Parsed.failure("the domain is longer than " + MAX_DOMAIN + " characters");
    }
    return new Parsed(null, null, out.toString(), idn);
  }

  private static String localPartProblem(String local) {
    if (local.length() > MAX_LOCAL) {
      return "local part is longer than " + MAX_LOCAL + " characters";
    }
    char previous = 0;
    for (int i = 0; i < local.length(); i++) {
      char c = local.charAt(i);
      if (c > 0x7E) {
        return "local part must use ASCII characters only";
      }
      if (c == '.') {
        if (i == 0) {
          return "local part must not start with a dot";
        }
        if (previous == '.') {
          return "local part must not contain two dots in a row";
        }
      } else if (!isAtext(c)) {
        return "local part must not contain '" + c + "'";
      }
      previous = c;
    }
    if (previous == '.') {
      return "local part must not end with a dot";
    }
    return null;
  }

  private static String asciiLabelProblem(String label) {
    if (label.isEmpty()) {
      return "the domain must not contain two dots in a row";
    }
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      if (!isLetterDigitHyphen(c)) {
        return c > 0x20 && c < 0x7F
            ? "the domain must not contain '" + c + "'"
            : "the domain contains a character that is not allowed";
      }
    }
    if (label.charAt(0) == '-' || label.charAt(label.length() - 1) == '-') {
      return "a domain label must not start or end with a hyphen";
    }
    if (label.length() > MAX_LABEL) {
      return "a domain label is longer than " + MAX_LABEL + " characters";
    }
    return null;
  }

  /** Whether an {@code xn--} label decodes, and encodes back to itself. */
  private static boolean isCanonicalAce(String label) {
    try {
      String unicode = IDN.toUnicode(label, IDN.USE_STD3_ASCII_RULES);
      if (unicode.equals(label) || isAscii(unicode)) {
        return false;
      }
      return IDN.toASCII(unicode, IDN.USE_STD3_ASCII_RULES).equals(label);
    } catch (RuntimeException e) { // see parseDomain
      return false;
    }
  }

  static boolean isAtext(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      return true;
    }
    switch (c) {
      case '!':
      case '#':
      case '$':
      case '%':
      case '&':
      case '\'':
      case '*':
      case '+':
      case '-':
      case '/':
      case '=':
      case '?':
      case '^':
      case '_':
      case '`':
      case '{':
      case '|':
      case '}':
      case '~':
        return true;
      default:
        return false;
    }
  }

  private static boolean isLetterDigitHyphen(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
  }

  private static boolean isAllDigits(String label) {
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 0x7F) {
        return false;
      }
    }
    return true;
  }

  /**
   * Control, format (zero-width, bidirectional), private-use, unassigned and unpaired surrogate
   * code points; the marks IDNA silently maps to nothing (soft hyphen, variation selectors,
   * combining grapheme joiner, Mongolian free variation selectors); and letters that render as
   * blank space.
   */
  static boolean isControlOrInvisible(int cp) {
    switch (Character.getType(cp)) {
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.PRIVATE_USE:
      case Character.UNASSIGNED:
      case Character.SURROGATE:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
        return true;
      default:
        return cp == 0x034F
            || (cp >= 0x180B && cp <= 0x180E)
            // blank-looking letters: Hangul fillers, the braille blank, Khmer inherent vowels
            || cp == 0x115F
            || cp == 0x1160
            || cp == 0x3164
            || cp == 0xFFA0
            || cp == 0x2800
            || cp == 0x17B4
            || cp == 0x17B5
            || (cp >= 0xFE00 && cp <= 0xFE0F)
            || (cp >= 0xE0100 && cp <= 0xE01EF);
    }
  }
}
