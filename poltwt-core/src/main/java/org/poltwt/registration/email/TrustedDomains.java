package org.poltwt.registration.email;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Trusted email domains: poltwt's bundled, sourced list of police and law-enforcement domains
 * outside the government namespaces ({@code police_domains.tsv} beside this class, with its {@code
 * police_domains.NOTICE.txt}), and the organisers' own decisions (kept in an {@code
 * org.poltwt.spi.TrustedDomainStore}).
 *
 * <p>A trusted domain covers its subdomains: trusting {@code politie.nl} accepts {@code
 * x@mail.politie.nl}, because a force controls every name under its domain. The most specific
 * decision wins: revoking {@code lab.politie.nl} sends that subdomain back to review while {@code
 * politie.nl} stays trusted. A stored decision wins over the bundled list, so revoking a bundled
 * domain sticks.
 *
 * <p>{@link GovernmentEmailPolicy} asks a trust predicate only for an address it would otherwise
 * send to review: trust never overrides a refusal (deny list, lookalike, webmail, public suffix).
 */
public final class TrustedDomains {
  private static final String BUNDLED = "police_domains.tsv";

  private TrustedDomains() {}

  /**
   * One row of the bundled list.
   *
   * @param domain the domain
   * @param country the country, ISO 3166-1 alpha-2 ({@code XK} for Kosovo)
   * @param force the force or agency holding it
   * @param source where the force publishes it
   */
  public record PoliceDomain(String domain, String country, String force, String source) {
    /**
     * Validates the parts.
     *
     * @param domain the domain
     * @param country the country
     * @param force the force
     * @param source the source
     * @throws NullPointerException if a part is null
     */
    public PoliceDomain {
      requireNonNull(domain, "domain");
      requireNonNull(country, "country");
      requireNonNull(force, "force");
      requireNonNull(source, "source");
    }
  }

  /** Why a typed domain cannot be trusted. */
  public enum Problem {
    /** Not a domain name of at least two labels. */
    SYNTAX,
    /** A public webmail or consumer internet provider's domain: anyone can have a mailbox there. */
    WEBMAIL,
    /** A public suffix ({@code co.uk}, {@code com}): no organisation holds it. */
    PUBLIC_SUFFIX
  }

  /**
   * A typed domain, checked.
   *
   * @param domain the normalised domain, or null when there is a problem
   * @param problem the problem, or null when the domain can be trusted
   */
  public record Checked(String domain, Problem problem) {}

  private static final class Bundled {
    static final List<PoliceDomain> ROWS = load();
    static final Map<String, PoliceDomain> BY_DOMAIN = index(ROWS);

    private static List<PoliceDomain> load() {
      List<PoliceDomain> rows = new ArrayList<>();
      try (BufferedReader in =
          new BufferedReader(
              new InputStreamReader(
                  EmailDomainLines.openBundled(BUNDLED), StandardCharsets.UTF_8))) {
        String line;
        int n = 0;
        while ((line = in.readLine()) != null) {
          n++;
          if (line.isBlank() || line.startsWith("#")) {
            continue;
          }
          String[] cells = line.split("\t", -1);
          Checked checked = cells.length == 4 ? check(cells[0]) : null;
          if (checked == null || checked.problem() != null || !checked.domain().equals(cells[0])) {
            throw new IllegalStateException(BUNDLED + " line " + n + ": malformed");
          }
          rows.add(new PoliceDomain(cells[0], cells[1], cells[2], cells[3]));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return List.copyOf(rows);
    }

    private static Map<String, PoliceDomain> index(List<PoliceDomain> rows) {
      Map<String, PoliceDomain> map = new HashMap<>();
      for (PoliceDomain row : rows) {
        map.put(row.domain(), row);
      }
      return Map.copyOf(map);
    }
  }

  /**
   * The bundled list of police and law-enforcement domains, in file order.
   *
   * @return the rows
   */
  public static List<PoliceDomain> bundled() {
    return Bundled.ROWS;
  }

  /**
   * The bundled row of exactly this domain.
   *
   * @param domain a lower-case ASCII domain
   * @return the row, or empty
   */
  public static Optional<PoliceDomain> bundled(String domain) {
    return Optional.ofNullable(Bundled.BY_DOMAIN.get(domain));
  }

  /**
   * Trust in the bundled list alone: what {@link GovernmentEmailPolicy#defaults()} uses.
   *
   * @return a predicate over lower-case ASCII domains, true for a bundled domain or a subdomain
   */
  public static Predicate<String> bundledOnly() {
    return domain -> decide(domain, d -> Optional.empty());
  }

  /**
   * Trust in the bundled list and the organisers' decisions, the decisions winning. The predicate
   * asks {@code decisions} at each call (once per label of the domain, most specific first, until
   * one answers), so a decision applies to the next sign-up. {@code RegistrationService} builds it
   * over an {@code org.poltwt.spi.TrustedDomainStore}; this package itself stays free of I/O.
   *
   * @param decisions the decision about exactly one domain: true trusted, false revoked, empty when
   *     there is none
   * @return a predicate over lower-case ASCII domains
   * @throws NullPointerException if {@code decisions} is null
   */
  public static Predicate<String> withDecisions(Function<String, Optional<Boolean>> decisions) {
    requireNonNull(decisions, "decisions");
    return domain -> decide(domain, decisions);
  }

  private static boolean decide(String domain, Function<String, Optional<Boolean>> stored) {
    if (domain == null) {
      return false;
    }
    String candidate = domain;
    while (candidate.indexOf('.') > 0) {
      Optional<Boolean> decision = stored.apply(candidate);
      if (decision.isPresent()) {
        return decision.get();
      }
      if (Bundled.BY_DOMAIN.containsKey(candidate)) {
        return true;
      }
      candidate = candidate.substring(candidate.indexOf('.') + 1);
    }
    return false;
  }

  /**
   * Checks a domain an organiser typed: normalised like a mail domain (case-folded, one trailing
   * dot removed, internationalised names in punycode), and refused when it is not a domain, a
   * public webmail or ISP mailbox domain, or a public suffix.
   *
   * @param typed the text; may be null
   * @return the normalised domain or the problem
   */
  public static Checked check(String typed) {
    if (typed == null) {
      return new Checked(null, Problem.SYNTAX);
    }
    EmailSyntax.Parsed parsed = EmailSyntax.parseDomain(typed.strip(), 2);
    if (parsed.failed()) {
      return new Checked(null, Problem.SYNTAX);
    }
    String domain = parsed.domain;
    if (GovernmentEmailPolicy.isWebmail(domain)) {
      return new Checked(null, Problem.WEBMAIL);
    }
    if (PublicSuffixRules.bundled().registrableStart(domain) < 0) {
      return new Checked(null, Problem.PUBLIC_SUFFIX);
    }
    return new Checked(domain, null);
  }
}
