package org.custodia.gs1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("ID-1")
class LotNumberTest {

  @Test
  void acceptsCset82Lot() {
    // given / when / then
    assertEquals("(10)LOT-2024/A", LotNumber.of("LOT-2024/A").toElementString());
  }

  @Test
  void rejectsLotLongerThanTwenty() {
    // given / when
    Gs1Exception e = assertThrows(Gs1Exception.class, () -> LotNumber.of("L".repeat(21)));

    // then
    assertEquals("length", e.rule());
    assertEquals("10", e.ai());
  }

  @Test
  void rejectsLotOutsideCset82() {
    // given / when
    Gs1Exception e = assertThrows(Gs1Exception.class, () -> LotNumber.of("LOT 1"));

    // then
    assertEquals("cset82", e.rule());
  }

  @Test
  void rejectsEmptyLot() {
    // given / when
    Gs1Exception e = assertThrows(Gs1Exception.class, () -> LotNumber.of(""));

    // then
    assertEquals("length", e.rule());
  }
}
