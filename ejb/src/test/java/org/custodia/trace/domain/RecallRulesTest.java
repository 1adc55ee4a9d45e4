package org.custodia.trace.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What a recall does with each unit, and how its scope is gathered and grouped (RCL-3). */
@Tag("RCL-3")
class RecallRulesTest {

  private static final String PLANT = "urn:epc:id:sgln:9506000.00001.0";
  private static final String DC = "urn:epc:id:sgln:9506000.00002.0";
  private static final String PHARMACY = "urn:epc:id:sgln:9506000.00003.0";
  private static final String WHOLESALER = "urn:epc:id:pgln:9506000.00002";
  private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-27T08:00:00Z");

  private static TracedObject unit(String serial, String status, String location, String parent, String top,
      OffsetDateTime time) {
    return new TracedObject("urn:epc:id:sgtin:9506000.013435." + serial, "09506000134352", serial, "L1", null,
        status, null, location, null, null, parent, top, time);
  }

  private static TracedObject container(String epc, String location, String owner, String parent, String top,
      OffsetDateTime time) {
    return new TracedObject(epc, null, null, null, null, "in_transit", null, location, null, owner, parent, top, time);
  }

  @Test
  void unitsInTheSupplyChainAreQuarantinedAndThoseBeyondItAreExceptions() {
    assertEquals(RecallRules.Action.QUARANTINE, RecallRules.actionFor("active"));
    assertEquals(RecallRules.Action.QUARANTINE, RecallRules.actionFor("in_transit"));
    assertEquals(RecallRules.Action.QUARANTINE, RecallRules.actionFor(null));
    assertEquals(RecallRules.Action.EXCEPTION, RecallRules.actionFor("dispensed"));
    assertEquals(RecallRules.Action.EXCEPTION, RecallRules.actionFor("exported"));
    assertEquals(RecallRules.Action.NOTHING_LEFT, RecallRules.actionFor("destroyed"));
    assertEquals(RecallRules.Action.ALREADY_RECALLED, RecallRules.actionFor("recalled"));
  }

  @Test
  void theScopeHoldsEveryUnitAndEachContainerAboveThemOnce() {
    // given two units in one case on a pallet, one in another case on it, and one loose unit
    String case1 = "urn:epc:id:sscc:9506000.0000000001";
    String case2 = "urn:epc:id:sscc:9506000.0000000002";
    String pallet = "urn:epc:id:sscc:9506000.0000000100";
    List<TracedObject> units = List.of(
        unit("U1", "in_progress", PLANT, case1, pallet, T0),
        unit("U2", "in_progress", PLANT, case1, pallet, T0),
        unit("U3", "in_progress", PLANT, case2, pallet, T0),
        unit("U4", "active", PHARMACY, null, null, T0));
    Map<String, TracedObject> states = Map.of(
        case1, container(case1, PLANT, null, pallet, pallet, T0),
        case2, container(case2, PLANT, null, pallet, pallet, T0),
        pallet, container(pallet, DC, WHOLESALER, null, null, T0.plusHours(2)));

    // when
    List<ScopeObject> scope = RecallRules.scope(units, states);

    // then four units, then the two cases and the pallet once each
    assertEquals(7, scope.size());
    assertEquals(List.of(case1, pallet, case2),
        scope.stream().filter(o -> o.kind() == ScopeObject.Kind.CONTAINER).map(ScopeObject::epc).toList());
    // and a packed unit is where its pallet went later, owned by the pallet's new owner
    ScopeObject u1 = scope.get(0);
    assertEquals(DC, u1.location());
    assertEquals(WHOLESALER, u1.owner());
    assertEquals(PHARMACY, scope.get(3).location());
  }

  @Test
  void aUnitThatMovedAfterItsPalletKeepsItsOwnLocation() {
    String pallet = "urn:epc:id:sscc:9506000.0000000100";
    TracedObject u = unit("U1", "active", PHARMACY, pallet, pallet, T0.plusHours(3));
    TracedObject p = container(pallet, DC, WHOLESALER, null, null, T0.plusHours(2));

    assertEquals(PHARMACY, u.locationWithin(p));
    assertEquals(null, u.ownerWithin(p));
  }

  @Test
  void unitsAreCountedByLocationAndOwnerBiggestGroupFirst() {
    List<ScopeObject> scope = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      scope.add(new ScopeObject("u" + i, ScopeObject.Kind.UNIT, null, null, "L1", "active", DC, WHOLESALER, null, false));
    }
    scope.add(new ScopeObject("p", ScopeObject.Kind.UNIT, null, null, "L1", "active", PHARMACY, null, null, false));
    scope.add(new ScopeObject("x", ScopeObject.Kind.UNIT, null, null, "L1", "active", null, null, null, false));
    scope.add(new ScopeObject("c", ScopeObject.Kind.CONTAINER, null, null, null, "active", DC, WHOLESALER, null, false));

    List<LocationCount> groups = RecallRules.byLocation(scope);

    assertEquals(List.of(
        new LocationCount(DC, WHOLESALER, 3),
        new LocationCount(PHARMACY, null, 1),
        new LocationCount(null, null, 1)), groups);
  }
}
