package org.poltwt.spi.memory;

import org.poltwt.spi.PublicationLog;
import org.poltwt.test.PublicationLogContract;

class InMemoryPublicationLogTest extends PublicationLogContract {
  @Override
  protected PublicationLog newStore() {
    return new InMemoryPublicationLog();
  }
}
