package org.poltwt.registration.email;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The government namespaces a policy accepts, resolved against one Public Suffix List: the exact
 * namespaces of {@code government_namespaces.txt}, the patterns there ({@code gov.<cc>}, ...)
 * expanded to every explicit ICANN rule that fits them, and any namespaces a caller added.
 *
 * <p>Also answers the lookalike question: does a government namespace appear as whole labels in the
 * part of a domain its registrant controls?
 */
final class EmailNamespaces {
  static final String BUNDLED = "government_namespaces.txt";

  /**
   * Single labels that announce a government when they stand as a whole label: {@code
   * police.gov.example.com}, {@code mil.example.org}. ({@code go} and {@code int} are left out:
   * {@code go.example.com} and {@code int.example.com} are everyday host names.)
   */
  private static final Set<String> GOVERNMENT_LABELS =
      Set.of("gov", "govt", "gouv", "gob", "gub", "mil");

  /** The bundled file, parsed once: exact names, pattern labels, exceptions. */
  private static final class Bundled {
    static final List<String> EXACT = new ArrayList<>();
    static final List<String> PATTERN_LABELS = new ArrayList<>();
    static final Set<String> EXCEPTIONS = new HashSet<>();

    static {
      EmailDomainLines.readBundled(
          BUNDLED,
          (line, entry) -> {
            if (entry.startsWith("!")) {
              EXCEPTIONS.add(entry.substring(1));
            } else if (entry.endsWith(".<cc>")) {
              PATTERN_LABELS.add(entry.substring(0, entry.length() - ".<cc>".length()));
            } else {
              EXACT.add(entry);
            }
          });
    }
  }

  private final Set<String> namespaces;
  private final int maxLabels;

  private EmailNamespaces(Set<String> namespaces) {
    this.namespaces = namespaces;
    int max = 1;
    for (String n : namespaces) {
      max = Math.max(max, labelCount(n));
    }
    this.maxLabels = max;
  }

  /**
   * Resolves the built-in namespaces, plus extra ones, against a suffix list.
   *
   * @param psl the suffix list that decides which patterns exist
   * @param extra namespaces a caller added; lower-case ASCII
   * @return the namespaces
   */
  static EmailNamespaces resolve(PublicSuffixRules psl, Collection<String> extra) {
    Set<String> all = new LinkedHashSet<>(Bundled.EXACT);
    for (String rule : psl.explicitRules()) {
      int dot = rule.indexOf('.');
      if (dot > 0
          && rule.length() - dot - 1 == 2
          && isLetter(rule.charAt(dot + 1))
          && isLetter(rule.charAt(dot + 2))
          && Bundled.PATTERN_LABELS.contains(rule.substring(0, dot))
          && !Bundled.EXCEPTIONS.contains(rule)) {
        all.add(rule);
      }
    }
    all.addAll(extra);
    return new EmailNamespaces(Set.copyOf(all));
  }

  private static boolean isLetter(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static int labelCount(String domain) {
    int n = 1;
    for (int i = 0; i < domain.length(); i++) {
      if (domain.charAt(i) == '.') {
        n++;
      }
    }
    return n;
  }

  /**
   * Returns the longest namespace the domain is, or lies under.
   *
   * @param domain a lower-case ASCII domain
   * @return the namespace, or null
   */
  String match(String domain) {
    String d = domain;
    while (true) {
      if (namespaces.contains(d)) {
        return d;
      }
      int dot = d.indexOf('.');
      if (dot < 0) {
        return null;
      }
      d = d.substring(dot + 1);
    }
  }

  /**
   * Whether a government namespace appears as whole labels left of the public suffix: a single
   * government label ({@code gov}, {@code mil}, ...) anywhere in the subdomain part (left of the
   * registrable label), or a namespace of two or more labels ({@code gov.uk}, {@code police.uk},
   * {@code gc.ca}) anywhere up to and including the registrable label. Call only for a domain that
   * is not under a namespace.
   *
   * @param domain a lower-case ASCII domain
   * @param registrableStart where the registrable part begins (its first label is the registrable
   *     label)
   * @return true for a lookalike
   */
  boolean appearsBelowSuffix(String domain, int registrableStart) {
    if (registrableStart <= 0) {
      return false;
    }
    int registrableLabelEnd = domain.indexOf('.', registrableStart);
    int start = 0;
    while (start <= registrableStart) {
      int end = domain.indexOf('.', start);
      if (start < registrableStart && GOVERNMENT_LABELS.contains(domain.substring(start, end))) {
        return true;
      }
      // runs of 2..maxLabels labels from here, ending at or before the registrable label
      int runEnd = end;
      for (int n = 2; n <= maxLabels; n++) {
        runEnd = domain.indexOf('.', runEnd + 1);
        if (runEnd < 0 || runEnd > registrableLabelEnd) {
          break;
        }
        if (namespaces.contains(domain.substring(start, runEnd))) {
          return true;
        }
      }
      start = end + 1;
    }
    return false;
  }

  /**
   * Whether the label is one of the single labels that announce a government ({@code gov}, ...).
   *
   * @param label a lower-case ASCII label
   * @return true for a government label
   */
  static boolean isGovernmentLabel(String label) {
    return GOVERNMENT_LABELS.contains(label);
  }

  int size() {
    return namespaces.size();
  }
}
