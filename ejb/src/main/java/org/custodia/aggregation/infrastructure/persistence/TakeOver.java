package org.custodia.aggregation.infrastructure.persistence;

import static org.custodia.aggregation.infrastructure.persistence.JdbcAggregationStore.batch;
import static org.custodia.aggregation.infrastructure.persistence.JdbcAggregationStore.elementString;
import static org.custodia.aggregation.infrastructure.persistence.JdbcAggregationStore.isConstraintViolation;
import static org.custodia.aggregation.infrastructure.persistence.JdbcAggregationStore.marks;
import static org.custodia.aggregation.infrastructure.persistence.JdbcAggregationStore.query;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.custodia.aggregation.domain.AggregationException;
import org.custodia.aggregation.domain.ChildId;
import org.custodia.aggregation.domain.ContainerLevel;
import org.custodia.aggregation.domain.ScannedCodes;
import org.custodia.aggregation.domain.TakenOver;
import org.custodia.gs1.Gs1Exception;
import org.custodia.gs1.Sscc;
import org.custodia.platform.DomainException.Kind;
import org.custodia.platform.persistence.Chunks;

/**
 * Records a case or pallet another party made from the EPCIS repository's state (see {@link
 * org.custodia.aggregation.domain.AggregationRepository#takeOver}): from the outermost container it is in,
 * down, each container with the children {@code object_state} gives it, each link with the latest
 * AggregationEvent (ADD or OBSERVE) that named the child under that parent — or, when none is stored, the
 * child's own last event. One call on the caller's connection; a refusal throws before anything is written.
 */
final class TakeOver {

  /** An object of the repository's state: its EPC, GS1 key, GTIN, lot and last event. */
  private record Known(String epc, ChildId id, String gtin, String lot, long lastEventPk) {}

  /** What the repository has of the SSCC asked for, and the outermost container it is in (null: none). */
  private record Found(Known self, String topEpc) {}

  /** A container to record, with its children, parents before children. */
  private record Node(Known self, String parentSscc, List<Known> children) {
    ContainerLevel level() {
      return children.stream().anyMatch(k -> k.id() instanceof ChildId.Container) ? ContainerLevel.PALLET
          : ContainerLevel.CASE;
    }

    String sscc() {
      return ((ChildId.Container) self.id()).sscc().value();
    }
  }

  /** The event that linked a child: its eventID and time. */
  private record Link(String eventId, OffsetDateTime at) {}

  private TakeOver() {}

  static Optional<TakenOver> run(Connection c, Sscc sscc, OffsetDateTime at) throws SQLException {
    Optional<Found> found = stored(c, sscc);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Known root = outermost(c, found.get());
    List<Node> nodes = new ArrayList<>();
    Deque<Known> todo = new ArrayDeque<>(List.of(root));
    Map<String, String> parentOf = new HashMap<>();
    while (!todo.isEmpty()) {
      Known k = todo.poll();
      List<Known> children = childrenOf(c, k.epc());
      Node n = new Node(k, parentOf.get(k.epc()), children);
      nodes.add(n);
      for (Known child : children) {
        if (child.id() instanceof ChildId.Container) {
          if (n.parentSscc() != null) {
            throw new AggregationException(Kind.CONFLICT, "nesting-too-deep", "sscc", sscc.value(),
                describe(child) + " is inside " + describe(k) + ", itself inside (00)" + n.parentSscc()
                    + " by the EPCIS repository; a pallet here holds cases, and a case holds units");
          }
          parentOf.put(child.epc(), n.sscc());
          todo.add(child);
        }
      }
      if (children.stream().anyMatch(x -> x.id() instanceof ChildId.Unit)
          && children.stream().anyMatch(x -> x.id() instanceof ChildId.Container)) {
        throw new AggregationException(Kind.CONFLICT, "mixed-container", "sscc", sscc.value(),
            describe(k) + " holds both units and containers by the EPCIS repository; a case here holds units"
                + " and a pallet cases");
      }
    }
    if (nodes.get(0).children().isEmpty()) {
      return Optional.empty();
    }
    List<String> ssccs = nodes.stream().map(Node::sscc).toList();
    Map<String, String> recordedHere = recorded(c, ssccs);
    if (recordedHere.containsKey(ssccs.get(0))) {
      throw new AggregationException(Kind.CONFLICT, "containment-mismatch", "sscc", sscc.value(),
          "(00)" + sscc.value() + " is inside (00)" + ssccs.get(0) + " by the EPCIS repository, but this system's"
              + " record of (00)" + ssccs.get(0) + " does not hold it; correct the events before changing it");
    }
    // GTIN and lot of each container: a case's those its units share, a pallet's those its cases share
    Map<String, String[]> product = new HashMap<>();
    for (int i = nodes.size() - 1; i >= 0; i--) {
      Node n = nodes.get(i);
      java.util.function.Function<Known, String[]> of = k -> k.id() instanceof ChildId.Container x
          ? product.getOrDefault(x.sscc().value(), new String[2]) : new String[] {k.gtin(), k.lot()};
      product.put(n.sscc(), new String[] {shared(n, k -> of.apply(k)[0]), shared(n, k -> of.apply(k)[1])});
    }
    List<Object[]> containers = new ArrayList<>();
    List<Object[]> links = new ArrayList<>();
    List<Object[]> onParent = new ArrayList<>();
    List<String> taken = new ArrayList<>();
    for (Node n : nodes) {
      if (recordedHere.containsKey(n.sscc())) {
        // a case made here, on another party's pallet: it keeps its own record and children
        onParent.add(new Object[] {n.parentSscc(), n.sscc()});
        continue;
      }
      Map<String, Link> linked = linksOf(c, n);
      checkLoose(c, n);
      OffsetDateTime first = null;
      Link last = null;
      for (Known child : n.children()) {
        Link l = linked.get(child.epc());
        links.add(new Object[] {child.id().key(), child.id() instanceof ChildId.Unit ? "UNIT" : "CASE", n.sscc(),
            l.at(), l.eventId()});
        first = first == null || l.at().isBefore(first) ? l.at() : first;
        last = last == null || l.at().isAfter(last.at()) ? l : last;
      }
      OffsetDateTime since = first == null ? at : first;
      containers.add(new Object[] {n.sscc(), n.level().name(), n.children().size(), n.parentSscc(), since,
          last == null ? since : last.at(), last == null ? null : last.eventId(), product.get(n.sscc())[0],
          product.get(n.sscc())[1], n.self().epc(), at});
      taken.add(n.sscc());
    }
    try {
      batch(c, "INSERT INTO aggregation_container (sscc, container_level, status, closed_partial, child_count,"
          + " parent_sscc, allocated_at, packed_at, event_id, gtin, lot, epc, taken_over_at)"
          + " VALUES (?, ?, 'PACKED', 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)", containers);
      batch(c, "INSERT INTO aggregation_link (child_key, child_level, parent_sscc, linked_at, event_id)"
          + " VALUES (?, ?, ?, ?, ?)", links);
      batch(c, "UPDATE aggregation_container SET parent_sscc = ? WHERE sscc = ?", onParent);
    } catch (SQLException e) {
      if (isConstraintViolation(e)) {
        throw new AggregationException(Kind.CONFLICT, "container-changed", "sscc", sscc.value(),
            "another request recorded (00)" + sscc.value() + " or one of its children at the same moment;"
                + " nothing was recorded, try again");
      }
      throw e;
    }
    return Optional.of(new TakenOver(taken, links.size()));
  }

  /** The SSCC as the repository stores it, under any company prefix length or as Digital Link. */
  private static Optional<Found> stored(Connection c, Sscc sscc) throws SQLException {
    List<String> forms = new ArrayList<>();
    for (int n = 6; n <= 12; n++) {
      forms.add(sscc.toEpcUri(n));
    }
    forms.add(sscc.toDigitalLink());
    List<Found> out = new ArrayList<>();
    query(c, "SELECT epc, gtin, lot, last_event_pk, top_parent_epc FROM object_state WHERE epc IN (" + marks(forms)
        + ")", forms, rs -> out.add(new Found(new Known(rs.getString(1), new ChildId.Container(sscc), rs.getString(2),
            rs.getString(3), rs.getLong(4)), rs.getString(5))));
    out.sort(java.util.Comparator.comparing(f -> f.self().epc()));
    return out.stream().findFirst();
  }

  /** The outermost container the object found is in by the repository, or that object. */
  private static Known outermost(Connection c, Found f) throws SQLException {
    if (f.topEpc() == null || f.topEpc().equals(f.self().epc())) {
      return f.self();
    }
    List<Known> out = new ArrayList<>();
    query(c, "SELECT epc, gtin, lot, last_event_pk FROM object_state WHERE epc = ?", List.of(f.topEpc()),
        rs -> out.add(known(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4))));
    if (out.isEmpty() || !(out.get(0).id() instanceof ChildId.Container)) {
      return f.self();
    }
    return out.get(0);
  }

  /** The objects whose parent is {@code epc} now, by the repository, in EPC order. */
  private static List<Known> childrenOf(Connection c, String epc) throws SQLException {
    List<Known> out = new ArrayList<>();
    query(c, "SELECT epc, gtin, lot, last_event_pk FROM object_state WHERE parent_epc = ? ORDER BY epc",
        List.of(epc), rs -> out.add(known(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4))));
    return out;
  }

  private static Known known(String epc, String gtin, String lot, long lastEventPk) {
    ChildId id;
    try {
      id = ScannedCodes.code(epc);
    } catch (Gs1Exception notAKey) {
      throw new AggregationException(Kind.CONFLICT, "unsupported-child", "sscc", epc,
          "the EPCIS repository has " + epc + " inside a container; only units (01)+(21) and cases (00) can be"
              + " recorded in one here");
    }
    return new Known(epc, id, gtin, lot, lastEventPk);
  }

  /** The containers among {@code ssccs} recorded here, with their status. */
  private static Map<String, String> recorded(Connection c, List<String> ssccs) throws SQLException {
    Map<String, String> out = new HashMap<>();
    for (List<String> chunk : Chunks.of(ssccs)) {
      query(c, "SELECT sscc, status FROM aggregation_container WHERE sscc IN (" + marks(chunk) + ")", chunk,
          rs -> out.put(rs.getString(1), rs.getString(2)));
    }
    return out;
  }

  /** Refuses when a child is in another container by this system's records. */
  private static void checkLoose(Connection c, Node n) throws SQLException {
    Map<String, Known> byKey = new LinkedHashMap<>();
    n.children().forEach(k -> byKey.put(k.id().key(), k));
    for (List<String> chunk : Chunks.of(List.copyOf(byKey.keySet()))) {
      query(c, "SELECT child_key, parent_sscc FROM aggregation_link WHERE child_key IN (" + marks(chunk) + ")", chunk,
          rs -> {
            throw new AggregationException(Kind.CONFLICT, "containment-mismatch", "sscc", n.sscc(),
                elementString(rs.getString(1)) + " is in (00)" + n.sscc() + " by the EPCIS repository, but in (00)"
                    + rs.getString(2) + " by this system's records; take it out of (00)" + rs.getString(2)
                    + " first");
          });
    }
  }

  /**
   * For each child, the newest stored AggregationEvent ADD or OBSERVE that named it under this parent; the
   * child's own last event for one no such event names (its containment came from an event of another form).
   */
  private static Map<String, Link> linksOf(Connection c, Node n) throws SQLException {
    Map<String, Link> out = new HashMap<>();
    List<Object[]> events = new ArrayList<>();
    query(c, "SELECT e.id, e.event_id, e.event_time FROM epcis_event_epc x JOIN epcis_event e ON e.id = x.event_pk"
        + " WHERE x.epc = ? AND x.epc_role = 'PARENT' AND e.event_type = 'AggregationEvent'"
        + " AND e.action IN ('ADD', 'OBSERVE') ORDER BY e.event_time DESC, e.id DESC", List.of(n.self().epc()),
        rs -> events.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class)}));
    for (Object[] e : events) {
      if (out.size() == n.children().size()) {
        break;
      }
      Link link = new Link((String) e[1], (OffsetDateTime) e[2]);
      query(c, "SELECT epc FROM epcis_event_epc WHERE event_pk = ? AND epc_role = 'CHILD'", List.of(e[0]),
          rs -> out.putIfAbsent(rs.getString(1), link));
    }
    for (Known child : n.children()) {
      if (!out.containsKey(child.epc())) {
        query(c, "SELECT event_id, event_time FROM epcis_event WHERE id = ?", List.of(child.lastEventPk()),
            rs -> out.put(child.epc(), new Link(rs.getString(1), rs.getObject(2, OffsetDateTime.class))));
      }
      if (!out.containsKey(child.epc())) {
        throw new IllegalStateException("no stored event put " + child.epc() + " into " + n.self().epc());
      }
    }
    return out;
  }

  /** The value every child shares, else null. */
  private static String shared(Node n, java.util.function.Function<Known, String> value) {
    if (n.children().isEmpty()) {
      return null;
    }
    String first = value.apply(n.children().get(0));
    return n.children().stream().allMatch(k -> Objects.equals(value.apply(k), first)) ? first : null;
  }

  private static String describe(Known k) {
    return k.id() instanceof ChildId.Container x ? "(00)" + x.sscc().value() : k.id().describe();
  }
}
