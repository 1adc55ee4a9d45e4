package org.custodia.supplychain.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.custodia.supplychain.domain.ExpectedItem;
import org.custodia.supplychain.domain.Outcome;
import org.custodia.supplychain.domain.ReceiptLine;
import org.custodia.supplychain.domain.ReturnRecord;
import org.custodia.supplychain.domain.Shipment;
import org.custodia.supplychain.domain.ShipmentStatus;
import org.custodia.platform.Jndi;
import org.custodia.platform.persistence.Chunks;

/** The shipment and return tables of V15. */
@ApplicationScoped
public class JdbcShipments {

  private static final String COLUMNS =
      "s.id, s.status, s.purchase_order, s.despatch_advice, s.source_owner, s.source_location,"
          + " s.destination_owner, s.destination_location, s.shipped_at, s.shipped_by, s.ship_event_id,"
          + " s.received_at, s.received_by";

  @Resource(lookup = Jndi.DATASOURCE)
  DataSource dataSource;

  public JdbcShipments() {}

  /** For tests outside the container. */
  public JdbcShipments(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Records a shipment IN_TRANSIT with its items (ignoring the id, status and receipt given); returns its id. */
  public long create(Shipment s) {
    try (Connection c = dataSource.getConnection()) {
      long id = next(c, "shipment_seq");
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO shipment (id, status, purchase_order, despatch_advice, source_owner, source_location,"
              + " destination_owner, destination_location, shipped_at, shipped_by, ship_event_id)"
              + " VALUES (?, 'IN_TRANSIT', ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        ps.setLong(1, id);
        ps.setString(2, s.purchaseOrder());
        ps.setString(3, s.despatchAdvice());
        ps.setString(4, s.sourceOwner());
        ps.setString(5, s.sourceLocation());
        ps.setString(6, s.destinationOwner());
        ps.setString(7, s.destinationLocation());
        ps.setObject(8, s.shippedAt());
        ps.setString(9, s.shippedBy());
        ps.setString(10, s.shipEventId());
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO shipment_item (shipment_id, seq, epc, gtin, serial, lot, parent_epc, named)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        int seq = 0;
        for (ExpectedItem i : s.items()) {
          ps.setLong(1, id);
          ps.setInt(2, seq++);
          ps.setString(3, i.epc());
          ps.setString(4, i.gtin());
          ps.setString(5, i.serial());
          ps.setString(6, i.lot());
          ps.setString(7, i.parentEpc());
          ps.setInt(8, i.named() ? 1 : 0);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return id;
    } catch (SQLException e) {
      throw new IllegalStateException("recording the shipment failed: " + e.getMessage(), e);
    }
  }

  /**
   * Records the receipt: the lines, the new status and who received it — only while the shipment is
   * still IN_TRANSIT; false when another receipt came first.
   */
  public boolean receive(long id, ShipmentStatus status, List<ReceiptLine> lines, OffsetDateTime at, String by,
      String receiveEventId, String transferEventId) {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE shipment SET status = ?, received_at = ?, received_by = ?, receive_event_id = ?,"
              + " transfer_event_id = ? WHERE id = ? AND status = 'IN_TRANSIT'")) {
        ps.setString(1, status.name());
        ps.setObject(2, at);
        ps.setString(3, by);
        ps.setString(4, receiveEventId);
        ps.setString(5, transferEventId);
        ps.setLong(6, id);
        if (ps.executeUpdate() == 0) {
          return false;
        }
      }
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO shipment_receipt_line (shipment_id, seq, epc, outcome, covered, exception_id)"
              + " VALUES (?, ?, ?, ?, ?, ?)")) {
        int seq = 0;
        for (ReceiptLine l : lines) {
          ps.setLong(1, id);
          ps.setInt(2, seq++);
          ps.setString(3, l.epc());
          ps.setString(4, l.outcome().name());
          ps.setInt(5, l.covered());
          if (l.exceptionId() == null) {
            ps.setNull(6, Types.NUMERIC);
          } else {
            ps.setLong(6, l.exceptionId());
          }
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return true;
    } catch (SQLException e) {
      throw new IllegalStateException("recording the receipt failed: " + e.getMessage(), e);
    }
  }

  /** The shipment with its items and receipt lines. */
  public Optional<Shipment> find(long id) {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM shipment s WHERE s.id = ?")) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          return Optional.of(read(rs, items(c, id), lines(c, id)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading the shipment failed: " + e.getMessage(), e);
    }
  }

  /** The newest shipments first (of {@code status} when given), without items, at most {@code limit}. */
  public List<Shipment> list(ShipmentStatus status, int limit) {
    List<Shipment> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM shipment s"
            + (status == null ? "" : " WHERE s.status = ?") + " ORDER BY s.id DESC")) {
      if (status != null) {
        ps.setString(1, status.name());
      }
      ps.setMaxRows(limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(read(rs, List.of(), List.of()));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("listing shipments failed: " + e.getMessage(), e);
    }
    return out;
  }

  /** Those of {@code epcs} that travel in a shipment still IN_TRANSIT, with its id. */
  public Map<String, Long> inTransit(Collection<String> epcs) {
    Map<String, Long> out = new LinkedHashMap<>();
    query(epcs, "SELECT i.epc, s.id FROM shipment_item i JOIN shipment s ON s.id = i.shipment_id WHERE i.epc IN (%s)"
        + " AND s.status = 'IN_TRANSIT'", null, rs -> out.put(rs.getString(1), rs.getLong(2)));
    return out;
  }

  /**
   * Those of {@code epcs} that a received shipment delivered to {@code owner} (a GLN), with when the newest
   * such shipment was received.
   */
  public Map<String, OffsetDateTime> receivedBy(Collection<String> epcs, String owner) {
    Map<String, OffsetDateTime> out = new LinkedHashMap<>();
    query(epcs, "SELECT i.epc, s.received_at FROM shipment_item i JOIN shipment s ON s.id = i.shipment_id"
        + " WHERE i.epc IN (%s) AND s.status <> 'IN_TRANSIT' AND s.destination_owner = ? ORDER BY s.received_at",
        owner, rs -> out.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class)));
    return out;
  }

  /** Those of {@code epcs} that returns took from {@code owner}, with when the newest did. */
  public Map<String, OffsetDateTime> returnedFrom(Collection<String> epcs, String owner) {
    Map<String, OffsetDateTime> out = new LinkedHashMap<>();
    query(epcs, "SELECT i.epc, r.returned_at FROM shipment_return_item i JOIN shipment_return r ON r.id = i.return_id"
        + " WHERE i.epc IN (%s) AND r.from_owner = ? ORDER BY r.returned_at",
        owner, rs -> out.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class)));
    return out;
  }

  /** One row of a look-up. */
  private interface Row {
    void read(ResultSet rs) throws SQLException;
  }

  private void query(Collection<String> epcs, String sql, String param, Row row) {
    try (Connection c = dataSource.getConnection()) {
      for (List<String> chunk : Chunks.of(new LinkedHashSet<>(epcs))) {
        try (PreparedStatement ps = c.prepareStatement(String.format(sql, marks(chunk.size())))) {
          int n = 1;
          for (String e : chunk) {
            ps.setString(n++, e);
          }
          if (param != null) {
            ps.setString(n, param);
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              row.read(rs);
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("shipment look-up failed: " + e.getMessage(), e);
    }
  }

  /** Records a return with its items; returns its id. */
  public long createReturn(ReturnRecord r) {
    try (Connection c = dataSource.getConnection()) {
      long id = next(c, "shipment_return_seq");
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO shipment_return (id, from_owner, from_location, to_owner, to_location, reason, saleable,"
              + " event_id, returned_at, returned_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        ps.setLong(1, id);
        ps.setString(2, r.fromOwner());
        ps.setString(3, r.fromLocation());
        ps.setString(4, r.toOwner());
        ps.setString(5, r.toLocation());
        ps.setString(6, r.reason());
        ps.setInt(7, r.saleable() ? 1 : 0);
        ps.setString(8, r.eventId());
        ps.setObject(9, r.returnedAt());
        ps.setString(10, r.returnedBy());
        ps.executeUpdate();
      }
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO shipment_return_item (return_id, epc) VALUES (?, ?)")) {
        for (String epc : new LinkedHashSet<>(r.items())) {
          ps.setLong(1, id);
          ps.setString(2, epc);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return id;
    } catch (SQLException e) {
      throw new IllegalStateException("recording the return failed: " + e.getMessage(), e);
    }
  }

  private static long next(Connection c, String sequence) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + sequence + ".NEXTVAL FROM dual");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<ExpectedItem> items(Connection c, long id) throws SQLException {
    List<ExpectedItem> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT epc, gtin, serial, lot, parent_epc, named"
        + " FROM shipment_item WHERE shipment_id = ? ORDER BY seq")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new ExpectedItem(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
              rs.getString(5), rs.getInt(6) == 1));
        }
      }
    }
    return out;
  }

  private static List<ReceiptLine> lines(Connection c, long id) throws SQLException {
    List<ReceiptLine> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT epc, outcome, covered, exception_id"
        + " FROM shipment_receipt_line WHERE shipment_id = ? ORDER BY seq")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long ex = rs.getLong(4);
          Long exceptionId = rs.wasNull() ? null : ex;
          out.add(new ReceiptLine(rs.getString(1), Outcome.valueOf(rs.getString(2)), rs.getInt(3), exceptionId));
        }
      }
    }
    return out;
  }

  private static Shipment read(ResultSet rs, List<ExpectedItem> items, List<ReceiptLine> lines)
      throws SQLException {
    return new Shipment(rs.getLong(1), ShipmentStatus.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
        rs.getObject(9, OffsetDateTime.class), rs.getString(10), rs.getString(11),
        rs.getObject(12, OffsetDateTime.class), rs.getString(13), items, lines);
  }

  private static String marks(int n) {
    return String.join(",", Collections.nCopies(n, "?"));
  }
}
