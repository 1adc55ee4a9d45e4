package org.custodia.gs1.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The bundled GS1 Barcode Syntax Dictionary is read completely and as its header describes. */
@Tag("ID-2")
class SyntaxDictionaryTest {

  @Test
  void expandsAiRanges() {
    // given / when / then
    for (String ai : List.of("3100", "3105", "3920", "3929", "91", "99")) {
      assertNotNull(SyntaxDictionary.definition(ai), ai);
    }
    assertNull(SyntaxDictionary.definition("3106"));
    assertNull(SyntaxDictionary.definition("3944"));
    assertEquals("NET WEIGHT (kg)", SyntaxDictionary.definition("3103").title());
  }

  @Test
  void readsFlags() {
    AiDefinition gtin = SyntaxDictionary.definition("01");
    AiDefinition serial = SyntaxDictionary.definition("21");
    AiDefinition mto = SyntaxDictionary.definition("03");
    assertTrue(gtin.isPredefinedLength());
    assertTrue(gtin.isDlDataAttribute());
    assertFalse(serial.isPredefinedLength());
    assertFalse(serial.isDlDataAttribute());
    assertTrue(mto.isPredefinedLength());
    assertFalse(mto.isDlDataAttribute());
  }

  @Test
  void readsComponentsWithOptionalPartsAndLinters() {
    // given
    AiDefinition grai = SyntaxDictionary.definition("8003");

    // when
    List<Component> cs = grai.components();

    // then
    assertEquals(3, cs.size());
    assertEquals(List.of("zero"), cs.get(0).linterNames());
    assertEquals(List.of("csum", "gcppos1"), cs.get(1).linterNames());
    assertEquals(13, cs.get(1).maxLength());
    assertTrue(cs.get(2).isOptional());
    assertEquals('X', cs.get(2).type());
    assertEquals(16, cs.get(2).maxLength());
    assertEquals(14, grai.minLength());
    assertEquals(30, grai.maxLength());
    assertEquals(
        List.of("iso3166"), SyntaxDictionary.definition("423").components().get(4).linterNames());
  }

  @Test
  void readsAssociationsAndDigitalLinkKeys() {
    AiDefinition gtin = SyntaxDictionary.definition("01");
    assertEquals(List.of(List.of("22", "10", "21"), List.of("235")), gtin.dlQualifierSequences());
    assertEquals(List.of("255", "37"), gtin.exclusions());
    assertEquals(List.of(), SyntaxDictionary.definition("00").dlQualifierSequences());
    assertNull(SyntaxDictionary.definition("10").dlQualifierSequences());
    List<String[]> req = SyntaxDictionary.definition("250").requirements().get(0);
    assertEquals(List.of("01", "21"), List.of(req.get(0)));
    assertEquals(3, req.size());
    assertEquals(List.of("310n"), SyntaxDictionary.definition("3102").exclusions());
  }

  @Test
  void hasNoAiThatIsAPrefixOfAnother() {
    // raw data splitting relies on this property of the GS1 AI system
    for (AiDefinition a : SyntaxDictionary.definitions()) {
      for (AiDefinition b : SyntaxDictionary.definitions()) {
        assertFalse(a != b && b.ai().startsWith(a.ai()), a.ai() + " prefixes " + b.ai());
      }
    }
  }

  @Test
  void givesTheDictionaryTitleOrEmpty() {
    assertEquals("SSCC", SyntaxDictionary.definition("00").title());
    assertEquals("", SyntaxDictionary.definition("8110").title());
  }
}
