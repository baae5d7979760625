/**
 * The interfaces adapters implement: storage ({@link org.poltwt.spi.EditionStore}, {@link
 * org.poltwt.spi.RegistrationStore}, {@link org.poltwt.spi.VerificationTokenStore}), mail ({@link
 * org.poltwt.spi.Mailer}) and Twitter ({@link org.poltwt.spi.AccountDirectory}).
 *
 * <p>In-memory implementations for tests and small embeddings are in {@code org.poltwt.spi.memory};
 * core's test-jar has a contract test per store that every implementation must pass.
 */
package org.poltwt.spi;
