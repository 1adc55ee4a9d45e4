package org.custodia.gs1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("ID-1")
class SerialNumberTest {

  @ParameterizedTest
  @ValueSource(strings = {"1", "ABC", "12345678901234567890", "!\"%&'()*+,-./:;<=>?_"})
  void acceptsOneToTwentyCset82Characters(String serial) {
    // given / when / then
    assertEquals(serial, SerialNumber.of(serial).value());
  }

  @Test
  void acceptsEveryCset82Character() {
    // given
    String all = CharacterSets.CSET82;

    // when / then
    for (int i = 0; i < all.length(); i += 20) {
      String chunk = all.substring(i, Math.min(all.length(), i + 20));
      assertEquals(chunk, SerialNumber.of(chunk).value());
    }
  }

  @Test
  void rejectsEmptySerial() {
    // given / when
    Gs1Exception e = assertThrows(Gs1Exception.class, () -> SerialNumber.of(""));

    // then
    assertEquals("length", e.rule());
    assertEquals("21", e.ai());
  }

  @Test
  void rejectsSerialLongerThanTwenty() {
    // given / when
    Gs1Exception e =
        assertThrows(Gs1Exception.class, () -> SerialNumber.of("123456789012345678901"));

    // then
    assertEquals("length", e.rule());
  }

  @ParameterizedTest
  @ValueSource(strings = {"AB CD", "A#B", "A~B", "Ä1", "A@B", "A\u001dB", "A[B", "A$B"})
  void rejectsSerialWithCharacterOutsideCset82(String value) {
    // given / when
    Gs1Exception e = assertThrows(Gs1Exception.class, () -> SerialNumber.of(value));

    // then
    assertEquals("cset82", e.rule());
    assertEquals(value, e.value());
  }

  @Test
  void rendersElementString() {
    // given / when / then
    assertEquals("(21)ABC", SerialNumber.of("ABC").toElementString());
  }
}
