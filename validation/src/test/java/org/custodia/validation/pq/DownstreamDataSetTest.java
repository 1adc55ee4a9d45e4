package org.custodia.validation.pq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.custodia.epcis.domain.StoredEvent;
import org.custodia.epcis.infrastructure.json.EpcisJson;
import org.custodia.epcis.infrastructure.persistence.JdbcEventStore;
import org.custodia.platform.DatabaseMigration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The downstream data set's set-based load writes the rows the product writes: a small set generated
 * once, loaded by {@link DownstreamDataSet.Loader} (keys and indexes dropped and built again) into one
 * database and stored event by event through {@link JdbcEventStore#storeAll} (after {@link EpcisJson#read},
 * the capture path) into another, then every row of the event tables and of {@code object_state} compared
 * (ids replaced by the eventIDs they stand for, as the two number the events differently).
 */
@Tag("RCL-4")
class DownstreamDataSetTest {

  @TempDir Path dir;

  private static DownstreamDataSet.Shape small() {
    // 1 big pallet of 3 × 6 units, a lot of 2 pallets of 4 cases of 5 units over 3 locations, small pallets
    return new DownstreamDataSet.Shape(2_500, 20, 1, 3, 6, 2, 4, 5, 3, 2, 4, 3, 6, 0.05);
  }

  private JdbcDataSource database(String name) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:" + dir.resolve(name) + EventDataSet.URL_OPTIONS);
    h2.setUser("sa");
    h2.setPassword("sa");
    DatabaseMigration.migrate(h2, getClass().getClassLoader());
    return h2;
  }

  @Test
  void theLoadWritesTheRowsStoreAllWrites() throws Exception {
    DownstreamDataSet set = new DownstreamDataSet(small(), 7);
    List<DownstreamDataSet.Pallet> pallets = new ArrayList<>();
    for (DownstreamDataSet.Pallet p = set.next(); p != null; p = set.next()) {
      pallets.add(p);
    }
    assertTrue(set.units() >= 2_500, "units " + set.units());
    assertTrue(set.events() > 4 * set.units(), "events " + set.events() + " for " + set.units() + " units");

    JdbcDataSource loaded = database("loaded");
    List<String> ddl;
    try (Connection c = loaded.getConnection()) {
      c.setAutoCommit(false);
      ddl = DownstreamDataSet.keysAndIndexes(c);
      assertTrue(ddl.stream().anyMatch(s -> s.contains("EPCIS_EVENT_EPC_PK")), ddl.toString());
      assertTrue(ddl.stream().anyMatch(s -> s.contains("OBJECT_STATE_LOT_IX")), ddl.toString());
      // by default every key and index of the loaded tables but epcis_event's primary key goes for the load
      assertTrue(ddl.stream().anyMatch(s -> s.contains("EPCIS_EVENT_TIME_IX")), ddl.toString());
      assertTrue(ddl.stream().anyMatch(s -> s.contains("EPCIS_EVENT_EPC_EVENT_FK")), ddl.toString());
      assertFalse(ddl.stream().anyMatch(s -> s.contains("\"EPCIS_EVENT_PK\"")), ddl.toString());
      DownstreamDataSet.drop(c, ddl);
      try (DownstreamDataSet.Loader loader = new DownstreamDataSet.Loader(c, 1_000)) {
        for (DownstreamDataSet.Pallet p : pallets) {
          loader.write(p);
        }
      }
      // the builds stopped after the first three statements, before the pending file was rewritten (the
      // worst moment), and resumed from that file: built ones are not built again, the rest are
      List<String> statements = new ArrayList<>(DownstreamDataSet.ordered(ddl));
      statements.add(DownstreamDataSet.continueSequence(set.events()));
      Path pending = dir.resolve(DownstreamDataSet.PENDING);
      DownstreamDataSet.build(c, statements, false, pending, () -> false);
      Files.delete(pending);
      DownstreamDataSet.drop(c, ddl);
      Files.writeString(pending, String.join("\n;;\n", statements));
      DownstreamDataSet.build(c, statements.subList(0, 3), false, null, () -> false);
      assertEquals(statements, DownstreamDataSet.readPending(pending));
      // the resumed builds pause after five statements (as for a compaction), then go on
      int[] steps = {0};
      List<String> left =
          DownstreamDataSet.build(c, DownstreamDataSet.readPending(pending), false, pending, () -> ++steps[0] == 5);
      assertEquals(statements.subList(5, statements.size()), left);
      assertEquals(left, DownstreamDataSet.readPending(pending));
      DownstreamDataSet.build(c, left, false, pending, () -> false);
      assertEquals(List.of(), DownstreamDataSet.readPending(pending));
    }

    JdbcDataSource stored = database("stored");
    try (Connection c = stored.getConnection()) {
      c.setAutoCommit(false);
      JdbcEventStore store = new JdbcEventStore(EventDataSet.sameConnection(c));
      for (DownstreamDataSet.Pallet p : pallets) {
        StringBuilder doc = new StringBuilder("{\"@context\":[\"" + EpcisJson.CONTEXT + "\"],\"type\":\"EPCISDocument\","
            + "\"schemaVersion\":\"2.0\",\"creationDate\":\"2026-11-27T00:00:00Z\",\"epcisBody\":{\"eventList\":[");
        for (int i = 0; i < p.events().size(); i++) {
          doc.append(i == 0 ? "" : ",").append(p.events().get(i).json);
        }
        List<StoredEvent> events = EpcisJson.read(doc.append("]}}").toString());
        assertEquals(events.size(), store.storeAll(events, DownstreamDataSet.SOURCE));
        c.commit();
      }
    }

    try (Connection a = loaded.getConnection(); Connection b = stored.getConnection()) {
      for (String sql : List.of(
          "SELECT event_id, event_type, event_time, event_tz_offset, action, biz_step, disposition, read_point,"
              + " biz_location, capture_source, CAST(document AS VARCHAR(1000000)), capture_job_id, error_declaration"
              + " FROM epcis_event ORDER BY event_id",
          "SELECT x.epc, e.event_id, x.epc_role FROM epcis_event_epc x JOIN epcis_event e ON e.id = x.event_pk"
              + " ORDER BY 1, 2, 3",
          "SELECT e.event_id, x.biz_type, x.biz_value FROM epcis_event_biztx x JOIN epcis_event e ON e.id = x.event_pk"
              + " ORDER BY 1, 2, 3",
          "SELECT e.event_id, x.direction, x.sd_type, x.sd_value FROM epcis_event_srcdest x"
              + " JOIN epcis_event e ON e.id = x.event_pk ORDER BY 1, 2, 3, 4",
          "SELECT e.event_id, x.area, x.name, x.str_value, x.num_value, x.time_value FROM epcis_event_field x"
              + " JOIN epcis_event e ON e.id = x.event_pk ORDER BY 1, 2, 3, 4",
          "SELECT * FROM epcis_namespace ORDER BY 1, 2",
          "SELECT s.epc, s.gtin, s.serial, s.lot, s.expiry, s.status, s.disposition, s.biz_location, s.read_point,"
              + " s.owner_party, s.parent_epc, s.top_parent_epc, s.last_event_time, e.event_id FROM object_state s"
              + " JOIN epcis_event e ON e.id = s.last_event_pk ORDER BY s.epc",
          "SELECT table_name, index_name, index_type_name FROM information_schema.indexes"
              + " WHERE table_schema = 'PUBLIC' ORDER BY 1, 2",
          "SELECT table_name, index_name, column_name, ordinal_position, ordering_specification, null_ordering"
              + " FROM information_schema.index_columns WHERE table_schema = 'PUBLIC' ORDER BY 1, 2, 4",
          "SELECT table_name, constraint_name, constraint_type, index_name FROM information_schema.table_constraints"
              + " WHERE table_schema = 'PUBLIC' ORDER BY 1, 2",
          // the load leaves no setting of its own in the file (the server opens it as a migrated one)
          "SELECT setting_name, setting_value FROM information_schema.settings WHERE setting_name NOT LIKE 'info.%'"
              + " ORDER BY 1")) {
        List<String> expected = rows(b, sql);
        List<String> actual = rows(a, sql);
        assertEquals(expected.size(), actual.size(), "row count of " + sql);
        for (int i = 0; i < expected.size(); i++) {
          assertEquals(expected.get(i), actual.get(i), "row " + i + " of " + sql);
        }
      }
      assertEquals(set.events(), rows(a, "SELECT id FROM epcis_event").size());
      // the capture's record time is a few seconds after the event's
      assertTrue(rows(a, "SELECT id FROM epcis_event WHERE record_time < event_time"
          + " OR record_time > event_time + INTERVAL '10' SECOND").isEmpty());
      // events with hash IDs (the pharmacies'), and units still inside a pallet (the big one)
      assertFalse(rows(a, "SELECT id FROM epcis_event WHERE event_id LIKE 'ni:///sha-256;%'").isEmpty());
      assertFalse(rows(a, "SELECT epc FROM object_state WHERE gtin IS NOT NULL AND top_parent_epc IS NOT NULL").isEmpty());
    }

    // the server's next events get ids after the loaded ones
    try (Connection c = loaded.getConnection()) {
      c.setAutoCommit(false);
      JdbcEventStore store = new JdbcEventStore(EventDataSet.sameConnection(c));
      String extra = "{\"@context\":[\"" + EpcisJson.CONTEXT + "\"],\"type\":\"EPCISDocument\",\"schemaVersion\":\"2.0\","
          + "\"creationDate\":\"2026-11-27T00:00:00Z\",\"epcisBody\":{\"eventList\":[{\"type\":\"ObjectEvent\","
          + "\"eventID\":\"urn:uuid:0f0f0f0f-0000-4000-8000-000000000001\",\"eventTime\":\"2026-11-27T10:00:00.000Z\","
          + "\"eventTimeZoneOffset\":\"+00:00\",\"epcList\":[\"urn:epc:id:sgtin:9506000.013435.999999999999\"],"
          + "\"action\":\"ADD\",\"bizStep\":\"commissioning\",\"disposition\":\"active\"}]}}";
      assertEquals(1, store.storeAll(EpcisJson.read(extra), "test"));
      c.commit();
      assertEquals(List.of("true"), rows(c, "SELECT id > " + set.events()
          + " FROM epcis_event WHERE event_id = 'urn:uuid:0f0f0f0f-0000-4000-8000-000000000001'"));
    }

    String samples = set.samples();
    assertTrue(samples.contains("pallet urn:epc:id:sscc:"), samples);
    assertTrue(samples.contains("lot " + DownstreamDataSet.gtinOf(DownstreamDataSet.ITEM_REFS[0]) + " "
        + DownstreamDataSet.BIG_LOT + " 40 3\n"), samples);
  }

  private static List<String> rows(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          Object v = md.getColumnType(i) == java.sql.Types.TIMESTAMP_WITH_TIMEZONE
              ? rs.getObject(i, OffsetDateTime.class) : rs.getObject(i);
          b.append(i == 1 ? "" : " | ").append(v);
        }
        out.add(b.toString());
      }
    }
    return out;
  }
}
