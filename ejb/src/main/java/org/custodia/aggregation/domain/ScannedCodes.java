package org.custodia.aggregation.domain;

import org.custodia.gs1.Gs1Exception;
import org.custodia.gs1.Sgtin;
import org.custodia.gs1.Sscc;
import org.custodia.gs1.ai.ElementString;
import org.custodia.gs1.ai.ElementStrings;
import org.custodia.gs1.dl.DigitalLink;
import org.custodia.gs1.epc.EpcUris;
import org.custodia.gs1.epc.ParsedEpcUri;

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

  /**
   * A code as people have it at hand at a distribution point: an SGTIN or SSCC EPC URI, a GS1 Digital Link,
   * an element string (bracketed or raw) or the 18 digits of an SSCC.
   *
   * @throws Gs1Exception naming the value when it names no unit and no container
   */
  public static ChildId code(String code) {
    String in = code == null ? "" : code.strip();
    if (in.isEmpty()) {
      throw new Gs1Exception(null, in, "required", "give an EPC URI, a Digital Link, an element string or an SSCC");
    }
    if (in.regionMatches(true, 0, "urn:", 0, 4)) {
      ParsedEpcUri<?> parsed = EpcUris.parse(in);
      if (parsed.identifier() instanceof Sgtin s) {
        return new ChildId.Unit(s);
      }
      if (parsed.identifier() instanceof Sscc s) {
        return new ChildId.Container(s);
      }
      throw new Gs1Exception(null, in, "serialized-key", "\"" + in + "\" names no unit (SGTIN) and no SSCC");
    }
    if (in.length() == 18 && in.chars().allMatch(Character::isDigit)) {
      return new ChildId.Container(Sscc.of(in));
    }
    ElementString es = in.regionMatches(true, 0, "http", 0, 4) ? DigitalLink.parse(in) : ElementStrings.parse(in);
    if (es.contains("00")) {
      return new ChildId.Container(Sscc.of(es.value("00").orElseThrow()));
    }
    if (es.contains("01") && es.contains("21")) {
      return new ChildId.Unit(Sgtin.of(es.value("01").orElseThrow(), es.value("21").orElseThrow()));
    }
    throw new Gs1Exception(null, in, "serialized-key",
        "\"" + printable(in) + "\" names no unit (01)+(21) and no SSCC (00)");
  }

  /** Like {@link #code} for a container: an SSCC in any of those forms. */
  public static Sscc sscc(String code) {
    if (code(code) instanceof ChildId.Container k) {
      return k.sscc();
    }
    throw new Gs1Exception("00", code, "sscc", "\"" + code + "\" is a unit, not an SSCC");
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
