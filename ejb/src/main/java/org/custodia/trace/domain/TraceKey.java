package org.custodia.trace.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import org.custodia.gs1.Gs1Exception;
import org.custodia.gs1.Sgtin;
import org.custodia.gs1.Sscc;
import org.custodia.gs1.ai.ElementString;
import org.custodia.gs1.ai.ElementStrings;
import org.custodia.gs1.dl.DigitalLink;
import org.custodia.gs1.epc.EpcUris;
import org.custodia.gs1.epc.ParsedEpcUri;

/**
 * The object a trace asks about, read from what people have at hand: an EPC URI, a GS1 Digital Link, an
 * element string (bracketed or raw, as scanned) naming a GTIN with serial or an SSCC, or the 18 digits of an
 * SSCC alone.
 *
 * <p>An object is stored under the EPC its events named it by: an EPC URI, whose split at the company
 * prefix the key alone does not tell, or a Digital Link. So the key lists every form the object may be
 * stored under — the EPC URI for the registered prefix length first, then for every other length, then the
 * canonical Digital Link — each one an index look-up.
 *
 * @param input what was typed, trimmed
 * @param candidates every EPC the object may be stored under, the likeliest first
 * @param gtin the GTIN of a serialized item, else null
 * @param serial its serial, else null
 * @param container true for an SSCC (a case or pallet)
 */
public record TraceKey(String input, List<String> candidates, String gtin, String serial, boolean container) {

  public TraceKey {
    candidates = List.copyOf(candidates);
  }

  /**
   * Reads {@code typed}.
   *
   * @param prefixLength the registered company prefix length of a key's digits (GTIN without indicator,
   *     SSCC without extension digit), when known
   * @throws Gs1Exception naming the value when it is no valid identifier of a serialized object
   */
  public static TraceKey read(String typed, Function<String, OptionalInt> prefixLength) {
    String in = typed == null ? "" : typed.strip();
    if (in.isEmpty()) {
      throw new Gs1Exception(null, in, "required", "give an EPC URI, a Digital Link, an element string or an SSCC");
    }
    String lower = in.toLowerCase(Locale.ROOT);
    if (lower.startsWith("urn:")) {
      return fromUrn(in);
    }
    ElementString es;
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      es = DigitalLink.parse(in);
    } else if (in.length() == 18 && in.chars().allMatch(Character::isDigit)) {
      return ofSscc(in, Sscc.of(in), prefixLength);
    } else {
      es = ElementStrings.parse(in.replace("<GS>", "\u001D").replace("\\u001d", "\u001D"));
    }
    if (es.contains("01") && es.contains("21")) {
      return ofSgtin(in, Sgtin.of(es.value("01").get(), es.value("21").get()), prefixLength);
    }
    if (es.contains("00")) {
      return ofSscc(in, Sscc.of(es.value("00").get()), prefixLength);
    }
    throw new Gs1Exception(null, in, "serialized-key",
        "\"" + in + "\" names no serialized object: give a GTIN with serial (01)(21) or an SSCC (00)");
  }

  private static TraceKey fromUrn(String uri) {
    ParsedEpcUri<?> parsed = EpcUris.parse(uri);
    if (parsed.identifier() instanceof Sgtin s) {
      List<String> c = new ArrayList<>(List.of(uri));
      addIfNew(c, s.toDigitalLink());
      return new TraceKey(uri, c, s.gtin().value(), s.serial().value(), false);
    }
    if (parsed.identifier() instanceof Sscc s) {
      List<String> c = new ArrayList<>(List.of(uri));
      addIfNew(c, s.toDigitalLink());
      return new TraceKey(uri, c, null, null, true);
    }
    throw new Gs1Exception("EPC", uri, "serialized-key",
        "\"" + uri + "\" names no serialized object: give an SGTIN or SSCC EPC URI");
  }

  private static TraceKey ofSgtin(String in, Sgtin s, Function<String, OptionalInt> prefixLength) {
    Set<String> c = new LinkedHashSet<>();
    prefixLength.apply(s.gtin().value().substring(1)).stream().filter(TraceKey::epcLength)
        .forEach(n -> c.add(s.toEpcUri(n)));
    for (int n = 6; n <= 12; n++) {
      c.add(s.toEpcUri(n));
    }
    c.add(s.toDigitalLink());
    if (!in.startsWith("(") && in.contains("://")) {
      c.add(in);
    }
    return new TraceKey(in, new ArrayList<>(c), s.gtin().value(), s.serial().value(), false);
  }

  private static TraceKey ofSscc(String in, Sscc s, Function<String, OptionalInt> prefixLength) {
    Set<String> c = new LinkedHashSet<>();
    prefixLength.apply(s.value().substring(1)).stream().filter(TraceKey::epcLength)
        .forEach(n -> c.add(s.toEpcUri(n)));
    for (int n = 6; n <= 12; n++) {
      c.add(s.toEpcUri(n));
    }
    c.add(s.toDigitalLink());
    if (!in.startsWith("(") && in.contains("://")) {
      c.add(in);
    }
    return new TraceKey(in, new ArrayList<>(c), null, null, true);
  }

  /** Whether an EPC URI can split a key at a company prefix of {@code n} digits (6 to 12). */
  private static boolean epcLength(int n) {
    return n >= 6 && n <= 12;
  }

  private static void addIfNew(List<String> list, String value) {
    if (!list.contains(value)) {
      list.add(value);
    }
  }
}
