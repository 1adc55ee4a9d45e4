package org.custodia.gs1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("ID-3")
class UriComponentsTest {

  @Test
  void escapesTheSevenTdsCharacters() {
    // given / when / then
    assertEquals("%22%25%26%2F%3C%3E%3F", UriComponents.epcEscape("21", "\"%&/<>?"));
  }

  @Test
  void unescapesEitherHexCase() {
    // given / when / then
    assertEquals("a/b?", UriComponents.epcUnescape("21", "a%2fb%3F"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a%41", "a%2", "a%", "%GG", "a%20b", "%7E"})
  void rejectsEscapesTheTdsDoesNotDefine(String component) {
    // given / when
    Gs1Exception e =
        assertThrows(Gs1Exception.class, () -> UriComponents.epcUnescape("21", component));

    // then
    assertEquals("epc-escape", e.rule());
  }

  @ParameterizedTest
  @ValueSource(strings = {"a/b", "a?b", "a&b", "a\"b", "a<b", "a>b"})
  void rejectsCharactersThatMustBeEscaped(String component) {
    // given / when
    Gs1Exception e =
        assertThrows(Gs1Exception.class, () -> UriComponents.epcUnescape("21", component));

    // then
    assertEquals("epc-escape", e.rule());
  }

  @ParameterizedTest
  @ValueSource(strings = {"a b", "a#b", "a~b", "é"})
  void rejectsCharactersOutsideCset82InEpcComponent(String component) {
    // given / when
    Gs1Exception e =
        assertThrows(Gs1Exception.class, () -> UriComponents.epcUnescape("21", component));

    // then
    assertEquals("cset82", e.rule());
  }

  @Test
  void epcEscapingRoundTripsEveryCset82String() {
    // given
    Random random = new Random(82);
    String cset = CharacterSets.CSET82;

    for (int n = 0; n < 2_000; n++) {
      StringBuilder s = new StringBuilder();
      int length = 1 + random.nextInt(20);
      for (int i = 0; i < length; i++) {
        s.append(cset.charAt(random.nextInt(cset.length())));
      }

      // when
      String escaped = UriComponents.epcEscape("21", s.toString());

      // then
      assertEquals(s.toString(), UriComponents.epcUnescape("21", escaped));
    }
  }

  @Test
  void digitalLinkEncodingKeepsOnlyUnreservedCharacters() {
    // given / when / then
    assertEquals("Az09-._~%20%2F%25", UriComponents.digitalLinkEncode("Az09-._~ /%"));
  }
}
