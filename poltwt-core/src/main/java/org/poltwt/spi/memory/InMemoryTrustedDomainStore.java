package org.poltwt.spi.memory;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.poltwt.spi.TrustedDomain;
import org.poltwt.spi.TrustedDomainStore;

/**
 * A {@link TrustedDomainStore} in a sorted map: decisions last as long as the process. Thread-safe.
 */
public final class InMemoryTrustedDomainStore implements TrustedDomainStore {
  private final ConcurrentSkipListMap<String, TrustedDomain> decisions =
      new ConcurrentSkipListMap<>();

  /** Creates an empty store. */
  public InMemoryTrustedDomainStore() {}

  @Override
  public void save(TrustedDomain decision) {
    requireNonNull(decision, "decision");
    decisions.put(decision.domain(), decision);
  }

  @Override
  public Optional<TrustedDomain> find(String domain) {
    return Optional.ofNullable(decisions.get(requireNonNull(domain, "domain")));
  }

  @Override
  public List<TrustedDomain> list() {
    return List.copyOf(decisions.values());
  }

  /**
   * Describes the store.
   *
   * @return the number of decisions
   */
  @Override
  public String toString() {
    return "InMemoryTrustedDomainStore[" + decisions.size() + " decisions]";
  }
}
