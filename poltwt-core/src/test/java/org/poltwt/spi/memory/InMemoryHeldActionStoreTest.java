package org.poltwt.spi.memory;

import org.poltwt.spi.HeldActionStore;
import org.poltwt.test.HeldActionStoreContract;

class InMemoryHeldActionStoreTest extends HeldActionStoreContract {
  @Override
  protected HeldActionStore newStore() {
    return new InMemoryHeldActionStore();
  }
}
