package org.custodia.trace.application;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodia.gs1.Gs1Exception;
import org.custodia.masterdata.application.CompanyPrefixes;
import org.custodia.platform.DomainException.Kind;
import org.custodia.security.Roles;
import org.custodia.trace.domain.ContentNode;
import org.custodia.trace.domain.HistoryEntry;
import org.custodia.trace.domain.RecallException;
import org.custodia.trace.domain.Trace;
import org.custodia.trace.domain.TraceKey;
import org.custodia.trace.domain.TracedObject;
import org.custodia.trace.infrastructure.persistence.JdbcTrace;

/**
 * Where a unit or container is and where it has been (RCL-1, RCL-2, RCL-4): answered from the current-state
 * projection and the event index by index look-ups, never by replaying events.
 */
@Stateless
@DeclareRoles({Roles.QA, Roles.SUPPLY_CHAIN, Roles.COMPLIANCE, Roles.ADMIN, Roles.AUDITOR})
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class TraceService {

  /** Events of one history shown at most; a unit has a few dozen in its life. */
  public static final int HISTORY_LIMIT = 1000;

  /** Levels of containers followed at most (a pallet of cases of bundles of units has three). */
  static final int MAX_DEPTH = 16;

  /** Objects of one contents answer at most. */
  public static final int MAX_CONTENTS = 100_000;

  @Inject JdbcTrace trace;
  @Inject CompanyPrefixes prefixes;

  /** Reads an identifier; a malformed one is refused naming the value. */
  public TraceKey key(String id) {
    try {
      return TraceKey.read(id, prefixes::lengthFor);
    } catch (Gs1Exception e) {
      throw new RecallException(Kind.INVALID, "invalid-id", "id", id,
          "\"" + id + "\" is no valid identifier of a serialized object: " + e.getMessage());
    }
  }

  /** The object's state, its containers up to the outermost, and its history oldest first. */
  @RolesAllowed({Roles.QA, Roles.SUPPLY_CHAIN, Roles.COMPLIANCE, Roles.ADMIN, Roles.AUDITOR})
  public Trace trace(String id) {
    TraceKey key = key(id);
    TracedObject o = find(key, id);
    List<TracedObject> parents = new ArrayList<>();
    Set<String> seen = new HashSet<>(Set.of(o.epc()));
    String p = o.parentEpc();
    while (p != null && parents.size() < MAX_DEPTH && seen.add(p)) {
      TracedObject parent = trace.states(List.of(p)).get(p);
      if (parent == null) {
        break;
      }
      parents.add(parent);
      p = parent.parentEpc();
    }
    TracedObject top = parents.isEmpty() ? null : parents.get(parents.size() - 1);
    Set<String> names = new LinkedHashSet<>();
    names.add(o.epc());
    names.addAll(key.candidates().subList(0, Math.min(key.candidates().size(), 9)));
    List<HistoryEntry> history = trace.history(names, HISTORY_LIMIT);
    boolean truncated = history.size() > HISTORY_LIMIT;
    if (truncated) {
      history = history.subList(0, HISTORY_LIMIT);
    }
    return new Trace(o, parents, o.locationWithin(top), o.ownerWithin(top), history, truncated);
  }

  /**
   * Everything inside the object, at any depth, as a tree under it (RCL-2). A top-level container's
   * contents are read at once by their outermost container, the tree then built from each object's parent;
   * an object inside another is opened level by level.
   */
  @RolesAllowed({Roles.QA, Roles.SUPPLY_CHAIN, Roles.COMPLIANCE, Roles.ADMIN, Roles.AUDITOR})
  public ContentNode contents(String id) {
    TracedObject root = find(key(id), id);
    Map<String, List<TracedObject>> childrenOf = new HashMap<>();
    if (root.parentEpc() == null) {
      for (TracedObject o : trace.insideTop(root.epc(), MAX_CONTENTS + MAX_DEPTH)) {
        if (o.parentEpc() != null) {
          childrenOf.computeIfAbsent(o.parentEpc(), k -> new ArrayList<>()).add(o);
        }
      }
      childrenOf.values().forEach(l -> l.sort(Comparator.comparing(TracedObject::epc)));
      return build(root, childrenOf, new HashSet<>(Set.of(root.epc())), new int[1], 0);
    }
    Set<String> seen = new HashSet<>(Set.of(root.epc()));
    List<String> level = List.of(root.epc());
    int count = 0;
    for (int depth = 0; depth < MAX_DEPTH && !level.isEmpty() && count < MAX_CONTENTS; depth++) {
      List<String> next = new ArrayList<>();
      for (TracedObject c : trace.childrenOf(level)) {
        if (seen.add(c.epc()) && count < MAX_CONTENTS) {
          childrenOf.computeIfAbsent(c.parentEpc(), k -> new ArrayList<>()).add(c);
          next.add(c.epc());
          count++;
        }
      }
      level = next;
    }
    return build(root, childrenOf, new HashSet<>(Set.of(root.epc())), new int[1], 0);
  }

  /**
   * The tree under {@code o} by the parent links: each object once, at most {@link #MAX_DEPTH} levels and
   * {@link #MAX_CONTENTS} objects.
   */
  private static ContentNode build(TracedObject o, Map<String, List<TracedObject>> childrenOf, Set<String> seen,
      int[] count, int depth) {
    List<TracedObject> inside = depth < MAX_DEPTH ? childrenOf.get(o.epc()) : null;
    if (inside == null) {
      // a leaf (most of a pallet's objects): no list of its own
      return new ContentNode(o, List.of());
    }
    List<ContentNode> children = new ArrayList<>(inside.size());
    for (TracedObject c : inside) {
      if (count[0] < MAX_CONTENTS && seen.add(c.epc())) {
        count[0]++;
        children.add(build(c, childrenOf, seen, count, depth + 1));
      }
    }
    return new ContentNode(o, children);
  }

  private TracedObject find(TraceKey key, String id) {
    return trace.find(key).orElseThrow(() -> new RecallException(Kind.NOT_FOUND, "unknown-object", "id", id,
        "no object \"" + id + "\" is known to the repository"));
  }
}
