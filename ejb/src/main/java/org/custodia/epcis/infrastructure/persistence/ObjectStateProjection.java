package org.custodia.epcis.infrastructure.persistence;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.custodia.epcis.domain.StoredEvent;
import org.custodia.epcis.infrastructure.json.EpcisJson;
import org.custodia.gs1.Sgtin;
import org.custodia.gs1.epc.EpcUris;
import org.custodia.platform.Jsonp;
import org.custodia.platform.persistence.Chunks;

/**
 * The current state of every object an event names (DESIGN.md "Data"), kept in {@code object_state} by
 * the transaction that stores the events.
 *
 * <p>Rules, per event in the order stored:
 *
 * <ul>
 *   <li>ObjectEvent ADD/OBSERVE, TransactionEvent ADD/OBSERVE, the outputs of a TransformationEvent: status
 *       (the disposition's CBV term), disposition, business location, read point and owner (the
 *       {@code owning_party} destination) of each EPC; lot and expiry from the ILMD. ObjectEvent DELETE
 *       sets the status to the disposition, or {@code decommissioned} without one.
 *   <li>AggregationEvent ADD: each child gets the parent as its parent and the parent's top-level
 *       container (or the parent itself) as its top; the descendants of a child that is itself a
 *       container follow. DELETE detaches the named children (all children when none are named), each
 *       becoming the top of its own descendants. ADD and OBSERVE also move parent and children.
 * </ul>
 *
 * An ObjectEvent or TransactionEvent (ADD or OBSERVE) naming a logistic unit (an SSCC) applies to its
 * contents too (GS1: an event on a container is an event on what it holds): every object whose parent or
 * top-level container is that SSCC takes the event's status, disposition, location, read point and
 * owner, under the same event-time rule. The contents are found once per stored batch, by one query for
 * all SSCCs the batch's events name, as they are packed when the batch has been applied; events naming
 * only trade items (commissioning at the line) cost no query. A rebuild replays only the events naming
 * an object, not those of its containers.
 *
 * <p>Status, location and owner follow event time: an event older than the object's last applied event
 * does not overwrite them, but fills in what no newer event said (an object first named by a newer event —
 * packed before its commissioning was stored, its status still {@code unknown} — takes the commissioning's
 * status and location when that arrives). Containment follows the order of capture. Events declared erroneous (and the
 * declarations themselves) are not applied; when a declaration arrives, or a capture is withdrawn, the
 * state of the objects concerned is {@linkplain #rebuild rebuilt} from their remaining events.
 */
final class ObjectStateProjection {

  private static final String MERGE =
      "MERGE INTO object_state t USING (SELECT CAST(? AS VARCHAR2(400)) AS epc,"
          + " CAST(? AS VARCHAR2(14)) AS gtin, CAST(? AS VARCHAR2(20)) AS serial,"
          + " CAST(? AS VARCHAR2(20)) AS lot, CAST(? AS DATE) AS expiry, CAST(? AS VARCHAR2(40)) AS status,"
          + " CAST(? AS VARCHAR2(200)) AS disposition, CAST(? AS VARCHAR2(400)) AS biz_location,"
          + " CAST(? AS VARCHAR2(400)) AS read_point, CAST(? AS VARCHAR2(400)) AS owner_party,"
          + " CAST(? AS NUMBER(1)) AS rel, CAST(? AS VARCHAR2(400)) AS parent_epc,"
          + " CAST(? AS VARCHAR2(400)) AS top_parent_epc,"
          + " CAST(? AS TIMESTAMP WITH TIME ZONE) AS event_time, CAST(? AS NUMBER(19)) AS event_pk FROM dual) s"
          + " ON (t.epc = s.epc)"
          + " WHEN MATCHED THEN UPDATE SET"
          + " t.status = CASE WHEN s.event_time >= t.last_event_time OR t.status = 'unknown'"
          + " THEN NVL(s.status, t.status) ELSE t.status END,"
          + " t.disposition = CASE WHEN s.event_time >= t.last_event_time THEN NVL(s.disposition, t.disposition)"
          + " ELSE NVL(t.disposition, s.disposition) END,"
          + " t.biz_location = CASE WHEN s.event_time >= t.last_event_time THEN NVL(s.biz_location, t.biz_location)"
          + " ELSE NVL(t.biz_location, s.biz_location) END,"
          + " t.read_point = CASE WHEN s.event_time >= t.last_event_time THEN NVL(s.read_point, t.read_point)"
          + " ELSE NVL(t.read_point, s.read_point) END,"
          + " t.owner_party = CASE WHEN s.event_time >= t.last_event_time THEN NVL(s.owner_party, t.owner_party)"
          + " ELSE NVL(t.owner_party, s.owner_party) END,"
          + " t.lot = NVL(s.lot, t.lot), t.expiry = NVL(s.expiry, t.expiry),"
          + " t.parent_epc = CASE WHEN s.rel = 1 THEN s.parent_epc ELSE t.parent_epc END,"
          + " t.top_parent_epc = CASE WHEN s.rel = 1 THEN s.top_parent_epc ELSE t.top_parent_epc END,"
          + " t.last_event_pk = CASE WHEN s.event_time >= t.last_event_time THEN s.event_pk ELSE t.last_event_pk END,"
          + " t.last_event_time = CASE WHEN s.event_time >= t.last_event_time THEN s.event_time"
          + " ELSE t.last_event_time END"
          + " WHEN NOT MATCHED THEN INSERT (epc, gtin, serial, lot, expiry, status, disposition, biz_location,"
          + " read_point, owner_party, parent_epc, top_parent_epc, last_event_time, last_event_pk)"
          + " VALUES (s.epc, s.gtin, s.serial, s.lot, s.expiry, NVL(s.status, 'unknown'), s.disposition,"
          + " s.biz_location, s.read_point, s.owner_party, s.parent_epc, s.top_parent_epc, s.event_time,"
          + " s.event_pk)";

  /** Merges of one row tried at most this often when each is refused on the primary key. */
  private static final int KEY_RETRIES = 3;

  /** The events naming an object in a role that shapes its state, declared ones left out. */
  private static final String EVENTS_OF =
      "SELECT e.id, e.event_time, e.document FROM epcis_event e WHERE e.id IN (SELECT x.event_pk"
          + " FROM epcis_event_epc x WHERE x.epc IN (%s) AND x.epc_role IN ('EPC', 'CHILD', 'PARENT', 'OUTPUT'))"
          + " AND e.error_declaration = 0 AND NOT EXISTS (SELECT 1 FROM epcis_event d"
          + " WHERE d.event_id = e.event_id AND d.error_declaration = 1)";

  private final Connection c;
  private final PreparedStatement merge;
  private final List<Object[]> rows = new ArrayList<>();

  /** Events of the batch naming SSCCs, whose contents follow them; null outside {@link #apply}. */
  private List<ContainerEvent> containerEvents;

  /** An event that named containers: its values go to their contents once the batch is applied. */
  private record ContainerEvent(StoredEvent event, long pk, String status, String owner, List<String> containers) {}

  private ObjectStateProjection(Connection c) throws SQLException {
    this.c = c;
    this.merge = c.prepareStatement(MERGE);
  }

  /** Applies {@code events}, stored under {@code ids}, in their order. */
  static void apply(Connection c, List<StoredEvent> events, long[] ids) throws SQLException {
    ObjectStateProjection p = new ObjectStateProjection(c);
    p.containerEvents = new ArrayList<>();
    try {
      List<String> declared = new ArrayList<>();
      for (int i = 0; i < events.size(); i++) {
        StoredEvent e = events.get(i);
        if (e.errorDeclaration()) {
          declared.add(e.eventId());
        } else {
          p.applyOne(e, ids[i], x -> true);
        }
      }
      p.flush();
      p.applyToContents();
      if (!declared.isEmpty()) {
        p.rebuildDeclared(declared);
      }
    } finally {
      p.merge.close();
    }
  }

  /**
   * Forgets the state of {@code epcs} and replays the remaining, undeclared events that name them, oldest
   * first; the containers among them pass their top-level container on to their descendants again.
   */
  static void rebuild(Connection c, Collection<String> epcs) throws SQLException {
    ObjectStateProjection p = new ObjectStateProjection(c);
    try {
      p.rebuildAll(new LinkedHashSet<>(epcs));
    } finally {
      p.merge.close();
    }
  }

  private void rebuildDeclared(List<String> eventIds) throws SQLException {
    Set<String> epcs = new LinkedHashSet<>();
    for (List<String> chunk : Chunks.of(eventIds)) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT x.epc FROM epcis_event_epc x JOIN epcis_event e ON e.id = x.event_pk"
                  + " WHERE e.event_id IN (" + marks(chunk.size()) + ") AND e.error_declaration = 0"
                  + " AND x.epc_role IN ('EPC', 'CHILD', 'PARENT', 'OUTPUT')")) {
        bind(ps, 1, chunk);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            epcs.add(rs.getString(1));
          }
        }
      }
    }
    rebuildAll(epcs);
  }

  private void rebuildAll(Set<String> epcs) throws SQLException {
    if (epcs.isEmpty()) {
      return;
    }
    for (List<String> chunk : Chunks.of(epcs)) {
      try (PreparedStatement ps =
          c.prepareStatement("DELETE FROM object_state WHERE epc IN (" + marks(chunk.size()) + ")")) {
        bind(ps, 1, chunk);
        ps.executeUpdate();
      }
    }
    // the events of all chunks, merged in time order: an aggregation may name EPCs of several chunks
    Map<Long, String[]> events = new LinkedHashMap<>();
    List<long[]> order = new ArrayList<>();
    for (List<String> chunk : Chunks.of(epcs)) {
      try (PreparedStatement ps = c.prepareStatement(String.format(EVENTS_OF, marks(chunk.size())))) {
        bind(ps, 1, chunk);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            long id = rs.getLong(1);
            if (!events.containsKey(id)) {
              events.put(id, new String[] {rs.getString(3)});
              order.add(new long[] {rs.getObject(2, java.time.OffsetDateTime.class).toInstant().toEpochMilli(), id});
            }
          }
        }
      }
    }
    order.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    for (long[] o : order) {
      String document = events.get(o[1])[0];
      StoredEvent e =
          EpcisJson.toStored(Jsonp.JSON.createReader(new StringReader(document)).readObject(), -1);
      applyOne(e, o[1], epcs::contains);
    }
    flush();
    // objects outside the set whose container was rebuilt take its top-level container again
    Set<String> containers = containersAmong(epcs);
    for (String container : containers) {
      String top = topOf(container);
      propagateTop(List.of(container), top == null ? container : top);
    }
  }

  private void applyOne(StoredEvent e, long pk, Predicate<String> affects) throws SQLException {
    String action = e.action();
    String owner = e.destination("owning_party");
    switch (e.eventType()) {
      case "ObjectEvent" -> {
        String status = "DELETE".equals(action) && e.disposition() == null ? "decommissioned" : e.disposition();
        for (String x : new LinkedHashSet<>(e.epcs())) {
          if (affects.test(x)) {
            add(x, e, pk, status, owner, e.lot(), e.expiry(), false, null, null);
          }
        }
        if (!"DELETE".equals(action)) {
          noteContainers(e, pk, status, owner, e.epcs());
        }
      }
      case "TransactionEvent" -> {
        if (!"DELETE".equals(action)) {
          for (String x : new LinkedHashSet<>(e.epcs())) {
            if (affects.test(x)) {
              add(x, e, pk, e.disposition(), owner, null, null, false, null, null);
            }
          }
          List<String> named = new ArrayList<>(e.epcs());
          if (e.parentId() != null) {
            named.add(e.parentId());
          }
          noteContainers(e, pk, e.disposition(), owner, named);
        }
      }
      case "TransformationEvent" -> {
        for (String x : new LinkedHashSet<>(e.outputEpcs())) {
          if (affects.test(x)) {
            add(x, e, pk, e.disposition() == null ? "active" : e.disposition(), owner, e.lot(), e.expiry(),
                false, null, null);
          }
        }
      }
      case "AggregationEvent" -> aggregation(e, pk, owner, affects);
      default -> {
        // AssociationEvent: links assets and places, not the custody of serialized items
      }
    }
  }

  /** Remembers the SSCCs among {@code epcs} (during {@link #apply} only), for {@link #applyToContents}. */
  private void noteContainers(StoredEvent e, long pk, String status, String owner, List<String> epcs) {
    if (containerEvents == null) {
      return;
    }
    List<String> containers = null;
    for (String x : epcs) {
      if (isSscc(x)) {
        if (containers == null) {
          containers = new ArrayList<>();
        }
        containers.add(x);
      }
    }
    if (containers != null) {
      containerEvents.add(new ContainerEvent(e, pk, status, owner, containers));
    }
  }

  /** Whether {@code epc} names a logistic unit: an SSCC EPC URI or Digital Link. */
  static boolean isSscc(String epc) {
    return epc.startsWith("urn:epc:id:sscc:") || epc.startsWith("http") && epc.contains("/00/");
  }

  /**
   * Gives the contents of the containers the batch's events named those events' values: one query (per
   * chunk of containers; a union, so each half uses its index) for every object whose parent or top-level
   * container is one of them, then the merges, in event order, under the event-time rule.
   */
  private void applyToContents() throws SQLException {
    if (containerEvents == null || containerEvents.isEmpty()) {
      return;
    }
    Set<String> all = new LinkedHashSet<>();
    containerEvents.forEach(ce -> all.addAll(ce.containers()));
    Map<String, List<String>> contents = new LinkedHashMap<>();
    for (List<String> chunk : Chunks.of(all)) {
      String in = marks(chunk.size());
      try (PreparedStatement ps =
          c.prepareStatement("SELECT epc, parent_epc, top_parent_epc FROM object_state WHERE parent_epc IN ("
              + in + ") UNION SELECT epc, parent_epc, top_parent_epc FROM object_state WHERE top_parent_epc IN ("
              + in + ")")) {
        bind(ps, 1, chunk);
        bind(ps, 1 + chunk.size(), chunk);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String epc = rs.getString(1);
            for (int col = 2; col <= 3; col++) {
              String container = rs.getString(col);
              if (container != null && all.contains(container) && !container.equals(epc)) {
                contents.computeIfAbsent(container, k -> new ArrayList<>()).add(epc);
              }
            }
          }
        }
      }
    }
    if (contents.isEmpty()) {
      return;
    }
    for (ContainerEvent ce : containerEvents) {
      Set<String> reached = new LinkedHashSet<>();
      for (String container : ce.containers()) {
        reached.addAll(contents.getOrDefault(container, List.of()));
      }
      reached.removeAll(ce.event().epcs());
      for (String x : reached) {
        add(x, ce.event(), ce.pk(), ce.status(), ce.owner(), null, null, false, null, null);
      }
    }
    flush();
  }

  private void aggregation(StoredEvent e, long pk, String owner, Predicate<String> affects) throws SQLException {
    String parent = e.parentId();
    if (parent == null) {
      return;
    }
    flush();
    String action = e.action();
    if (affects.test(parent)) {
      add(parent, e, pk, e.disposition(), owner, null, null, false, null, null);
      flush();
    }
    if ("ADD".equals(action)) {
      String top = topOf(parent);
      String childTop = top == null ? parent : top;
      List<String> children = new ArrayList<>();
      for (String x : new LinkedHashSet<>(e.childEpcs())) {
        if (affects.test(x)) {
          add(x, e, pk, e.disposition(), owner, null, null, true, parent, childTop);
          children.add(x);
        }
      }
      flush();
      propagateTop(containersAmong(children), childTop);
    } else if ("DELETE".equals(action)) {
      List<String> children = e.childEpcs().isEmpty() ? childrenOf(parent) : List.copyOf(new LinkedHashSet<>(e.childEpcs()));
      List<String> detached = new ArrayList<>();
      for (String x : children) {
        if (affects.test(x)) {
          add(x, e, pk, e.disposition(), owner, null, null, true, null, null);
          detached.add(x);
        }
      }
      flush();
      for (String container : containersAmong(detached)) {
        propagateTop(List.of(container), container);
      }
    } else {
      for (String x : new LinkedHashSet<>(e.childEpcs())) {
        if (affects.test(x)) {
          add(x, e, pk, e.disposition(), owner, null, null, false, null, null);
        }
      }
    }
  }

  /** Gives every descendant of {@code containers} the top-level container {@code top}. */
  private void propagateTop(Collection<String> containers, String top) throws SQLException {
    List<String> level = new ArrayList<>(containers);
    for (int depth = 0; depth < 16 && !level.isEmpty(); depth++) {
      for (List<String> chunk : Chunks.of(level)) {
        try (PreparedStatement ps =
            c.prepareStatement(
                "UPDATE object_state SET top_parent_epc = ? WHERE parent_epc IN (" + marks(chunk.size()) + ")")) {
          ps.setString(1, top);
          bind(ps, 2, chunk);
          ps.executeUpdate();
        }
      }
      level = new ArrayList<>(containersAmong(childrenOf(level)));
    }
  }

  /** Those of {@code epcs} that have children. */
  private Set<String> containersAmong(Collection<String> epcs) throws SQLException {
    Set<String> out = new LinkedHashSet<>();
    for (List<String> chunk : Chunks.of(epcs)) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT DISTINCT parent_epc FROM object_state WHERE parent_epc IN (" + marks(chunk.size()) + ")")) {
        bind(ps, 1, chunk);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(rs.getString(1));
          }
        }
      }
    }
    return out;
  }

  private List<String> childrenOf(String parent) throws SQLException {
    return childrenOf(List.of(parent));
  }

  private List<String> childrenOf(Collection<String> parents) throws SQLException {
    List<String> out = new ArrayList<>();
    for (List<String> chunk : Chunks.of(parents)) {
      try (PreparedStatement ps =
          c.prepareStatement("SELECT epc FROM object_state WHERE parent_epc IN (" + marks(chunk.size()) + ")")) {
        bind(ps, 1, chunk);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(rs.getString(1));
          }
        }
      }
    }
    return out;
  }

  private String topOf(String epc) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT top_parent_epc FROM object_state WHERE epc = ?")) {
      ps.setString(1, epc);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private void add(
      String epc,
      StoredEvent e,
      long pk,
      String status,
      String owner,
      String lot,
      String expiry,
      boolean relation,
      String parent,
      String top)
      throws SQLException {
    String gtin = null;
    String serial = null;
    if (epc.startsWith("urn:epc:id:sgtin:")) {
      try {
        Sgtin s = EpcUris.parseSgtin(epc).identifier();
        gtin = s.gtin().value();
        serial = s.serial().value();
      } catch (IllegalArgumentException notAKey) {
        // kept without GTIN and serial; capture validated the EPC already
      }
    }
    LocalDate date = null;
    if (expiry != null) {
      try {
        date = LocalDate.parse(expiry);
      } catch (DateTimeParseException ignored) {
        // kept verbatim in the document; the state column only takes calendar dates
      }
    }
    rows.add(
        new Object[] {
          epc, gtin, serial, lot, date, status == null ? null : EpcisJson.shortName(status), e.disposition(),
          e.bizLocation(), e.readPoint(), owner, relation ? 1 : 0, parent, top, e.eventTime(), pk
        });
  }

  /**
   * Writes the merges batched so far. Two transactions that each bring the first event of the same new
   * object both take MERGE's insert branch; the one that commits second fails on the primary key
   * (neither H2 nor Oracle makes MERGE atomic against a concurrent insert). Then the batch is replayed
   * row by row, in order, and a row refused on a key is merged again: the other transaction's row is
   * committed by then, so the merge takes its update branch. Replaying a merge already applied leaves
   * the state as it was (each row's effect depends only on its own values and the event-time order).
   */
  private void flush() throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try {
      for (Object[] row : rows) {
        bindRow(row);
        merge.addBatch();
      }
      merge.executeBatch();
    } catch (SQLException failed) {
      if (!isKeyViolation(failed)) {
        throw failed;
      }
      merge.clearBatch();
      for (Object[] row : rows) {
        mergeOne(row);
      }
    } finally {
      rows.clear();
    }
  }

  private void mergeOne(Object[] row) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      bindRow(row);
      try {
        merge.executeUpdate();
        return;
      } catch (SQLException failed) {
        if (!isKeyViolation(failed) || attempt == KEY_RETRIES) {
          throw failed;
        }
      }
    }
  }

  private void bindRow(Object[] row) throws SQLException {
    for (int i = 0; i < row.length; i++) {
      int type = i == 4 ? Types.DATE : i == 10 || i == 14 ? Types.NUMERIC : Types.VARCHAR;
      if (row[i] == null) {
        merge.setNull(i + 1, type);
      } else {
        merge.setObject(i + 1, row[i]);
      }
    }
  }

  /** SQLSTATE class 23 (integrity constraint violation) anywhere in the chain: H2 23505, Oracle 23000. */
  static boolean isKeyViolation(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        String state = s.getSQLState();
        if (state != null && state.startsWith("23")) {
          return true;
        }
        SQLException next = s.getNextException();
        if (next != null && next != t && next.getSQLState() != null && next.getSQLState().startsWith("23")) {
          return true;
        }
      }
    }
    return false;
  }

  private static String marks(int n) {
    return String.join(",", Collections.nCopies(n, "?"));
  }

  private static void bind(PreparedStatement ps, int from, List<String> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      ps.setString(from + i, values.get(i));
    }
  }
}
