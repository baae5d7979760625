package org.poltwt.twitter;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps each edition's unfinished search pass, so a harvest that stopped (a crash, a failure that
 * outlasted the retries, a consumer that closed the stream early) resumes without a gap. Give
 * {@link XApiTweetSource} a persistent implementation to survive a restart; {@link #inMemory()}
 * survives only within the process. Implementations are thread-safe.
 */
public interface HarvestCheckpoints {
  /**
   * Finds an edition's unfinished pass.
   *
   * @param edition the edition's number
   * @return the checkpoint, or empty when the last pass finished
   */
  Optional<HarvestCheckpoint> find(int edition);

  /**
   * Records an edition's unfinished pass, replacing the one before.
   *
   * @param edition the edition's number
   * @param checkpoint the pass
   */
  void save(int edition, HarvestCheckpoint checkpoint);

  /**
   * Forgets an edition's pass, once it has finished.
   *
   * @param edition the edition's number
   */
  void clear(int edition);

  /**
   * Returns a new in-memory store of checkpoints.
   *
   * @return an empty store
   */
  static HarvestCheckpoints inMemory() {
    return new HarvestCheckpoints() {
      private final Map<Integer, HarvestCheckpoint> checkpoints = new ConcurrentHashMap<>();

      @Override
      public Optional<HarvestCheckpoint> find(int edition) {
        return Optional.ofNullable(checkpoints.get(edition));
      }

      @Override
      public void save(int edition, HarvestCheckpoint checkpoint) {
        checkpoints.put(edition, requireNonNull(checkpoint, "checkpoint"));
      }

      @Override
      public void clear(int edition) {
        checkpoints.remove(edition);
      }

      @Override
      public String toString() {
        return "HarvestCheckpoints.inMemory" + checkpoints.keySet();
      }
    };
  }
}
