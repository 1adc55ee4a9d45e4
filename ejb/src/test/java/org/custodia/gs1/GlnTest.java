package org.custodia.gs1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("ID-1")
class GlnTest {

  // 061414112345 → check digit 2 (weights 3,1,... from the right: sum 78)
  private static final String GLN = "0614141123452";

  @Test
  void acceptsThirteenDigitsWithValidCheckDigit() {
    // given / when / then
    assertEquals(GLN, Gln.of(GLN).value());
  }

  @Test
  void rejectsGlnWithWrongCheckDigit() {
    // given / when
    Gs1Exception e = assertThrows(Gs1Exception.class, () -> Gln.of("0614141123453"));

    // then
    assertEquals("csum", e.rule());
    assertEquals("414", e.ai());
  }

  @Test
  void rejectsGlnOfWrongLength() {
    // given / when
    Gs1Exception e = assertThrows(Gs1Exception.class, () -> Gln.of("00614141123452"));

    // then
    assertEquals("length", e.rule());
  }

  @Test
  void rendersElementString() {
    // given / when / then
    assertEquals("(414)" + GLN, Gln.of(GLN).toElementString());
  }

  @Test
  @Tag("ID-3")
  void rendersDigitalLinkAndEpcUriWithoutExtension() {
    // given
    Gln gln = Gln.of(GLN);

    // when / then
    assertEquals("https://id.gs1.org/414/" + GLN, gln.toDigitalLink());
    assertEquals("urn:epc:id:sgln:0614141.12345.0", gln.toEpcUri(7));
  }
}
