package com.example.cms;

import org.poltwt.spi.EditionStore;
import org.poltwt.test.EditionStoreContract;

// The README's contract test, as a CMS writes it: the store passes poltwt's contract for its SPI.
class CmsEditionStoreTest extends EditionStoreContract {
  @Override
  protected EditionStore newStore() {
    return new CmsEditionStore();
  }
}
