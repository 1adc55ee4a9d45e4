package org.custodia.aggregation.domain;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The rules a case or pallet must pass to be recorded (AGG-3); the first rule broken refuses it whole.
 *
 * <ol>
 *   <li>The report is on the work order's line; the configured count is at least 1; there are children,
 *       none scanned twice.
 *   <li>No cycle: no child is the container itself or a container it is in.
 *   <li>Levels: a case holds units, a pallet holds cases.
 *   <li>The container's SSCC was allocated from the pool to this work order for this level and is not
 *       closed yet (unless the {@link PackingPolicy} accepts SSCCs made by the station: then an SSCC never
 *       seen before is accepted too).
 *   <li>Each unit is commissioned and not known to the repository as anything but active (or in
 *       progress); each case is a recorded (closed) case. Each child is of the order's GTIN and lot unless
 *       the {@link PackingPolicy} says otherwise.
 *   <li>One parent at a time: no child is in a container already.
 *   <li>Count: as many children as configured, or fewer when closed as partial; never more.
 * </ol>
 */
public final class PackingRules {

  /** Repository states of a unit that may be packed (the repository may not have seen it yet: null). */
  static final Set<String> PACKABLE_STATES = Set.of("active", "in_progress", "unknown");

  private final PackingPolicy policy;

  public PackingRules(PackingPolicy policy) {
    this.policy = policy;
  }

  /** The refusal, or empty when the container may be recorded. */
  public Optional<Refusal> judge(PackingRequest r) {
    Refusal refusal = first(r);
    return Optional.ofNullable(refusal);
  }

  private Refusal first(PackingRequest r) {
    String what = r.level().noun() + " " + r.parent().sscc().toElementString();
    if (!r.order().line().equals(r.line())) {
      return new Refusal("wrong-line", what + " was reported on line " + r.line() + ", but work order "
          + r.order().id() + " runs on line " + r.order().line());
    }
    if (r.configuredCount() < 1) {
      return new Refusal("bad-configured-count", "the configured count of " + what + " must be at least 1, not "
          + r.configuredCount());
    }
    if (r.children().isEmpty()) {
      return new Refusal("no-children", what + " was reported without children");
    }
    Set<String> seen = new HashSet<>();
    for (ChildState c : r.children()) {
      if (!seen.add(c.id().key())) {
        return new Refusal("duplicate-child", c.describe() + " was scanned more than once for " + what);
      }
    }
    String parentKey = r.parent().sscc().value();
    for (ChildState c : r.children()) {
      if (c.id() instanceof ChildId.Container k) {
        if (k.sscc().value().equals(parentKey)) {
          return new Refusal("cycle", c.describe() + " cannot go into itself");
        }
        if (r.parent().ancestors().contains(k.sscc().value())) {
          return new Refusal("cycle", c.describe() + " cannot go into " + what + ", which is inside it");
        }
      }
    }
    for (ChildState c : r.children()) {
      Refusal wrongLevel = level(r, what, c);
      if (wrongLevel != null) {
        return wrongLevel;
      }
    }
    Refusal parent = parent(r, what);
    if (parent != null) {
      return parent;
    }
    for (ChildState c : r.children()) {
      Refusal child = child(r, what, c);
      if (child != null) {
        return child;
      }
    }
    for (ChildState c : r.children()) {
      if (c.parent() != null) {
        return new Refusal("child-has-parent", c.describe() + " is already in (00)" + c.parent()
            + "; a child has one parent at a time");
      }
    }
    int n = r.children().size();
    String kids = n + " " + (r.level() == ContainerLevel.CASE ? "unit" : "case") + (n == 1 ? "" : "s");
    if (n > r.configuredCount()) {
      return new Refusal("count-exceeded", what + " has " + kids + ", more than its configured count of "
          + r.configuredCount());
    }
    if (n < r.configuredCount() && !r.partial()) {
      return new Refusal("count-short", what + " has " + kids + ", fewer than its configured count of "
          + r.configuredCount() + "; close it as partial if it is meant to be");
    }
    return null;
  }

  private static Refusal level(PackingRequest r, String what, ChildState c) {
    boolean unit = c.id() instanceof ChildId.Unit;
    if (r.level() == ContainerLevel.CASE && !unit) {
      return new Refusal("wrong-child-level", c.describe() + " cannot go into " + what + "; a case holds units");
    }
    if (r.level() == ContainerLevel.PALLET && unit) {
      return new Refusal("wrong-child-level", c.describe() + " cannot go onto " + what + "; a pallet holds cases");
    }
    return null;
  }

  private Refusal parent(PackingRequest r, String what) {
    ParentState p = r.parent();
    if (!p.allocated() && !policy.pooledSsccsOnly()) {
      return null;
    }
    if (!p.allocated()) {
      return new Refusal("parent-not-allocated", what + " does not come from the SSCC pool; only SSCCs allocated"
          + " to the line may be used");
    }
    if (p.workOrderId() != r.order().id() || p.level() != r.level()) {
      return new Refusal("parent-foreign", what + " was allocated to work order " + p.workOrderId() + " as a "
          + p.level().noun() + ", not to work order " + r.order().id() + " as a " + r.level().noun());
    }
    if (p.packed()) {
      return new Refusal("parent-already-packed", what + " was closed before; an SSCC is used once");
    }
    return null;
  }

  private Refusal child(PackingRequest r, String what, ChildState c) {
    if (c.id() instanceof ChildId.Unit) {
      if (!c.recorded()) {
        return new Refusal("child-not-active", c.describe() + " is not commissioned");
      }
      if (c.status() != null && !PACKABLE_STATES.contains(c.status())) {
        return new Refusal("child-not-active", c.describe() + " is " + c.status() + ", not active");
      }
    } else {
      if (!c.recorded()) {
        return new Refusal("child-unknown", c.describe() + " is not a recorded case");
      }
      if (c.level() != ContainerLevel.CASE) {
        return new Refusal("wrong-child-level", c.describe() + " cannot go onto " + what + "; a pallet holds cases");
      }
      if (!c.packed()) {
        return new Refusal("child-unknown", c.describe() + " was never closed, so it is not a recorded case");
      }
    }
    if (policy.sameProduct() && !r.order().gtin().equals(c.gtin())) {
      return new Refusal("child-other-product", c.describe() + " is of GTIN " + c.gtin() + ", but work order "
          + r.order().id() + " makes GTIN " + r.order().gtin());
    }
    if (policy.sameLot() && !r.order().lot().equals(c.lot())) {
      return new Refusal("child-other-lot", c.describe() + " is of lot " + c.lot() + ", but work order "
          + r.order().id() + " makes lot " + r.order().lot());
    }
    return null;
  }
}
