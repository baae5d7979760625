package org.poltwt.registration.email;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.poltwt.InvalidInputException;

/**
 * The rules of the Public Suffix List (https://publicsuffix.org), parsed into hash sets: exact
 * rules, wildcard rules ({@code *.ck}, kept as their parent {@code ck}) and exception rules ({@code
 * !www.ck}). Rules are stored in lower-case ASCII (IDN rules converted to punycode).
 *
 * <p>Only the ICANN section is kept. The PRIVATE section lists namespaces that companies run for
 * their customers ({@code github.io}, {@code blogspot.com}, and also {@code gv.vc}); honouring it
 * would move the registrable-domain boundary below those companies' domains, so that {@code
 * police.gov.github.io} would look like the domain {@code gov.github.io} rather than a subdomain of
 * {@code github.io}. For deciding who controls a domain, the ICANN boundary is the right one. A
 * list without section markers is taken as all ICANN.
 *
 * <p>Immutable; safe to share between threads. The bundled list is parsed once, on first use.
 */
final class PublicSuffixRules {
  static final String BUNDLED = "public_suffix_list.dat";

  private final Set<String> exact;
  private final Set<String> wildcardParents;
  private final Set<String> exceptions;

  private PublicSuffixRules(
      Set<String> exact, Set<String> wildcardParents, Set<String> exceptions) {
    this.exact = exact;
    this.wildcardParents = wildcardParents;
    this.exceptions = exceptions;
  }

  private static final class Bundled {
    static final PublicSuffixRules RULES = load();

    private static PublicSuffixRules load() {
      try (InputStream in = EmailDomainLines.openBundled(BUNDLED);
          Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        return parse(reader, "publicSuffixList");
      } catch (IOException | UncheckedIOException e) {
        throw new IllegalStateException("cannot read the bundled " + BUNDLED, e);
      }
    }
  }

  /**
   * Returns the list bundled with poltwt, parsing it on first use.
   *
   * @return the bundled rules
   */
  static PublicSuffixRules bundled() {
    return Bundled.RULES;
  }

  /**
   * Parses a list in the format of {@code public_suffix_list.dat}. Does not close the reader.
   *
   * @param reader the list
   * @param field the field named in failures
   * @return the rules
   * @throws InvalidInputException with code {@code email-policy.invalid} for a malformed rule or a
   *     list without rules
   * @throws UncheckedIOException if the reader fails
   */
  static PublicSuffixRules parse(Reader reader, String field) {
    requireNonNull(reader, field);
    Set<String> icannExact = new HashSet<>();
    Set<String> icannWildcards = new HashSet<>();
    Set<String> icannExceptions = new HashSet<>();
    Set<String> unmarkedExact = new HashSet<>();
    Set<String> unmarkedWildcards = new HashSet<>();
    Set<String> unmarkedExceptions = new HashSet<>();
    boolean sawIcannMarker = false;
    // 0: outside any section, 1: ICANN, 2: PRIVATE
    int section = 0;
    BufferedReader lines =
        reader instanceof BufferedReader ? (BufferedReader) reader : new BufferedReader(reader);
    int number = 0;
    try {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        number++;
        String text = line.strip();
        if (number == 1 && text.startsWith("\uFEFF")) {
          text = text.substring(1).strip();
        }
        if (text.isEmpty()) {
          continue;
        }
        if (text.startsWith("//")) {
          if (text.contains("===BEGIN ICANN DOMAINS===")) {
            section = 1;
            sawIcannMarker = true;
          } else if (text.contains("===BEGIN PRIVATE DOMAINS===")) {
            section = 2;
          } else if (text.contains("===END ICANN DOMAINS===")
              || text.contains("===END PRIVATE DOMAINS===")) {
            section = 0;
          }
          continue;
        }
        if (section == 2) {
          continue;
        }
        int space = indexOfWhitespace(text);
        String rule = space < 0 ? text : text.substring(0, space);
        boolean exception = rule.startsWith("!");
        boolean wildcard = rule.startsWith("*.");
        String body = exception ? rule.substring(1) : wildcard ? rule.substring(2) : rule;
        String ascii = toAsciiRule(body);
        if (ascii == null) {
          throw new InvalidInputException(
              "email-policy.invalid", field, "line " + number + ": not a valid rule");
        }
        if (exception && ascii.indexOf('.') < 0) {
          throw new InvalidInputException(
              "email-policy.invalid",
              field,
              "line " + number + ": an exception rule needs two labels");
        }
        Set<String> target =
            section == 1
                ? (exception ? icannExceptions : wildcard ? icannWildcards : icannExact)
                : (exception ? unmarkedExceptions : wildcard ? unmarkedWildcards : unmarkedExact);
        target.add(ascii);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + field, e);
    }
    if (!sawIcannMarker) {
      icannExact = unmarkedExact;
      icannWildcards = unmarkedWildcards;
      icannExceptions = unmarkedExceptions;
    }
    if (icannExact.isEmpty() && icannWildcards.isEmpty()) {
      throw new InvalidInputException(
          "email-policy.invalid", field, "the list contains no ICANN rules");
    }
    return new PublicSuffixRules(
        Set.copyOf(icannExact), Set.copyOf(icannWildcards), Set.copyOf(icannExceptions));
  }

  private static int indexOfWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /** Converts a rule (without its ! or *. prefix) to lower-case ASCII, or returns null. */
  private static String toAsciiRule(String body) {
    if (body.isEmpty()
        || body.startsWith(".")
        || body.endsWith(".")
        || body.contains("..")
        || body.indexOf('*') >= 0
        || body.indexOf('!') >= 0) {
      return null;
    }
    String ascii;
    if (EmailSyntax.isAscii(body)) {
      ascii = body.toLowerCase(Locale.ROOT);
    } else {
      try {
        ascii = IDN.toASCII(body, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    for (int i = 0; i < ascii.length(); i++) {
      char c = ascii.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_')) {
        return null;
      }
    }
    return ascii;
  }

  /**
   * Finds where the public suffix of a domain begins, by the PSL algorithm: an exception rule
   * prevails; otherwise the matching rule with the most labels; otherwise the implicit rule {@code
   * *} (the last label).
   *
   * @param domain a lower-case ASCII domain without a trailing dot
   * @return the index in {@code domain} of the first character of its public suffix; 0 when the
   *     whole domain is a public suffix
   */
  int publicSuffixStart(String domain) {
    int normal = -1;
    int lastLabel = 0;
    int start = 0;
    while (true) {
      int dot = domain.indexOf('.', start);
      String suffix = start == 0 ? domain : domain.substring(start);
      if (!exceptions.isEmpty() && dot >= 0 && exceptions.contains(suffix)) {
        return dot + 1;
      }
      if (normal < 0) {
        if (exact.contains(suffix)) {
          normal = start;
        } else if (dot >= 0 && wildcardParents.contains(domain.substring(dot + 1))) {
          normal = start;
        }
      }
      if (dot < 0) {
        lastLabel = start;
        break;
      }
      start = dot + 1;
    }
    return normal >= 0 ? normal : lastLabel;
  }

  /**
   * Finds where the registrable part of a domain (its public suffix and one more label) begins.
   *
   * @param domain a lower-case ASCII domain without a trailing dot
   * @return the index of the registrable part, or -1 when the domain is itself a public suffix
   */
  int registrableStart(String domain) {
    int suffix = publicSuffixStart(domain);
    if (suffix == 0) {
      return -1;
    }
    return domain.lastIndexOf('.', suffix - 2) + 1;
  }

  /**
   * Whether the list has this exact (non-wildcard) rule.
   *
   * @param suffix a lower-case ASCII suffix
   * @return true for an explicit rule
   */
  boolean isExplicitRule(String suffix) {
    return exact.contains(suffix);
  }

  /**
   * Whether the list knows this top-level domain, by an exact or a wildcard rule.
   *
   * @param tld a lower-case ASCII label
   * @return true if the TLD appears in the list
   */
  boolean isKnownTopLevelDomain(String tld) {
    return exact.contains(tld) || wildcardParents.contains(tld);
  }

  /**
   * Returns the exact rules, for deriving the pattern namespaces.
   *
   * @return the exact rules; unmodifiable
   */
  Set<String> explicitRules() {
    return exact;
  }
}
