package org.poltwt.spi.memory;

import org.poltwt.spi.LeaseStore;
import org.poltwt.test.LeaseStoreContract;

class InMemoryLeaseStoreTest extends LeaseStoreContract {
  @Override
  protected LeaseStore newStore() {
    return new InMemoryLeaseStore();
  }
}
