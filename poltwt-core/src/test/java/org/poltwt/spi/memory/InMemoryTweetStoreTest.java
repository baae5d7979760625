package org.poltwt.spi.memory;

import org.poltwt.spi.TweetStore;
import org.poltwt.test.TweetStoreContract;

class InMemoryTweetStoreTest extends TweetStoreContract {
  @Override
  protected TweetStore newStore() {
    return new InMemoryTweetStore();
  }
}
