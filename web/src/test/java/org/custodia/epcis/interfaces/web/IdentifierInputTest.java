package org.custodia.epcis.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import java.util.function.Function;
import org.custodia.gs1.Gs1Exception;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What the EPC field of the event browser matches for each form an identifier is typed in. */
@Tag("EPC-2")
class IdentifierInputTest {

  /** The demo company 9506000 is registered; no other. */
  private static final Function<String, OptionalInt> PREFIXES =
      digits -> digits.startsWith("9506000") ? OptionalInt.of(7) : OptionalInt.empty();

  private static final String SGTIN = "urn:epc:id:sgtin:9506000.013435.SER1";
  private static final String SGTIN_LINK = "https://id.gs1.org/01/09506000134352/21/SER1";

  @Test
  void anEpcUriIsMatchedAsTypedAndAsItsDigitalLink() {
    IdentifierInput.Reading r = IdentifierInput.read(" " + SGTIN + " ", PREFIXES);

    assertEquals(List.of(SGTIN, SGTIN_LINK), r.values());
    assertFalse(r.epcClass());
    assertNull(r.note());
  }

  @Test
  void aBracketedElementStringBecomesTheEpcUriWithoutItsAttributes() {
    IdentifierInput.Reading r =
        IdentifierInput.read("(01)09506000134352(17)281231(10)LOT7(21)SER1", PREFIXES);

    assertEquals(List.of(SGTIN, SGTIN_LINK), r.values());
    assertFalse(r.epcClass());
  }

  @Test
  void rawScannerDataWithASymbologyIdentifierAndAGsStandInIsRead() {
    IdentifierInput.Reading r =
        IdentifierInput.read("]d20109506000134352" + "10LOT7<GS>21SER1", PREFIXES);

    assertEquals(List.of(SGTIN, SGTIN_LINK), r.values());
  }

  @Test
  void aDigitalLinkOfAnyDomainIsMatchedAsEpcUriCanonicalLinkAndAsTyped() {
    String typed = "https://brand.example/dl/01/09506000134352/21/SER1?17=281231";

    IdentifierInput.Reading r = IdentifierInput.read(typed, PREFIXES);

    assertEquals(List.of(SGTIN, SGTIN_LINK, typed), r.values());
  }

  @Test
  void anSsccBecomesItsEpcUri() {
    IdentifierInput.Reading r = IdentifierInput.read("(00)095060001234567893", PREFIXES);

    assertEquals("urn:epc:id:sscc:9506000.0123456789", r.values().get(0));
    assertEquals("https://id.gs1.org/00/095060001234567893", r.values().get(1));
  }

  @Test
  void aGtinAloneIsThePatternOfAllItsSerials() {
    IdentifierInput.Reading r = IdentifierInput.read("(01)09506000134352", PREFIXES);

    assertEquals("urn:epc:idpat:sgtin:9506000.013435.*", r.values().get(0));
    assertFalse(r.epcClass());
  }

  @Test
  void aGtinWithALotIsAClass() {
    IdentifierInput.Reading r = IdentifierInput.read("(01)09506000134352(10)LOT7", PREFIXES);

    assertEquals(
        List.of("urn:epc:class:lgtin:9506000.013435.LOT7", "https://id.gs1.org/01/09506000134352/10/LOT7"),
        r.values());
    assertTrue(r.epcClass());
  }

  @Test
  void withAnUnknownCompanyPrefixOnlyTheDigitalLinkIsMatchedAndTheUserIsTold() {
    IdentifierInput.Reading r = IdentifierInput.read("(01)07612345000022(21)X", PREFIXES);

    assertEquals(List.of("https://id.gs1.org/01/07612345000022/21/X"), r.values());
    assertNotNull(r.note());
    assertTrue(r.note().contains("07612345000022"), r.note());
  }

  @Test
  void anEpcSchemeTheLibraryDoesNotReadIsMatchedAsTyped() {
    String giai = "urn:epc:id:giai:9506000.ASSET-1";

    assertEquals(List.of(giai), IdentifierInput.read(giai, PREFIXES).values());
  }

  @Test
  void aWrongCheckDigitIsRefusedNamingTheRule() {
    Gs1Exception e =
        assertThrows(
            Gs1Exception.class, () -> IdentifierInput.read("(01)09506000134353(21)X", PREFIXES));

    assertEquals("01", e.ai());
    assertTrue(e.getMessage().toLowerCase().contains("check digit"), e.getMessage());
  }

  @Test
  void aMalformedEpcUriIsRefused() {
    assertThrows(
        Gs1Exception.class, () -> IdentifierInput.read("urn:epc:id:sgtin:9506000.13435", PREFIXES));
  }

  @Test
  void dataWithoutAKeyNamesNoObject() {
    Gs1Exception e =
        assertThrows(Gs1Exception.class, () -> IdentifierInput.read("(90)INTERNAL1", PREFIXES));

    assertEquals("epc-key", e.rule());
  }

  @Test
  void nothingTypedMatchesNothing() {
    assertTrue(IdentifierInput.read("  ", PREFIXES).values().isEmpty());
  }
}
