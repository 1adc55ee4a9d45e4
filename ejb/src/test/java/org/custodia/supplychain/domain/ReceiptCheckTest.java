package org.custodia.supplychain.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Comparing a receipt with the shipment (LIFE-1): overage, shortage, wrong item, damaged. */
@Tag("LIFE-1")
@Tag("EXC-1")
class ReceiptCheckTest {

  private static final String PALLET = "urn:epc:id:sscc:9506000.0000000111";
  private static final String CASE1 = "urn:epc:id:sscc:9506000.0000000011";
  private static final String CASE2 = "urn:epc:id:sscc:9506000.0000000012";
  private static final String GTIN = "09506000134352";

  private static String unit(int n) {
    return "urn:epc:id:sgtin:9506000.013435.S" + n;
  }

  /** A pallet of two cases of two units each (S1, S2 in case 1; S3, S4 in case 2), lot L1. */
  private static List<ExpectedItem> pallet() {
    return List.of(
        new ExpectedItem(PALLET, null, null, null, null, true),
        new ExpectedItem(CASE1, null, null, null, PALLET, false),
        new ExpectedItem(CASE2, null, null, null, PALLET, false),
        new ExpectedItem(unit(1), GTIN, "S1", "L1", CASE1, false),
        new ExpectedItem(unit(2), GTIN, "S2", "L1", CASE1, false),
        new ExpectedItem(unit(3), GTIN, "S3", "L1", CASE2, false),
        new ExpectedItem(unit(4), GTIN, "S4", "L1", CASE2, false));
  }

  private static Map<String, Outcome> outcomes(List<ReceiptLine> lines) {
    return lines.stream().collect(Collectors.toMap(ReceiptLine::epc, ReceiptLine::outcome, (a, b) -> a,
        LinkedHashMap::new));
  }

  @Test
  void aScannedPalletStandsForEverythingInsideIt() {
    ReceiptCheck c = ReceiptCheck.compare(pallet(), List.of(PALLET), List.of(), Map.of());

    assertFalse(c.hasDiscrepancies());
    assertTrue(c.lines().stream().allMatch(l -> l.outcome() == Outcome.RECEIVED));
    assertEquals(7, c.arrived().size());
    assertEquals(List.of(), c.discrepancies());
  }

  @Test
  void aMissingUnitIsAShortage() {
    ReceiptCheck c = ReceiptCheck.compare(pallet(), List.of(CASE1, unit(3)), List.of(), Map.of());

    assertEquals(Outcome.SHORTAGE, outcomes(c.lines()).get(unit(4)));
    // the pallet and case 2 were not scanned as such: they are short too, yet their received units are not
    assertEquals(Outcome.RECEIVED, outcomes(c.lines()).get(unit(3)));
    List<String> short_ = c.discrepancies().stream().map(ReceiptLine::epc).toList();
    assertTrue(short_.contains(unit(4)));
    assertTrue(c.hasDiscrepancies());
  }

  @Test
  void aMissingCaseIsOneShortageCoveringItsUnits() {
    List<ExpectedItem> twoCases = pallet().subList(1, 7).stream()
        .map(e -> new ExpectedItem(e.epc(), e.gtin(), e.serial(), e.lot(),
            e.epc().equals(CASE1) || e.epc().equals(CASE2) ? null : e.parentEpc(),
            e.epc().equals(CASE1) || e.epc().equals(CASE2)))
        .toList();

    ReceiptCheck c = ReceiptCheck.compare(twoCases, List.of(CASE1), List.of(), Map.of());

    List<ReceiptLine> d = c.discrepancies();
    assertEquals(1, d.size());
    assertEquals(CASE2, d.get(0).epc());
    assertEquals(Outcome.SHORTAGE, d.get(0).outcome());
    assertEquals(2, d.get(0).covered());
    assertEquals(Outcome.SHORTAGE, outcomes(c.lines()).get(unit(3)));
  }

  @Test
  void anUnexpectedUnitOfTheShippedGtinAndLotIsAnOverageAnotherOneAWrongItem() {
    String extra = unit(9);
    String other = "urn:epc:id:sgtin:9506000.099999.X1";
    String otherLot = unit(8);
    Map<String, Arrival> unlisted = Map.of(
        extra, new Arrival(extra, GTIN, "L1", null),
        other, new Arrival(other, "09506000999994", "L1", null),
        otherLot, new Arrival(otherLot, GTIN, "L2", null));

    ReceiptCheck c = ReceiptCheck.compare(pallet(), List.of(PALLET, extra, other, otherLot), List.of(), unlisted);

    Map<String, Outcome> o = outcomes(c.lines());
    assertEquals(Outcome.OVERAGE, o.get(extra));
    assertEquals(Outcome.WRONG_ITEM, o.get(other));
    assertEquals(Outcome.WRONG_ITEM, o.get(otherLot));
    assertEquals(3, c.discrepancies().size());
    assertTrue(c.arrived().containsAll(List.of(extra, other, otherLot, unit(1))));
  }

  @Test
  void aDamagedUnitArrivedDamagedAndADamagedCaseMakesItsUnitsDamaged() {
    ReceiptCheck c = ReceiptCheck.compare(pallet(), List.of(PALLET), List.of(unit(1), CASE2), Map.of());

    Map<String, Outcome> o = outcomes(c.lines());
    assertEquals(Outcome.DAMAGED, o.get(unit(1)));
    assertEquals(Outcome.RECEIVED, o.get(unit(2)));
    assertEquals(Outcome.DAMAGED, o.get(CASE2));
    assertEquals(Outcome.DAMAGED, o.get(unit(3)));
    List<ReceiptLine> d = c.discrepancies();
    assertEquals(List.of(CASE2, unit(1)), d.stream().map(ReceiptLine::epc).toList());
    assertEquals(2, d.get(0).covered());
    assertEquals(0, d.get(1).covered());
  }

  @Test
  void damagedOnlyCodesStillCountAsArrived() {
    ReceiptCheck c = ReceiptCheck.compare(pallet().subList(3, 4).stream()
        .map(e -> new ExpectedItem(e.epc(), e.gtin(), e.serial(), e.lot(), null, true)).toList(),
        List.of(), List.of(unit(1)), Map.of());

    assertEquals(List.of(Outcome.DAMAGED), c.lines().stream().map(ReceiptLine::outcome).toList());
    assertEquals(List.of(unit(1)), c.arrived());
  }
}
