package org.custodia.aggregation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.custodia.gs1.Sgtin;
import org.custodia.gs1.Sscc;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Codes as stations send them: raw with GS separators or bracketed, through the GS1 library. */
@Tag("AGG-3")
class ScannedCodesTest {

  static final String GS = "\u001d";

  @Test
  void readsAUnitInRawScannerFormWithLotAndExpiry() {
    ChildId child = ScannedCodes.child("0109506000134352172812311" + "0L1" + GS + "21ABC");
    assertEquals(new ChildId.Unit(Sgtin.of("09506000134352", "ABC")), child);
    assertEquals("0109506000134352" + "21ABC", child.key());
  }

  @Test
  void readsAUnitInBracketedFormAndWithASymbologyIdentifier() {
    assertEquals(new ChildId.Unit(Sgtin.of("09506000134352", "ABC")),
        ScannedCodes.child("(01)09506000134352(17)281231(10)L1(21)ABC"));
    assertEquals(new ChildId.Unit(Sgtin.of("09506000134352", "ABC")),
        ScannedCodes.child("]d2010950600013435221ABC"));
  }

  @Test
  void readsAnSsccAsParentAndAsChild() {
    Sscc sscc = Sscc.of("095060000000000015");
    assertEquals(sscc, ScannedCodes.parent("00095060000000000015"));
    assertEquals(sscc, ScannedCodes.parent("(00)095060000000000015"));
    assertEquals(new ChildId.Container(sscc), ScannedCodes.child("(00)095060000000000015"));
  }

  @Test
  void refusesWhatIsNotAUsableCode() {
    assertEquals("parent-unreadable", assertThrows(RefusedException.class,
        () -> ScannedCodes.parent("(00)095060000000000016")).refusal().code());
    assertEquals("parent-unreadable", assertThrows(RefusedException.class,
        () -> ScannedCodes.parent("(01)09506000134352(21)ABC")).refusal().code());
    assertEquals("child-unreadable", assertThrows(RefusedException.class,
        () -> ScannedCodes.child("(01)09506000134352(10)L1")).refusal().code());
    RefusedException e = assertThrows(RefusedException.class, () -> ScannedCodes.child("0109506000134353" + GS));
    assertEquals("child-unreadable", e.refusal().code());
    assertEquals(true, e.refusal().sentence().contains("<GS>"), e.refusal().sentence());
    assertEquals("child-unreadable", assertThrows(RefusedException.class,
        () -> ScannedCodes.child("")).refusal().code());
  }
}
