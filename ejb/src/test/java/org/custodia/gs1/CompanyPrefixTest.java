package org.custodia.gs1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("ID-1")
class CompanyPrefixTest {

  @Test
  void knowsItsLengthAndWhatItPrefixes() {
    // given / when
    CompanyPrefix prefix = CompanyPrefix.of("0614141");

    // then
    assertEquals(7, prefix.length());
    assertTrue(prefix.isPrefixOf("0614141123452"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"123", "1234567890123"})
  void rejectsPrefixOutsideFourToTwelveDigits(String value) {
    // given / when
    Gs1Exception e = assertThrows(Gs1Exception.class, () -> CompanyPrefix.of(value));

    // then
    assertEquals("length", e.rule());
  }

  @Test
  void rejectsPrefixWithLetters() {
    // given / when
    Gs1Exception e = assertThrows(Gs1Exception.class, () -> CompanyPrefix.of("06141A1"));

    // then
    assertEquals("digits", e.rule());
  }
}
