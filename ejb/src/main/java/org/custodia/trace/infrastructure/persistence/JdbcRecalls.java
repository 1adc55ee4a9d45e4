package org.custodia.trace.infrastructure.persistence;

import static org.custodia.trace.infrastructure.persistence.JdbcTrace.bind;
import static org.custodia.trace.infrastructure.persistence.JdbcTrace.marks;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.custodia.platform.Jndi;
import org.custodia.platform.persistence.Chunks;
import org.custodia.trace.domain.LocationCount;
import org.custodia.trace.domain.Recall;
import org.custodia.trace.domain.RecallCriteria;
import org.custodia.trace.domain.RecallExceptionRecord;
import org.custodia.trace.domain.RecallRules;
import org.custodia.trace.domain.ScopeObject;
import org.custodia.trace.domain.TracedObject;

/** The recall tables of V14, and the look-ups that find a recall's units. */
@ApplicationScoped
public class JdbcRecalls {

  private static final String RECALL_COLUMNS =
      "r.id, r.status, r.gtin, r.lots, r.line_id, r.window_from, r.window_to, r.reason, r.signed_by, r.signed_at,"
          + " r.meaning, r.total_units, r.containers, r.processed, r.quarantined, r.exceptions, r.finished_at,"
          + " r.detail";

  @Resource(lookup = Jndi.DATASOURCE)
  DataSource dataSource;

  public JdbcRecalls() {}

  /** For tests outside the container. */
  public JdbcRecalls(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Records a new RUNNING recall signed by {@code signedBy}; returns its id. */
  public long create(RecallCriteria criteria, String reason, String signedBy, OffsetDateTime signedAt, String meaning) {
    try (Connection c = dataSource.getConnection()) {
      long id;
      try (PreparedStatement ps = c.prepareStatement("SELECT recall_seq.NEXTVAL FROM dual");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        id = rs.getLong(1);
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO recall (id, status, gtin, lots, line_id, window_from, window_to, reason, signed_by,"
                  + " signed_at, meaning, total_units, containers, processed, quarantined, exceptions)"
                  + " VALUES (?, 'RUNNING', ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0)")) {
        ps.setLong(1, id);
        ps.setString(2, criteria.gtin());
        ps.setString(3, criteria.lots().isEmpty() ? null : String.join("\n", criteria.lots()));
        ps.setString(4, criteria.line());
        setTime(ps, 5, criteria.from());
        setTime(ps, 6, criteria.to());
        ps.setString(7, reason);
        ps.setString(8, signedBy);
        ps.setObject(9, signedAt);
        ps.setString(10, meaning);
        ps.executeUpdate();
      }
      return id;
    } catch (SQLException e) {
      throw new IllegalStateException("recording the recall failed: " + e.getMessage(), e);
    }
  }

  /** The recall, with its completion counted from the units' current state. */
  public Optional<Recall> find(long id) {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + RECALL_COLUMNS + " FROM recall r WHERE r.id = ?")) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          return Optional.of(readRecall(rs, resolved(c, id)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading the recall failed: " + e.getMessage(), e);
    }
  }

  /** The newest recalls first, at most {@code limit}, without completion counts. */
  public List<Recall> recent(int limit) {
    List<Recall> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT " + RECALL_COLUMNS + " FROM recall r ORDER BY r.id DESC")) {
      ps.setMaxRows(limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(readRecall(rs, 0));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("listing recalls failed: " + e.getMessage(), e);
    }
    return out;
  }

  private static int resolved(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT COUNT(*) FROM recall_object r JOIN object_state s ON s.epc = r.epc WHERE r.recall_id = ?"
                + " AND r.object_kind = 'UNIT' AND s.status IN (" + marks(RecallRules.RESOLVED.size()) + ")")) {
      ps.setLong(1, id);
      bind(ps, 2, new ArrayList<>(RecallRules.RESOLVED));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private static Recall readRecall(ResultSet rs, int resolved) throws SQLException {
    String lots = rs.getString(4);
    RecallCriteria criteria =
        new RecallCriteria(rs.getString(3), lots == null ? List.of() : Arrays.asList(lots.split("\n")),
            rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class));
    return new Recall(rs.getLong(1), rs.getString(2), criteria, rs.getString(8), rs.getString(9),
        rs.getObject(10, OffsetDateTime.class), rs.getString(11), rs.getInt(12), rs.getInt(13), rs.getInt(14),
        rs.getInt(15), rs.getInt(16), resolved, rs.getObject(17, OffsetDateTime.class), rs.getString(18));
  }

  /**
   * The units of a GTIN's lots: those in the current-state projection, and those commissioned here whose
   * commissioning event the repository has not stored yet (their state is null then).
   */
  public List<TracedObject> unitsOfLots(String gtin, List<String> lots, JdbcTrace trace) {
    Map<String, TracedObject> out = new LinkedHashMap<>();
    Set<String> commissioned = new LinkedHashSet<>();
    try (Connection c = dataSource.getConnection()) {
      for (List<String> chunk : Chunks.of(lots)) {
        try (PreparedStatement ps =
            c.prepareStatement("SELECT " + JdbcTrace.COLUMNS + " FROM object_state s WHERE s.gtin = ? AND s.lot IN ("
                + marks(chunk.size()) + ") ORDER BY s.epc")) {
          ps.setString(1, gtin);
          bind(ps, 2, chunk);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              TracedObject o = JdbcTrace.read(rs);
              out.put(o.epc(), o);
            }
          }
        }
        try (PreparedStatement ps =
            c.prepareStatement("SELECT epc, serial, lot FROM commissioned_unit WHERE gtin = ? AND lot IN ("
                + marks(chunk.size()) + ") ORDER BY epc")) {
          ps.setString(1, gtin);
          bind(ps, 2, chunk);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              if (!out.containsKey(rs.getString(1))) {
                commissioned.add(rs.getString(1) + "\n" + rs.getString(2) + "\n" + rs.getString(3));
              }
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("finding the units of the lots failed: " + e.getMessage(), e);
    }
    addPending(out, commissioned, gtin, trace);
    return new ArrayList<>(out.values());
  }

  /** The units read good on {@code line} in {@code [from, to)} and commissioned, with their state. */
  public List<TracedObject> unitsOfLineWindow(String line, OffsetDateTime from, OffsetDateTime to, JdbcTrace trace) {
    Set<String> commissioned = new LinkedHashSet<>();
    Map<String, String> gtinOf = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT cu.epc, cu.serial, cu.lot, cu.gtin FROM work_order_unit u"
                    + " JOIN work_order w ON w.id = u.work_order_id"
                    + " JOIN commissioned_unit cu ON cu.gtin = w.gtin AND cu.serial = u.serial"
                    + " WHERE w.line_id = ? AND u.read_at >= ? AND u.read_at < ? ORDER BY cu.epc")) {
      ps.setString(1, line);
      ps.setObject(2, from);
      ps.setObject(3, to);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          commissioned.add(rs.getString(1) + "\n" + rs.getString(2) + "\n" + rs.getString(3));
          gtinOf.put(rs.getString(1), rs.getString(4));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("finding the units of the production window failed: " + e.getMessage(), e);
    }
    Map<String, TracedObject> out = new LinkedHashMap<>();
    Map<String, TracedObject> states = trace.states(gtinOf.keySet());
    for (String row : commissioned) {
      String epc = row.substring(0, row.indexOf('\n'));
      TracedObject s = states.get(epc);
      String[] f = row.split("\n", -1);
      out.put(epc, s != null ? s : pending(epc, gtinOf.get(epc), f[1], f[2]));
    }
    return new ArrayList<>(out.values());
  }

  private static void addPending(Map<String, TracedObject> out, Set<String> rows, String gtin, JdbcTrace trace) {
    if (rows.isEmpty()) {
      return;
    }
    List<String> epcs = rows.stream().map(r -> r.substring(0, r.indexOf('\n'))).toList();
    Map<String, TracedObject> states = trace.states(epcs);
    for (String row : rows) {
      String[] f = row.split("\n", -1);
      TracedObject s = states.get(f[0]);
      out.put(f[0], s != null ? s : pending(f[0], gtin, f[1], f[2]));
    }
  }

  private static TracedObject pending(String epc, String gtin, String serial, String lot) {
    return new TracedObject(epc, gtin, serial, lot, null, null, null, null, null, null, null, null, null);
  }

  /** Stores part of the scope and moves the recall's counters on. */
  public void storeScope(long id, List<ScopeObject> objects, int quarantined, List<ScopeObject> exceptions,
      OffsetDateTime now) {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO recall_object (recall_id, epc, object_kind, gtin, serial, lot, status, location,"
                  + " owner_party, parent_epc, quarantined) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (ScopeObject o : objects) {
          ps.setLong(1, id);
          ps.setString(2, o.epc());
          ps.setString(3, o.kind().name());
          setText(ps, 4, o.gtin());
          setText(ps, 5, o.serial());
          setText(ps, 6, o.lot());
          setText(ps, 7, o.status());
          setText(ps, 8, o.location());
          setText(ps, 9, o.owner());
          setText(ps, 10, o.parentEpc());
          ps.setInt(11, o.quarantined() ? 1 : 0);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      if (!exceptions.isEmpty()) {
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO recall_exception (id, recall_id, epc, reason, status, location, owner_party, raised_at)"
                    + " VALUES (recall_exception_seq.NEXTVAL, ?, ?, ?, ?, ?, ?, ?)")) {
          for (ScopeObject o : exceptions) {
            ps.setLong(1, id);
            ps.setString(2, o.epc());
            ps.setString(3, "not-quarantined-" + o.status());
            setText(ps, 4, o.status());
            setText(ps, 5, o.location());
            setText(ps, 6, o.owner());
            ps.setObject(7, now);
            ps.addBatch();
          }
          ps.executeBatch();
        }
      }
      int units = (int) objects.stream().filter(o -> o.kind() == ScopeObject.Kind.UNIT).count();
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE recall SET processed = processed + ?, quarantined = quarantined + ?,"
                  + " exceptions = exceptions + ? WHERE id = ?")) {
        ps.setInt(1, units);
        ps.setInt(2, quarantined);
        ps.setInt(3, exceptions.size());
        ps.setLong(4, id);
        ps.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("storing the recall scope failed: " + e.getMessage(), e);
    }
  }

  /** Records the size of the scope once it is gathered. */
  public void sized(long id, int units, int containers) {
    update("UPDATE recall SET total_units = ?, containers = ? WHERE id = ?", units, containers, id);
  }

  /** Ends the run: DONE or FAILED with a sentence. */
  public void finish(long id, String status, String detail, OffsetDateTime now) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("UPDATE recall SET status = ?, detail = ?, finished_at = ? WHERE id = ?")) {
      ps.setString(1, status);
      setText(ps, 2, detail == null ? null : detail.length() > 1000 ? detail.substring(0, 1000) : detail);
      ps.setObject(3, now);
      ps.setLong(4, id);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("finishing the recall failed: " + e.getMessage(), e);
    }
  }

  private void update(String sql, int a, int b, long id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setInt(1, a);
      ps.setInt(2, b);
      ps.setLong(3, id);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("updating the recall failed: " + e.getMessage(), e);
    }
  }

  /** Units by location and owner, the biggest group first. */
  public List<LocationCount> byLocation(long id) {
    List<LocationCount> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT location, owner_party, COUNT(*) FROM recall_object WHERE recall_id = ?"
                    + " AND object_kind = 'UNIT' GROUP BY location, owner_party"
                    + " ORDER BY COUNT(*) DESC, location, owner_party")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new LocationCount(rs.getString(1), rs.getString(2), rs.getInt(3)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("grouping the recall failed: " + e.getMessage(), e);
    }
    return out;
  }

  /**
   * One page of the recall's objects (units first, then containers, each by EPC) with their state now:
   * {@code status} is the current one, the stored location and owner those when the recall ran.
   */
  public List<ScopeObject> objects(long id, int offset, int limit) {
    List<ScopeObject> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT r.epc, r.object_kind, r.gtin, r.serial, r.lot, NVL(s.status, r.status), r.location,"
                    + " r.owner_party, r.parent_epc, r.quarantined FROM recall_object r"
                    + " LEFT JOIN object_state s ON s.epc = r.epc WHERE r.recall_id = ?"
                    + " ORDER BY r.object_kind DESC, r.epc OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
      ps.setLong(1, id);
      ps.setInt(2, offset);
      ps.setInt(3, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new ScopeObject(rs.getString(1), ScopeObject.Kind.valueOf(rs.getString(2)), rs.getString(3),
              rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
              rs.getString(9), rs.getInt(10) == 1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading the recall objects failed: " + e.getMessage(), e);
    }
    return out;
  }

  /** The units the recall could not quarantine. */
  public List<RecallExceptionRecord> exceptions(long id) {
    List<RecallExceptionRecord> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT id, epc, reason, status, location, owner_party, raised_at FROM recall_exception"
                    + " WHERE recall_id = ? ORDER BY id")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new RecallExceptionRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
              rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading the recall exceptions failed: " + e.getMessage(), e);
    }
    return out;
  }

  private static void setText(PreparedStatement ps, int i, String v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.VARCHAR);
    } else {
      ps.setString(i, v);
    }
  }

  private static void setTime(PreparedStatement ps, int i, OffsetDateTime t) throws SQLException {
    if (t == null) {
      ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      ps.setObject(i, t);
    }
  }
}
