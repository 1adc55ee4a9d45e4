package org.custodia.platform;

import java.nio.file.Path;
import org.h2.jdbcx.JdbcDataSource;

/** The test database of unit tests: an H2 file database in Oracle mode with the real migrations applied. */
public final class TestDatabases {

  private TestDatabases() {}

  public static JdbcDataSource migrated(Path dir) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:" + dir.toAbsolutePath().resolve("custodia") + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=20000");
    ds.setUser("sa");
    ds.setPassword("sa");
    DatabaseMigration.migrate(ds, TestDatabases.class.getClassLoader());
    return ds;
  }
}
