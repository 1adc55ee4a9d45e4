package org.custodia.gs1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("ID-1")
class SsccTest {

  // TDS example SSCC: extension 1, prefix 0614141, serial 234567890; check digit 8 computed from
  // 10614141234567890 with weights 3,1,... from the right.
  private static final String SSCC = "106141412345678908";

  @Test
  void acceptsEighteenDigitsWithValidCheckDigit() {
    // given / when
    Sscc sscc = Sscc.of(SSCC);

    // then
    assertEquals(SSCC, sscc.value());
    assertEquals(1, sscc.extensionDigit());
  }

  @Test
  void rejectsSsccWithWrongCheckDigit() {
    // given / when
    Gs1Exception e = assertThrows(Gs1Exception.class, () -> Sscc.of("106141412345678909"));

    // then
    assertEquals("csum", e.rule());
    assertEquals("00", e.ai());
  }

  @ParameterizedTest
  @ValueSource(strings = {"10614141234567890", "1061414123456789088", "9506000134352"})
  void rejectsSsccOfWrongLength(String value) {
    // given / when
    Gs1Exception e = assertThrows(Gs1Exception.class, () -> Sscc.of(value));

    // then
    assertEquals("length", e.rule());
  }

  @Test
  void rejectsSsccWithLetters() {
    // given / when
    Gs1Exception e = assertThrows(Gs1Exception.class, () -> Sscc.of("10614141234567890A"));

    // then
    assertEquals("digits", e.rule());
  }

  @Test
  void completesCheckDigit() {
    // given / when / then
    assertEquals(Sscc.of(SSCC), Sscc.fromDigitsWithoutCheckDigit("10614141234567890"));
  }

  @Test
  void rendersElementString() {
    // given / when / then
    assertEquals("(00)" + SSCC, Sscc.of(SSCC).toElementString());
  }

  @Test
  @Tag("ID-3")
  void rendersDigitalLink() {
    // given / when / then
    assertEquals("https://id.gs1.org/00/" + SSCC, Sscc.of(SSCC).toDigitalLink());
  }

  @Test
  @Tag("ID-3")
  void rendersEpcUriWithExtensionDigitInFrontOfSerialReference() {
    // given
    Sscc sscc = Sscc.of(SSCC);

    // when
    String uri = sscc.toEpcUri(7);

    // then: the TDS example
    assertEquals("urn:epc:id:sscc:0614141.1234567890", uri);
  }

  @Test
  @Tag("ID-3")
  void rendersEpcUriForShortestAndLongestCompanyPrefix() {
    // given
    Sscc sscc = Sscc.of(SSCC);

    // when / then: serial reference = extension digit + digits 2+L..17
    assertEquals("urn:epc:id:sscc:061414.11234567890", sscc.toEpcUri(6));
    assertEquals("urn:epc:id:sscc:061414123456.17890", sscc.toEpcUri(12));
  }
}
