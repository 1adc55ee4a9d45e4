package org.custodia.aggregation.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.custodia.platform.DomainException.Kind;

/**
 * The rules a change of a case or pallet at a distribution point must pass (AGG-2, AGG-3); the first rule
 * broken refuses the whole request with an {@link AggregationException} naming the field and the value.
 *
 * <ul>
 *   <li>The container is recorded (else {@code unknown-sscc}), was closed (not only allocated to a line)
 *       and is not known to the repository as anything but active or in progress (not in transit,
 *       recalled, destroyed…).
 *   <li>Adding (packing a new container, filling an existing one, the new child of a replacement): there
 *       are children, none named twice; no cycle (a container never goes into itself or into a container
 *       it is in); levels (a case holds units, a pallet holds cases); each unit commissioned and active,
 *       each case closed and active; one parent at a time (a child in a container is taken out first, by
 *       its own AggregationEvent DELETE, so the history shows where it left); and, unless the {@link
 *       PackingPolicy} says otherwise, one GTIN and one lot in a container.
 *   <li>Removing: each child named is in this container now.
 *   <li>Replacing: the old child is in the container, the new one is another child that may be added and
 *       is of the old one's GTIN and lot (per policy), and a reason is given.
 * </ul>
 */
public final class DistributionRules {

  /** States a container may be changed in, and a child added in (null: the repository has not seen it). */
  static final Set<String> ACTIVE_STATES = PackingRules.PACKABLE_STATES;

  private final PackingPolicy policy;

  public DistributionRules(PackingPolicy policy) {
    this.policy = policy;
  }

  /** The container may be changed: recorded, closed, active. */
  public void changeable(ContainerState c) {
    if (!c.recorded()) {
      throw new AggregationException(Kind.NOT_FOUND, "unknown-sscc", "sscc", c.sscc().value(),
          "there is no case or pallet with SSCC " + c.sscc().value());
    }
    if (ContainerState.ALLOCATED.equals(c.status())) {
      throw new AggregationException(Kind.CONFLICT, "container-not-closed", "sscc", c.sscc().value(),
          c.describe() + " was allocated to a line but never closed; it has nothing to change");
    }
    if (c.objectStatus() != null && !ACTIVE_STATES.contains(c.objectStatus())) {
      throw new AggregationException(Kind.CONFLICT, "container-not-active", "sscc", c.sscc().value(),
          c.describe() + " is " + c.objectStatus() + ", not active; it cannot be changed");
    }
  }

  /** {@code children} may go into {@code target} (an existing container). */
  public void add(ContainerState target, List<ChildState> children) {
    changeable(target);
    children(children, "children");
    for (int i = 0; i < children.size(); i++) {
      addable(target.level(), target, children.get(i), "children[" + i + "]");
    }
    sameProductAndLot(target.gtin(), target.lot(), target.describe(), children, "children");
  }

  /** {@code children} may go into a new container of {@code level}. */
  public void pack(ContainerLevel level, List<ChildState> children) {
    Objects.requireNonNull(level, "level");
    children(children, "children");
    for (int i = 0; i < children.size(); i++) {
      addable(level, null, children.get(i), "children[" + i + "]");
    }
    sameProductAndLot(null, null, "the new " + level.noun(), children, "children");
  }

  /** {@code children} may be taken out of {@code target}: each is in it now. */
  public void remove(ContainerState target, List<ChildState> children) {
    changeable(target);
    children(children, "children");
    for (int i = 0; i < children.size(); i++) {
      inside(target, children.get(i), "children[" + i + "]");
    }
  }

  /** {@code target} may be opened and emptied: it holds something. */
  public void unpack(ContainerState target) {
    changeable(target);
    if (target.children().isEmpty()) {
      throw new AggregationException(Kind.CONFLICT, "container-empty", "sscc", target.sscc().value(),
          target.describe() + " holds nothing to unpack");
    }
  }

  /** {@code old} may be taken out of {@code target} and {@code replacement} put in its place, for {@code reason}. */
  public void replace(ContainerState target, ChildState old, ChildState replacement, String reason) {
    changeable(target);
    if (reason == null || reason.isBlank()) {
      throw new AggregationException(Kind.INVALID, "reason-required", "reason", reason,
          "a replacement needs a reason, such as \"damaged\"");
    }
    if (reason.length() > 400) {
      throw new AggregationException(Kind.INVALID, "reason-too-long", "reason", reason.substring(0, 40) + "…",
          "the reason of a replacement has at most 400 characters, not " + reason.length());
    }
    if (old.id().key().equals(replacement.id().key())) {
      throw new AggregationException(Kind.INVALID, "same-child", "new", code(replacement),
          replacement.describe() + " cannot replace itself");
    }
    inside(target, old, "old");
    addable(target.level(), target, replacement, "new");
    if (policy.sameProduct() && !Objects.equals(old.gtin(), replacement.gtin())) {
      throw new AggregationException(Kind.CONFLICT, "child-other-product", "new", code(replacement),
          replacement.describe() + " is of GTIN " + replacement.gtin() + ", but it replaces " + old.describe()
              + " of GTIN " + old.gtin());
    }
    if (policy.sameLot() && !Objects.equals(old.lot(), replacement.lot())) {
      throw new AggregationException(Kind.CONFLICT, "child-other-lot", "new", code(replacement),
          replacement.describe() + " is of lot " + replacement.lot() + ", but it replaces " + old.describe()
              + " of lot " + old.lot());
    }
  }

  private static void children(List<ChildState> children, String field) {
    if (children == null || children.isEmpty()) {
      throw new AggregationException(Kind.INVALID, "no-children", field, null, "name at least one child");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < children.size(); i++) {
      ChildState c = children.get(i);
      if (!seen.add(c.id().key())) {
        throw new AggregationException(Kind.INVALID, "duplicate-child", field + "[" + i + "]", code(c),
            c.describe() + " is named more than once");
      }
    }
  }

  /** One child may go into {@code target} (null: a new container) of {@code level}. */
  private static void addable(ContainerLevel level, ContainerState target, ChildState c, String field) {
    String into = target == null ? "the new " + level.noun() : target.describe();
    if (c.id() instanceof ChildId.Container k && target != null) {
      if (k.sscc().equals(target.sscc())) {
        throw new AggregationException(Kind.CONFLICT, "cycle", field, code(c), c.describe() + " cannot go into itself");
      }
      if (target.ancestors().contains(k.sscc().value())) {
        throw new AggregationException(Kind.CONFLICT, "cycle", field, code(c),
            c.describe() + " cannot go into " + into + ", which is inside it");
      }
    }
    boolean unit = c.id() instanceof ChildId.Unit;
    if (level == ContainerLevel.CASE && !unit) {
      throw new AggregationException(Kind.CONFLICT, "wrong-child-level", field, code(c),
          c.describe() + " cannot go into " + into + "; a case holds units");
    }
    if (level == ContainerLevel.PALLET && unit) {
      throw new AggregationException(Kind.CONFLICT, "wrong-child-level", field, code(c),
          c.describe() + " cannot go onto " + into + "; a pallet holds cases");
    }
    if (unit) {
      if (!c.recorded()) {
        throw new AggregationException(Kind.CONFLICT, "child-unknown", field, code(c),
            c.describe() + " is not commissioned");
      }
    } else {
      if (!c.recorded()) {
        throw new AggregationException(Kind.CONFLICT, "child-unknown", field, code(c),
            c.describe() + " is not a recorded case");
      }
      if (c.level() != ContainerLevel.CASE) {
        throw new AggregationException(Kind.CONFLICT, "wrong-child-level", field, code(c),
            c.describe() + " cannot go onto " + into + "; a pallet holds cases");
      }
      if (!c.packed()) {
        throw new AggregationException(Kind.CONFLICT, "child-unknown", field, code(c),
            c.describe() + " was allocated to a line but never closed");
      }
    }
    if (c.status() != null && !ACTIVE_STATES.contains(c.status())) {
      throw new AggregationException(Kind.CONFLICT, "child-not-active", field, code(c),
          c.describe() + " is " + c.status() + ", not active");
    }
    if (c.parent() != null) {
      throw new AggregationException(Kind.CONFLICT, "child-has-parent", field, code(c),
          c.describe() + " is already in (00)" + c.parent() + "; a child has one parent at a time, so take it out"
              + " of (00)" + c.parent() + " first");
    }
  }

  /** Unless the policy allows mixing, every child has the GTIN and lot of the container and of each other. */
  private void sameProductAndLot(String gtin, String lot, String into, List<ChildState> children, String field) {
    String g = gtin;
    String l = lot;
    for (int i = 0; i < children.size(); i++) {
      ChildState c = children.get(i);
      if (policy.sameProduct()) {
        if (c.gtin() == null) {
          throw new AggregationException(Kind.CONFLICT, "child-other-product", field + "[" + i + "]", code(c),
              c.describe() + " holds more than one GTIN; " + into + " takes one GTIN only");
        }
        if (g != null && !g.equals(c.gtin())) {
          throw new AggregationException(Kind.CONFLICT, "child-other-product", field + "[" + i + "]", code(c),
              c.describe() + " is of GTIN " + c.gtin() + ", but " + into + " holds GTIN " + g);
        }
        g = c.gtin();
      }
      if (policy.sameLot()) {
        if (c.lot() == null) {
          throw new AggregationException(Kind.CONFLICT, "child-other-lot", field + "[" + i + "]", code(c),
              (c.id() instanceof ChildId.Unit ? "the lot of " + c.describe() + " is not known here (no event that"
                  + " names it was captured with its lot)" : c.describe() + " holds more than one lot, or units whose"
                  + " lot is not known here") + "; " + into + " takes one lot only");
        }
        if (l != null && !l.equals(c.lot())) {
          throw new AggregationException(Kind.CONFLICT, "child-other-lot", field + "[" + i + "]", code(c),
              c.describe() + " is of lot " + c.lot() + ", but " + into + " holds lot " + l);
        }
        l = c.lot();
      }
    }
  }

  private static void inside(ContainerState target, ChildState c, String field) {
    if (!target.sscc().value().equals(c.parent())) {
      throw new AggregationException(Kind.CONFLICT, "not-a-child", field, code(c), c.describe() + " is not in "
          + target.describe() + (c.parent() == null ? "; it is in no container" : "; it is in (00)" + c.parent()));
    }
  }

  /** The child's element string, the value a refusal names. */
  static String code(ChildState c) {
    return c.id() instanceof ChildId.Unit u ? u.sgtin().toElementString()
        : ((ChildId.Container) c.id()).sscc().toElementString();
  }
}
