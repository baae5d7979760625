package org.poltwt.spi.memory;

import org.poltwt.spi.OutboxStore;
import org.poltwt.test.OutboxStoreContract;

class InMemoryOutboxStoreTest extends OutboxStoreContract {
  @Override
  protected OutboxStore newStore() {
    return new InMemoryOutboxStore();
  }
}
