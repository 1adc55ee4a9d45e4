package org.custodia.trace.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.custodia.platform.Jndi;
import org.custodia.platform.persistence.Chunks;
import org.custodia.trace.domain.HistoryEntry;
import org.custodia.trace.domain.TraceKey;
import org.custodia.trace.domain.TracedObject;

/**
 * Index look-ups on the EPCIS current-state projection ({@code object_state}: primary key, parent and
 * lot indexes) and on the event index ({@code epcis_event_epc} by EPC): no event is replayed, so a trace
 * costs a handful of index reads whatever the size of the repository (RCL-4).
 */
@ApplicationScoped
public class JdbcTrace {

  static final String COLUMNS =
      "s.epc, s.gtin, s.serial, s.lot, s.expiry, s.status, s.disposition, s.biz_location, s.read_point,"
          + " s.owner_party, s.parent_epc, s.top_parent_epc, s.last_event_time";

  private static final String HISTORY =
      "SELECT e.event_id, e.event_type, e.event_time, e.action, e.biz_step, e.disposition, e.read_point,"
          + " e.biz_location, x.epc_role, e.document, e.id,"
          + " (SELECT COUNT(*) FROM epcis_event d WHERE d.event_id = e.event_id AND d.error_declaration = 1)"
          + " FROM epcis_event_epc x JOIN epcis_event e ON e.id = x.event_pk"
          + " WHERE x.epc IN (%s) AND e.error_declaration = 0 ORDER BY e.event_time, e.id";

  @Resource(lookup = Jndi.DATASOURCE)
  DataSource dataSource;

  public JdbcTrace() {}

  /** For tests outside the container. */
  public JdbcTrace(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * The object {@code key} names, under the first of its candidate EPCs that is stored; when none is, the
   * object stored with the key's GTIN and serial under another form (another company prefix length).
   */
  public Optional<TracedObject> find(TraceKey key) {
    try (Connection c = dataSource.getConnection()) {
      Map<String, TracedObject> found = new LinkedHashMap<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT " + COLUMNS + " FROM object_state s WHERE s.epc IN (" + marks(key.candidates().size()) + ")")) {
        bind(ps, 1, key.candidates());
        readAll(ps, found);
      }
      for (String candidate : key.candidates()) {
        if (found.containsKey(candidate)) {
          return Optional.of(found.get(candidate));
        }
      }
      // only when no candidate is stored: the look-up by GTIN and serial is a second index probe
      if (key.gtin() != null) {
        try (PreparedStatement ps = c.prepareStatement(
            "SELECT " + COLUMNS + " FROM object_state s WHERE s.gtin = ? AND s.serial = ? ORDER BY s.epc")) {
          ps.setString(1, key.gtin());
          ps.setString(2, key.serial());
          readAll(ps, found);
        }
      }
      return found.values().stream().findFirst();
    } catch (SQLException e) {
      throw new IllegalStateException("trace look-up failed: " + e.getMessage(), e);
    }
  }

  private static void readAll(PreparedStatement ps, Map<String, TracedObject> into) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        TracedObject o = read(rs);
        into.put(o.epc(), o);
      }
    }
  }

  /** The current state of those of {@code epcs} that are stored, by EPC. */
  public Map<String, TracedObject> states(Collection<String> epcs) {
    Map<String, TracedObject> out = new LinkedHashMap<>();
    if (epcs.isEmpty()) {
      return out;
    }
    try (Connection c = dataSource.getConnection()) {
      for (List<String> chunk : Chunks.of(epcs)) {
        try (PreparedStatement ps =
            c.prepareStatement("SELECT " + COLUMNS + " FROM object_state s WHERE s.epc IN (" + marks(chunk.size()) + ")")) {
          bind(ps, 1, chunk);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              TracedObject o = read(rs);
              out.put(o.epc(), o);
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("object state look-up failed: " + e.getMessage(), e);
    }
    return out;
  }

  /** The objects directly inside any of {@code parents}, in EPC order. */
  public List<TracedObject> childrenOf(Collection<String> parents) {
    List<TracedObject> out = new ArrayList<>();
    if (parents.isEmpty()) {
      return out;
    }
    try (Connection c = dataSource.getConnection()) {
      for (List<String> chunk : Chunks.of(parents)) {
        try (PreparedStatement ps =
            c.prepareStatement("SELECT " + COLUMNS + " FROM object_state s WHERE s.parent_epc IN ("
                + marks(chunk.size()) + ") ORDER BY s.epc")) {
          bind(ps, 1, chunk);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(read(rs));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("contents look-up failed: " + e.getMessage(), e);
    }
    return out;
  }

  /**
   * Every object whose outermost container is {@code top} (the projection keeps {@code top_parent_epc} for
   * every object inside another), at most {@code limit}: the contents of a top-level container in one
   * range of one index, without asking level by level which objects have children.
   */
  public List<TracedObject> insideTop(String top, int limit) {
    List<TracedObject> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT " + COLUMNS + " FROM object_state s WHERE s.top_parent_epc = ?")) {
      ps.setString(1, top);
      ps.setMaxRows(limit);
      ps.setFetchSize(1000);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(read(rs));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("contents look-up failed: " + e.getMessage(), e);
    }
    return out;
  }

  /**
   * The events naming any of {@code epcs}, oldest first, at most {@code limit} (one more is read to tell
   * whether there were more); events declared erroneous are marked.
   */
  public List<HistoryEntry> history(Collection<String> epcs, int limit) {
    List<HistoryEntry> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(String.format(HISTORY, marks(epcs.size())))) {
      bind(ps, 1, new ArrayList<>(epcs));
      ps.setMaxRows(limit + 1);
      java.util.Set<Long> seen = new java.util.HashSet<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next() && out.size() <= limit) {
          if (!seen.add(rs.getLong(11))) {
            continue;
          }
          out.add(new HistoryEntry(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
              rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
              rs.getString(9), rs.getLong(12) > 0, rs.getString(10)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("history look-up failed: " + e.getMessage(), e);
    }
    return out;
  }

  static TracedObject read(ResultSet rs) throws SQLException {
    return new TracedObject(
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
        rs.getString(12),
        rs.getObject(13, OffsetDateTime.class));
  }

  static String marks(int n) {
    return String.join(",", Collections.nCopies(n, "?"));
  }

  static int bind(PreparedStatement ps, int from, List<String> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      ps.setString(from + i, values.get(i));
    }
    return from + values.size();
  }
}
