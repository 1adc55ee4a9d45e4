package org.custodia.gs1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("ID-1")
class LgtinTest {

  @Test
  void rendersElementStringAndDigitalLink() {
    // given
    Lgtin lgtin = Lgtin.of("80614141123458", "ABC1");

    // when / then
    assertEquals("(01)80614141123458(10)ABC1", lgtin.toElementString());
    assertEquals("https://id.gs1.org/01/80614141123458/10/ABC1", lgtin.toDigitalLink());
  }

  @Test
  @Tag("ID-3")
  void rendersEpcClassUri() {
    // given
    Lgtin lgtin = Lgtin.of("80614141123458", "ABC1");

    // when / then: TDS LGTIN example
    assertEquals("urn:epc:class:lgtin:0614141.812345.ABC1", lgtin.toEpcUri(7));
  }

  @Test
  void rejectsLgtinWithInvalidLot() {
    // given / when
    Gs1Exception e = assertThrows(Gs1Exception.class, () -> Lgtin.of("80614141123458", "A B"));

    // then
    assertEquals("10", e.ai());
    assertEquals("cset82", e.rule());
  }
}
