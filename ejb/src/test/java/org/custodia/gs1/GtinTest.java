package org.custodia.gs1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("ID-1")
class GtinTest {

  @ParameterizedTest
  @CsvSource({
    // GTIN-8: 7*3 + 0 + 5*3 + 8 + 3*3 + 6 + 9*3 = 86 → check digit 4
    "96385074, 00000096385074",
    // GTIN-12 (U.P.C.-A)
    "036000291452, 00036000291452",
    // GTIN-13, the GS1 example GTIN 9506000134352
    "9506000134352, 09506000134352",
    // GTIN-14 from the TDS SGTIN examples, check digit 8
    "80614141123458, 80614141123458"
  })
  void normalisesEveryGtinLengthToFourteenDigits(String given, String expected) {
    // given / when
    Gtin gtin = Gtin.of(given);

    // then
    assertEquals(expected, gtin.value());
  }

  @Test
  void treatsShortAndLongSpellingsOfOneGtinAsEqual() {
    // given
    Gtin thirteen = Gtin.of("9506000134352");

    // when
    Gtin fourteen = Gtin.of("09506000134352");

    // then
    assertEquals(thirteen, fourteen);
    assertEquals(thirteen.hashCode(), fourteen.hashCode());
  }

  @Test
  void rejectsGtinWithWrongCheckDigit() {
    // given: 9506000134352 is valid, so ...353 is not
    String wrong = "9506000134353";

    // when
    Gs1Exception e = assertThrows(Gs1Exception.class, () -> Gtin.of(wrong));

    // then
    assertEquals("csum", e.rule());
    assertEquals("01", e.ai());
    assertEquals(wrong, e.value());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1234567", "123456789", "12345678901", "123456789012345", ""})
  void rejectsGtinOfWrongLength(String value) {
    // given / when
    Gs1Exception e = assertThrows(Gs1Exception.class, () -> Gtin.of(value));

    // then
    assertEquals("length", e.rule());
  }

  @ParameterizedTest
  @ValueSource(strings = {"950600013435A", " 9506000134352", "9506000-134352", "９５０６０００１３４３５２"})
  void rejectsGtinWithNonDigits(String value) {
    // given / when
    Gs1Exception e = assertThrows(Gs1Exception.class, () -> Gtin.of(value));

    // then
    assertEquals("digits", e.rule());
  }

  @Test
  void rejectsMissingGtin() {
    // given / when
    Gs1Exception e = assertThrows(Gs1Exception.class, () -> Gtin.of(null));

    // then
    assertEquals("required", e.rule());
  }

  @Test
  void exposesIndicatorAndCheckDigit() {
    // given
    Gtin gtin = Gtin.of("80614141123458");

    // when / then
    assertEquals(8, gtin.indicator());
    assertEquals(8, gtin.checkDigit());
    assertEquals("0614141", gtin.companyPrefix(7).value());
  }

  @Test
  void completesCheckDigitFromThirteenDigits() {
    // given: 8061414112345 → check digit 8 (computed independently: weights 3,1,… from the right)
    // when
    Gtin gtin = Gtin.fromDigitsWithoutCheckDigit("8061414112345");

    // then
    assertEquals("80614141123458", gtin.value());
  }

  @ParameterizedTest
  @CsvSource({
    "96385074, 96385074",
    "036000291452, 036000291452",
    "9506000134352, 9506000134352",
    "80614141123458, 80614141123458"
  })
  void rendersShortestFormForPrinting(String given, String shortest) {
    // given / when / then
    assertEquals(shortest, Gtin.of(given).toShortestForm());
  }

  @Test
  void rendersElementString() {
    // given / when / then
    assertEquals("(01)09506000134352", Gtin.of("9506000134352").toElementString());
  }

  @Test
  @Tag("ID-3")
  void rendersDigitalLinkWithFourteenDigitsOnDefaultAndCustomDomain() {
    // given
    Gtin gtin = Gtin.of("9506000134352");

    // when / then
    assertEquals("https://id.gs1.org/01/09506000134352", gtin.toDigitalLink());
    assertEquals(
        "https://brand.example.com/dl/01/09506000134352",
        gtin.toDigitalLink("https://brand.example.com/dl/"));
  }

  @Test
  @Tag("ID-3")
  void rejectsDigitalLinkBaseThatIsNotHttp() {
    // given
    Gtin gtin = Gtin.of("9506000134352");

    // when
    Gs1Exception e = assertThrows(Gs1Exception.class, () -> gtin.toDigitalLink("ftp://x.example"));

    // then
    assertEquals("base-uri", e.rule());
  }

  @Test
  @Tag("ID-3")
  void rendersClassLevelEpcPattern() {
    // given
    Gtin gtin = Gtin.of("80614141123458");

    // when / then: indicator 8 moves before item reference 12345, check digit 8 dropped
    assertEquals("urn:epc:idpat:sgtin:0614141.812345.*", gtin.toEpcIdPattern(7));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 5, 13, -1})
  @Tag("ID-3")
  void rejectsCompanyPrefixLengthOutsideSixToTwelve(int length) {
    // given
    Gtin gtin = Gtin.of("80614141123458");

    // when
    Gs1Exception e = assertThrows(Gs1Exception.class, () -> gtin.toEpcIdPattern(length));

    // then
    assertEquals("company-prefix-length", e.rule());
  }

  @Test
  void differentGtinsAreNotEqual() {
    // given / when / then
    assertNotEquals(Gtin.of("9506000134352"), Gtin.of("80614141123458"));
  }
}
