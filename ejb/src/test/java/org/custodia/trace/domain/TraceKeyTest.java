package org.custodia.trace.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import java.util.function.Function;
import org.custodia.gs1.Gs1Exception;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Reading the identifier of a trace in every form it reaches the system (RCL-1, RCL-2). */
@Tag("RCL-1")
class TraceKeyTest {

  /** The demo company prefix 9506000 is registered; no other. */
  private static final Function<String, OptionalInt> PREFIXES =
      digits -> digits.startsWith("9506000") ? OptionalInt.of(7) : OptionalInt.empty();

  private static final String EPC = "urn:epc:id:sgtin:9506000.013435.ABC123";

  @Test
  void anEpcUriIsLookedUpAsGivenAndAsItsDigitalLink() {
    TraceKey k = TraceKey.read(EPC, PREFIXES);

    assertEquals(EPC, k.candidates().get(0));
    assertTrue(k.candidates().contains("https://id.gs1.org/01/09506000134352/21/ABC123"));
    assertEquals("09506000134352", k.gtin());
    assertEquals("ABC123", k.serial());
    assertFalse(k.container());
  }

  @Test
  void aBracketedElementStringBecomesTheEpcOfTheRegisteredPrefixFirst() {
    TraceKey k = TraceKey.read("(01)09506000134352(17)281231(10)L1(21)ABC123", PREFIXES);

    assertEquals(EPC, k.candidates().get(0));
    assertEquals("ABC123", k.serial());
  }

  @Test
  void rawScannerDataWithSymbologyIdentifierAndGroupSeparatorsIsRead() {
    TraceKey k = TraceKey.read("]d2010950600013435221ABC123\u001D10L1", PREFIXES);

    assertEquals(EPC, k.candidates().get(0));
  }

  @Test
  void aDigitalLinkIsRead() {
    TraceKey k = TraceKey.read("https://example.com/01/09506000134352/21/ABC123", PREFIXES);

    assertEquals(EPC, k.candidates().get(0));
    assertTrue(k.candidates().contains("https://example.com/01/09506000134352/21/ABC123"));
  }

  @Test
  @Tag("RCL-2")
  void eighteenDigitsAreAnSscc() {
    TraceKey k = TraceKey.read("095060000000000015", PREFIXES);

    assertTrue(k.container());
    assertEquals("urn:epc:id:sscc:9506000.0000000001", k.candidates().get(0));
    assertTrue(k.candidates().contains("https://id.gs1.org/00/095060000000000015"));
  }

  @Test
  @Tag("RCL-2")
  void anSsccElementStringIsAContainer() {
    assertEquals("urn:epc:id:sscc:9506000.0000000001",
        TraceKey.read("(00)095060000000000015", PREFIXES).candidates().get(0));
  }

  @Test
  void anUnregisteredPrefixIsTriedAtEveryLength() {
    TraceKey k = TraceKey.read("(01)07612345000015(21)S1", PREFIXES);

    assertTrue(k.candidates().contains("urn:epc:id:sgtin:761234.0500001.S1"));
    assertTrue(k.candidates().contains("urn:epc:id:sgtin:7612345.000001.S1"));
    assertEquals(8, k.candidates().size(), k.candidates().toString());
  }

  @Test
  void aWrongCheckDigitIsRefusedNamingTheValue() {
    Gs1Exception e = assertThrows(Gs1Exception.class, () -> TraceKey.read("095060000000000014", PREFIXES));

    assertEquals("095060000000000014", e.value());
  }

  @Test
  void aGtinWithoutSerialNamesNoObject() {
    Gs1Exception e =
        assertThrows(Gs1Exception.class, () -> TraceKey.read("(01)09506000134352(10)L1", PREFIXES));

    assertEquals("serialized-key", e.rule());
    assertTrue(e.getMessage().contains("(01)09506000134352(10)L1"), e.getMessage());
  }

  @Test
  void aClassUriOrGarbageIsRefused() {
    assertThrows(Gs1Exception.class, () -> TraceKey.read("urn:epc:class:lgtin:9506000.013435.L1", PREFIXES));
    assertThrows(Gs1Exception.class, () -> TraceKey.read("not-an-id", PREFIXES));
    assertThrows(Gs1Exception.class, () -> TraceKey.read("  ", PREFIXES));
  }
}
