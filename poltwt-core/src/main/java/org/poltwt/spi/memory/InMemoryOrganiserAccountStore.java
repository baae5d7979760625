package org.poltwt.spi.memory;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.poltwt.spi.OrganiserAccount;
import org.poltwt.spi.OrganiserAccountStore;

/** An {@link OrganiserAccountStore} in a sorted map: lost when the process ends. Thread-safe. */
public final class InMemoryOrganiserAccountStore implements OrganiserAccountStore {
  private final ConcurrentSkipListMap<String, OrganiserAccount> accounts =
      new ConcurrentSkipListMap<>();

  /** Creates an empty store. */
  public InMemoryOrganiserAccountStore() {}

  @Override
  public boolean insert(OrganiserAccount account) {
    requireNonNull(account, "account");
    return accounts.putIfAbsent(account.name(), account) == null;
  }

  @Override
  public void update(OrganiserAccount account) {
    requireNonNull(account, "account");
    if (accounts.replace(account.name(), account) == null) {
      throw new IllegalStateException("no organiser account of that name");
    }
  }

  @Override
  public Optional<OrganiserAccount> find(String name) {
    return Optional.ofNullable(accounts.get(requireNonNull(name, "name")));
  }

  @Override
  public Optional<OrganiserAccount> findByInvitation(String invitationHash) {
    requireNonNull(invitationHash, "invitationHash");
    return accounts.values().stream()
        .filter(a -> a.invitationHash().filter(invitationHash::equals).isPresent())
        .findFirst();
  }

  @Override
  public List<OrganiserAccount> all() {
    return List.copyOf(accounts.values());
  }

  @Override
  public String toString() {
    return "InMemoryOrganiserAccountStore";
  }
}
