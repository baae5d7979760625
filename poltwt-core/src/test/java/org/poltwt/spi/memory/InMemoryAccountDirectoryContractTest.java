package org.poltwt.spi.memory;

import org.poltwt.spi.AccountDirectory;
import org.poltwt.test.AccountDirectoryContract;

class InMemoryAccountDirectoryContractTest extends AccountDirectoryContract {
  @Override
  protected AccountDirectory newDirectory() {
    return new InMemoryAccountDirectory().add(ACCOUNT).suspend(SUSPENDED);
  }

  @Override
  protected AccountDirectory unreachableDirectory() {
    InMemoryAccountDirectory down = new InMemoryAccountDirectory().add(ACCOUNT);
    down.failNext(Integer.MAX_VALUE);
    return down;
  }
}
