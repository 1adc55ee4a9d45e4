package org.custodia.aggregation.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.custodia.gs1.Sgtin;
import org.custodia.gs1.Sscc;
import org.custodia.platform.DomainException.Kind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The rules of a change at a distribution point on hand-made facts: each test breaks one rule and expects
 * its refusal, with the field and the value it names.
 */
@Tag("AGG-2")
@Tag("AGG-3")
class DistributionRulesTest {

  static final String GTIN = "09506000134352";
  static final Sscc CASE = Sscc.fromDigitsWithoutCheckDigit("09506000000000001");
  static final Sscc CASE_2 = Sscc.fromDigitsWithoutCheckDigit("09506000000000002");
  static final Sscc PALLET = Sscc.fromDigitsWithoutCheckDigit("09506000000000003");

  final DistributionRules rules = new DistributionRules(PackingPolicy.STRICT);

  static ChildState unit(String serial, String status, String lot, Sscc parent) {
    return ChildState.unit(new ChildId.Unit(Sgtin.of(GTIN, serial)), status, lot,
        parent == null ? null : parent.value(), "urn:epc:id:sgtin:9506000.013435." + serial);
  }

  static ChildState loose(String serial) {
    return unit(serial, "active", "L1", null);
  }

  static ChildState packedCase(Sscc sscc, Sscc parent) {
    return ChildState.container(new ChildId.Container(sscc), ContainerLevel.CASE, true, GTIN, "L1",
        parent == null ? null : parent.value());
  }

  static ContainerState caseOf(Sscc sscc, String status, List<String> ancestors, ChildId... children) {
    return new ContainerState(sscc, true, ContainerLevel.CASE, status, GTIN, "L1", ancestors, List.of(children),
        "in_progress");
  }

  static ContainerState pallet(List<String> ancestors, ChildId... children) {
    return new ContainerState(PALLET, true, ContainerLevel.PALLET, "PACKED", GTIN, "L1", ancestors,
        List.of(children), null);
  }

  static AggregationException refused(Executable call) {
    return assertThrows(AggregationException.class, call);
  }

  @Test
  void acceptsActiveLooseUnitsOfTheCaseLotIntoACase() {
    assertDoesNotThrow(() -> rules.add(caseOf(CASE, "OPEN", List.of()), List.of(loose("1"), loose("2"))));
    assertDoesNotThrow(() -> rules.pack(ContainerLevel.CASE, List.of(loose("1"), loose("2"))));
    assertDoesNotThrow(() -> rules.pack(ContainerLevel.PALLET, List.of(packedCase(CASE, null), packedCase(CASE_2, null))));
  }

  @Test
  void refusesAChildThatIsInAnotherContainerNamingBoth() {
    // given a unit in case 2
    ChildState inCase2 = unit("1", "active", "L1", CASE_2);

    // when / then
    AggregationException e = refused(() -> rules.add(caseOf(CASE, "OPEN", List.of()), List.of(loose("2"), inCase2)));
    assertEquals("child-has-parent", e.code());
    assertEquals(Kind.CONFLICT, e.kind());
    assertEquals("children[1]", e.field());
    assertEquals("(01)" + GTIN + "(21)1", e.value());
    assertTrue(e.getMessage().contains("(00)" + CASE_2.value()), e.getMessage());
  }

  @Test
  void refusesACaseOntoAPalletThatIsInsideIt() {
    // given the pallet is (oddly) recorded inside case 1
    ContainerState palletInCase = pallet(List.of(CASE.value()));

    // when / then
    assertEquals("cycle", refused(() -> rules.add(palletInCase, List.of(packedCase(CASE, null)))).code());
  }

  @Test
  void refusesAContainerIntoItself() {
    ChildState self = ChildState.container(new ChildId.Container(PALLET), ContainerLevel.PALLET, true, GTIN, "L1", null);
    assertEquals("cycle", refused(() -> rules.add(pallet(List.of()), List.of(self))).code());
  }

  @Test
  void refusesUnitsOnAPalletAndCasesInACase() {
    assertEquals("wrong-child-level", refused(() -> rules.add(pallet(List.of()), List.of(loose("1")))).code());
    assertEquals("wrong-child-level",
        refused(() -> rules.pack(ContainerLevel.CASE, List.of(packedCase(CASE_2, null)))).code());
  }

  @Test
  void refusesADecommissionedRecalledOrInTransitUnit() {
    for (String state : List.of("decommissioned", "recalled", "in_transit", "damaged", "destroyed")) {
      AggregationException e = refused(() -> rules.pack(ContainerLevel.CASE, List.of(unit("1", state, "L1", null))));
      assertEquals("child-not-active", e.code(), state);
      assertTrue(e.getMessage().contains(state), e.getMessage());
    }
  }

  @Test
  void refusesAUnitNeverCommissioned() {
    ChildState unknown = ChildState.unknown(new ChildId.Unit(Sgtin.of(GTIN, "X")));
    assertEquals("child-unknown", refused(() -> rules.pack(ContainerLevel.CASE, List.of(unknown))).code());
  }

  @Test
  void refusesAUnitOfAnotherLotUnlessTheSiteAllowsMixedLots() {
    // given
    List<ChildState> mixed = List.of(loose("1"), unit("2", "active", "L2", null));

    // when / then
    AggregationException e = refused(() -> rules.pack(ContainerLevel.CASE, mixed));
    assertEquals("child-other-lot", e.code());
    assertEquals("children[1]", e.field());
    assertEquals("child-other-lot",
        refused(() -> rules.add(caseOf(CASE, "PACKED", List.of()), List.of(unit("3", "active", "L2", null)))).code());
    DistributionRules mixing = new DistributionRules(new PackingPolicy(true, false, true));
    assertDoesNotThrow(() -> mixing.pack(ContainerLevel.CASE, mixed));
  }

  @Test
  void refusesAChildNamedTwiceOrNoChildren() {
    assertEquals("duplicate-child", refused(() -> rules.pack(ContainerLevel.CASE, List.of(loose("1"), loose("1")))).code());
    assertEquals("no-children", refused(() -> rules.pack(ContainerLevel.CASE, List.of())).code());
  }

  @Test
  void refusesChangingAnUnknownAnUnclosedOrAnInTransitContainer() {
    AggregationException unknown = refused(() -> rules.unpack(ContainerState.unknown(CASE)));
    assertEquals("unknown-sscc", unknown.code());
    assertEquals(Kind.NOT_FOUND, unknown.kind());
    assertEquals(CASE.value(), unknown.value());
    assertEquals("container-not-closed",
        refused(() -> rules.unpack(caseOf(CASE, "ALLOCATED", List.of(), loose("1").id()))).code());
    ContainerState shipped = new ContainerState(CASE, true, ContainerLevel.CASE, "PACKED", GTIN, "L1", List.of(),
        List.of(loose("1").id()), "in_transit");
    assertEquals("container-not-active", refused(() -> rules.unpack(shipped)).code());
  }

  @Test
  void refusesUnpackingAnEmptyContainer() {
    assertEquals("container-empty", refused(() -> rules.unpack(caseOf(CASE, "OPEN", List.of()))).code());
  }

  @Test
  void removesOnlyChildrenThatAreInTheContainer() {
    // given
    ChildState in = unit("1", "active", "L1", CASE);
    ChildState elsewhere = unit("2", "active", "L1", CASE_2);
    ContainerState c = caseOf(CASE, "PACKED", List.of(), in.id(), elsewhere.id());

    // when / then
    assertDoesNotThrow(() -> rules.remove(c, List.of(in)));
    AggregationException e = refused(() -> rules.remove(c, List.of(in, elsewhere)));
    assertEquals("not-a-child", e.code());
    assertEquals("children[1]", e.field());
    assertEquals("not-a-child", refused(() -> rules.remove(c, List.of(loose("3")))).code());
  }

  @Test
  void replacesADamagedUnitByAnActiveLooseUnitOfTheSameProductAndLot() {
    // given
    ChildState damaged = unit("1", "active", "L1", CASE);
    ContainerState c = caseOf(CASE, "PACKED", List.of(), damaged.id());

    // when / then
    assertDoesNotThrow(() -> rules.replace(c, damaged, loose("9"), "damaged"));
  }

  @Test
  void refusesAReplacementOfAnotherLotOrInAnotherContainerOrWithoutReason() {
    ChildState old = unit("1", "active", "L1", CASE);
    ContainerState c = caseOf(CASE, "PACKED", List.of(), old.id());

    AggregationException lot = refused(() -> rules.replace(c, old, unit("9", "active", "L2", null), "damaged"));
    assertEquals("child-other-lot", lot.code());
    assertEquals("new", lot.field());
    assertEquals("child-has-parent", refused(() -> rules.replace(c, old, unit("9", "active", "L1", CASE_2), "damaged")).code());
    assertEquals("child-not-active", refused(() -> rules.replace(c, old, unit("9", "recalled", "L1", null), "damaged")).code());
    assertEquals("reason-required", refused(() -> rules.replace(c, old, loose("9"), " ")).code());
    assertEquals("same-child", refused(() -> rules.replace(c, old, old, "damaged")).code());
    AggregationException notIn = refused(() -> rules.replace(c, unit("5", "active", "L1", null), loose("9"), "damaged"));
    assertEquals("not-a-child", notIn.code());
    assertEquals("old", notIn.field());
  }
}
