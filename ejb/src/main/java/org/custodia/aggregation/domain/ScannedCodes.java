package org.custodia.aggregation.domain;

import org.custodia.gs1.Gs1Exception;
import org.custodia.gs1.Sgtin;
import org.custodia.gs1.Sscc;
import org.custodia.gs1.ai.ElementString;
import org.custodia.gs1.ai.ElementStrings;

/**
 * Reads the codes an aggregation station scanned, exactly as it sent them: GS1 element strings in raw form
 * (GS separators, optional symbology identifier) or bracketed, parsed and checked by the project's GS1
 * library. A unit is (01) + (21) (other AIs such as expiry and lot may come with them); a case or pallet is
 * (00).
 */
public final class ScannedCodes {

  private ScannedCodes() {}

  /** The SSCC of the container being closed; refused as {@code parent-unreadable}. */
  public static Sscc parent(String code) {
    ElementString es = parse(code, "parent-unreadable", "the container code");
    return es.value("00")
        .map(Sscc::of)
        .orElseThrow(() -> new RefusedException("parent-unreadable",
            "the container code \"" + printable(code) + "\" holds no SSCC (00)"));
  }

  /** A child: a unit (01)+(21) or a container (00); refused as {@code child-unreadable}. */
  public static ChildId child(String code) {
    ElementString es = parse(code, "child-unreadable", "child code");
    if (es.contains("00")) {
      return new ChildId.Container(Sscc.of(es.value("00").orElseThrow()));
    }
    if (es.contains("01") && es.contains("21")) {
      return new ChildId.Unit(Sgtin.of(es.value("01").orElseThrow(), es.value("21").orElseThrow()));
    }
    throw new RefusedException("child-unreadable", "child code \"" + printable(code)
        + "\" is neither a unit (01)+(21) nor an SSCC (00)");
  }

  private static ElementString parse(String code, String refusal, String what) {
    if (code == null || code.isBlank()) {
      throw new RefusedException(refusal, what + " is empty");
    }
    try {
      return ElementStrings.parse(code);
    } catch (Gs1Exception e) {
      throw new RefusedException(refusal, what + " \"" + printable(code) + "\" is not a valid GS1 element string: "
          + e.getMessage());
    }
  }

  /** The code with the GS separator shown as {@code <GS>}. */
  static String printable(String code) {
    return code.replace(String.valueOf(ElementString.GS), "<GS>");
  }
}
