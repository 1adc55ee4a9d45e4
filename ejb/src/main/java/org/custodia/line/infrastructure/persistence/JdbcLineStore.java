package org.custodia.line.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.custodia.gs1.ExpiryDate;
import org.custodia.gs1.Gtin;
import org.custodia.gs1.LotNumber;
import org.custodia.line.domain.ExceptionRecord;
import org.custodia.line.domain.ExceptionType;
import org.custodia.line.domain.LineRepository;
import org.custodia.line.domain.Market;
import org.custodia.line.domain.ProductionLine;
import org.custodia.line.domain.UnitStatus;
import org.custodia.line.domain.WorkOrder;
import org.custodia.line.domain.WorkOrderRepository;
import org.custodia.line.domain.WorkOrderStatus;
import org.custodia.line.domain.WorkOrderUnit;
import org.custodia.platform.Jndi;

/**
 * Lines, work orders, units and line exceptions in plain JDBC (bind parameters only, SQL that Oracle and
 * H2 in Oracle mode both accept). Inside the server every call joins the caller's JTA transaction; row
 * locks ({@code SELECT … FOR UPDATE}) last until it ends.
 */
@ApplicationScoped
public class JdbcLineStore implements WorkOrderRepository, LineRepository {

  private static final String ORDER_COLUMNS = "id, line_id, gtin, lot, expiry, quantity, markets, status, pool_id,"
      + " serials_allocated, last_sent, created_by, created_at, released_by, released_at, started_at, closed_by,"
      + " closed_at, paused_by, line_started_at";
  private static final String UNIT_COLUMNS = "work_order_id, seq_no, serial, pool_id, status, reason, grade,"
      + " allocated_at, printed_at, read_at, decided_at, reject_confirmed_at";
  private static final String EXCEPTION_COLUMNS = "id, exception_type, line_id, work_order_id, seq_no, raised_at,"
      + " detail, status, resolved_by, resolved_at, resolution";
  private static final String LINE_COLUMNS = "line_id, name, window_size, reject_timeout_ms, stop_on_unconfirmed,"
      + " units_per_case, cases_per_pallet";

  @Resource(lookup = Jndi.DATASOURCE)
  DataSource dataSource;

  public JdbcLineStore() {}

  /** For tests outside the container. */
  public JdbcLineStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  // ---- work orders ----

  @Override
  public long nextId() {
    return nextValue("work_order_seq");
  }

  @Override
  public void insert(WorkOrder w) {
    update("INSERT INTO work_order (line_id, gtin, lot, expiry, quantity, markets, status, pool_id,"
        + " serials_allocated, last_sent, created_by, created_at, released_by, released_at, started_at, closed_by,"
        + " closed_at, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        w.line(), w.gtin().value(), w.lot().value(), w.expiry().value(), w.quantity(), markets(w), w.status().name(),
        w.poolId(), w.serialsAllocated(), w.lastSent(), w.createdBy(), w.createdAt(), w.releasedBy(),
        w.releasedAt(), w.startedAt(), w.closedBy(), w.closedAt(), w.id());
  }

  @Override
  public void update(WorkOrder w) {
    update("UPDATE work_order SET status = ?, pool_id = ?, serials_allocated = ?, last_sent = ?, released_by = ?,"
        + " released_at = ?, started_at = ?, closed_by = ?, closed_at = ?, paused_by = ?, line_started_at = ? WHERE id = ?",
        w.status().name(), w.poolId(), w.serialsAllocated(), w.lastSent(), w.releasedBy(), w.releasedAt(),
        w.startedAt(), w.closedBy(), w.closedAt(), w.pausedBy(), w.lineStartedAt(), w.id());
  }

  @Override
  public Optional<WorkOrder> find(long id) {
    return first(orders("SELECT " + ORDER_COLUMNS + " FROM work_order WHERE id = ?", id));
  }

  @Override
  public Optional<WorkOrder> lock(long id) {
    return first(orders("SELECT " + ORDER_COLUMNS + " FROM work_order WHERE id = ? FOR UPDATE", id));
  }

  @Override
  public Optional<WorkOrder> lockOnLine(String line) {
    return first(orders("SELECT " + ORDER_COLUMNS + " FROM work_order WHERE line_id = ?"
        + " AND status IN ('RUNNING', 'PAUSED', 'STOPPED_BY_EXCEPTION') FOR UPDATE", line));
  }

  @Override
  public Optional<WorkOrder> lockLastClosedOn(String line) {
    return first(orders("SELECT " + ORDER_COLUMNS + " FROM work_order WHERE id = (SELECT MAX(id) FROM work_order"
        + " WHERE line_id = ? AND status = 'CLOSED') FOR UPDATE", line));
  }

  // ---- units ----

  @Override
  public void insertUnits(List<WorkOrderUnit> units) {
    batch("INSERT INTO work_order_unit (serial, pool_id, status, reason, grade, allocated_at, printed_at, read_at,"
        + " decided_at, reject_confirmed_at, work_order_id, seq_no) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        units.stream().map(u -> new Object[] {u.serial(), u.poolId(), u.status().name(), u.reason(), u.grade(),
            u.allocatedAt(), u.printedAt(), u.readAt(), u.decidedAt(), u.rejectConfirmedAt(), u.workOrderId(),
            u.sequence()}).toList());
  }

  @Override
  public void updateUnits(List<WorkOrderUnit> units) {
    batch("UPDATE work_order_unit SET status = ?, reason = ?, grade = ?, printed_at = ?, read_at = ?,"
        + " decided_at = ?, reject_confirmed_at = ? WHERE work_order_id = ? AND seq_no = ?",
        units.stream().map(u -> new Object[] {u.status().name(), u.reason(), u.grade(), u.printedAt(), u.readAt(),
            u.decidedAt(), u.rejectConfirmedAt(), u.workOrderId(), u.sequence()}).toList());
  }

  @Override
  public Optional<WorkOrderUnit> unit(long workOrderId, int sequence) {
    return first(units("SELECT " + UNIT_COLUMNS + " FROM work_order_unit WHERE work_order_id = ? AND seq_no = ?",
        workOrderId, sequence));
  }

  @Override
  public Optional<WorkOrderUnit> unitBySerial(long workOrderId, String serial) {
    return first(units("SELECT " + UNIT_COLUMNS + " FROM work_order_unit WHERE work_order_id = ? AND serial = ?",
        workOrderId, serial));
  }

  @Override
  public List<WorkOrderUnit> units(long workOrderId, int from, int to) {
    return units("SELECT " + UNIT_COLUMNS + " FROM work_order_unit WHERE work_order_id = ? AND seq_no BETWEEN ? AND ?"
        + " ORDER BY seq_no", workOrderId, from, to);
  }

  @Override
  public List<WorkOrderUnit> unitsIn(long workOrderId, UnitStatus status) {
    return units("SELECT " + UNIT_COLUMNS + " FROM work_order_unit WHERE work_order_id = ? AND status = ?"
        + " ORDER BY seq_no", workOrderId, status.name());
  }

  @Override
  public Map<UnitStatus, Integer> counts(long workOrderId) {
    Map<UnitStatus, Integer> out = new EnumMap<>(UnitStatus.class);
    query("SELECT status, COUNT(*) FROM work_order_unit WHERE work_order_id = ? GROUP BY status",
        new Object[] {workOrderId}, rs -> out.put(UnitStatus.valueOf(rs.getString(1)), rs.getInt(2)));
    return out;
  }

  @Override
  public int count(long workOrderId, UnitStatus status) {
    int[] n = {0};
    query("SELECT COUNT(*) FROM work_order_unit WHERE work_order_id = ? AND status = ?",
        new Object[] {workOrderId, status.name()}, rs -> n[0] = rs.getInt(1));
    return n[0];
  }

  @Override
  public List<WorkOrderUnit> unconfirmedRejects() {
    return units("SELECT " + prefixed("u.", UNIT_COLUMNS) + " FROM work_order w JOIN work_order_unit u"
        + " ON u.work_order_id = w.id WHERE w.status IN ('RUNNING', 'PAUSED', 'STOPPED_BY_EXCEPTION')"
        + " AND u.status = 'REJECTED' AND u.reject_confirmed_at IS NULL AND NOT EXISTS (SELECT 1 FROM line_exception e"
        + " WHERE e.work_order_id = u.work_order_id AND e.seq_no = u.seq_no AND e.exception_type = ?)"
        + " ORDER BY u.work_order_id, u.seq_no", ExceptionType.REJECT_NOT_CONFIRMED.name());
  }

  @Override
  public List<WorkOrderUnit> printedBefore(OffsetDateTime before) {
    return units("SELECT " + prefixed("u.", UNIT_COLUMNS) + " FROM work_order w JOIN work_order_unit u"
        + " ON u.work_order_id = w.id WHERE w.status = 'RUNNING' AND u.status = 'PRINTED' AND u.printed_at < ?"
        + " ORDER BY u.work_order_id, u.seq_no", before);
  }

  // ---- lines ----

  @Override
  public Optional<ProductionLine> line(String id) {
    return first(lines("SELECT " + LINE_COLUMNS + " FROM production_line WHERE line_id = ?", id));
  }

  @Override
  public Optional<ProductionLine> lockLine(String id) {
    return first(lines("SELECT " + LINE_COLUMNS + " FROM production_line WHERE line_id = ? FOR UPDATE", id));
  }

  @Override
  public List<ProductionLine> lines() {
    return lines("SELECT " + LINE_COLUMNS + " FROM production_line ORDER BY line_id");
  }

  @Override
  public void save(ProductionLine l) {
    Object[] values = {l.name(), l.windowSize(), l.rejectTimeout().toMillis(), l.stopOnUnconfirmedReject() ? 1 : 0,
        l.unitsPerCase(), l.casesPerPallet(), l.id()};
    if (update("UPDATE production_line SET name = ?, window_size = ?, reject_timeout_ms = ?, stop_on_unconfirmed = ?,"
        + " units_per_case = ?, cases_per_pallet = ? WHERE line_id = ?", values) == 0) {
      update("INSERT INTO production_line (name, window_size, reject_timeout_ms, stop_on_unconfirmed,"
          + " units_per_case, cases_per_pallet, line_id) VALUES (?, ?, ?, ?, ?, ?, ?)", values);
    }
  }

  // ---- what was processed of each line's messages ----

  @Override
  public long processedUpTo(String line) {
    long[] last = {-1};
    query("SELECT last_sequence FROM line_inbound WHERE line_id = ?", new Object[] {line}, rs -> last[0] = rs.getLong(1));
    return last[0];
  }

  @Override
  public boolean markProcessed(String line, long sequence, OffsetDateTime at) {
    if (update("UPDATE line_inbound SET last_sequence = ?, updated_at = ? WHERE line_id = ? AND last_sequence < ?",
        sequence, at, line, sequence) == 1) {
      return true;
    }
    long[] last = {-1};
    boolean[] found = {false};
    query("SELECT last_sequence FROM line_inbound WHERE line_id = ? FOR UPDATE", new Object[] {line}, rs -> {
      found[0] = true;
      last[0] = rs.getLong(1);
    });
    if (found[0]) {
      return false;
    }
    // the line's first message: two deliveries of it race on the primary key, one of them fails and is retried
    update("INSERT INTO line_inbound (line_id, last_sequence, updated_at) VALUES (?, ?, ?)", line, sequence, at);
    return true;
  }

  // ---- exceptions ----

  @Override
  public long nextExceptionId() {
    return nextValue("line_exception_seq");
  }

  @Override
  public void insert(ExceptionRecord e) {
    update("INSERT INTO line_exception (" + EXCEPTION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        e.id(), e.type().name(), e.line(), e.workOrderId(), e.sequence(), e.raisedAt(), e.detail(),
        e.status().name(), e.resolvedBy(), e.resolvedAt(), e.resolution());
  }

  @Override
  public void update(ExceptionRecord e) {
    update("UPDATE line_exception SET status = ?, resolved_by = ?, resolved_at = ?, resolution = ? WHERE id = ?",
        e.status().name(), e.resolvedBy(), e.resolvedAt(), e.resolution(), e.id());
  }

  @Override
  public Optional<ExceptionRecord> exception(long id) {
    return first(exceptions("SELECT " + EXCEPTION_COLUMNS + " FROM line_exception WHERE id = ?", id));
  }

  @Override
  public List<ExceptionRecord> exceptions(ExceptionRecord.Status status, Long workOrderId, int limit) {
    List<Object> args = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT " + EXCEPTION_COLUMNS + " FROM line_exception WHERE 1 = 1");
    if (status != null) {
      sql.append(" AND status = ?");
      args.add(status.name());
    }
    if (workOrderId != null) {
      sql.append(" AND work_order_id = ?");
      args.add(workOrderId);
    }
    sql.append(" ORDER BY id DESC FETCH FIRST ? ROWS ONLY");
    args.add(Math.max(1, Math.min(limit, 1000)));
    return exceptions(sql.toString(), args.toArray());
  }

  @Override
  public int openStoppingExceptions(long workOrderId) {
    List<String> stopping = Arrays.stream(ExceptionType.values()).filter(ExceptionType::stopsLine)
        .map(Enum::name).toList();
    int[] n = {0};
    query("SELECT COUNT(*) FROM line_exception WHERE work_order_id = ? AND status = 'OPEN' AND exception_type IN ("
        + String.join(", ", stopping.stream().map(s -> "'" + s + "'").toList()) + ")",
        new Object[] {workOrderId}, rs -> n[0] = rs.getInt(1));
    return n[0];
  }

  // ---- mapping ----

  private List<WorkOrder> orders(String sql, Object... args) {
    List<WorkOrder> out = new ArrayList<>();
    query(sql, args, rs -> out.add(new WorkOrder(rs.getLong(1), rs.getString(2), Gtin.of(rs.getString(3)),
        LotNumber.of(rs.getString(4)), ExpiryDate.of(rs.getString(5)), rs.getInt(6),
        Arrays.stream(rs.getString(7).split(",")).map(Market::valueOf).toList(),
        WorkOrderStatus.valueOf(rs.getString(8)), longOrNull(rs, 9), rs.getInt(10), rs.getInt(11), rs.getString(12),
        time(rs, 13), rs.getString(14), time(rs, 15), time(rs, 16), rs.getString(17), time(rs, 18))
        .pausedBy(rs.getString(19)).lineStartedAt(time(rs, 20))));
    return out;
  }

  private List<WorkOrderUnit> units(String sql, Object... args) {
    List<WorkOrderUnit> out = new ArrayList<>();
    query(sql, args, rs -> out.add(new WorkOrderUnit(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getLong(4),
        UnitStatus.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), time(rs, 8), time(rs, 9),
        time(rs, 10), time(rs, 11), time(rs, 12))));
    return out;
  }

  private List<ProductionLine> lines(String sql, Object... args) {
    List<ProductionLine> out = new ArrayList<>();
    query(sql, args, rs -> out.add(new ProductionLine(rs.getString(1), rs.getString(2), rs.getInt(3),
        Duration.ofMillis(rs.getLong(4)), rs.getInt(5) == 1, rs.getInt(6), rs.getInt(7))));
    return out;
  }

  private List<ExceptionRecord> exceptions(String sql, Object... args) {
    List<ExceptionRecord> out = new ArrayList<>();
    query(sql, args, rs -> out.add(new ExceptionRecord(rs.getLong(1), ExceptionType.valueOf(rs.getString(2)),
        rs.getString(3), longOrNull(rs, 4), intOrNull(rs, 5), time(rs, 6), rs.getString(7),
        ExceptionRecord.Status.valueOf(rs.getString(8)), rs.getString(9), time(rs, 10), rs.getString(11))));
    return out;
  }

  private static String markets(WorkOrder w) {
    return String.join(",", w.markets().stream().map(Enum::name).toList());
  }

  private static String prefixed(String prefix, String columns) {
    return String.join(", ", Arrays.stream(columns.split(",\\s*")).map(c -> prefix + c).toList());
  }

  private static Long longOrNull(ResultSet rs, int i) throws SQLException {
    long v = rs.getLong(i);
    return rs.wasNull() ? null : v;
  }

  private static Integer intOrNull(ResultSet rs, int i) throws SQLException {
    int v = rs.getInt(i);
    return rs.wasNull() ? null : v;
  }

  private static OffsetDateTime time(ResultSet rs, int i) throws SQLException {
    return rs.getObject(i, OffsetDateTime.class);
  }

  private static <T> Optional<T> first(List<T> list) {
    return list.stream().findFirst();
  }

  // ---- JDBC ----

  private interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  private long nextValue(String sequence) {
    long[] v = {0};
    query("SELECT " + sequence + ".NEXTVAL FROM dual", new Object[0], rs -> v[0] = rs.getLong(1));
    return v[0];
  }

  private void query(String sql, Object[] args, RowReader reader) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          reader.read(rs);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read line data: " + e.getMessage(), e);
    }
  }

  private int update(String sql, Object... args) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot write line data: " + e.getMessage(), e);
    }
  }

  private void batch(String sql, List<Object[]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      int n = 0;
      for (Object[] row : rows) {
        bind(ps, row);
        ps.addBatch();
        if (++n % 500 == 0) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot write line data: " + e.getMessage(), e);
    }
  }

  private static void bind(PreparedStatement ps, Object[] values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      if (v == null) {
        // a NULL bound as VARCHAR converts to any column type on Oracle and H2 alike
        ps.setNull(i + 1, Types.VARCHAR);
      } else {
        ps.setObject(i + 1, v);
      }
    }
  }
}
