package org.custodia.supplychain.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares what arrived with what a shipment carries (LIFE-1, EXC-1 shipment discrepancy). A scanned case
 * or pallet stands for everything the shipment had inside it; a damaged one makes its contents damaged; a
 * container some of whose contents were scanned arrived too (opened), and what is missing from it is short.
 * Every expected object gets a line — received, damaged or short — and every object that arrived
 * without being expected one more: a unit of a GTIN and lot the shipment carries is an overage, a unit of
 * anything else a wrong item, a container or an object the repository does not know an overage.
 *
 * <p>{@link #discrepancies()} folds the lines for exceptions: a line whose container has a line with the
 * same outcome is covered by the container's (a missing case is one shortage, not one per unit).
 */
public final class ReceiptCheck {

  private final List<ReceiptLine> lines;
  private final Map<String, String> parentOf;

  private ReceiptCheck(List<ReceiptLine> lines, Map<String, String> parentOf) {
    this.lines = List.copyOf(lines);
    this.parentOf = parentOf;
  }

  /**
   * Compares.
   *
   * @param expected the shipment's objects
   * @param scanned the EPCs read at receipt (each expected, or described in {@code unlisted})
   * @param damaged the EPCs read and marked damaged (they arrived too)
   * @param unlisted the objects read that the shipment does not list, and what is inside those, by EPC
   */
  public static ReceiptCheck compare(List<ExpectedItem> expected, Collection<String> scanned,
      Collection<String> damaged, Map<String, Arrival> unlisted) {
    Map<String, ExpectedItem> byEpc = new LinkedHashMap<>();
    Map<String, List<String>> children = new HashMap<>();
    Map<String, String> parentOf = new HashMap<>();
    Set<String> carried = new HashSet<>();
    for (ExpectedItem e : expected) {
      byEpc.put(e.epc(), e);
      if (e.parentEpc() != null) {
        children.computeIfAbsent(e.parentEpc(), k -> new ArrayList<>()).add(e.epc());
        parentOf.put(e.epc(), e.parentEpc());
      }
      if (e.gtin() != null) {
        carried.add(e.gtin() + "|" + e.lot());
      }
    }
    for (Arrival a : unlisted.values()) {
      if (a.parentEpc() != null) {
        parentOf.putIfAbsent(a.epc(), a.parentEpc());
      }
    }
    Set<String> arrived = closure(union(scanned, damaged), children);
    // a container some of whose contents arrived came too, opened: what is missing from it is short
    for (String x : List.copyOf(arrived)) {
      String p = parentOf.get(x);
      for (int i = 0; p != null && i < 32 && byEpc.containsKey(p) && arrived.add(p); i++) {
        p = parentOf.get(p);
      }
    }
    Set<String> broken = closure(new LinkedHashSet<>(damaged), children);
    List<ReceiptLine> lines = new ArrayList<>();
    for (ExpectedItem e : expected) {
      Outcome o = !arrived.contains(e.epc()) ? Outcome.SHORTAGE
          : broken.contains(e.epc()) ? Outcome.DAMAGED : Outcome.RECEIVED;
      lines.add(new ReceiptLine(e.epc(), o, 0, null));
    }
    Set<String> extra = new LinkedHashSet<>(arrived);
    extra.addAll(unlisted.keySet());
    for (String epc : extra) {
      if (byEpc.containsKey(epc)) {
        continue;
      }
      Arrival a = unlisted.get(epc);
      Outcome o = a != null && a.gtin() != null && !carried.contains(a.gtin() + "|" + a.lot())
          ? Outcome.WRONG_ITEM : Outcome.OVERAGE;
      lines.add(new ReceiptLine(epc, o, 0, null));
    }
    return new ReceiptCheck(lines, parentOf);
  }

  private static Set<String> union(Collection<String> a, Collection<String> b) {
    Set<String> out = new LinkedHashSet<>(a);
    out.addAll(b);
    return out;
  }

  /** {@code roots} and everything the shipment had inside them. */
  private static Set<String> closure(Set<String> roots, Map<String, List<String>> children) {
    Set<String> out = new LinkedHashSet<>();
    List<String> level = new ArrayList<>(roots);
    while (!level.isEmpty()) {
      List<String> next = new ArrayList<>();
      for (String x : level) {
        if (out.add(x)) {
          next.addAll(children.getOrDefault(x, List.of()));
        }
      }
      level = next;
    }
    return out;
  }

  /** One line per object: expected ones in the shipment's order, then the unexpected ones. */
  public List<ReceiptLine> lines() {
    return lines;
  }

  /** Whether anything differs from the shipment. */
  public boolean hasDiscrepancies() {
    return lines.stream().anyMatch(l -> l.outcome().discrepancy());
  }

  /** The EPCs that arrived (received, damaged, overage, wrong item). */
  public List<String> arrived() {
    return lines.stream().filter(l -> l.outcome() != Outcome.SHORTAGE).map(ReceiptLine::epc).toList();
  }

  /**
   * The discrepancies to raise exceptions for: lines covered by their container's line of the same
   * outcome left out, each container's line counting what it covers.
   */
  public List<ReceiptLine> discrepancies() {
    Map<String, Outcome> outcome = new HashMap<>();
    lines.forEach(l -> outcome.put(l.epc(), l.outcome()));
    Map<String, Integer> covered = new LinkedHashMap<>();
    Set<String> kept = new HashSet<>();
    for (ReceiptLine l : lines) {
      if (!l.outcome().discrepancy()) {
        continue;
      }
      String top = l.epc();
      String p = parentOf.get(top);
      int guard = 0;
      while (p != null && outcome.get(p) == l.outcome() && guard++ < 32) {
        top = p;
        p = parentOf.get(top);
      }
      if (top.equals(l.epc())) {
        kept.add(l.epc());
      } else {
        covered.merge(top, 1, Integer::sum);
      }
    }
    List<ReceiptLine> out = new ArrayList<>();
    for (ReceiptLine l : lines) {
      if (kept.contains(l.epc())) {
        out.add(new ReceiptLine(l.epc(), l.outcome(), covered.getOrDefault(l.epc(), 0), null));
      }
    }
    return out;
  }
}
