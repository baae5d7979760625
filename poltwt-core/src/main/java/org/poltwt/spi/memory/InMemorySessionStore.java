package org.poltwt.spi.memory;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.poltwt.spi.OrganiserSession;
import org.poltwt.spi.SessionStore;

/** A {@link SessionStore} in a map: one process's sessions, gone at a restart. Thread-safe. */
public final class InMemorySessionStore implements SessionStore {
  private final Map<String, OrganiserSession> sessions = new ConcurrentHashMap<>();

  /** Creates an empty store. */
  public InMemorySessionStore() {}

  @Override
  public void open(OrganiserSession session) {
    requireNonNull(session, "session");
    if (sessions.putIfAbsent(session.idHash(), session) != null) {
      throw new IllegalStateException("a session with this hash is stored");
    }
  }

  @Override
  public Optional<OrganiserSession> find(String idHash, Instant now) {
    requireNonNull(now, "now");
    OrganiserSession s = sessions.get(requireNonNull(idHash, "idHash"));
    return s != null && now.isBefore(s.expiry()) ? Optional.of(s) : Optional.empty();
  }

  @Override
  public void close(String idHash) {
    sessions.remove(requireNonNull(idHash, "idHash"));
  }

  @Override
  public int closeAllOf(String account) {
    requireNonNull(account, "account");
    int[] n = {0};
    sessions.values().removeIf(s -> s.account().equals(account) && ++n[0] > 0);
    return n[0];
  }

  @Override
  public int purgeExpired(Instant now) {
    requireNonNull(now, "now");
    int[] n = {0};
    sessions.values().removeIf(s -> !now.isBefore(s.expiry()) && ++n[0] > 0);
    return n[0];
  }

  /**
   * Describes the store.
   *
   * @return the number of sessions
   */
  @Override
  public String toString() {
    return "InMemorySessionStore[" + sessions.size() + " sessions]";
  }
}
