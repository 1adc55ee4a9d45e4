package org.custodia.epcis.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.custodia.epcis.domain.ObjectState;
import org.custodia.epcis.domain.StoredEvent;
import org.custodia.epcis.infrastructure.json.EpcisJson;
import org.custodia.gs1.Sgtin;
import org.custodia.gs1.epc.EpcUris;
import org.custodia.platform.Jndi;
import org.custodia.platform.persistence.Chunks;

/**
 * Writes events, their EPC index and the current state in JDBC batches on the container's XA datasource,
 * so they join the transaction of the message being consumed. SQL is the subset Oracle and H2 in Oracle
 * mode share; ids come from the sequence in blocks of 50 (its increment), one round trip per block.
 */
@ApplicationScoped
public class JdbcEventStore {

  private static final int ID_BLOCK = 50;

  private static final String INSERT_EVENT =
      "INSERT INTO epcis_event (id, event_id, event_type, event_time, event_tz_offset, record_time, action,"
          + " biz_step, disposition, read_point, biz_location, capture_source, document, capture_job_id)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private static final String INSERT_EPC =
      "INSERT INTO epcis_event_epc (epc, event_pk, epc_role) VALUES (?, ?, ?)";

  private static final String INSERT_BIZTX =
      "INSERT INTO epcis_event_biztx (event_pk, biz_type, biz_value) VALUES (?, ?, ?)";

  private static final String INSERT_SRCDEST =
      "INSERT INTO epcis_event_srcdest (event_pk, direction, sd_type, sd_value) VALUES (?, ?, ?, ?)";

  private static final String MERGE_STATE =
      "MERGE INTO object_state t USING (SELECT CAST(? AS VARCHAR2(400)) AS epc,"
          + " CAST(? AS VARCHAR2(14)) AS gtin, CAST(? AS VARCHAR2(20)) AS serial,"
          + " CAST(? AS VARCHAR2(20)) AS lot, CAST(? AS DATE) AS expiry, CAST(? AS VARCHAR2(40)) AS status,"
          + " CAST(? AS VARCHAR2(200)) AS disposition, CAST(? AS VARCHAR2(400)) AS biz_location,"
          + " CAST(? AS VARCHAR2(400)) AS read_point, CAST(? AS TIMESTAMP WITH TIME ZONE) AS event_time,"
          + " CAST(? AS NUMBER(19)) AS event_pk FROM dual) s"
          + " ON (t.epc = s.epc)"
          + " WHEN MATCHED THEN UPDATE SET t.status = NVL(s.status, t.status),"
          + " t.disposition = NVL(s.disposition, t.disposition), t.biz_location = NVL(s.biz_location,"
          + " t.biz_location), t.read_point = NVL(s.read_point, t.read_point), t.lot = NVL(s.lot, t.lot),"
          + " t.expiry = NVL(s.expiry, t.expiry), t.last_event_time = s.event_time,"
          + " t.last_event_pk = s.event_pk"
          + " WHEN NOT MATCHED THEN INSERT (epc, gtin, serial, lot, expiry, status, disposition,"
          + " biz_location, read_point, last_event_time, last_event_pk) VALUES (s.epc, s.gtin, s.serial,"
          + " s.lot, s.expiry, NVL(s.status, 'unknown'), s.disposition, s.biz_location, s.read_point,"
          + " s.event_time, s.event_pk)";

  @Resource(lookup = Jndi.DATASOURCE)
  DataSource dataSource;

  public JdbcEventStore() {}

  /** For tests outside the container. */
  public JdbcEventStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Stores the events not stored before (by eventID); returns how many were new. */
  public int storeAll(List<StoredEvent> events, String source) {
    return storeAll(events, source, null);
  }

  /** As {@link #storeAll(List, String)}, remembering the capture job that stored them. */
  public int storeAll(List<StoredEvent> events, String source, Long captureJobId) {
    try (Connection c = dataSource.getConnection()) {
      Set<String> known = knownEventIds(c, events);
      List<StoredEvent> fresh = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (StoredEvent e : events) {
        if (!known.contains(e.eventId()) && seen.add(e.eventId())) {
          fresh.add(e);
        }
      }
      if (fresh.isEmpty()) {
        return 0;
      }
      long[] ids = nextIds(c, fresh.size());
      OffsetDateTime recordTime = OffsetDateTime.now(ZoneOffset.UTC);
      try (PreparedStatement ev = c.prepareStatement(INSERT_EVENT);
          PreparedStatement epc = c.prepareStatement(INSERT_EPC);
          PreparedStatement biz = c.prepareStatement(INSERT_BIZTX);
          PreparedStatement sd = c.prepareStatement(INSERT_SRCDEST);
          PreparedStatement state = c.prepareStatement(MERGE_STATE)) {
        for (int i = 0; i < fresh.size(); i++) {
          StoredEvent e = fresh.get(i);
          long id = ids[i];
          bindEvent(ev, id, e, recordTime, source, captureJobId);
          ev.addBatch();
          for (Map.Entry<String, List<String>> role : e.epcsByRole().entrySet()) {
            for (String x : new LinkedHashSet<>(role.getValue())) {
              epc.setString(1, x);
              epc.setLong(2, id);
              epc.setString(3, role.getKey());
              epc.addBatch();
            }
          }
          for (StoredEvent.TypedValue t : new LinkedHashSet<>(e.bizTransactions())) {
            biz.setLong(1, id);
            biz.setString(2, t.type());
            biz.setString(3, t.value());
            biz.addBatch();
          }
          addSourcesAndDestinations(sd, id, "SOURCE", e.sources());
          addSourcesAndDestinations(sd, id, "DESTINATION", e.destinations());
          if ("ObjectEvent".equals(e.eventType()) && !"DELETE".equals(e.action())) {
            for (String x : new LinkedHashSet<>(e.epcs())) {
              bindState(state, x, e, id);
              state.addBatch();
            }
          }
        }
        ev.executeBatch();
        epc.executeBatch();
        biz.executeBatch();
        sd.executeBatch();
        state.executeBatch();
      }
      JdbcFieldIndex.write(c, fresh, ids);
      return fresh.size();
    } catch (SQLException e) {
      throw new IllegalStateException("storing " + events.size() + " events failed: " + e.getMessage(), e);
    }
  }

  private static void bindEvent(
      PreparedStatement ps, long id, StoredEvent e, OffsetDateTime recordTime, String source, Long jobId)
      throws SQLException {
    ps.setLong(1, id);
    ps.setString(2, e.eventId());
    ps.setString(3, e.eventType());
    ps.setObject(4, e.eventTime());
    ps.setString(5, e.eventTimeZoneOffset() == null ? e.eventTime().getOffset().getId() : e.eventTimeZoneOffset());
    ps.setObject(6, recordTime);
    ps.setString(7, e.action());
    ps.setString(8, e.bizStep());
    ps.setString(9, e.disposition());
    ps.setString(10, e.readPoint());
    ps.setString(11, e.bizLocation());
    ps.setString(12, source);
    ps.setCharacterStream(13, new StringReader(e.document()), e.document().length());
    if (jobId == null) {
      ps.setNull(14, Types.NUMERIC);
    } else {
      ps.setLong(14, jobId);
    }
  }

  private static void addSourcesAndDestinations(
      PreparedStatement ps, long id, String direction, List<StoredEvent.TypedValue> values) throws SQLException {
    for (StoredEvent.TypedValue t : new LinkedHashSet<>(values)) {
      ps.setLong(1, id);
      ps.setString(2, direction);
      ps.setString(3, t.type());
      ps.setString(4, t.value());
      ps.addBatch();
    }
  }

  private static void bindState(PreparedStatement ps, String epc, StoredEvent e, long eventPk)
      throws SQLException {
    String gtin = null;
    String serial = null;
    if (epc.startsWith("urn:epc:id:sgtin:")) {
      Sgtin s = EpcUris.parseSgtin(epc).identifier();
      gtin = s.gtin().value();
      serial = s.serial().value();
    }
    ps.setString(1, epc);
    ps.setString(2, gtin);
    ps.setString(3, serial);
    ps.setString(4, e.lot());
    LocalDate expiry = null;
    if (e.expiry() != null) {
      try {
        expiry = LocalDate.parse(e.expiry());
      } catch (DateTimeParseException ignored) {
        // kept verbatim in the document; the state column only takes calendar dates
      }
    }
    if (expiry == null) {
      ps.setNull(5, Types.DATE);
    } else {
      ps.setObject(5, expiry);
    }
    ps.setString(6, EpcisJson.shortName(e.disposition()));
    ps.setString(7, e.disposition());
    ps.setString(8, e.bizLocation());
    ps.setString(9, e.readPoint());
    ps.setObject(10, e.eventTime());
    ps.setLong(11, eventPk);
  }

  private static Set<String> knownEventIds(Connection c, List<StoredEvent> events) throws SQLException {
    Set<String> known = new HashSet<>();
    List<String> ids = events.stream().map(StoredEvent::eventId).toList();
    for (List<String> chunk : Chunks.of(ids)) {
      String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
      try (PreparedStatement ps =
          c.prepareStatement("SELECT event_id FROM epcis_event WHERE event_id IN (" + marks + ")")) {
        for (int i = 0; i < chunk.size(); i++) {
          ps.setString(i + 1, chunk.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            known.add(rs.getString(1));
          }
        }
      }
    }
    return known;
  }

  private static long[] nextIds(Connection c, int n) throws SQLException {
    long[] ids = new long[n];
    try (PreparedStatement ps = c.prepareStatement("SELECT epcis_event_seq.NEXTVAL FROM dual")) {
      long base = 0;
      for (int i = 0; i < n; i++) {
        if (i % ID_BLOCK == 0) {
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            base = rs.getLong(1);
          }
        }
        ids[i] = base + i % ID_BLOCK;
      }
    }
    return ids;
  }

  /** The current state of {@code epcs} (those known). */
  public List<ObjectState> stateOf(List<String> epcs) {
    List<ObjectState> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      for (List<String> chunk : Chunks.of(epcs)) {
        String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
        try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT epc, gtin, serial, lot, expiry, status, biz_location, read_point, parent_epc,"
                    + " last_event_time FROM object_state WHERE epc IN (" + marks + ")")) {
          for (int i = 0; i < chunk.size(); i++) {
            ps.setString(i + 1, chunk.get(i));
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(
                  new ObjectState(
                      rs.getString(1),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getObject(5, LocalDate.class),
                      rs.getString(6),
                      rs.getString(7),
                      rs.getString(8),
                      rs.getString(9),
                      rs.getObject(10, OffsetDateTime.class)));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading object state failed: " + e.getMessage(), e);
    }
    return out;
  }

  /** The stored JSON-LD of an event. */
  public java.util.Optional<String> event(String eventId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT document FROM epcis_event WHERE event_id = ?")) {
      ps.setString(1, eventId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? java.util.Optional.of(rs.getString(1)) : java.util.Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading event failed: " + e.getMessage(), e);
    }
  }

  /** How many stored events name {@code epc}. */
  public long countEventsFor(String epc) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM epcis_event_epc WHERE epc = ?")) {
      ps.setString(1, epc);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("counting events failed: " + e.getMessage(), e);
    }
  }
}
