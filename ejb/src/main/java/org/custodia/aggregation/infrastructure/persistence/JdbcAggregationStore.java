package org.custodia.aggregation.infrastructure.persistence;

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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.custodia.aggregation.domain.Addition;
import org.custodia.aggregation.domain.AggregationException;
import org.custodia.aggregation.domain.AggregationRepository;
import org.custodia.aggregation.domain.ChildId;
import org.custodia.aggregation.domain.ChildState;
import org.custodia.aggregation.domain.ContainerLevel;
import org.custodia.aggregation.domain.ContainerState;
import org.custodia.aggregation.domain.Content;
import org.custodia.aggregation.domain.LinkRecord;
import org.custodia.aggregation.domain.OrderFacts;
import org.custodia.aggregation.domain.PackedContainer;
import org.custodia.aggregation.domain.ParentState;
import org.custodia.aggregation.domain.Removal;
import org.custodia.aggregation.domain.SsccPool;
import org.custodia.aggregation.domain.TakenOver;
import org.custodia.gs1.Gln;
import org.custodia.gs1.Sgtin;
import org.custodia.gs1.Sscc;
import org.custodia.platform.DomainException.Kind;
import org.custodia.platform.Jndi;
import org.custodia.platform.persistence.Chunks;

/**
 * SSCC pools, containers and containment links in plain JDBC (bind parameters only, SQL that Oracle and H2
 * in Oracle mode both accept). Each method is one unit of work on one connection: inside the server it joins
 * the caller's JTA transaction, and its row locks ({@code SELECT … FOR UPDATE}) last until that ends; on a
 * connection in auto-commit mode (tests, tools) it runs in a local transaction of its own.
 *
 * <p>Units are read from the serialization feature's {@code commissioned_unit} table (commissioned means
 * there is a row) and their state from the EPCIS repository's {@code object_state}, which alone knows the
 * units other parties commissioned; work orders from the line feature's {@code work_order} table. Containers
 * other parties made are taken over from the repository by {@link TakeOver}.
 */
@ApplicationScoped
public class JdbcAggregationStore implements AggregationRepository {

  @Resource(lookup = Jndi.DATASOURCE)
  DataSource dataSource;

  public JdbcAggregationStore() {}

  /** For tests outside the container. */
  public JdbcAggregationStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Optional<OrderFacts> order(long workOrderId) {
    return work(c -> {
      List<OrderFacts> out = new ArrayList<>();
      query(c, "SELECT id, line_id, gtin, lot FROM work_order WHERE id = ?", List.of(workOrderId),
          rs -> out.add(new OrderFacts(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))));
      return out.stream().findFirst();
    });
  }

  @Override
  public boolean definePool(SsccPool pool) {
    return work(c -> update(c, "INSERT INTO sscc_pool (company_prefix, extension_digit, next_serial_ref, created_at)"
        + " SELECT CAST(? AS VARCHAR2(12)), CAST(? AS NUMBER(1)), CAST(? AS NUMBER(19)),"
        + " CAST(? AS TIMESTAMP WITH TIME ZONE) FROM dual"
        + " WHERE NOT EXISTS (SELECT 1 FROM sscc_pool WHERE company_prefix = ?)",
        pool.companyPrefix(), pool.extensionDigit(), pool.nextSerialRef(), OffsetDateTime.now(),
        pool.companyPrefix()) > 0);
  }

  @Override
  public List<Sscc> allocate(OrderFacts order, ContainerLevel level, int count, OffsetDateTime at) {
    return work(c -> {
      List<String> prefixes = new ArrayList<>();
      query(c, "SELECT company_prefix FROM sscc_pool", List.of(), rs -> prefixes.add(rs.getString(1)));
      String prefix = SsccPool.prefixFor(prefixes, order.gtin()).orElseThrow(() -> new AggregationException(
          Kind.CONFLICT, "no-sscc-pool", "gtin", order.gtin(), "no SSCC pool is configured for the company prefix"
              + " of GTIN " + order.gtin() + " (work order " + order.id() + ")"));
      SsccPool[] pool = {null};
      query(c, "SELECT extension_digit, next_serial_ref FROM sscc_pool WHERE company_prefix = ? FOR UPDATE",
          List.of(prefix), rs -> pool[0] = new SsccPool(prefix, rs.getInt(1), rs.getLong(2)));
      SsccPool.Taken taken = pool[0].take(count);
      update(c, "UPDATE sscc_pool SET next_serial_ref = ? WHERE company_prefix = ?",
          taken.pool().nextSerialRef(), prefix);
      List<Object[]> rows = new ArrayList<>(count);
      for (Sscc s : taken.ssccs()) {
        rows.add(new Object[] {s.value(), level.name(), order.id(), order.line(), order.gtin(), order.lot(), at});
      }
      batch(c, "INSERT INTO aggregation_container (sscc, container_level, work_order_id, line_id, gtin, lot,"
          + " allocated_at, status, closed_partial, child_count) VALUES (?, ?, ?, ?, ?, ?, ?, 'ALLOCATED', 0, 0)",
          rows);
      return taken.ssccs();
    });
  }

  @Override
  public ParentState parent(Sscc sscc) {
    return work(c -> {
      ParentState[] out = {ParentState.unknown(sscc)};
      query(c, "SELECT work_order_id, container_level, status FROM aggregation_container WHERE sscc = ? FOR UPDATE",
          List.of(sscc.value()), rs -> out[0] = new ParentState(sscc, true, rs.getLong(1),
              ContainerLevel.valueOf(rs.getString(2)), closed(rs.getString(3)), List.of()));
      if (!out[0].allocated()) {
        return out[0];
      }
      List<String> ancestors = new ArrayList<>();
      Set<String> seen = new HashSet<>(Set.of(sscc.value()));
      String current = sscc.value();
      while (current != null) {
        String[] up = {null};
        query(c, "SELECT parent_sscc FROM aggregation_link WHERE child_key = ?", List.of("00" + current),
            rs -> up[0] = rs.getString(1));
        current = up[0] != null && seen.add(up[0]) ? up[0] : null;
        if (current != null) {
          ancestors.add(current);
        }
      }
      ParentState p = out[0];
      return new ParentState(sscc, true, p.workOrderId(), p.level(), p.packed(), ancestors);
    });
  }

  @Override
  public List<ChildState> children(List<ChildId> ids, boolean othersUnits) {
    return work(c -> {
      Map<String, String> parents = new HashMap<>();
      for (List<String> chunk : Chunks.of(ids.stream().map(ChildId::key).distinct().toList())) {
        query(c, "SELECT child_key, parent_sscc FROM aggregation_link WHERE child_key IN (" + marks(chunk) + ")",
            chunk, rs -> parents.put(rs.getString(1), rs.getString(2)));
      }
      Map<String, ChildState> found = new HashMap<>();
      Map<String, List<ChildId.Unit>> unitsByGtin = new LinkedHashMap<>();
      List<String> ssccs = new ArrayList<>();
      for (ChildId id : ids) {
        if (id instanceof ChildId.Unit u) {
          unitsByGtin.computeIfAbsent(u.sgtin().gtin().value(), g -> new ArrayList<>()).add(u);
        } else {
          ssccs.add(((ChildId.Container) id).sscc().value());
        }
      }
      for (Map.Entry<String, List<ChildId.Unit>> e : unitsByGtin.entrySet()) {
        Map<String, ChildId.Unit> bySerial = new HashMap<>();
        e.getValue().forEach(u -> bySerial.put(u.sgtin().serial().value(), u));
        for (List<String> chunk : Chunks.of(bySerial.keySet())) {
          List<Object> args = new ArrayList<>();
          args.add(e.getKey());
          args.addAll(chunk);
          query(c, "SELECT c.serial, c.lot, c.epc, s.status FROM commissioned_unit c"
              + " LEFT JOIN object_state s ON s.epc = c.epc WHERE c.gtin = ? AND c.serial IN (" + marks(chunk) + ")",
              args, rs -> {
                ChildId.Unit u = bySerial.get(rs.getString(1));
                found.put(u.key(), ChildState.unit(u, rs.getString(4), rs.getString(2), parents.get(u.key()),
                    rs.getString(3)));
              });
        }
        if (!othersUnits) {
          continue;
        }
        // units another party commissioned: known from the repository's state alone
        bySerial.keySet().removeIf(serial -> found.containsKey(bySerial.get(serial).key()));
        for (List<String> chunk : Chunks.of(bySerial.keySet())) {
          List<Object> args = new ArrayList<>();
          args.add(e.getKey());
          args.addAll(chunk);
          query(c, "SELECT serial, lot, epc, status FROM object_state WHERE gtin = ? AND serial IN (" + marks(chunk)
              + ") ORDER BY epc", args, rs -> {
                ChildId.Unit u = bySerial.get(rs.getString(1));
                found.putIfAbsent(u.key(), ChildState.unit(u, rs.getString(4), rs.getString(2), parents.get(u.key()),
                    rs.getString(3)));
              });
        }
      }
      for (List<String> chunk : Chunks.of(new HashSet<>(ssccs))) {
        query(c, "SELECT sscc, container_level, status, gtin, lot, epc FROM aggregation_container WHERE sscc IN ("
            + marks(chunk) + ")", chunk, rs -> {
              ChildId.Container k = new ChildId.Container(Sscc.of(rs.getString(1)));
              found.put(k.key(), ChildState.container(k, ContainerLevel.valueOf(rs.getString(2)),
                  closed(rs.getString(3)), rs.getString(4), rs.getString(5), parents.get(k.key()), rs.getString(6)));
            });
      }
      return ids.stream().map(id -> found.getOrDefault(id.key(), ChildState.unknown(id))).toList();
    });
  }

  @Override
  public void record(PackedContainer p) {
    work(c -> {
      int n;
      if (p.allocated()) {
        n = update(c, "UPDATE aggregation_container SET status = 'PACKED', closed_partial = ?, child_count = ?,"
            + " packed_at = ?, event_id = ? WHERE sscc = ? AND status = 'ALLOCATED'",
            p.partial() ? 1 : 0, p.children().size(), p.packedAt(), p.eventId(), p.sscc().value());
      } else {
        n = insertPacked(c, p);
      }
      if (n != 1) {
        throw new AggregationException(Kind.CONFLICT, "parent-already-packed", "parentCode", p.sscc().value(),
            p.level().noun() + " " + p.sscc().toElementString() + " was closed by another request at the same moment");
      }
      List<Object[]> links = new ArrayList<>();
      List<Object[]> onPallet = new ArrayList<>();
      for (ChildState child : p.children()) {
        String level = child.level() == null ? "UNIT" : child.level().name();
        links.add(new Object[] {child.id().key(), level, p.sscc().value(), p.workOrderId(), p.packedAt(),
            p.eventId()});
        if (child.id() instanceof ChildId.Container k) {
          onPallet.add(new Object[] {p.sscc().value(), k.sscc().value()});
        }
      }
      try {
        batch(c, "INSERT INTO aggregation_link (child_key, child_level, parent_sscc, work_order_id, linked_at,"
            + " event_id) VALUES (?, ?, ?, ?, ?, ?)", links);
      } catch (SQLException e) {
        if (isConstraintViolation(e)) {
          throw new AggregationException(Kind.CONFLICT, "child-has-parent", "childCodes", null,
              "another request put one of the children of " + p.sscc().toElementString()
                  + " into a container at the same moment; nothing was recorded");
        }
        throw e;
      }
      batch(c, "UPDATE aggregation_container SET parent_sscc = ? WHERE sscc = ?", onPallet);
      return null;
    });
  }

  /** A container whose SSCC the station made: recorded as it is closed; 0 when another request was first. */
  private static int insertPacked(Connection c, PackedContainer p) throws SQLException {
    try {
      return update(c, "INSERT INTO aggregation_container (sscc, container_level, work_order_id, line_id, gtin,"
          + " lot, status, closed_partial, child_count, allocated_at, packed_at, event_id)"
          + " VALUES (?, ?, ?, ?, ?, ?, 'PACKED', ?, ?, ?, ?, ?)", p.sscc().value(), p.level().name(),
          p.order().id(), p.line(), p.order().gtin(), p.order().lot(), p.partial() ? 1 : 0, p.children().size(),
          p.packedAt(), p.packedAt(), p.eventId());
    } catch (SQLException e) {
      if (isConstraintViolation(e)) {
        return 0;
      }
      throw e;
    }
  }

  @Override
  public int count(long workOrderId, ContainerLevel level) {
    return work(c -> {
      int[] n = {0};
      query(c, "SELECT COUNT(*) FROM aggregation_container WHERE work_order_id = ? AND container_level = ?"
          + " AND status IN ('PACKED', 'OPEN')", List.of(workOrderId, level.name()), rs -> n[0] = rs.getInt(1));
      return n[0];
    });
  }

  @Override
  public List<Content> descendants(Sscc sscc) {
    return work(c -> {
      List<Content> out = new ArrayList<>();
      Set<String> seen = new HashSet<>(Set.of(sscc.value()));
      List<String> frontier = List.of(sscc.value());
      for (int depth = 1; !frontier.isEmpty(); depth++) {
        List<String> next = new ArrayList<>();
        int d = depth;
        for (List<String> chunk : Chunks.of(frontier)) {
          query(c, "SELECT child_key, child_level, parent_sscc FROM aggregation_link WHERE parent_sscc IN ("
              + marks(chunk) + ") ORDER BY parent_sscc, child_key", chunk, rs -> {
                String key = rs.getString(1);
                boolean container = key.startsWith("00");
                out.add(new Content(elementString(key), rs.getString(2), rs.getString(3), d));
                if (container && seen.add(key.substring(2))) {
                  next.add(key.substring(2));
                }
              });
        }
        frontier = next;
      }
      return out;
    });
  }

  // ---- at a distribution point (AGG-2) ----

  @Override
  public ContainerState container(Sscc sscc) {
    return work(c -> {
      String[] row = null;
      try (PreparedStatement ps = c.prepareStatement("SELECT container_level, status, gtin, lot, epc FROM"
          + " aggregation_container WHERE sscc = ? FOR UPDATE")) {
        ps.setString(1, sscc.value());
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            row = new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)};
          }
        }
      }
      if (row == null) {
        return ContainerState.unknown(sscc);
      }
      List<String> ancestors = ancestors(c, sscc);
      List<ChildId> children = new ArrayList<>();
      query(c, "SELECT child_key FROM aggregation_link WHERE parent_sscc = ? ORDER BY child_key",
          List.of(sscc.value()), rs -> children.add(childOf(rs.getString(1))));
      return new ContainerState(sscc, true, ContainerLevel.valueOf(row[0]), row[1], row[2], row[3], ancestors,
          children, null, row[4]);
    });
  }

  @Override
  public Optional<TakenOver> takeOver(Sscc sscc, OffsetDateTime at) {
    return work(c -> TakeOver.run(c, sscc, at));
  }

  @Override
  public Map<String, String> objectStatus(Collection<String> epcs) {
    return work(c -> {
      Map<String, String> out = new HashMap<>();
      for (List<String> chunk : Chunks.of(new HashSet<>(epcs))) {
        query(c, "SELECT epc, status FROM object_state WHERE epc IN (" + marks(chunk) + ")", chunk,
            rs -> out.put(rs.getString(1), rs.getString(2)));
      }
      return out;
    });
  }

  @Override
  public Sscc allocateAt(Gln site, ContainerLevel level, OffsetDateTime at) {
    return work(c -> {
      List<String> prefixes = new ArrayList<>();
      query(c, "SELECT company_prefix FROM sscc_pool", List.of(), rs -> prefixes.add(rs.getString(1)));
      String prefix = prefixes.stream().filter(site.value()::startsWith)
          .max((a, b) -> Integer.compare(a.length(), b.length()))
          .orElseThrow(() -> new AggregationException(Kind.CONFLICT, "no-sscc-pool", "location", site.value(),
              "no SSCC pool is configured for the company prefix of GLN " + site.value()));
      SsccPool[] pool = {null};
      query(c, "SELECT extension_digit, next_serial_ref FROM sscc_pool WHERE company_prefix = ? FOR UPDATE",
          List.of(prefix), rs -> pool[0] = new SsccPool(prefix, rs.getInt(1), rs.getLong(2)));
      SsccPool.Taken taken = pool[0].take(1);
      update(c, "UPDATE sscc_pool SET next_serial_ref = ? WHERE company_prefix = ?",
          taken.pool().nextSerialRef(), prefix);
      Sscc sscc = taken.ssccs().get(0);
      update(c, "INSERT INTO aggregation_container (sscc, container_level, site_gln, allocated_at, status,"
          + " closed_partial, child_count) VALUES (?, ?, ?, ?, 'ALLOCATED', 0, 0)", sscc.value(), level.name(),
          site.value(), at);
      return sscc;
    });
  }

  @Override
  public void add(Addition a, String gtin, String lot) {
    work(c -> {
      List<Object[]> links = new ArrayList<>();
      List<Object[]> onParent = new ArrayList<>();
      for (ChildState child : a.children()) {
        String level = child.level() == null ? "UNIT" : child.level().name();
        links.add(new Object[] {child.id().key(), level, a.parent().value(), a.at(), a.eventId(), a.siteGln()});
        if (child.id() instanceof ChildId.Container k) {
          onParent.add(new Object[] {a.parent().value(), k.sscc().value()});
        }
      }
      try {
        batch(c, "INSERT INTO aggregation_link (child_key, child_level, parent_sscc, linked_at, event_id, site_gln)"
            + " VALUES (?, ?, ?, ?, ?, ?)", links);
      } catch (SQLException e) {
        if (isConstraintViolation(e)) {
          throw new AggregationException(Kind.CONFLICT, "child-has-parent", "children", null,
              "another request put one of the children into a container at the same moment; nothing was recorded");
        }
        throw e;
      }
      batch(c, "UPDATE aggregation_container SET parent_sscc = ? WHERE sscc = ?", onParent);
      update(c, "UPDATE aggregation_container SET packed_at = ?, event_id = ?, gtin = ?, lot = ?"
          + " WHERE sscc = ? AND status = 'ALLOCATED'", a.at(), a.eventId(), gtin, lot, a.parent().value());
      update(c, "UPDATE aggregation_container SET status = CASE WHEN status = 'ALLOCATED' THEN 'PACKED'"
          + " ELSE 'OPEN' END, child_count = (SELECT COUNT(*) FROM aggregation_link WHERE parent_sscc = ?)"
          + " WHERE sscc = ?", a.parent().value(), a.parent().value());
      return null;
    });
  }

  @Override
  public void remove(Removal r) {
    work(c -> {
      List<Object[]> history = new ArrayList<>();
      List<Object[]> links = new ArrayList<>();
      List<Object[]> offParent = new ArrayList<>();
      for (ChildState child : r.children()) {
        history.add(new Object[] {r.at(), r.eventId(), r.operation(), r.siteGln(), r.reason(), child.id().key(),
            r.parent().value()});
        links.add(new Object[] {child.id().key(), r.parent().value()});
        if (child.id() instanceof ChildId.Container k) {
          offParent.add(new Object[] {k.sscc().value(), r.parent().value()});
        }
      }
      batch(c, "INSERT INTO aggregation_link_history (id, child_key, child_level, parent_sscc, linked_at,"
          + " link_event_id, unlinked_at, unlink_event_id, unlink_step, site_gln, reason)"
          + " SELECT agg_link_hist_seq.NEXTVAL, child_key, child_level, parent_sscc, linked_at, event_id,"
          + " CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS VARCHAR2(100)), CAST(? AS VARCHAR2(40)),"
          + " CAST(? AS VARCHAR2(13)), CAST(? AS VARCHAR2(400))"
          + " FROM aggregation_link WHERE child_key = ? AND parent_sscc = ?", history);
      for (Object[] link : links) {
        if (update(c, "DELETE FROM aggregation_link WHERE child_key = ? AND parent_sscc = ?", link) != 1) {
          throw new AggregationException(Kind.CONFLICT, "not-a-child", "children", elementString((String) link[0]),
              elementString((String) link[0]) + " was taken out of (00)" + link[1]
                  + " by another request at the same moment; nothing was recorded");
        }
      }
      batch(c, "UPDATE aggregation_container SET parent_sscc = NULL WHERE sscc = ? AND parent_sscc = ?", offParent);
      update(c, "UPDATE aggregation_container SET status = 'OPEN', child_count = (SELECT COUNT(*) FROM"
          + " aggregation_link WHERE parent_sscc = ?) WHERE sscc = ?", r.parent().value(), r.parent().value());
      return null;
    });
  }

  @Override
  public List<LinkRecord> history(Sscc sscc) {
    return work(c -> {
      List<LinkRecord> out = new ArrayList<>();
      query(c, "SELECT child_key, child_level, linked_at, link_event_id, unlinked_at, unlink_event_id, unlink_step,"
          + " site_gln, reason FROM aggregation_link_history WHERE parent_sscc = ?", List.of(sscc.value()),
          rs -> out.add(new LinkRecord(elementString(rs.getString(1)), rs.getString(2),
              rs.getObject(3, OffsetDateTime.class), rs.getString(4), rs.getObject(5, OffsetDateTime.class),
              rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9))));
      query(c, "SELECT child_key, child_level, linked_at, event_id, site_gln FROM aggregation_link"
          + " WHERE parent_sscc = ?", List.of(sscc.value()),
          rs -> out.add(new LinkRecord(elementString(rs.getString(1)), rs.getString(2),
              rs.getObject(3, OffsetDateTime.class), rs.getString(4), null, null, null, rs.getString(5), null)));
      out.sort(java.util.Comparator.comparing(LinkRecord::linkedAt)
          .thenComparing(LinkRecord::unlinkedAt, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
          .thenComparing(LinkRecord::child));
      return out;
    });
  }

  /** Whether a container of this status was closed: PACKED, or OPEN (changed at a distribution point since). */
  private static boolean closed(String status) {
    return ContainerState.PACKED.equals(status) || ContainerState.OPEN.equals(status);
  }

  /** The SSCCs of the containers {@code sscc} is in, nearest first. */
  private static List<String> ancestors(Connection c, Sscc sscc) throws SQLException {
    List<String> ancestors = new ArrayList<>();
    Set<String> seen = new HashSet<>(Set.of(sscc.value()));
    String current = sscc.value();
    while (current != null) {
      String[] up = {null};
      query(c, "SELECT parent_sscc FROM aggregation_link WHERE child_key = ?", List.of("00" + current),
          rs -> up[0] = rs.getString(1));
      current = up[0] != null && seen.add(up[0]) ? up[0] : null;
      if (current != null) {
        ancestors.add(current);
      }
    }
    return ancestors;
  }

  /** The child a stored key names. */
  static ChildId childOf(String key) {
    if (key.startsWith("00")) {
      return new ChildId.Container(Sscc.of(key.substring(2)));
    }
    return new ChildId.Unit(Sgtin.of(key.substring(2, 16), key.substring(18)));
  }

  /** {@code 00<sscc>} as {@code (00)<sscc>}, {@code 01<gtin>21<serial>} as {@code (01)<gtin>(21)<serial>}. */
  static String elementString(String key) {
    if (key.startsWith("00")) {
      return "(00)" + key.substring(2);
    }
    return "(01)" + key.substring(2, 16) + "(21)" + key.substring(18);
  }

  static boolean isConstraintViolation(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause() != null ? t.getCause()
        : t instanceof SQLException s ? s.getNextException() : null) {
      if (t instanceof java.sql.SQLIntegrityConstraintViolationException
          || t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("23")) {
        return true;
      }
    }
    return false;
  }

  // ---- JDBC ----

  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  /** Runs on one connection: the caller's transaction when there is one, else a local one. */
  private <T> T work(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      boolean local = c.getAutoCommit();
      if (local) {
        c.setAutoCommit(false);
      }
      try {
        T result = work.run(c);
        if (local) {
          c.commit();
        }
        return result;
      } catch (SQLException | RuntimeException e) {
        if (local) {
          c.rollback();
        }
        throw e;
      } finally {
        if (local) {
          c.setAutoCommit(true);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read or write aggregation data: " + e.getMessage(), e);
    }
  }

  static String marks(Collection<?> values) {
    return String.join(", ", java.util.Collections.nCopies(values.size(), "?"));
  }

  static void query(Connection c, String sql, List<?> args, RowReader reader) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args.toArray());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          reader.read(rs);
        }
      }
    }
  }

  private static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      return ps.executeUpdate();
    }
  }

  static void batch(Connection c, String sql, List<Object[]> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int n = 0;
      for (Object[] row : rows) {
        bind(ps, row);
        ps.addBatch();
        if (++n % 500 == 0) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    }
  }

  private static void bind(PreparedStatement ps, Object[] values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      if (v == null) {
        ps.setNull(i + 1, Types.VARCHAR);
      } else {
        ps.setObject(i + 1, v);
      }
    }
  }
}
