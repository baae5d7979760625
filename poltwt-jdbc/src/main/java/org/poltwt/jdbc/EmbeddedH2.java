package org.poltwt.jdbc;

import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * H2's data source, in a class of its own: H2 is an optional dependency, and {@link JdbcStores}
 * must load without it for PostgreSQL users; only calling an H2 factory needs H2.
 */
final class EmbeddedH2 {
  private EmbeddedH2() {}

  static DataSource dataSource(String url) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL(url);
    ds.setUser("sa");
    ds.setPassword("");
    return ds;
  }
}
