package org.poltwt.spi.memory;

import org.poltwt.spi.VerificationTokenStore;
import org.poltwt.test.VerificationTokenStoreContract;

class InMemoryVerificationTokenStoreTest extends VerificationTokenStoreContract {
  @Override
  protected VerificationTokenStore newStore() {
    return new InMemoryVerificationTokenStore();
  }
}
