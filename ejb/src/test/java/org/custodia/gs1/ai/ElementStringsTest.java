package org.custodia.gs1.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.custodia.gs1.Gs1Exception;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading and writing element strings in bracketed, raw and scanner forms. */
@Tag("ID-2")
class ElementStringsTest {

  private static final char GS = '\u001D';
  private static final List<Element> PACK =
      List.of(
          new Element("01", "09506000134352"),
          new Element("17", "281231"),
          new Element("10", "ABC123"),
          new Element("21", "XYZ987"));

  @Test
  void parsesBracketedForm() {
    // given
    String text = "(01)09506000134352(17)281231(10)ABC123(21)XYZ987";

    // when
    ElementString es = ElementStrings.parse(text);

    // then
    assertEquals(PACK, es.elements());
    assertEquals("ABC123", es.value("10").orElseThrow());
    assertTrue(es.value("11").isEmpty());
  }

  @Test
  void parsesRawDataWithGroupSeparators() {
    // given
    String raw = "010950600013435217281231" + "10ABC123" + GS + "21XYZ987";

    // when
    ElementString es = ElementStrings.parse(raw);

    // then
    assertEquals(PACK, es.elements());
  }

  @ParameterizedTest
  @ValueSource(strings = {"]d2", "]C1", "]Q3", "]e0", "]J1"})
  void acceptsGs1SymbologyIdentifiers(String id) {
    // given
    String scanned = id + "010950600013435217281231" + "10ABC123" + GS + "21XYZ987";

    // when / then
    assertEquals(PACK, ElementStrings.parse(scanned).elements());
  }

  @Test
  void acceptsDataMatrixIdentifierFollowedByLeadingGs() {
    // given: ZXing-style output where the initial FNC1 shows as GS
    String scanned = "]d2" + GS + "010950600013435217281231" + "10ABC123" + GS + "21XYZ987";

    // when / then
    assertEquals(PACK, ElementStrings.parse(scanned).elements());
    assertEquals(PACK, ElementStrings.parse(scanned.substring(3)).elements());
  }

  @Test
  void readsPredefinedLengthAisConcatenatedWithoutSeparator() {
    // given
    String raw = "0109506000134352172812311012345";

    // when
    ElementString es = ElementStrings.parse(raw);

    // then
    assertEquals(
        List.of(
            new Element("01", "09506000134352"),
            new Element("17", "281231"),
            new Element("10", "12345")),
        es.elements());
  }

  @Test
  void toleratesRedundantSeparatorAfterPredefinedLengthAi() {
    assertEquals(
        List.of(new Element("01", "09506000134352"), new Element("10", "L1")),
        ElementStrings.parse("0109506000134352" + GS + "10L1").elements());
  }

  @Test
  void rejectsGtinWithWrongCheckDigit() {
    // when
    Gs1Exception e =
        assertThrows(Gs1Exception.class, () -> ElementStrings.parse("(01)09506000134353"));

    // then
    assertEquals("01", e.ai());
    assertEquals("09506000134353", e.value());
    assertEquals("csum", e.rule());
    assertEquals("AI (01) value \"09506000134353\": check digit is wrong (csum)", e.getMessage());
  }

  @Test
  void rejectsSerialWithoutGtin() {
    Gs1Exception e = assertThrows(Gs1Exception.class, () -> ElementStrings.parse("(21)ABC"));
    assertEquals("req", e.rule());
    assertEquals("21", e.ai());
    assertEquals(
        "AI (21) value \"ABC\": requires AI (01), (03) or (8006) in the same element string (req)",
        e.getMessage());
  }

  @Test
  void rejectsSecondarySerialWithoutGtinAndSerial() {
    Gs1Exception e =
        assertThrows(Gs1Exception.class, () -> ElementStrings.parse("(01)09506000134352(250)S1"));
    assertEquals("req", e.rule());
    assertEquals("250", e.ai());
  }

  @Test
  void rejectsGtinTogetherWithContent() {
    Gs1Exception e =
        assertThrows(
            Gs1Exception.class,
            () ->
                ElementStrings.parse(
                    "(01)09506000134352(02)09506000134352(37)5(00)106141412345678908"));
    assertEquals("ex", e.rule());
    assertEquals("02", e.ai());
  }

  @Test
  void rejectsTwoNetWeightsOfTheSameUnitFamily() {
    Gs1Exception e =
        assertThrows(
            Gs1Exception.class,
            () -> ElementStrings.parse("(01)09506000134352(3102)000195(3103)000195"));
    assertEquals("ex", e.rule());
    assertEquals("3103", e.ai());
  }

  @Test
  void rejectsDuplicateAiWithDifferentValues() {
    Gs1Exception e =
        assertThrows(
            Gs1Exception.class, () -> ElementStrings.parse("(01)09506000134352(10)A(10)B"));
    assertEquals("duplicate-ai", e.rule());
    assertEquals("10", e.ai());
    assertEquals("B", e.value());
  }

  @Test
  void keepsExactDuplicateOnce() {
    ElementString es = ElementStrings.parse("(01)09506000134352(10)A(10)A");
    assertEquals(2, es.size());
  }

  @Test
  void rejectsUnknownAi() {
    Gs1Exception bracketed =
        assertThrows(Gs1Exception.class, () -> ElementStrings.parse("(01)09506000134352(23)X"));
    Gs1Exception raw =
        assertThrows(Gs1Exception.class, () -> ElementStrings.parse("0109506000134352239X"));
    assertEquals("unknown-ai", bracketed.rule());
    assertEquals("23", bracketed.ai());
    assertEquals("unknown-ai", raw.rule());
  }

  @Test
  void rejectsMissingSeparatorAfterFixedLengthAiThatNeedsOne() {
    // (422) is N3 but not of pre-defined length, so a GS must follow it
    Gs1Exception e =
        assertThrows(
            Gs1Exception.class, () -> ElementStrings.parse("0109506000134352" + "422250" + "10X"));
    assertEquals("fnc1", e.rule());
    assertEquals("422", e.ai());
    assertEquals(3, ElementStrings.parse("0109506000134352" + "422250" + GS + "10X").size());
  }

  @Test
  void rejectsTruncatedPredefinedLengthValue() {
    Gs1Exception e = assertThrows(Gs1Exception.class, () -> ElementStrings.parse("01095060001343"));
    assertEquals("length", e.rule());
    assertEquals("01", e.ai());
  }

  @Test
  void rejectsSymbologyIdentifierWithoutGs1Data() {
    Gs1Exception e =
        assertThrows(Gs1Exception.class, () -> ElementStrings.parse("]d1" + "0109506000134352"));
    assertEquals("symbology", e.rule());
  }

  @Test
  void rejectsEmptyInput() {
    assertEquals("format", assertThrows(Gs1Exception.class, () -> ElementStrings.parse("")).rule());
    assertEquals(
        "format", assertThrows(Gs1Exception.class, () -> ElementStrings.parse("]d2" + GS)).rule());
  }

  @Test
  void rejectsTextOutsideBrackets() {
    Gs1Exception e =
        assertThrows(Gs1Exception.class, () -> ElementStrings.parse("(01)09506000134352(10"));
    assertEquals("format", e.rule());
  }

  @Test
  void analysisListsEveryProblemWithoutThrowing() {
    // given
    String text = "(01)09506000134353(17)281332(02)09506000134352(99)OK";

    // when
    Analysis a = ElementStrings.analyse(text);

    // then
    assertFalse(a.isValid());
    assertEquals(
        List.of("01", "17", "02", "99"),
        a.elements().stream().map(i -> i.element().ai()).collect(Collectors.toList()));
    assertEquals(
        List.of("csum", "yymmd0", "req", "ex"),
        a.problems().stream().map(Problem::rule).collect(Collectors.toList()));
    assertEquals("GTIN", a.elements().get(0).title());
    assertEquals("USE BY or EXPIRY", a.elements().get(1).title());
  }

  @Test
  void analysisOfValidDataHasNoProblems() {
    Analysis a = ElementStrings.analyse("]d2" + GS + "0109506000134352172812311012345");
    assertTrue(a.isValid());
    assertEquals("BATCH/LOT", a.elements().get(2).title());
  }

  @Test
  void analysisNeverThrows() {
    for (String s : new String[] {null, "", "(", "((", "]", "]x", "(0)", "\u001D", "(01", "abc"}) {
      assertFalse(ElementStrings.analyse(s).isValid(), String.valueOf(s));
    }
  }

  @Test
  void writesGroupSeparatorOnlyAfterVariableLengthElementsThatAreNotLast() {
    // given
    ElementString es =
        ElementString.of(
            new Element("01", "09506000134352"),
            new Element("10", "ABC"),
            new Element("17", "281231"),
            new Element("21", "X"));

    // when / then
    assertEquals("0109506000134352" + "10ABC" + GS + "17281231" + "21X", es.toUnbracketed());
    assertEquals(GS + es.toUnbracketed(), es.toBarcodeMessage());
    assertEquals("]d2" + es.toUnbracketed(), es.toScanData("]d2"));
    assertEquals("(01)09506000134352(10)ABC(17)281231(21)X", es.toBracketed());
  }

  @Test
  void escapesOpeningBracketInsideBracketedValue() {
    // given
    ElementString es =
        ElementString.of(new Element("01", "09506000134352"), new Element("10", "A(B)"));

    // when
    String text = es.toBracketed();

    // then
    assertEquals("(01)09506000134352(10)A\\(B)", text);
    assertEquals(es, ElementStrings.parse(text));
    assertEquals("(01)09506000134352(10)A(B)", es.toHumanReadable());
  }

  @Test
  void refusesInvalidElementsWhenBuilt() {
    Gs1Exception e =
        assertThrows(Gs1Exception.class, () -> ElementString.of(new Element("17", "281231")));
    assertEquals("req", e.rule());
  }

  @Test
  void equalElementStringsAreEqual() {
    assertEquals(
        ElementString.of(PACK),
        ElementStrings.parse("(01)09506000134352(17)281231(10)ABC123(21)XYZ987"));
    assertEquals(ElementString.of(PACK).hashCode(), ElementString.of(PACK).hashCode());
  }
}
