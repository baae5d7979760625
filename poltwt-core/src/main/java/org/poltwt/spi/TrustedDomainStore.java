package org.poltwt.spi;

import java.util.List;
import java.util.Optional;

/**
 * Keeps the organisers' decisions about email domains: which are trusted, so that sign-ups from
 * them are accepted without review in every later edition, and which were revoked. One decision per
 * domain, the latest; a revocation is kept (not deleted) so that it also overrides poltwt's bundled
 * list of police domains. The store does not look at subdomains or at the bundled list: {@link
 * org.poltwt.registration.email.TrustedDomains} does. Implementations are thread-safe.
 */
public interface TrustedDomainStore {
  /**
   * Records a decision, replacing the one about its domain.
   *
   * @param decision the decision
   * @throws NullPointerException if {@code decision} is null
   */
  void save(TrustedDomain decision);

  /**
   * Finds the decision about exactly this domain (not its parents).
   *
   * @param domain a lower-case ASCII domain
   * @return the decision, or empty when none was made
   * @throws NullPointerException if {@code domain} is null
   */
  Optional<TrustedDomain> find(String domain);

  /**
   * Lists every decision, trusted and revoked, ordered by domain.
   *
   * @return the decisions
   */
  List<TrustedDomain> list();
}
