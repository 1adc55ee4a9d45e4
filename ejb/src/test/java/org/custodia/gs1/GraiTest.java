package org.custodia.gs1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("ID-1")
class GraiTest {

  // TDS example: prefix 0614141, asset type 12345, check digit 2, serial 400
  private static final String AI_8003 = "00614141123452400";

  @Test
  void parsesFillerKeyAndSerial() {
    // given / when
    Grai grai = Grai.of(AI_8003);

    // then
    assertEquals("0614141123452", grai.assetKey());
    assertEquals("400", grai.serial());
    assertEquals(AI_8003, grai.ai8003Value());
    assertEquals("(8003)" + AI_8003, grai.toElementString());
  }

  @Test
  void acceptsGraiWithoutSerial() {
    // given / when
    Grai grai = Grai.of("00614141123452");

    // then
    assertFalse(grai.hasSerial());
  }

  @Test
  void rejectsGraiWithWrongCheckDigit() {
    // given / when
    Gs1Exception e = assertThrows(Gs1Exception.class, () -> Grai.of("00614141123453400"));

    // then
    assertEquals("8003", e.ai());
    assertEquals("csum", e.rule());
  }

  @Test
  void rejectsGraiWithoutLeadingZero() {
    // given / when
    Gs1Exception e = assertThrows(Gs1Exception.class, () -> Grai.of("10614141123452400"));

    // then
    assertEquals("zero", e.rule());
  }

  @Test
  void rejectsGraiSerialLongerThanSixteen() {
    // given / when
    Gs1Exception e =
        assertThrows(Gs1Exception.class, () -> new Grai("0614141123452", "12345678901234567"));

    // then
    assertEquals("length", e.rule());
  }

  @Test
  void rejectsGraiSerialOutsideCset82() {
    // given / when
    Gs1Exception e = assertThrows(Gs1Exception.class, () -> Grai.of("00614141123452A B"));

    // then
    assertEquals("cset82", e.rule());
  }

  @Test
  void rejectsTooShortGrai() {
    // given / when
    Gs1Exception e = assertThrows(Gs1Exception.class, () -> Grai.of("0061414112345"));

    // then
    assertEquals("length", e.rule());
  }

  @Test
  @Tag("ID-3")
  void rendersTdsExampleEpcUriAndDigitalLink() {
    // given
    Grai grai = Grai.of(AI_8003);

    // when / then
    assertEquals("urn:epc:id:grai:0614141.12345.400", grai.toEpcUri(7));
    assertEquals("https://id.gs1.org/8003/" + AI_8003, grai.toDigitalLink());
  }

  @Test
  @Tag("ID-3")
  void refusesEpcUriForGraiWithoutSerial() {
    // given
    Grai grai = Grai.of("00614141123452");

    // when
    Gs1Exception e = assertThrows(Gs1Exception.class, () -> grai.toEpcUri(7));

    // then
    assertEquals("serial-required", e.rule());
  }
}
