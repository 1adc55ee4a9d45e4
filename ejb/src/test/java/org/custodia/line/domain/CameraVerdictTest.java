package org.custodia.line.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.custodia.gs1.ai.ElementString;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Judging camera reads (LINE-3): good, unreadable, low grade, wrong, duplicate, foreign. */
@Tag("LINE-3")
class CameraVerdictTest {

  static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-27T08:00:00Z");

  WorkOrder order;
  WorkOrderUnit unit1;
  WorkOrderUnit unit2;
  Function<String, Optional<WorkOrderUnit>> bySerial;

  @BeforeEach
  void order() {
    order = WorkOrderTest.running(10);
    unit1 = printed(1, "000000000001");
    unit2 = printed(2, "000000000002");
    Map<String, WorkOrderUnit> units = Map.of(unit1.serial(), unit1, unit2.serial(), unit2);
    bySerial = s -> Optional.ofNullable(units.get(s));
  }

  WorkOrderUnit printed(int seq, String serial) {
    WorkOrderUnit u = WorkOrderUnit.allocated(7, seq, serial, 3, NOW);
    u.print(NOW);
    return u;
  }

  static String code(String lot, String serial) {
    return "(01)09506000134352(17)281231(10)" + lot + "(21)" + serial;
  }

  @Test
  void theExpectedCodeAtGradeCOrBetterIsGood() {
    for (String g : List.of("A", "B", "C", "2.0", "4")) {
      CameraVerdict v = CameraVerdict.judge(order, unit1, code("L1", "000000000001"), PrintGrade.parse(g), bySerial);
      assertTrue(v.good(), g);
      assertNull(v.raise());
      assertTrue(v.ownCodeRead());
    }
  }

  @Test
  void rawScannerDataWithSymbologyIdentifierIsReadToo() {
    String raw = "]d2010950600013435217281231" + "10L1" + ElementString.GS + "21000000000001";
    assertTrue(CameraVerdict.judge(order, unit1, raw, PrintGrade.A, bySerial).good());
  }

  @Test
  void aLowGradeIsRejectedWithoutException() {
    for (String g : List.of("D", "F", "1.2", "bogus")) {
      CameraVerdict v = CameraVerdict.judge(order, unit1, code("L1", "000000000001"), PrintGrade.parse(g), bySerial);
      assertEquals(RejectReason.LOW_GRADE, v.reject(), g);
      assertNull(v.raise());
    }
    assertEquals(PrintGrade.F, PrintGrade.parse(null));
  }

  @Test
  void nothingDecodedOrBrokenGs1DataIsUnreadable() {
    assertEquals(RejectReason.UNREADABLE, CameraVerdict.judge(order, unit1, null, PrintGrade.A, bySerial).reject());
    assertEquals(RejectReason.UNREADABLE,
        CameraVerdict.judge(order, unit1, "(01)09506000134353(21)1", PrintGrade.A, bySerial).reject());
    assertFalse(CameraVerdict.judge(order, unit1, "", PrintGrade.A, bySerial).ownCodeRead());
  }

  @Test
  void anotherUnitsCodeNotReadBeforeIsAWrongCode() {
    CameraVerdict v = CameraVerdict.judge(order, unit1, code("L1", "000000000002"), PrintGrade.A, bySerial);
    assertEquals(RejectReason.WRONG_CODE, v.reject());
    assertSame(unit2, v.codeOwner());
    assertNull(v.raise());
    assertFalse(v.ownCodeRead());
  }

  @Test
  void aCodeReadBeforeIsADuplicateAndRaisesAnException() {
    // given unit 2's code was already read
    unit2.codeSeen(NOW);

    // when it turns up on the pack of unit 1, or on its own pack again
    CameraVerdict onOther = CameraVerdict.judge(order, unit1, code("L1", "000000000002"), PrintGrade.A, bySerial);
    CameraVerdict onOwn = CameraVerdict.judge(order, unit2, code("L1", "000000000002"), PrintGrade.A, bySerial);

    // then
    assertEquals(RejectReason.DUPLICATE, onOther.reject());
    assertEquals(ExceptionType.DUPLICATE_CODE, onOther.raise());
    assertEquals(RejectReason.DUPLICATE, onOwn.reject());
    assertEquals(ExceptionType.DUPLICATE_CODE, onOwn.raise());
  }

  @Test
  void aCodeOfAnotherLotOrAnUnknownSerialIsForeignAndRaisesAnException() {
    for (String c : List.of(code("L2", "000000000001"), code("L1", "999999999999"),
        "(01)09506000134352(17)281231(10)L1")) {
      CameraVerdict v = CameraVerdict.judge(order, unit1, c, PrintGrade.A, bySerial);
      assertEquals(RejectReason.FOREIGN_CODE, v.reject(), c);
      assertEquals(ExceptionType.FOREIGN_CODE, v.raise(), c);
    }
  }
}
