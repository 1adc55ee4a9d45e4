package org.custodia.exceptions.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.custodia.exceptions.domain.ExceptionStatus;
import org.custodia.exceptions.domain.ExceptionType;
import org.custodia.exceptions.domain.Involved;
import org.custodia.exceptions.domain.Severity;
import org.custodia.exceptions.domain.SupplyException;
import org.custodia.platform.Jndi;

/** Stores and reads supply-chain exceptions (table {@code supply_exception}) with plain JDBC. */
@ApplicationScoped
public class JdbcSupplyExceptions {

  private static final String COLUMNS =
      "id, type, severity, gtin, serial, lot, epc, requester_gln, detail, raised_at, raised_by, status,"
          + " resolved_by, resolved_at, root_cause";

  @Resource(lookup = Jndi.DATASOURCE)
  DataSource dataSource;

  public JdbcSupplyExceptions() {}

  /** For tests outside the container. */
  public JdbcSupplyExceptions(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Inserts a new exception; returns it with its id. */
  public SupplyException insert(SupplyException e) {
    try (Connection c = dataSource.getConnection()) {
      long id;
      try (PreparedStatement ps = c.prepareStatement("SELECT supply_exception_seq.NEXTVAL FROM dual");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        id = rs.getLong(1);
      }
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO supply_exception (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        Involved i = e.involved();
        ps.setLong(1, id);
        ps.setString(2, e.type().name());
        ps.setString(3, e.severity().name());
        ps.setString(4, i.gtin());
        ps.setString(5, i.serial());
        ps.setString(6, i.lot());
        ps.setString(7, i.epc());
        ps.setString(8, i.requesterGln());
        ps.setString(9, e.detail());
        ps.setObject(10, e.raisedAt());
        ps.setString(11, e.raisedBy());
        ps.setString(12, e.status().name());
        ps.setString(13, e.resolvedBy());
        ps.setObject(14, e.resolvedAt());
        ps.setString(15, e.rootCause());
        ps.executeUpdate();
      }
      return e.withId(id);
    } catch (SQLException x) {
      throw new IllegalStateException("cannot store supply exception: " + x.getMessage(), x);
    }
  }

  /** Writes the resolution of an exception that is still open; false when it was not open any more. */
  public boolean resolve(SupplyException e) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE supply_exception SET status = ?, resolved_by = ?, resolved_at = ?, root_cause = ?"
                    + " WHERE id = ? AND status = 'OPEN'")) {
      ps.setString(1, e.status().name());
      ps.setString(2, e.resolvedBy());
      ps.setObject(3, e.resolvedAt());
      ps.setString(4, e.rootCause());
      ps.setLong(5, e.id());
      return ps.executeUpdate() == 1;
    } catch (SQLException x) {
      throw new IllegalStateException("cannot resolve supply exception: " + x.getMessage(), x);
    }
  }

  public Optional<SupplyException> find(long id) {
    return query(" WHERE id = ?", List.of(id), 1).stream().findFirst();
  }

  /** The newest exceptions first, optionally of one type and/or status, at most {@code limit}. */
  public List<SupplyException> find(ExceptionType type, ExceptionStatus status, String serial, int limit) {
    StringBuilder where = new StringBuilder();
    List<Object> args = new ArrayList<>();
    if (type != null) {
      where.append(" AND type = ?");
      args.add(type.name());
    }
    if (status != null) {
      where.append(" AND status = ?");
      args.add(status.name());
    }
    if (serial != null) {
      where.append(" AND serial = ?");
      args.add(serial);
    }
    return query(where.length() == 0 ? "" : " WHERE" + where.substring(4), args, limit);
  }

  private List<SupplyException> query(String where, List<?> args, int limit) {
    List<SupplyException> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT " + COLUMNS + " FROM supply_exception" + where + " ORDER BY id DESC")) {
      for (int i = 0; i < args.size(); i++) {
        ps.setObject(i + 1, args.get(i));
      }
      ps.setMaxRows(limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next() && out.size() < limit) {
          out.add(new SupplyException(
              rs.getLong(1),
              ExceptionType.valueOf(rs.getString(2)),
              Severity.valueOf(rs.getString(3)),
              new Involved(rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)),
              rs.getString(9),
              rs.getObject(10, OffsetDateTime.class),
              rs.getString(11),
              ExceptionStatus.valueOf(rs.getString(12)),
              rs.getString(13),
              rs.getObject(14, OffsetDateTime.class),
              rs.getString(15)));
        }
      }
    } catch (SQLException x) {
      throw new IllegalStateException("cannot read supply exceptions: " + x.getMessage(), x);
    }
    return out;
  }
}
