package org.poltwt.spi.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.poltwt.spi.RegistrationStore;
import org.poltwt.spi.VerificationTokenStore;
import org.poltwt.test.RegistrationStoreContract;

/**
 * Runs the contract against the in-memory store. Also checks that the contract's hook reaches a
 * subclass in another package, as the JDBC adapter's test will be.
 */
class InMemoryRegistrationStoreTest extends RegistrationStoreContract {
  private final List<Integer> prepared = new ArrayList<>();

  @Override
  protected RegistrationStore newStore() {
    return new InMemoryRegistrationStore();
  }

  @Override
  protected VerificationTokenStore newTokenStore() {
    return new InMemoryVerificationTokenStore();
  }

  @Override
  protected void prepareEdition(int number) {
    prepared.add(number);
  }

  @Test
  void theContractPreparesEveryEditionItUsesBeforeTheFirstInsert() {
    store();

    assertThat(prepared).containsExactly(EDITION, OTHER_EDITION);
  }
}
