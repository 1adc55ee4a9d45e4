package org.custodia.epcis.infrastructure.hash;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The value rules of the event hash ID: one lexical form per value, so that {@code 200}, {@code
 * 200.0} and {@code 2.0E2} or {@code receiving}, {@code urn:epcglobal:cbv:bizstep:receiving} and
 * {@code https://ref.gs1.org/cbv/BizStep-receiving} hash alike.
 */
final class CanonicalValue {

  /** CBV 2.0 web vocabulary base; bare words and CBV 1.x URNs expand to it. */
  static final String CBV = "https://ref.gs1.org/cbv/";

  /** GS1 web vocabulary base of measurement and sensor alert types. */
  static final String GS1_VOC = "https://gs1.org/voc/";

  private static final Map<String, String> CBV_URNS =
      Map.of(
          "urn:epcglobal:cbv:bizstep:", CBV + "BizStep-",
          "urn:epcglobal:cbv:disp:", CBV + "Disp-",
          "urn:epcglobal:cbv:btt:", CBV + "BTT-",
          "urn:epcglobal:cbv:sdt:", CBV + "SDT-",
          "urn:epcglobal:cbv:er:", CBV + "ER-");

  /** Well-known CURIE prefixes, used when the document does not declare them itself. */
  private static final Map<String, String> DEFAULT_PREFIXES =
      Map.of("gs1", GS1_VOC, "cbv", CBV, "epcis", "https://ref.gs1.org/epcis/");

  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  private static final Pattern CURIE = Pattern.compile("([A-Za-z_][A-Za-z0-9_.-]*):(?!//)(.+)");

  private static final DateTimeFormatter UTC_MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'");

  private CanonicalValue() {}

  /**
   * Trims, expands CBV URNs and CURIEs, drops trailing zeros of numbers and rewrites GS1 keys as
   * canonical Digital Links: the rules every value of the event obeys.
   */
  static String of(String raw, Map<String, String> namespaces) {
    String v = raw.strip();
    if (v.isEmpty()) {
      return v;
    }
    for (Map.Entry<String, String> urn : CBV_URNS.entrySet()) {
      if (v.startsWith(urn.getKey())) {
        return urn.getValue() + v.substring(urn.getKey().length());
      }
    }
    if (DECIMAL.matcher(v).matches()) {
      return number(v);
    }
    String expanded = expandCurie(v, namespaces);
    return CanonicalGs1Uri.of(expanded).orElse(expanded);
  }

  /**
   * A value of a field whose standard values are a CBV or GS1 vocabulary: a bare word is the short
   * form of {@code base + word}.
   */
  static String vocabulary(String raw, String base, Map<String, String> namespaces) {
    String v = raw.strip();
    if (!v.isEmpty() && v.indexOf(':') < 0) {
      return base + v;
    }
    return of(v, namespaces);
  }

  /**
   * An {@code xsd:dateTime} in UTC with exactly three decimals; a fourth decimal of 5 to 9 rounds
   * the third up. A value without a zone is read as UTC; one that does not parse is kept.
   */
  static String timestamp(String raw) {
    String v = raw.strip();
    OffsetDateTime t;
    try {
      t = OffsetDateTime.parse(v);
    } catch (DateTimeParseException e) {
      try {
        t = LocalDateTime.parse(v).atOffset(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        return v;
      }
    }
    int tenthsOfMillis = t.getNano() / 100_000;
    OffsetDateTime ms =
        t.truncatedTo(ChronoUnit.SECONDS).plus(tenthsOfMillis / 10, ChronoUnit.MILLIS);
    if (tenthsOfMillis % 10 >= 5) {
      ms = ms.plus(1, ChronoUnit.MILLIS);
    }
    return ms.withOffsetSameInstant(ZoneOffset.UTC).format(UTC_MILLIS);
  }

  /** Plain decimal without trailing zeros or a trailing point: {@code 1}, {@code 0.3434}. */
  static String number(String v) {
    BigDecimal d = new BigDecimal(v.startsWith("+") ? v.substring(1) : v);
    if (d.signum() == 0) {
      return "0";
    }
    return d.stripTrailingZeros().toPlainString();
  }

  /** {@code prefix:rest} with a declared (or well-known) prefix becomes the full URI. */
  static String expandCurie(String v, Map<String, String> namespaces) {
    var m = CURIE.matcher(v);
    if (!m.matches()) {
      return v;
    }
    String ns = namespaces.get(m.group(1));
    if (ns == null) {
      ns = DEFAULT_PREFIXES.get(m.group(1));
    }
    return ns == null ? v : ns + m.group(2);
  }
}
