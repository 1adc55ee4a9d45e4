package org.custodia.line.infrastructure.monitor;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.custodia.line.application.ExceptionView;
import org.custodia.line.application.WorkOrderService;
import org.custodia.line.application.WorkOrderView;
import org.custodia.line.domain.ExceptionRecord;
import org.custodia.line.domain.LineRepository;
import org.custodia.line.domain.ProductionLine;
import org.custodia.platform.Jndi;
import org.custodia.security.Roles;

/**
 * The dashboard's reads of the database (UI-1): the configured lines, the orders of a line that are not
 * closed (and the last closed one), and its open exceptions. Orders and exceptions come through {@link
 * WorkOrderService}, so they look as the REST API shows them; only which orders a line has is asked here,
 * from the {@code work_order (line_id, status)} index. Read only; the roles that may view the dashboard.
 */
@Stateless
@RolesAllowed({Roles.OPERATOR, Roles.QA, Roles.SUPPLY_CHAIN, Roles.ADMIN})
public class LineBoard {

  /** How many open exceptions of all lines are looked through for those of one line. */
  static final int EXCEPTIONS_SCANNED = 500;

  @Inject LineRepository lines;
  @Inject WorkOrderService orders;

  @Resource(lookup = Jndi.DATASOURCE)
  DataSource dataSource;

  /** The configured lines, by id. */
  public List<ProductionLine> lines() {
    return lines.lines();
  }

  /**
   * The orders of {@code line} that are not closed, oldest first, then the line's most recently closed
   * order if there is one (its final counts stay on the screen until the next starts).
   */
  public List<WorkOrderView> orders(String line) {
    List<Long> ids = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT id FROM work_order WHERE line_id = ? AND status <> 'CLOSED' ORDER BY id")) {
        ps.setString(1, line);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getLong(1));
          }
        }
      }
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT MAX(id) FROM work_order WHERE line_id = ? AND status = 'CLOSED'")) {
        ps.setString(1, line);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next() && rs.getObject(1) != null) {
            ids.add(rs.getLong(1));
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not list the work orders of line " + line, e);
    }
    List<WorkOrderView> out = new ArrayList<>(ids.size());
    for (long id : ids) {
      out.add(orders.workOrder(id));
    }
    return out;
  }

  /** The open exceptions of {@code line}, newest first. */
  public List<ExceptionView> openExceptions(String line) {
    return orders.exceptions(ExceptionRecord.Status.OPEN, null, EXCEPTIONS_SCANNED).stream()
        .filter(e -> line.equals(e.line()))
        .toList();
  }
}
