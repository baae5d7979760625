package org.poltwt.spi.memory;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.poltwt.spi.HarvestCheckpoint;
import org.poltwt.spi.HarvestCheckpointStore;

/**
 * A {@link HarvestCheckpointStore} in a map: a harvest resumes within the process, not after a
 * restart. Thread-safe.
 */
public final class InMemoryHarvestCheckpointStore implements HarvestCheckpointStore {
  /** The key of a checkpoint. */
  private record Key(int edition, String query) {}

  private final Map<Key, HarvestCheckpoint> checkpoints = new ConcurrentHashMap<>();

  /** Creates an empty store. */
  public InMemoryHarvestCheckpointStore() {}

  @Override
  public Optional<HarvestCheckpoint> find(int edition, String query) {
    return Optional.ofNullable(checkpoints.get(new Key(edition, requireNonNull(query, "query"))));
  }

  @Override
  public void save(HarvestCheckpoint checkpoint) {
    requireNonNull(checkpoint, "checkpoint");
    checkpoints.put(new Key(checkpoint.edition(), checkpoint.query()), checkpoint);
  }

  @Override
  public void clear(int edition, String query) {
    checkpoints.remove(new Key(edition, requireNonNull(query, "query")));
  }

  /**
   * Describes the store.
   *
   * @return the number of checkpoints
   */
  @Override
  public String toString() {
    return "InMemoryHarvestCheckpointStore[" + checkpoints.size() + " checkpoints]";
  }
}
