package org.poltwt.spi.memory;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.poltwt.spi.HeldAction;
import org.poltwt.spi.HeldActionStore;

/** A {@link HeldActionStore} in a map: one process's held actions. Thread-safe. */
public final class InMemoryHeldActionStore implements HeldActionStore {
  private final Map<String, HeldAction> actions = new ConcurrentHashMap<>();

  /** Creates an empty store. */
  public InMemoryHeldActionStore() {}

  @Override
  public boolean hold(HeldAction action) {
    requireNonNull(action, "action");
    if (action.claimed()) {
      throw new IllegalArgumentException("action: must not be claimed yet");
    }
    return actions.putIfAbsent(action.key(), action) == null;
  }

  @Override
  public Optional<HeldAction> find(String key, Instant now) {
    requireNonNull(now, "now");
    HeldAction a = actions.get(requireNonNull(key, "key"));
    return a != null && now.isBefore(a.expiry()) ? Optional.of(a) : Optional.empty();
  }

  @Override
  public boolean claim(String key, Instant now) {
    requireNonNull(now, "now");
    boolean[] won = {false};
    actions.computeIfPresent(
        requireNonNull(key, "key"),
        (k, a) -> {
          if (a.claimed() || !now.isBefore(a.expiry())) {
            return a;
          }
          won[0] = true;
          return new HeldAction(
              a.key(),
              a.account(),
              a.kind(),
              a.payload(),
              a.held(),
              a.expiry(),
              true,
              Optional.empty());
        });
    return won[0];
  }

  @Override
  public void complete(String key, String result) {
    requireNonNull(result, "result");
    if (result.length() > HeldAction.MAX_RESULT) {
      throw new IllegalArgumentException(
          "result: at most " + HeldAction.MAX_RESULT + " characters");
    }
    actions.computeIfPresent(
        requireNonNull(key, "key"),
        (k, a) ->
            a.claimed()
                ? new HeldAction(
                    a.key(),
                    a.account(),
                    a.kind(),
                    a.payload(),
                    a.held(),
                    a.expiry(),
                    true,
                    Optional.of(result))
                : a);
  }

  @Override
  public int purgeExpired(Instant now) {
    requireNonNull(now, "now");
    int[] n = {0};
    actions.values().removeIf(a -> !now.isBefore(a.expiry()) && ++n[0] > 0);
    return n[0];
  }

  /**
   * Describes the store.
   *
   * @return the number of actions
   */
  @Override
  public String toString() {
    return "InMemoryHeldActionStore[" + actions.size() + " actions]";
  }
}
