package org.custodia.aggregation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.custodia.gs1.Sgtin;
import org.custodia.gs1.Sscc;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The packing rules on hand-made facts: each test breaks one rule and expects exactly its refusal. */
@Tag("AGG-3")
class PackingRulesTest {

  static final String GTIN = "09506000134352";
  static final OrderFacts ORDER = new OrderFacts(7, "line-1", GTIN, "L1");
  static final Sscc CASE = Sscc.fromDigitsWithoutCheckDigit("09506000000000001");
  static final Sscc CASE_2 = Sscc.fromDigitsWithoutCheckDigit("09506000000000002");
  static final Sscc PALLET = Sscc.fromDigitsWithoutCheckDigit("09506000000000003");

  final PackingRules rules = new PackingRules(PackingPolicy.STRICT);

  static ChildId.Unit unit(String serial) {
    return new ChildId.Unit(Sgtin.of(GTIN, serial));
  }

  static ChildState active(String serial) {
    return ChildState.unit(unit(serial), "active", "L1", null, "urn:epc:id:sgtin:9506000.013435." + serial);
  }

  static List<ChildState> units(int n) {
    List<ChildState> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      out.add(active("S" + i));
    }
    return out;
  }

  static ParentState allocatedCase() {
    return new ParentState(CASE, true, 7L, ContainerLevel.CASE, false, List.of());
  }

  static ParentState allocatedPallet() {
    return new ParentState(PALLET, true, 7L, ContainerLevel.PALLET, false, List.of());
  }

  static ChildState packedCase(Sscc sscc) {
    return ChildState.container(new ChildId.Container(sscc), ContainerLevel.CASE, true, GTIN, "L1", null);
  }

  Optional<Refusal> packCase(List<ChildState> children, int configured, boolean partial) {
    return rules.judge(new PackingRequest(ORDER, "line-1", ContainerLevel.CASE, allocatedCase(), children,
        configured, partial));
  }

  static String code(Optional<Refusal> r) {
    return r.map(Refusal::code).orElse("accepted");
  }

  @Test
  void aCaseAtItsConfiguredCountIsAccepted() {
    assertEquals(Optional.empty(), packCase(units(12), 12, false));
  }

  @Test
  void aCaseShortOfItsCountIsRefusedUnlessClosedAsPartial() {
    Optional<Refusal> refusal = packCase(units(11), 12, false);
    assertEquals("count-short", code(refusal));
    assertEquals("count-short: case (00)095060000000000015 has 11 units, fewer than its configured count of 12;"
        + " close it as partial if it is meant to be", refusal.orElseThrow().text());
    assertEquals(Optional.empty(), packCase(units(11), 12, true));
  }

  @Test
  void moreChildrenThanConfiguredAreRefusedEvenAsPartial() {
    assertEquals("count-exceeded", code(packCase(units(13), 12, false)));
    assertEquals("count-exceeded", code(packCase(units(13), 12, true)));
  }

  @Test
  void aCaseWithoutChildrenOrWithoutAUsableCountIsRefused() {
    assertEquals("no-children", code(packCase(List.of(), 12, true)));
    assertEquals("bad-configured-count", code(packCase(units(1), 0, true)));
  }

  @Test
  void aChildScannedTwiceIsRefused() {
    assertEquals("duplicate-child", code(packCase(List.of(active("S1"), active("S2"), active("S1")), 3, false)));
  }

  @Test
  void aChildAlreadyInAContainerIsRefused() {
    List<ChildState> children = units(3);
    children.set(1, ChildState.unit(unit("S2"), "in_progress", "L1", CASE_2.value(), "urn:x"));
    Optional<Refusal> refusal = packCase(children, 3, false);
    assertEquals("child-has-parent: unit (01)09506000134352(21)S2 is already in (00)" + CASE_2.value()
        + "; a child has one parent at a time", refusal.orElseThrow().text());
  }

  @Test
  void aUnitNotCommissionedOrNotActiveIsRefused() {
    List<ChildState> children = units(3);
    children.set(2, ChildState.unknown(unit("S3")));
    assertEquals("child-not-active: unit (01)09506000134352(21)S3 is not commissioned",
        packCase(children, 3, false).orElseThrow().text());

    children.set(2, ChildState.unit(unit("S3"), "destroyed", "L1", null, "urn:x"));
    assertEquals("child-not-active: unit (01)09506000134352(21)S3 is destroyed, not active",
        packCase(children, 3, false).orElseThrow().text());
  }

  @Test
  void aUnitTheRepositoryHasNotSeenYetCountsAsActive() {
    List<ChildState> children = units(2);
    children.set(0, ChildState.unit(unit("S1"), null, "L1", null, "urn:x"));
    assertEquals(Optional.empty(), packCase(children, 2, false));
  }

  @Test
  void aUnitOfAnotherLotOrProductIsRefusedUnlessThePolicyAllowsIt() {
    List<ChildState> children = units(2);
    children.set(1, ChildState.unit(unit("S2"), "active", "L2", null, "urn:x"));
    assertEquals("child-other-lot: unit (01)09506000134352(21)S2 is of lot L2, but work order 7 makes lot L1",
        packCase(children, 2, false).orElseThrow().text());
    PackingRequest request = new PackingRequest(ORDER, "line-1", ContainerLevel.CASE, allocatedCase(), children,
        2, false);
    assertEquals(Optional.empty(), new PackingRules(new PackingPolicy(true, false, true)).judge(request));

    ChildId.Unit other = new ChildId.Unit(Sgtin.of("09506000134369", "S9"));
    List<ChildState> mixed = List.of(active("S1"), ChildState.unit(other, "active", "L1", null, "urn:y"));
    assertEquals("child-other-product", code(packCase(mixed, 2, false)));
    assertEquals(Optional.empty(), new PackingRules(new PackingPolicy(false, true, true)).judge(
        new PackingRequest(ORDER, "line-1", ContainerLevel.CASE, allocatedCase(), mixed, 2, false)));
  }

  @Test
  void aPalletInsideTheCaseCannotGoIntoIt() {
    // case CASE is on pallet PALLET; the case station reports CASE closed with PALLET as a child
    ParentState caseOnPallet = new ParentState(CASE, true, 7L, ContainerLevel.CASE, true, List.of(PALLET.value()));
    ChildState pallet = ChildState.container(new ChildId.Container(PALLET), ContainerLevel.PALLET, true, GTIN, "L1",
        null);
    Optional<Refusal> refusal = rules.judge(new PackingRequest(ORDER, "line-1", ContainerLevel.CASE, caseOnPallet,
        List.of(pallet), 1, false));
    assertEquals("cycle: pallet (00)" + PALLET.value() + " cannot go into case (00)" + CASE.value()
        + ", which is inside it", refusal.orElseThrow().text());
  }

  @Test
  void aContainerCannotGoIntoItself() {
    ParentState self = new ParentState(PALLET, true, 7L, ContainerLevel.PALLET, false, List.of());
    ChildState itself = ChildState.container(new ChildId.Container(PALLET), ContainerLevel.PALLET, false, GTIN,
        "L1", null);
    assertEquals("cycle", code(rules.judge(new PackingRequest(ORDER, "line-1", ContainerLevel.PALLET, self,
        List.of(itself), 1, false))));
  }

  @Test
  void aPalletTakesRecordedCasesOnly() {
    Sscc unknown = Sscc.fromDigitsWithoutCheckDigit("09506000000000099");
    List<ChildState> children = List.of(packedCase(CASE), ChildState.unknown(new ChildId.Container(unknown)));
    Optional<Refusal> refusal = rules.judge(new PackingRequest(ORDER, "line-1", ContainerLevel.PALLET,
        allocatedPallet(), children, 2, false));
    assertEquals("child-unknown: container (00)" + unknown.value() + " is not a recorded case",
        refusal.orElseThrow().text());

    ChildState open = ChildState.container(new ChildId.Container(CASE_2), ContainerLevel.CASE, false, GTIN, "L1",
        null);
    assertEquals("child-unknown", code(rules.judge(new PackingRequest(ORDER, "line-1", ContainerLevel.PALLET,
        allocatedPallet(), List.of(packedCase(CASE), open), 2, false))));

    assertEquals(Optional.empty(), rules.judge(new PackingRequest(ORDER, "line-1", ContainerLevel.PALLET,
        allocatedPallet(), List.of(packedCase(CASE), packedCase(CASE_2)), 2, false)));
  }

  @Test
  void levelsAreKept() {
    assertEquals("wrong-child-level", code(rules.judge(new PackingRequest(ORDER, "line-1", ContainerLevel.PALLET,
        allocatedPallet(), units(2), 2, false))));
    assertEquals("wrong-child-level", code(packCase(List.of(packedCase(CASE_2)), 1, false)));
  }

  @Test
  void theContainerMustBeAllocatedToThisOrderAndLevelAndStillOpen() {
    assertEquals("parent-not-allocated", code(rules.judge(new PackingRequest(ORDER, "line-1", ContainerLevel.CASE,
        ParentState.unknown(CASE), units(1), 1, false))));
    assertEquals(Optional.empty(), new PackingRules(new PackingPolicy(true, true, false)).judge(new PackingRequest(
        ORDER, "line-1", ContainerLevel.CASE, ParentState.unknown(CASE), units(1), 1, false)),
        "a station-made SSCC is accepted where the policy allows it");
    assertEquals("parent-foreign", code(rules.judge(new PackingRequest(ORDER, "line-1", ContainerLevel.CASE,
        new ParentState(CASE, true, 8L, ContainerLevel.CASE, false, List.of()), units(1), 1, false))));
    assertEquals("parent-foreign", code(rules.judge(new PackingRequest(ORDER, "line-1", ContainerLevel.CASE,
        new ParentState(CASE, true, 7L, ContainerLevel.PALLET, false, List.of()), units(1), 1, false))));
    assertEquals("parent-already-packed", code(rules.judge(new PackingRequest(ORDER, "line-1", ContainerLevel.CASE,
        new ParentState(CASE, true, 7L, ContainerLevel.CASE, true, List.of()), units(1), 1, false))));
  }

  @Test
  void aReportFromAnotherLineIsRefused() {
    Optional<Refusal> refusal = rules.judge(new PackingRequest(ORDER, "line-2", ContainerLevel.CASE,
        allocatedCase(), units(1), 1, false));
    assertTrue(refusal.orElseThrow().text().startsWith("wrong-line: case (00)"));
  }
}
