package org.custodia.platform;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
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

  /** Deletes every row of {@code tables}, in the order given (children before their parents). */
  public static void empty(DataSource database, String... tables) throws SQLException {
    try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
      for (String table : tables) {
        s.executeUpdate("DELETE FROM " + table);
      }
    }
  }
}
