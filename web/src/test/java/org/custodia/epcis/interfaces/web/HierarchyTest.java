package org.custodia.epcis.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The packing tree of an event, replayed from earlier aggregations. */
@Tag("EPC-2")
@Tag("UI-2")
class HierarchyTest {

  /** The repository of the test: answers like the query service with MATCH_parentID. */
  private final List<JsonObject> stored = new ArrayList<>();

  private final List<List<String>> asked = new ArrayList<>();

  private final Hierarchy.Aggregations lookup =
      (parents, time) -> {
        asked.add(List.copyOf(parents));
        OffsetDateTime before = OffsetDateTime.parse(time);
        return stored.stream()
            .filter(e -> e.getString("type").equals("AggregationEvent"))
            .filter(e -> e.containsKey("parentID") && parents.contains(e.getString("parentID")))
            .filter(e -> OffsetDateTime.parse(e.getString("eventTime")).isBefore(before))
            .sorted(Comparator.comparing(e -> OffsetDateTime.parse(e.getString("eventTime"))))
            .toList();
      };

  private static JsonObject event(
      String type, String id, String time, String action, String parent, String list, String... epcs) {
    JsonArrayBuilder a = Json.createArrayBuilder();
    for (String e : epcs) {
      a.add(e);
    }
    JsonObjectBuilder b =
        Json.createObjectBuilder()
            .add("type", type)
            .add("eventID", id)
            .add("eventTime", time)
            .add("action", action)
            .add(list, a);
    if (parent != null) {
      b.add("parentID", parent);
    }
    return b.build();
  }

  private JsonObject aggregate(String id, String time, String action, String parent, String... children) {
    JsonObject e = event("AggregationEvent", id, time, action, parent, "childEPCs", children);
    stored.add(e);
    return e;
  }

  private static List<String> ids(Hierarchy.Node n) {
    return n.children().stream().map(Hierarchy.Node::id).toList();
  }

  @Test
  void aPalletShowsItsCasesAndEachCaseTheUnitsPackedIntoItBefore() {
    // given
    aggregate("e1", "2026-11-27T08:00:00Z", "ADD", "case1", "u1", "u2");
    aggregate("e2", "2026-11-27T08:05:00Z", "ADD", "case2", "u3", "u4");
    JsonObject pallet = aggregate("e3", "2026-11-27T10:00:00+01:00", "ADD", "pallet", "case1", "case2");

    // when
    Hierarchy.Node root = Hierarchy.of(pallet, lookup);

    // then
    assertEquals("pallet", root.id());
    assertEquals("e3", root.packedBy());
    assertEquals(List.of("case1", "case2"), ids(root));
    assertEquals(List.of("u1", "u2"), ids(root.children().get(0)));
    assertEquals("e1", root.children().get(0).packedBy());
    assertEquals(List.of("u3", "u4"), ids(root.children().get(1)));
    assertTrue(root.children().get(0).children().get(0).children().isEmpty());
    assertEquals(
        List.of(List.of("case1", "case2"), List.of("u1", "u2", "u3", "u4")),
        asked,
        "one query per level, for all of its objects");
  }

  @Test
  void aChildsContentsAreReplayedUpToTheEventOnly() {
    // given: u2 taken out before the pallet was built, u9 put in only afterwards
    aggregate("e1", "2026-11-27T08:00:00Z", "ADD", "case1", "u1", "u2");
    aggregate("e2", "2026-11-27T08:30:00Z", "DELETE", "case1", "u2");
    JsonObject pallet = aggregate("e3", "2026-11-27T09:00:00Z", "ADD", "pallet", "case1");
    aggregate("e4", "2026-11-27T10:00:00Z", "ADD", "case1", "u9");

    // when
    Hierarchy.Node root = Hierarchy.of(pallet, lookup);

    // then
    assertEquals(List.of("u1"), ids(root.children().get(0)));
  }

  @Test
  void aDeleteListingNoChildrenEmptiesTheParent() {
    aggregate("e1", "2026-11-27T08:00:00Z", "ADD", "case1", "u1", "u2");
    aggregate("e2", "2026-11-27T08:30:00Z", "DELETE", "case1");
    JsonObject pallet = aggregate("e3", "2026-11-27T09:00:00Z", "ADD", "pallet", "case1");

    Hierarchy.Node root = Hierarchy.of(pallet, lookup);

    assertTrue(root.children().get(0).children().isEmpty());
  }

  @Test
  void theTreeStopsAtItsDepthAndSaysThereIsMore() {
    // given a chain deeper than the limit: p0 > p1 > ... > p8
    int levels = Hierarchy.MAX_DEPTH + 3;
    for (int i = levels - 1; i >= 1; i--) {
      aggregate("e" + i, "2026-11-27T0" + (levels - i) + ":00:00Z", "ADD", "p" + i, "p" + (i + 1));
    }
    JsonObject top = aggregate("top", "2026-11-28T00:00:00Z", "ADD", "p0", "p1");

    // when
    Hierarchy.Node n = Hierarchy.of(top, lookup);

    // then: p1 is the first level; MAX_DEPTH levels below it are looked up
    int depth = 0;
    while (!n.children().isEmpty()) {
      n = n.children().get(0);
      depth++;
    }
    assertEquals(Hierarchy.MAX_DEPTH + 1, depth);
    assertTrue(n.more(), n.id() + " has children that are not shown");
  }

  @Test
  void anObjectSeenTwiceIsNotFollowedAgain() {
    // given bad data: a case claims the pallet as its child
    aggregate("e1", "2026-11-27T08:00:00Z", "ADD", "case1", "pallet", "u1");
    JsonObject pallet = aggregate("e2", "2026-11-27T09:00:00Z", "ADD", "pallet", "case1");

    Hierarchy.Node root = Hierarchy.of(pallet, lookup);

    assertEquals(List.of("u1"), ids(root.children().get(0)));
  }

  @Test
  void anObjectEventWithAParentShowsItsEpcListAndQuantitiesAreLeaves() {
    // given
    aggregate("e1", "2026-11-27T08:00:00Z", "ADD", "case1", "u1");
    JsonObject shipped =
        Json.createObjectBuilder(
                event("ObjectEvent", "o1", "2026-11-27T09:00:00Z", "OBSERVE", "pallet", "epcList", "case1"))
            .add(
                "quantityList",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("epcClass", "urn:epc:class:lgtin:9506000.013435.L1")
                            .add("quantity", 20)
                            .add("uom", "KGM")))
            .build();

    // when
    Hierarchy.Node root = Hierarchy.of(shipped, lookup);

    // then
    assertEquals(List.of("case1", "urn:epc:class:lgtin:9506000.013435.L1 × 20 KGM"), ids(root));
    assertTrue(root.children().get(1).quantity());
    assertFalse(root.children().get(0).quantity());
    assertEquals(List.of("u1"), ids(root.children().get(0)));
  }

  @Test
  void anEventWithoutParentHasNoTree() {
    JsonObject e = event("ObjectEvent", "o1", "2026-11-27T09:00:00Z", "OBSERVE", null, "epcList", "u1");

    assertNull(Hierarchy.of(e, lookup));
    assertFalse(Hierarchy.applies(e));
    assertTrue(asked.isEmpty());
  }
}
