package org.poltwt.spi;

import java.util.Optional;

/**
 * Keeps where each edition's harvest stands, per query, so that a harvest that stopped (a crash, a
 * failure that outlasted the retries, a consumer that closed its stream early) resumes after a
 * restart, or in another process sharing the store, without a gap and without fetching what it has.
 * A harvest of one edition and query runs in one place at a time; the store does not arbitrate
 * between two running at once (the last save wins). Implementations are thread-safe.
 */
public interface HarvestCheckpointStore {
  /**
   * Finds where an edition's harvest under a query stands.
   *
   * @param edition the edition's number
   * @param query the search query
   * @return the checkpoint, or empty when there is none (never harvested, or its last pass ended)
   * @throws NullPointerException if {@code query} is null
   */
  Optional<HarvestCheckpoint> find(int edition, String query);

  /**
   * Records a checkpoint, replacing the one of its edition and query.
   *
   * @param checkpoint the checkpoint
   * @throws NullPointerException if {@code checkpoint} is null
   */
  void save(HarvestCheckpoint checkpoint);

  /**
   * Forgets the checkpoint of an edition and query, if there is one.
   *
   * @param edition the edition's number
   * @param query the search query
   * @throws NullPointerException if {@code query} is null
   */
  void clear(int edition, String query);
}
