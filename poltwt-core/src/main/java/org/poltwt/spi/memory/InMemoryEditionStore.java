package org.poltwt.spi.memory;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.poltwt.event.Edition;
import org.poltwt.spi.EditionStore;

/** An {@link EditionStore} in a concurrent sorted map. Thread-safe. */
public final class InMemoryEditionStore implements EditionStore {
  private final ConcurrentSkipListMap<Integer, Edition> editions = new ConcurrentSkipListMap<>();

  /** Creates an empty store. */
  public InMemoryEditionStore() {}

  /**
   * Stores an edition, replacing any edition with the same number.
   *
   * @param edition the edition
   * @throws NullPointerException if {@code edition} is null
   */
  @Override
  public void save(Edition edition) {
    requireNonNull(edition, "edition");
    editions.put(edition.number(), edition);
  }

  /**
   * Finds an edition by number.
   *
   * @param number the edition's number
   * @return the edition, or empty if none has that number
   */
  @Override
  public Optional<Edition> find(int number) {
    return Optional.ofNullable(editions.get(number));
  }

  /**
   * Lists every edition.
   *
   * @return an immutable snapshot, in ascending number order
   */
  @Override
  public List<Edition> all() {
    return List.copyOf(editions.values());
  }
}
