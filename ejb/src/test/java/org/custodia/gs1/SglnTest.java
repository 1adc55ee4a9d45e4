package org.custodia.gs1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("ID-1")
class SglnTest {

  private static final String GLN = "0614141123452";

  @Test
  void holdsGlnWithExtension() {
    // given / when
    Sgln sgln = Sgln.of(GLN, "400");

    // then
    assertTrue(sgln.hasExtension());
    assertEquals("(414)0614141123452(254)400", sgln.toElementString());
  }

  @Test
  void normalisesExtensionZeroToNoExtension() {
    // given / when
    Sgln zero = Sgln.of(GLN, "0");

    // then
    assertFalse(zero.hasExtension());
    assertNull(zero.extension());
    assertEquals(Sgln.of(Gln.of(GLN)), zero);
    assertEquals("(414)0614141123452", zero.toElementString());
  }

  @Test
  void rejectsExtensionOutsideCset82() {
    // given / when
    Gs1Exception e = assertThrows(Gs1Exception.class, () -> Sgln.of(GLN, "dock#1"));

    // then
    assertEquals("cset82", e.rule());
    assertEquals("254", e.ai());
  }

  @Test
  void rejectsEmptyOrTooLongExtension() {
    // given / when
    Gs1Exception empty = assertThrows(Gs1Exception.class, () -> Sgln.of(GLN, ""));
    Gs1Exception tooLong = assertThrows(Gs1Exception.class, () -> Sgln.of(GLN, "x".repeat(21)));

    // then
    assertEquals("length", empty.rule());
    assertEquals("length", tooLong.rule());
  }

  @Test
  void rejectsSglnWithInvalidGln() {
    // given / when
    Gs1Exception e = assertThrows(Gs1Exception.class, () -> Sgln.of("0614141123453", "1"));

    // then
    assertEquals("csum", e.rule());
  }

  @Test
  @Tag("ID-3")
  void rendersTdsExampleEpcUri() {
    // given
    Sgln sgln = Sgln.of(GLN, "400");

    // when / then: TDS example (414)0614141123452(254)400 with a 7-digit prefix
    assertEquals("urn:epc:id:sgln:0614141.12345.400", sgln.toEpcUri(7));
  }

  @Test
  @Tag("ID-3")
  void rendersEmptyLocationReferenceForTwelveDigitPrefixAndZeroForNoExtension() {
    // given
    Sgln sgln = Sgln.of(Gln.of(GLN));

    // when / then
    assertEquals("urn:epc:id:sgln:061414112345..0", sgln.toEpcUri(12));
  }

  @Test
  @Tag("ID-3")
  void escapesExtensionInEpcUriAndDigitalLink() {
    // given
    Sgln sgln = Sgln.of(GLN, "A/B&C");

    // when / then
    assertEquals("urn:epc:id:sgln:0614141.12345.A%2FB%26C", sgln.toEpcUri(7));
    assertEquals("https://id.gs1.org/414/0614141123452/254/A%2FB%26C", sgln.toDigitalLink());
  }
}
