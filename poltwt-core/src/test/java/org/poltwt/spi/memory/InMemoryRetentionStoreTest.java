package org.poltwt.spi.memory;

import org.poltwt.spi.RetentionStore;
import org.poltwt.test.RetentionStoreContract;

class InMemoryRetentionStoreTest extends RetentionStoreContract {
  @Override
  protected RetentionStore newStore() {
    return new InMemoryRetentionStore();
  }
}
