package org.custodia.line.domain;

import java.util.Optional;
import java.util.function.Function;
import org.custodia.gs1.Gs1Exception;
import org.custodia.gs1.ai.ElementString;
import org.custodia.gs1.ai.ElementStrings;

/**
 * The judgement of one camera read against the unit the line expected there (LINE-3): GOOD only for the
 * expected unit's own code — GTIN, lot, expiry and serial — read for the first time at grade C or better;
 * otherwise a reject with its reason, and for duplicate or foreign codes an exception as well.
 *
 * @param reject null when good
 * @param raise the exception to raise, or null
 * @param codeOwner the other unit of the order whose code was read on this pack, if any
 */
public record CameraVerdict(RejectReason reject, ExceptionType raise, WorkOrderUnit codeOwner, PrintGrade grade,
    boolean ownCodeRead, String detail) {

  public boolean good() {
    return reject == null;
  }

  /**
   * Judges {@code code} (raw scanner data or bracketed; null when the camera decoded nothing) read on the
   * pack of {@code expected}.
   *
   * @param unitBySerial finds another unit of the order by its serial
   */
  public static CameraVerdict judge(WorkOrder order, WorkOrderUnit expected, String code, PrintGrade grade,
      Function<String, Optional<WorkOrderUnit>> unitBySerial) {
    ElementString data;
    try {
      data = code == null || code.isBlank() ? null : ElementStrings.parse(code);
    } catch (Gs1Exception e) {
      data = null;
    }
    if (data == null) {
      return new CameraVerdict(RejectReason.UNREADABLE, null, null, grade, false,
          "no valid GS1 element string decoded" + (code == null ? "" : ": \"" + printable(code) + "\""));
    }
    String serial = data.value("21").orElse(null);
    boolean sameBatch = order.gtin().value().equals(data.value("01").orElse(null))
        && order.lot().value().equals(data.value("10").orElse(null))
        && order.expiry().value().equals(data.value("17").orElse(null));
    if (!sameBatch || serial == null) {
      return foreign(grade, data);
    }
    if (serial.equals(expected.serial())) {
      if (expected.codeRead()) {
        return new CameraVerdict(RejectReason.DUPLICATE, ExceptionType.DUPLICATE_CODE, null, grade, true,
            "code " + data + " of unit " + expected.ref() + " was read before on another pack");
      }
      if (!grade.acceptable()) {
        return new CameraVerdict(RejectReason.LOW_GRADE, null, null, grade, true,
            "grade " + grade + " is below C");
      }
      return new CameraVerdict(null, null, null, grade, true, "expected code at grade " + grade);
    }
    Optional<WorkOrderUnit> owner = unitBySerial.apply(serial);
    if (owner.isEmpty()) {
      return foreign(grade, data);
    }
    WorkOrderUnit other = owner.get();
    if (other.codeRead()) {
      return new CameraVerdict(RejectReason.DUPLICATE, ExceptionType.DUPLICATE_CODE, other, grade, false,
          "code " + data + " of unit " + other.ref() + " was read before; pack of " + expected.ref()
              + " carries it again");
    }
    return new CameraVerdict(RejectReason.WRONG_CODE, null, other, grade, false,
        "pack of " + expected.ref() + " carries the code of unit " + other.ref());
  }

  private static CameraVerdict foreign(PrintGrade grade, ElementString data) {
    return new CameraVerdict(RejectReason.FOREIGN_CODE, ExceptionType.FOREIGN_CODE, null, grade, false,
        "code " + data + " is not one of the work order's");
  }

  private static String printable(String s) {
    String t = s.replace(ElementString.GS, '|');
    return t.length() > 100 ? t.substring(0, 100) + "…" : t;
  }
}
