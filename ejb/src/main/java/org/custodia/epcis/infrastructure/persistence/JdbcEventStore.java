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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.custodia.epcis.domain.ObjectState;
import org.custodia.epcis.domain.StoredEvent;
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
          + " biz_step, disposition, read_point, biz_location, capture_source, document, capture_job_id,"
          + " error_declaration) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private static final String INSERT_EPC =
      "INSERT INTO epcis_event_epc (epc, event_pk, epc_role) VALUES (?, ?, ?)";

  private static final String INSERT_BIZTX =
      "INSERT INTO epcis_event_biztx (event_pk, biz_type, biz_value) VALUES (?, ?, ?)";

  private static final String INSERT_SRCDEST =
      "INSERT INTO epcis_event_srcdest (event_pk, direction, sd_type, sd_value) VALUES (?, ?, ?, ?)";

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
        String key = key(e.eventId(), e.errorDeclaration());
        if (!known.contains(key) && seen.add(key)) {
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
          PreparedStatement sd = c.prepareStatement(INSERT_SRCDEST)) {
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
        }
        ev.executeBatch();
        epc.executeBatch();
        biz.executeBatch();
        sd.executeBatch();
      }
      JdbcFieldIndex.write(c, fresh, ids);
      ObjectStateProjection.apply(c, fresh, ids);
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
    ps.setInt(15, e.errorDeclaration() ? 1 : 0);
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

  private static Set<String> knownEventIds(Connection c, List<StoredEvent> events) throws SQLException {
    Set<String> known = new HashSet<>();
    List<String> ids = events.stream().map(StoredEvent::eventId).toList();
    for (List<String> chunk : Chunks.of(ids)) {
      String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT event_id, error_declaration FROM epcis_event WHERE event_id IN (" + marks + ")")) {
        for (int i = 0; i < chunk.size(); i++) {
          ps.setString(i + 1, chunk.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            known.add(key(rs.getString(1), rs.getInt(2) == 1));
          }
        }
      }
    }
    return known;
  }

  /** An eventID is unique per kind: the event, and the declaration that it was in error. */
  private static String key(String eventId, boolean declaration) {
    return declaration ? "declared " + eventId : eventId;
  }

  /**
   * Rebuilds the current state of {@code epcs} from their stored events (after events were withdrawn),
   * in the caller's transaction.
   */
  public void rebuildState(Connection c, java.util.Collection<String> epcs) throws SQLException {
    ObjectStateProjection.rebuild(c, epcs);
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
                    + " top_parent_epc, owner_party, last_event_time FROM object_state WHERE epc IN (" + marks + ")")) {
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
                      rs.getString(10),
                      rs.getString(11),
                      rs.getObject(12, OffsetDateTime.class)));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading object state failed: " + e.getMessage(), e);
    }
    return out;
  }

  /** The stored JSON-LD of an event; the error declaration when the event was declared erroneous. */
  public java.util.Optional<String> event(String eventId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT document FROM epcis_event WHERE event_id = ? ORDER BY error_declaration DESC")) {
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
