package org.custodia.trace.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a recall does with each unit of its scope (RCL-3), and how the scope is summed up by location.
 *
 * <ul>
 *   <li>A unit already with a patient or outside the supply chain the recall reaches (dispensed, sold at
 *       retail, exported) cannot be quarantined: it becomes a recall exception to follow up by hand.
 *   <li>A unit already destroyed, disposed of or decommissioned needs nothing more.
 *   <li>A unit already recalled (by an earlier recall) is left as it is.
 *   <li>Every other unit is quarantined: an ObjectEvent sets its disposition to recalled.
 * </ul>
 *
 * A recall is complete when every unit is returned, destroyed, disposed of or decommissioned, or is an
 * exception.
 */
public final class RecallRules {

  /** What happens to one unit. */
  public enum Action {
    QUARANTINE,
    EXCEPTION,
    NOTHING_LEFT,
    ALREADY_RECALLED
  }

  /** Statuses of units the recall can no longer reach. */
  public static final Set<String> OUT_OF_REACH =
      Set.of("dispensed", "partially_dispensed", "retail_sold", "exported",
          // the pack states of LIFE-2 that put a pack beyond the recall's reach
          "supplied", "checked_out", "stolen", "sample", "free_sample");

  /** Statuses of units that are gone and need no recall. */
  public static final Set<String> GONE = Set.of("destroyed", "disposed", "decommissioned");

  /** Statuses that close a recalled unit: it came back or was destroyed. */
  public static final Set<String> RESOLVED = Set.of("returned", "destroyed", "disposed", "decommissioned");

  private RecallRules() {}

  /** What the recall does with a unit of status {@code status} (null: not stored yet, quarantined too). */
  public static Action actionFor(String status) {
    if (status == null) {
      return Action.QUARANTINE;
    }
    if (OUT_OF_REACH.contains(status)) {
      return Action.EXCEPTION;
    }
    if (GONE.contains(status)) {
      return Action.NOTHING_LEFT;
    }
    if ("recalled".equals(status)) {
      return Action.ALREADY_RECALLED;
    }
    return Action.QUARANTINE;
  }

  /**
   * The units of {@code scope} counted by location and owner, the biggest group first, then by location;
   * containers are not counted (they are listed with the objects).
   */
  public static List<LocationCount> byLocation(List<ScopeObject> scope) {
    Map<List<String>, Integer> counts = new LinkedHashMap<>();
    for (ScopeObject o : scope) {
      if (o.kind() == ScopeObject.Kind.UNIT) {
        counts.merge(java.util.Arrays.asList(o.location(), o.owner()), 1, Integer::sum);
      }
    }
    List<LocationCount> out = new ArrayList<>();
    counts.forEach((k, n) -> out.add(new LocationCount(k.get(0), k.get(1), n)));
    out.sort(
        Comparator.comparingInt(LocationCount::count).reversed()
            .thenComparing(LocationCount::location, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(LocationCount::owner, Comparator.nullsLast(Comparator.naturalOrder())));
    return out;
  }

  /**
   * The scope of a recall: the {@code units}, each with the location and owner of its outermost container
   * when that moved later, and every container above them once, found through {@code states} (EPC →
   * current state, containers included).
   */
  public static List<ScopeObject> scope(List<TracedObject> units, Map<String, TracedObject> states) {
    List<ScopeObject> out = new ArrayList<>(units.size());
    Map<String, TracedObject> containers = new LinkedHashMap<>();
    for (TracedObject u : units) {
      TracedObject top = u.topParentEpc() == null ? null : states.get(u.topParentEpc());
      out.add(new ScopeObject(u.epc(), ScopeObject.Kind.UNIT, u.gtin(), u.serial(), u.lot(), u.status(),
          u.locationWithin(top), u.ownerWithin(top), u.parentEpc(), false));
      String p = u.parentEpc();
      for (int depth = 0; p != null && depth < 16 && !containers.containsKey(p); depth++) {
        TracedObject c = states.get(p);
        if (c == null) {
          break;
        }
        containers.put(p, c);
        p = c.parentEpc();
      }
    }
    for (TracedObject c : containers.values()) {
      TracedObject top = c.topParentEpc() == null ? null : states.get(c.topParentEpc());
      out.add(new ScopeObject(c.epc(), ScopeObject.Kind.CONTAINER, c.gtin(), c.serial(), c.lot(), c.status(),
          c.locationWithin(top), c.ownerWithin(top), c.parentEpc(), false));
    }
    return out;
  }
}
