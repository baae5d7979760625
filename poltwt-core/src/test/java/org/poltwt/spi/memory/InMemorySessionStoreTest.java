package org.poltwt.spi.memory;

import org.poltwt.spi.SessionStore;
import org.poltwt.test.SessionStoreContract;

class InMemorySessionStoreTest extends SessionStoreContract {
  @Override
  protected SessionStore newStore() {
    return new InMemorySessionStore();
  }
}
