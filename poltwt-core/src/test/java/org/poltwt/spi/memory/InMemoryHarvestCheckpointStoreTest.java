package org.poltwt.spi.memory;

import org.poltwt.spi.HarvestCheckpointStore;
import org.poltwt.test.HarvestCheckpointStoreContract;

class InMemoryHarvestCheckpointStoreTest extends HarvestCheckpointStoreContract {
  @Override
  protected HarvestCheckpointStore newStore() {
    return new InMemoryHarvestCheckpointStore();
  }
}
