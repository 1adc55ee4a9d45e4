package org.custodia.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema the migrations give the embedded default (H2 in Oracle mode): no index written twice. (That
 * every foreign key keeps an index needs no test here: H2 refuses to drop an index a constraint uses.)
 */
@Tag("OPS-1")
@Tag("OPS-2")
class DatabaseMigrationTest {

  @TempDir static Path dir;

  static DataSource database;

  @BeforeAll
  static void migrate() {
    database = TestDatabases.migrated(dir);
  }

  /** Table → index → its columns in order. */
  private static Map<String, Map<String, List<String>>> indexes() throws SQLException {
    Map<String, Map<String, List<String>>> out = new TreeMap<>();
    try (Connection c = database.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT TABLE_NAME, INDEX_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.INDEX_COLUMNS"
            + " WHERE TABLE_SCHEMA = 'PUBLIC' ORDER BY TABLE_NAME, INDEX_NAME, ORDINAL_POSITION")) {
      while (rs.next()) {
        out.computeIfAbsent(rs.getString(1), t -> new TreeMap<>())
            .computeIfAbsent(rs.getString(2), i -> new ArrayList<>())
            .add(rs.getString(3));
      }
    }
    return out;
  }

  @Test
  void noTableHasTwoIndexesOnTheSameColumns() throws SQLException {
    List<String> repeated = new ArrayList<>();
    indexes().forEach((table, byIndex) -> {
      Map<List<String>, String> seen = new HashMap<>();
      byIndex.forEach((index, columns) -> {
        String other = seen.putIfAbsent(columns, index);
        if (other != null) {
          repeated.add(table + ": " + other + " and " + index + " both on " + columns);
        }
      });
    });
    assertEquals(List.of(), repeated, "indexes that repeat another index of their table column for column");
  }
}
