/**
 * poltwt's test kit: a contract test for every SPI, and the fixtures the contracts build their data
 * with. An implementation is correct when it passes its contract. Extend the contract in your own
 * test sources and supply the implementation:
 *
 * <pre>{@code
 * class CmsEditionStoreTest extends EditionStoreContract {
 *   @Override
 *   protected EditionStore newStore() {
 *     return new CmsEditionStore();
 *   }
 * }
 * }</pre>
 *
 * <p>The contracts are JUnit 5 classes with AssertJ assertions; this artifact brings both. Their
 * test methods are public, so a subclass in any package inherits them.
 */
package org.poltwt.test;
