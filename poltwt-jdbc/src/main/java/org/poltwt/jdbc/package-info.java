/**
 * Storage on JDBC: the stores of {@code org.poltwt.spi} on H2 (embedded, the default) and
 * PostgreSQL, with the schema managed by Flyway migrations ({@code db/poltwt/migration} on the
 * class path). {@link org.poltwt.jdbc.JdbcStores} is the one entry point; the store implementations
 * are package-private beside it.
 */
package org.poltwt.jdbc;
