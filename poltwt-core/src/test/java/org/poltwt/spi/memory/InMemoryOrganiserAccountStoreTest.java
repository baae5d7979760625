package org.poltwt.spi.memory;

import org.poltwt.spi.OrganiserAccountStore;
import org.poltwt.test.OrganiserAccountStoreContract;

class InMemoryOrganiserAccountStoreTest extends OrganiserAccountStoreContract {
  @Override
  protected OrganiserAccountStore newStore() {
    return new InMemoryOrganiserAccountStore();
  }
}
