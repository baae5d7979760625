package org.poltwt.spi;

import java.util.List;
import java.util.Optional;
import org.poltwt.event.Edition;

/** Keeps editions, one per number. Implementations are thread-safe. */
public interface EditionStore {
  /**
   * Stores an edition, replacing any edition with the same number.
   *
   * @param edition the edition
   */
  void save(Edition edition);

  /**
   * Finds an edition by number.
   *
   * @param number the edition's number
   * @return the edition, or empty if none has that number
   */
  Optional<Edition> find(int number);

  /**
   * Lists every edition.
   *
   * @return the editions in ascending number order
   */
  List<Edition> all();
}
