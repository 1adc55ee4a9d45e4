package org.custodia.epcis.interfaces.web;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The packing hierarchy an event shows: its parent (a case, a pallet) and the children it names,
 * and below each child what that child itself contained when the event happened, as earlier
 * AggregationEvents tell it. A child's contents are replayed from the aggregations naming it as
 * parent before the event's time, oldest first: ADD and OBSERVE put children in, DELETE takes the
 * children it lists out (all of them when it lists none).
 *
 * <p>Each level costs one query for all its objects, not one per object. The tree stops at {@link
 * #MAX_DEPTH} levels below the parent and {@link #MAX_NODES} objects, and marks where it stopped,
 * so a big shipment cannot make the screen run away; an object seen twice (bad data) is not
 * followed again.
 */
public final class Hierarchy {

  /** Levels below the parent that are looked up. */
  static final int MAX_DEPTH = 5;

  /** Objects shown at most. */
  static final int MAX_NODES = 2000;

  /**
   * One object of the tree.
   *
   * @param id the EPC, or for a quantity the class and amount
   * @param packedBy the eventID of the last aggregation that put children into it, or null
   * @param children what it contained, in the order the events list them
   * @param more true when it has children that are not shown (a limit was reached)
   * @param quantity true for a quantity of a class rather than one object
   */
  public record Node(String id, String packedBy, List<Node> children, boolean more, boolean quantity)
      implements Serializable {
    public Node {
      children = List.copyOf(children);
    }
  }

  /** Looks up aggregations. */
  @FunctionalInterface
  interface Aggregations {
    /**
     * The AggregationEvents whose parentID is one of {@code parents} and whose eventTime is
     * before {@code eventTime}, in eventTime order (oldest first) for each parent.
     */
    List<JsonObject> before(List<String> parents, String eventTime);
  }

  private Hierarchy() {}

  /** Whether the event has a hierarchy to show: it names a parent. */
  static boolean applies(JsonObject event) {
    return text(event, "parentID") != null;
  }

  /** The tree under the event's parent, or null when it names none. */
  static Node of(JsonObject event, Aggregations lookup) {
    String parent = text(event, "parentID");
    if (parent == null) {
      return null;
    }
    String childList = "AggregationEvent".equals(text(event, "type")) ? "childEPCs" : "epcList";
    String quantities =
        "AggregationEvent".equals(text(event, "type")) ? "childQuantityList" : "quantityList";
    Building root = new Building(parent, false);
    root.packedBy = text(event, "eventID");
    Set<String> seen = new HashSet<>();
    seen.add(parent);
    int[] count = {1};
    List<Building> level = new ArrayList<>();
    for (String c : strings(event, childList)) {
      if (seen.add(c) && count[0] < MAX_NODES) {
        Building b = new Building(c, false);
        root.children.add(b);
        level.add(b);
        count[0]++;
      } else if (count[0] >= MAX_NODES) {
        root.more = true;
      }
    }
    for (JsonValue v : array(event, quantities)) {
      if (v instanceof JsonObject q && text(q, "epcClass") != null) {
        root.children.add(new Building(quantityLabel(q), true));
      }
    }
    String time = text(event, "eventTime");
    for (int depth = 1; depth <= MAX_DEPTH + 1 && !level.isEmpty(); depth++) {
      Map<String, Contents> contents = replay(lookup, level, time);
      List<Building> next = new ArrayList<>();
      for (Building b : level) {
        Contents c = contents.get(b.id);
        if (c == null || c.children.isEmpty()) {
          continue;
        }
        if (depth > MAX_DEPTH) {
          b.more = true;
          continue;
        }
        b.packedBy = c.packedBy;
        for (String child : c.children) {
          if (count[0] >= MAX_NODES) {
            b.more = true;
            break;
          }
          if (seen.add(child)) {
            Building n = new Building(child, false);
            b.children.add(n);
            next.add(n);
            count[0]++;
          }
        }
      }
      level = next;
    }
    return root.build();
  }

  /** What each object of {@code level} contained before {@code time}, by its EPC. */
  private static Map<String, Contents> replay(
      Aggregations lookup, List<Building> level, String time) {
    List<String> parents = level.stream().map(b -> b.id).toList();
    Set<String> wanted = new HashSet<>(parents);
    Map<String, Contents> out = new HashMap<>();
    for (JsonObject agg : lookup.before(parents, time)) {
      String p = text(agg, "parentID");
      if (p == null || !wanted.contains(p)) {
        continue;
      }
      Contents c = out.computeIfAbsent(p, k -> new Contents());
      List<String> listed = strings(agg, "childEPCs");
      switch (String.valueOf(text(agg, "action"))) {
        case "ADD", "OBSERVE" -> {
          c.children.addAll(listed);
          c.packedBy = text(agg, "eventID");
        }
        case "DELETE" -> {
          if (listed.isEmpty()) {
            c.children.clear();
          } else {
            listed.forEach(c.children::remove);
          }
        }
        default -> {
          // no other action changes the contents
        }
      }
    }
    return out;
  }

  private static String quantityLabel(JsonObject q) {
    StringBuilder s = new StringBuilder(text(q, "epcClass"));
    if (q.get("quantity") != null) {
      s.append(" × ").append(q.get("quantity"));
      if (text(q, "uom") != null) {
        s.append(' ').append(text(q, "uom"));
      }
    }
    return s.toString();
  }

  static String text(JsonObject o, String field) {
    return o.get(field) instanceof JsonString s ? s.getString() : null;
  }

  private static List<JsonValue> array(JsonObject o, String field) {
    return o.get(field) instanceof JsonArray a ? a : List.of();
  }

  static List<String> strings(JsonObject o, String field) {
    List<String> out = new ArrayList<>();
    for (JsonValue v : array(o, field)) {
      if (v instanceof JsonString s) {
        out.add(s.getString());
      }
    }
    return out;
  }

  private static final class Contents {
    final LinkedHashSet<String> children = new LinkedHashSet<>();
    String packedBy;
  }

  private static final class Building {
    final String id;
    final boolean quantity;
    final List<Building> children = new ArrayList<>();
    String packedBy;
    boolean more;

    Building(String id, boolean quantity) {
      this.id = id;
      this.quantity = quantity;
    }

    Node build() {
      return new Node(id, packedBy, children.stream().map(Building::build).toList(), more, quantity);
    }
  }
}
