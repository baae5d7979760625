package org.poltwt.spi.memory;

import org.poltwt.spi.RateLimitStore;
import org.poltwt.test.RateLimitStoreContract;

class InMemoryRateLimitStoreTest extends RateLimitStoreContract {
  @Override
  protected RateLimitStore newStore() {
    return new InMemoryRateLimitStore();
  }
}
