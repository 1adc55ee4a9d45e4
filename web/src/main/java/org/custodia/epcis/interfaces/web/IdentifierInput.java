package org.custodia.epcis.interfaces.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import org.custodia.gs1.Grai;
import org.custodia.gs1.Gs1Exception;
import org.custodia.gs1.Gtin;
import org.custodia.gs1.Lgtin;
import org.custodia.gs1.Sgln;
import org.custodia.gs1.Sgtin;
import org.custodia.gs1.Sscc;
import org.custodia.gs1.ai.Element;
import org.custodia.gs1.ai.ElementString;
import org.custodia.gs1.ai.ElementStrings;
import org.custodia.gs1.dl.DigitalLink;
import org.custodia.gs1.epc.ElementStringEpc;
import org.custodia.gs1.epc.EpcUris;
import org.custodia.gs1.epc.ParsedEpcUri;
import org.custodia.gs1.interfaces.web.CodeInspector;

/**
 * Reads an identifier as people have it at hand — an EPC URI from a document, a scanned or typed
 * GS1 element string, or a GS1 Digital Link from a QR code — into the values an event query
 * matches: the EPC URI, and the canonical Digital Link as well, since EPCIS 2.0 events may name an
 * object either way.
 *
 * <p>EPC URIs of the schemes the GS1 library reads (SGTIN, SSCC, SGLN, GRAI, the SGTIN class
 * pattern, LGTIN) are checked as strictly as captured ones; other URNs (other EPC schemes, private
 * identifiers) are matched as typed. An element string or Digital Link only becomes an EPC URI when
 * the company prefix of its key is registered, because the key alone does not say where the prefix
 * ends; otherwise the Digital Link alone is matched, and {@link Reading#note()} says so.
 */
final class IdentifierInput {

  /**
   * What to match.
   *
   * @param values the identifiers, any of which matches (EPC URI first)
   * @param epcClass true when the input names a class (GTIN with lot), matched in quantity lists
   *     rather than as an instance EPC
   * @param note a sentence for the user about how the input was read, or null
   */
  record Reading(List<String> values, boolean epcClass, String note) {}

  private IdentifierInput() {}

  /**
   * The values to match for {@code typed}.
   *
   * @param prefixLength the company prefix length of a key's digits (GTIN without indicator, SSCC
   *     without extension digit, GLN), when the prefix is registered
   * @throws Gs1Exception when the input is neither a valid EPC URI, element string nor Digital
   *     Link, or names no object
   */
  static Reading read(String typed, Function<String, OptionalInt> prefixLength) {
    String in = typed == null ? "" : typed.strip();
    if (in.isEmpty()) {
      return new Reading(List.of(), false, null);
    }
    String lower = in.toLowerCase(Locale.ROOT);
    if (lower.startsWith("urn:")) {
      return fromUrn(in);
    }
    ElementString es;
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      es = DigitalLink.parse(in);
    } else {
      es = ElementStrings.parse(CodeInspector.withGs(in));
    }
    return fromElementString(in, es, prefixLength);
  }

  private static Reading fromUrn(String uri) {
    if (!isReadableEpcUri(uri)) {
      return new Reading(List.of(uri), false, null);
    }
    ParsedEpcUri<?> parsed = EpcUris.parse(uri);
    List<String> values = new ArrayList<>();
    values.add(uri);
    Object id = parsed.identifier();
    if (id instanceof Gtin) {
      // a pattern: matched by prefix; a Digital Link names no pattern
      return new Reading(values, false, null);
    }
    digitalLinkOf(id).ifPresent(values::add);
    return new Reading(values, id instanceof Lgtin, null);
  }

  private static boolean isReadableEpcUri(String uri) {
    return uri.startsWith("urn:epc:id:sgtin:")
        || uri.startsWith("urn:epc:id:sscc:")
        || uri.startsWith("urn:epc:id:sgln:")
        || uri.startsWith("urn:epc:id:grai:")
        || uri.startsWith("urn:epc:idpat:sgtin:")
        || uri.startsWith("urn:epc:class:lgtin:");
  }

  private static Optional<String> digitalLinkOf(Object id) {
    if (id instanceof Sgtin s) {
      return Optional.of(s.toDigitalLink());
    }
    if (id instanceof Sscc s) {
      return Optional.of(s.toDigitalLink());
    }
    if (id instanceof Sgln s) {
      return Optional.of(s.toDigitalLink());
    }
    if (id instanceof Grai g) {
      return Optional.of(g.toDigitalLink());
    }
    if (id instanceof Lgtin l) {
      return Optional.of(l.toDigitalLink());
    }
    return Optional.empty();
  }

  private static Reading fromElementString(
      String typed, ElementString es, Function<String, OptionalInt> prefixLength) {
    ElementString key = keyOf(es);
    if (key == null) {
      throw new Gs1Exception(
          null,
          typed,
          "epc-key",
          "names no object: give a GTIN with serial (01)(21) or lot (01)(10), an SSCC (00), a GLN"
              + " (414) or a GRAI (8003)");
    }
    boolean epcClass = key.contains("10");
    String link = DigitalLink.format(key);
    Optional<String> epc = ElementStringEpc.of(key, prefixLength);
    List<String> values = new ArrayList<>();
    epc.ifPresent(values::add);
    values.add(link);
    if (isUri(typed) && !values.contains(typed)) {
      values.add(typed);
    }
    String note =
        epc.isPresent()
            ? null
            : "The company prefix of ("
                + key.elements().get(0).ai()
                + ")"
                + key.elements().get(0).value()
                + " is not registered, so no EPC URI can be formed; only events naming the object"
                + " by its Digital Link are found.";
    return new Reading(values, epcClass, note);
  }

  /**
   * The first GS1 key of {@code es} with the qualifiers an EPC takes (serial, else lot, for a
   * GTIN; the extension for a GLN), without attributes such as expiry; null when there is no key.
   */
  private static ElementString keyOf(ElementString es) {
    if (es.contains("01")) {
      Element gtin = new Element("01", es.value("01").get());
      if (es.contains("21")) {
        return ElementString.of(gtin, new Element("21", es.value("21").get()));
      }
      if (es.contains("10")) {
        return ElementString.of(gtin, new Element("10", es.value("10").get()));
      }
      return ElementString.of(gtin);
    }
    if (es.contains("00")) {
      return ElementString.of(new Element("00", es.value("00").get()));
    }
    if (es.contains("414")) {
      Element gln = new Element("414", es.value("414").get());
      return es.contains("254")
          ? ElementString.of(gln, new Element("254", es.value("254").get()))
          : ElementString.of(gln);
    }
    if (es.contains("8003")) {
      return ElementString.of(new Element("8003", es.value("8003").get()));
    }
    return null;
  }

  private static boolean isUri(String s) {
    String l = s.toLowerCase(Locale.ROOT);
    return l.startsWith("http://") || l.startsWith("https://");
  }
}
