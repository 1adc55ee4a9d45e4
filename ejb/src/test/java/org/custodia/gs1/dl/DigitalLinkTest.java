package org.custodia.gs1.dl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.custodia.gs1.Gs1Exception;
import org.custodia.gs1.ai.AiDefinition;
import org.custodia.gs1.ai.AiSamples;
import org.custodia.gs1.ai.Element;
import org.custodia.gs1.ai.ElementString;
import org.custodia.gs1.ai.ElementStrings;
import org.custodia.gs1.ai.SyntaxDictionary;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** GS1 Digital Link URIs to element strings and back. */
@Tag("ID-3")
class DigitalLinkTest {

  @Test
  void formatsCanonicalUriWithKeyQualifiersAndAttributes() {
    // given
    ElementString es = ElementStrings.parse("(01)09506000134352(17)281231(10)ABC/123(21)XYZ_9");

    // when
    String uri = DigitalLink.format(es);

    // then
    assertEquals("https://id.gs1.org/01/09506000134352/10/ABC%2F123/21/XYZ_9?17=281231", uri);
  }

  @Test
  void formatsWithCustomBaseAndOrdersQualifiersByTheDictionary() {
    // given: qualifiers given out of order in the element string
    ElementString es = ElementStrings.parse("(01)09506000134352(21)S1(10)L1(22)V(3103)000195");

    // when
    String uri = DigitalLink.format(es, "https://brand.example.com/dl/");

    // then
    assertEquals(
        "https://brand.example.com/dl/01/09506000134352/22/V/10/L1/21/S1?3103=000195", uri);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "https://id.gs1.org/01/09506000134352 | (01)09506000134352",
        "https://id.gs1.org/01/09506000134352/10/ABC123/21/12345?17=281231 |"
            + " (01)09506000134352(10)ABC123(21)12345(17)281231",
        "https://example.com/01/09506000134352?3103=000195 | (01)09506000134352(3103)000195",
        "https://id.gs1.org/00/106141412345678908 | (00)106141412345678908",
        "https://id.gs1.org/414/9520123456788/254/32a%2Fb | (414)9520123456788(254)32a/b",
        "https://id.gs1.org/8004/0614141ABC123 | (8004)0614141ABC123",
        "https://id.gs1.org/01/09506000134352/235/TPX1 | (01)09506000134352(235)TPX1",
        "https://id.gs1.org/8017/106141412345678908/8019/1 | (8017)106141412345678908(8019)1",
        "http://example.org/01/9506000134352 | (01)09506000134352",
        "https://example.org/01/036000291452 | (01)00036000291452",
        "https://example.org/01/95010137 | (01)00000095010137",
        "https://shop.example.com/products/a/b/01/09506000134352/21/A%2B1?linkType=gs1:pip |"
            + " (01)09506000134352(21)A+1",
        "https://example.com/gtin/01/09506000134352/10/LOT?17=281200&10x=ignored#frag |"
            + " (01)09506000134352(10)LOT(17)281200",
        "https://example.com/01/09506000134352/10/%41%42 | (01)09506000134352(10)AB"
      })
  void parsesDigitalLinkUris(String uri, String expected) {
    // when
    ElementString es = DigitalLink.parse(uri.trim());

    // then
    assertEquals(expected.trim(), es.toBracketed());
  }

  @Test
  void skipsPathPrefixThatLooksLikeAnAi() {
    // given: "01" in the prefix would otherwise be taken as a key
    String uri = "https://example.com/01/x/01/09506000134352/21/S";

    // when / then
    assertEquals("(01)09506000134352(21)S", DigitalLink.parse(uri).toBracketed());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "https://id.gs1.org/01/09506000134352/21/S/10/L | dl-path | 10",
        "https://id.gs1.org/01/09506000134352/235/T/21/S | dl-path | 21",
        "https://id.gs1.org/01/09506000134352/10/L/235/T | dl-path | 235",
        "https://id.gs1.org/00/106141412345678908/21/S | dl-path | 21",
        "https://id.gs1.org/01/09506000134352?21=S | dl-attribute | 21",
        "https://id.gs1.org/01/09506000134353 | csum | 01",
        "https://id.gs1.org/01/09506000134352?17=281332 | yymmd0 | 17",
        "https://id.gs1.org/01/09506000134352?23=X | unknown-ai | 23",
        "https://id.gs1.org/01/09506000134352/10/A%2 | dl-encoding | 10",
        "https://id.gs1.org/01/09506000134352/10/A?10=B | duplicate-ai | 10",
        "https://id.gs1.org/01/09506000134352?02=09506000134352&37=5&00=106141412345678908 | ex |"
            + " 02"
      })
  void refusesInvalidDigitalLinks(String uri, String rule, String ai) {
    // when
    Gs1Exception e = assertThrows(Gs1Exception.class, () -> DigitalLink.parse(uri.trim()));

    // then
    assertEquals(rule.trim(), e.rule(), e.getMessage());
    assertEquals(ai.trim(), e.ai());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://id.gs1.org/",
        "https://id.gs1.org",
        "https://id.gs1.org/10/ABC",
        "https://id.gs1.org/foo/bar",
        "ftp://id.gs1.org/01/09506000134352",
        "09506000134352"
      })
  void refusesUrisWithoutPrimaryKey(String uri) {
    Gs1Exception e = assertThrows(Gs1Exception.class, () -> DigitalLink.parse(uri));
    assertTrue(e.rule().startsWith("dl-"), e.rule());
  }

  @Test
  void refusesAiThatIsNeitherQualifierNorAttribute() {
    // given: (8200) product URL needs (01) but has no "?" flag
    ElementString es = ElementStrings.parse("(01)09506000134352(8200)https://example.com");

    // when
    Gs1Exception e = assertThrows(Gs1Exception.class, () -> DigitalLink.format(es));

    // then
    assertEquals("dl-attribute", e.rule());
    assertEquals("8200", e.ai());
  }

  @Test
  void refusesElementStringWithoutPrimaryKey() {
    ElementString es = ElementStrings.parse("(400)ORDER1");
    assertEquals(
        "dl-primary-key", assertThrows(Gs1Exception.class, () -> DigitalLink.format(es)).rule());
  }

  @Test
  void percentEncodesEverythingOutsideTheUnreservedSet() {
    // given
    ElementString es = ElementStrings.parse("(01)09506000134352(10)a!\"%&'\\()*+,/:;<(21)=>?_-.Z");

    // when
    String uri = DigitalLink.format(es);

    // then
    assertEquals(
        "https://id.gs1.org/01/09506000134352/10/a%21%22%25%26%27%28%29%2A%2B%2C%2F%3A%3B%3C/21/%3D%3E%3F_-.Z",
        uri);
    assertEquals(es, DigitalLink.parse(uri));
  }

  @Test
  void roundTripsEveryDictionaryAiThatADigitalLinkCanCarry() {
    int carried = 0;
    for (AiDefinition d : SyntaxDictionary.definitions()) {
      // given
      List<Element> sample = AiSamples.sampleFor(d.ai());
      ElementString es = ElementString.of(sample);
      String uri;
      try {
        uri = DigitalLink.format(es, "https://example.com/prefix");
      } catch (Gs1Exception e) {
        // then: only data without a key, or with an AI that may not be in a DL, is refused
        assertTrue(
            e.rule().equals("dl-attribute") || e.rule().equals("dl-primary-key"), e.getMessage());
        if (e.ai() != null) {
          assertFalse(SyntaxDictionary.definition(e.ai()).isDlDataAttribute(), e.getMessage());
        }
        continue;
      }

      // when
      ElementString back = DigitalLink.parse(uri);

      // then
      assertEquals(new HashSet<>(es.elements()), new HashSet<>(back.elements()), uri);
      assertEquals(es.size(), back.size());
      carried++;
    }
    assertTrue(carried > 450, "only " + carried + " AIs carried in a Digital Link");
  }
}
