/**
 * In-memory implementations of the {@link org.poltwt.spi} interfaces, for tests, demos and small
 * embeddings that need no durable storage.
 *
 * <p>Every class here is thread-safe and passes the same contract tests (shipped in core's
 * test-jar) as the durable adapters, so code tested against them behaves the same against a
 * database. Nothing here reads the wall clock: every instant is given by the caller. Test doubles
 * ({@link org.poltwt.spi.memory.InMemoryMailer}, {@link
 * org.poltwt.spi.memory.InMemoryAccountDirectory}) add methods to inspect what was sent or asked
 * and to simulate failures.
 */
package org.poltwt.spi.memory;
