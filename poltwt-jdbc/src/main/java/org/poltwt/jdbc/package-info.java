/**
 * Storage on JDBC: the stores of {@code org.poltwt.spi} on H2 (embedded, the default) and
 * PostgreSQL, with the schema managed by Flyway migrations.
 *
 * <p>The stores arrive with the registration and tweet model; until then this module holds no
 * public types.
 */
package org.poltwt.jdbc;
