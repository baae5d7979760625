package org.poltwt.spi.memory;

import org.poltwt.spi.EditionStore;
import org.poltwt.test.EditionStoreContract;

class InMemoryEditionStoreTest extends EditionStoreContract {
  @Override
  protected EditionStore newStore() {
    return new InMemoryEditionStore();
  }
}
