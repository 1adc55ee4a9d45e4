package org.custodia.gs1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("ID-1")
class SgtinTest {

  @Test
  void combinesValidGtinAndSerial() {
    // given / when
    Sgtin sgtin = Sgtin.of("9506000134352", "ABC");

    // then
    assertEquals("09506000134352", sgtin.gtin().value());
    assertEquals("ABC", sgtin.serial().value());
  }

  @Test
  void rejectsSgtinWithWrongGtinCheckDigit() {
    // given / when
    Gs1Exception e = assertThrows(Gs1Exception.class, () -> Sgtin.of("9506000134353", "ABC"));

    // then
    assertEquals("01", e.ai());
    assertEquals("csum", e.rule());
  }

  @Test
  void rejectsSgtinWithSerialOutsideCset82() {
    // given / when
    Gs1Exception e = assertThrows(Gs1Exception.class, () -> Sgtin.of("9506000134352", "A B"));

    // then
    assertEquals("21", e.ai());
    assertEquals("cset82", e.rule());
  }

  @Test
  void rendersBracketedElementString() {
    // given / when / then
    assertEquals("(01)09506000134352(21)ABC", Sgtin.of("9506000134352", "ABC").toElementString());
  }

  @Test
  @Tag("ID-3")
  void rendersDigitalLink() {
    // given
    Sgtin sgtin = Sgtin.of("9506000134352", "ABC");

    // when / then
    assertEquals("https://id.gs1.org/01/09506000134352/21/ABC", sgtin.toDigitalLink());
    assertEquals(
        "https://example.com/01/09506000134352/21/ABC", sgtin.toDigitalLink("https://example.com"));
  }

  @Test
  @Tag("ID-3")
  void percentEncodesReservedSerialCharactersInDigitalLink() {
    // given: every CSET 82 character outside the RFC 3986 unreserved set
    Sgtin sgtin = Sgtin.of("9506000134352", "!\"%&'()*+,/:;<=>?-._");

    // when
    String link = sgtin.toDigitalLink();

    // then
    assertEquals(
        "https://id.gs1.org/01/09506000134352/21/"
            + "%21%22%25%26%27%28%29%2A%2B%2C%2F%3A%3B%3C%3D%3E%3F-._",
        link);
  }

  @Test
  @Tag("ID-3")
  void rendersTdsExampleEpcUri() {
    // given: GTIN 80614141123458, prefix 0614141, indicator 8, item reference 12345
    Sgtin sgtin = Sgtin.of("80614141123458", "6789");

    // when / then
    assertEquals("urn:epc:id:sgtin:0614141.812345.6789", sgtin.toEpcUri(7));
  }

  @Test
  @Tag("ID-3")
  void rendersEpcUriForTwelveDigitPrefixWithIndicatorAsWholeItemReference() {
    // given
    Sgtin sgtin = Sgtin.of("80614141123458", "6789");

    // when / then
    assertEquals("urn:epc:id:sgtin:061414112345.8.6789", sgtin.toEpcUri(12));
    assertEquals("urn:epc:id:sgtin:061414.8112345.6789", sgtin.toEpcUri(6));
  }

  @Test
  @Tag("ID-3")
  void escapesOnlyTheSevenTdsCharactersInEpcUri() {
    // given: TDS example serial 32a/b plus the other escaped characters, and a serial of the
    // CSET 82 punctuation the TDS leaves literal
    Sgtin escaped = Sgtin.of("80614141123458", "32a/b\"%&<>?");
    Sgtin literal = Sgtin.of("80614141123458", "!'()*+,-.:;=_");

    // when / then
    assertEquals("urn:epc:id:sgtin:0614141.812345.32a%2Fb%22%25%26%3C%3E%3F", escaped.toEpcUri(7));
    assertEquals("urn:epc:id:sgtin:0614141.812345.!'()*+,-.:;=_", literal.toEpcUri(7));
  }
}
