package org.custodia.gs1.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.custodia.gs1.Gs1Exception;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every AI of the bundled syntax dictionary, formatted, parsed back and refused when malformed. */
@Tag("ID-2")
class DictionaryCoverageTest {

  static Stream<String> everyAi() {
    return SyntaxDictionary.definitions().stream().map(AiDefinition::ai);
  }

  @Test
  void coversTheWholeDictionary() {
    // given / when
    long count = everyAi().count();
    // then: the dictionary has several hundred AIs once ranges such as 3100-3105 are expanded
    assertTrue(count > 500, "only " + count + " AIs");
  }

  @ParameterizedTest(name = "AI ({0})")
  @MethodSource("everyAi")
  void roundTripsBracketedAndRawForms(String ai) {
    // given
    List<Element> sample = AiSamples.sampleFor(ai);
    ElementString es = ElementString.of(sample);
    String value = sample.get(0).value();

    // when
    ElementString fromBracketed = ElementStrings.parse(es.toBracketed());
    ElementString fromRaw = ElementStrings.parse(es.toUnbracketed());
    ElementString fromScan = ElementStrings.parse(es.toScanData("]d2"));
    ElementString fromMessage = ElementStrings.parse(es.toBarcodeMessage());

    // then
    assertEquals(sample, fromBracketed.elements());
    assertEquals(sample, fromRaw.elements());
    assertEquals(sample, fromScan.elements());
    assertEquals(sample, fromMessage.elements());
    assertEquals(value, fromRaw.value(ai).orElseThrow());
  }

  @ParameterizedTest(name = "AI ({0})")
  @MethodSource("everyAi")
  void refusesTooLongValueNamingTheAi(String ai) {
    // given
    List<Element> sample = new ArrayList<>(AiSamples.sampleFor(ai));
    sample.set(0, new Element(ai, tooLong(ai, sample.get(0).value())));

    // when
    Gs1Exception e =
        assertThrows(Gs1Exception.class, () -> ElementStrings.parse(bracketed(sample)));

    // then
    assertEquals(ai, e.ai());
    assertEquals("length", e.rule());
    assertTrue(e.getMessage().startsWith("AI (" + ai + ") value \""), e.getMessage());
  }

  @ParameterizedTest(name = "AI ({0})")
  @MethodSource("everyAi")
  void refusesWrongCharacterNamingTheAi(String ai) {
    // given
    List<Element> sample = new ArrayList<>(AiSamples.sampleFor(ai));
    sample.set(0, new Element(ai, "~" + sample.get(0).value().substring(1)));

    // when
    Gs1Exception e =
        assertThrows(Gs1Exception.class, () -> ElementStrings.parse(bracketed(sample)));

    // then
    assertEquals(ai, e.ai());
    assertEquals("format", e.rule());
  }

  @ParameterizedTest(name = "AI ({0})")
  @MethodSource("everyAi")
  void checksEveryValueOnItsOwn(String ai) {
    // given
    String value = AiSamples.validValue(SyntaxDictionary.definition(ai));

    // when / then
    assertEquals(null, ElementStrings.checkValue(ai, value));
    assertEquals("length", ElementStrings.checkValue(ai, tooLong(ai, value)).rule());
  }

  /** {@code value} padded with digits to one more than the AI's maximum length. */
  static String tooLong(String ai, String value) {
    int max = SyntaxDictionary.definition(ai).maxLength();
    return value + "1".repeat(max + 1 - value.length());
  }

  static String bracketed(List<Element> elements) {
    StringBuilder sb = new StringBuilder();
    for (Element e : elements) {
      sb.append('(').append(e.ai()).append(')').append(e.value().replace("(", "\\("));
    }
    return sb.toString();
  }
}
