package org.custodia.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
 * The schema the migrations give the embedded default (H2 in Oracle mode): no index written twice, and
 * every foreign key still served by an index after the H2-only migrations dropped the repeated ones.
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

  @Test
  void everyForeignKeyIsServedByAnIndex() throws SQLException {
    Map<String, Map<String, List<String>>> indexes = indexes();
    Map<String, List<String>> keys = new TreeMap<>();
    Map<String, String> tableOf = new TreeMap<>();
    try (Connection c = database.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT k.CONSTRAINT_NAME, k.TABLE_NAME, k.COLUMN_NAME"
            + " FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE k JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS t"
            + " ON t.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND t.CONSTRAINT_NAME = k.CONSTRAINT_NAME"
            + " WHERE t.CONSTRAINT_TYPE = 'FOREIGN KEY' AND k.TABLE_SCHEMA = 'PUBLIC'"
            + " ORDER BY k.CONSTRAINT_NAME, k.ORDINAL_POSITION")) {
      while (rs.next()) {
        keys.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(3));
        tableOf.put(rs.getString(1), rs.getString(2));
      }
    }
    assertFalse(keys.isEmpty(), "the schema has foreign keys");
    List<String> unserved = new ArrayList<>();
    keys.forEach((key, columns) -> {
      boolean served = indexes.getOrDefault(tableOf.get(key), Map.of()).values().stream()
          .anyMatch(ix -> ix.size() >= columns.size() && ix.subList(0, columns.size()).equals(columns));
      if (!served) {
        unserved.add(tableOf.get(key) + "." + key + " " + columns);
      }
    });
    assertEquals(List.of(), unserved, "foreign keys whose columns lead no index");
  }
}
