/**
 * The interfaces adapters implement: storage ({@link org.poltwt.spi.EditionStore}, {@link
 * org.poltwt.spi.RegistrationStore}, {@link org.poltwt.spi.VerificationTokenStore}), mail ({@link
 * org.poltwt.spi.Mailer}) and Twitter ({@link org.poltwt.spi.AccountDirectory}, {@link
 * org.poltwt.spi.TweetPublisher} with its {@link org.poltwt.spi.PublicationLog}, {@link
 * org.poltwt.spi.TweetSource} with its {@link org.poltwt.spi.HarvestCheckpointStore}). The log and
 * the checkpoint store are the adapter's state, kept here so that a storage adapter can make them
 * durable: a post made at most once per key, and a harvest that resumes, across restarts and
 * processes.
 *
 * <p>In-memory implementations for tests and small embeddings are in {@code org.poltwt.spi.memory};
 * core's test-jar has a contract test per store that every implementation must pass.
 *
 * <p>The one cycle between core's packages runs through here, deliberately: the SPI is typed in the
 * model's own records ({@code Registration}, {@code TwitterHandle}, {@code Edition}, {@code Tweet},
 * {@code Announcement}), and the services that live beside those records ({@code
 * RegistrationService}, {@code AnnouncementService}) are built on the SPI. Breaking it would mean
 * either an SPI of its own data types, copied to and from the model on every call, or a package per
 * service apart from its model, moving public types users import for nothing they could compile
 * apart: core is one jar. {@code ArchitectureTest} allows exactly the SPI's dependencies on those
 * four model packages and no other cycle.
 */
package org.poltwt.spi;
