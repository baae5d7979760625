package org.poltwt.spi.memory;

import org.poltwt.spi.TrustedDomainStore;
import org.poltwt.test.TrustedDomainStoreContract;

class InMemoryTrustedDomainStoreTest extends TrustedDomainStoreContract {
  @Override
  protected TrustedDomainStore newStore() {
    return new InMemoryTrustedDomainStore();
  }
}
