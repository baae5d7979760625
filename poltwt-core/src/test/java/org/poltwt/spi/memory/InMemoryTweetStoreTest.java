package org.poltwt.spi.memory;

import org.poltwt.spi.TweetStore;
import org.poltwt.spi.TweetStoreContract;

class InMemoryTweetStoreTest extends TweetStoreContract {
  @Override
  protected TweetStore newStore() {
    return new InMemoryTweetStore();
  }
}
