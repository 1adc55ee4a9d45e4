package org.custodia.epcis.infrastructure.hash;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.custodia.gs1.CheckDigit;
import org.custodia.gs1.Gs1Exception;
import org.custodia.gs1.UriComponents;
import org.custodia.gs1.ai.Element;
import org.custodia.gs1.ai.ElementString;
import org.custodia.gs1.dl.DigitalLink;
import org.custodia.gs1.epc.EpcUris;
import org.custodia.gs1.epc.ParsedEpcUri;

/**
 * Rewrites any URI that carries a GS1 key (EPC URI, EPC class or pattern URI, GS1 Digital Link on
 * any domain) to the constrained canonical GS1 Digital Link the event hash needs: host {@code
 * https://id.gs1.org}, no query string, and only the finest level of identification (for instance
 * {@code 01/…/10/…/21/…} keeps the serial, not the lot). The same pack named by an EPC URN in one
 * partner's XML and by a Digital Link in another's JSON thus yields the same pre-hash string.
 *
 * <p>The schemes our GS1 library models (SGTIN, SSCC, SGLN, GRAI, LGTIN, SGTIN pattern) go through
 * {@link EpcUris} and the value objects; the other TDS schemes are rebuilt here as element strings
 * (company prefix plus reference, check digit computed) and written by {@link DigitalLink#format}.
 * Anything that is not a valid GS1 key is left for the caller to keep as it is.
 */
public final class CanonicalGs1Uri {

  private static final java.util.Set<String> GS1_EPC_SCHEMES =
      java.util.Set.of(
          "id:sgtin",
          "id:sscc",
          "id:sgln",
          "id:grai",
          "id:giai",
          "id:gsrn",
          "id:gsrnp",
          "id:gdti",
          "id:cpi",
          "id:sgcn",
          "id:ginc",
          "id:gsin",
          "id:itip",
          "id:upui",
          "id:pgln",
          "class:lgtin",
          "idpat:sgtin",
          "idpat:grai",
          "idpat:gdti",
          "idpat:sgcn",
          "idpat:cpi",
          "idpat:itip",
          "idpat:upui");

  private CanonicalGs1Uri() {}

  /** The canonical Digital Link for {@code uri}, or empty when it names no valid GS1 key. */
  static Optional<String> of(String uri) {
    try {
      return Optional.ofNullable(canonical(uri));
    } catch (Gs1Exception e) {
      return Optional.empty();
    }
  }

  /**
   * The canonical Digital Link for {@code uri}, or {@code null} when the URI does not claim to
   * carry a GS1 key (an EPC URI of a non-GS1 scheme such as {@code gid}, or an HTTP URI with no GS1
   * primary key in its path).
   *
   * @throws Gs1Exception when the URI claims a GS1 key (a GS1 EPC scheme, a Digital Link path) that
   *     breaks the key's rules, e.g. a wrong check digit or company prefix length
   */
  public static String canonical(String uri) {
    if (uri.startsWith("urn:epc:")) {
      String[] head = uri.split(":", 5);
      if (head.length < 5 || !GS1_EPC_SCHEMES.contains(head[2] + ":" + head[3])) {
        return null;
      }
      try {
        return fromEpcUri(uri);
      } catch (IndexOutOfBoundsException | NumberFormatException e) {
        throw new Gs1Exception(
            null, uri, "epc-syntax", "\"" + uri + "\" lacks fields of its EPC scheme");
      }
    }
    if (uri.startsWith("https://") || uri.startsWith("http://")) {
      ElementString data;
      try {
        data = DigitalLink.parse(uri);
      } catch (Gs1Exception e) {
        if (!"dl-path".equals(e.rule()) || e.ai() != null) {
          throw e;
        }
        // no numeric key: perhaps the alphabetic path names of Digital Link 1.0; a URI that
        // does not read as one is no claim to a GS1 key (https://example.com/party/7 is not one)
        try {
          data = DigitalLink.parse(numericPath(uri));
        } catch (Gs1Exception alias) {
          return null;
        }
      }
      return constrain(data);
    }
    return null;
  }

  private static String fromEpcUri(String uri) {
    if (uri.startsWith("urn:epc:id:sgtin:")
        || uri.startsWith("urn:epc:id:sscc:")
        || uri.startsWith("urn:epc:id:sgln:")
        || uri.startsWith("urn:epc:id:grai:")
        || uri.startsWith("urn:epc:idpat:sgtin:")
        || uri.startsWith("urn:epc:class:lgtin:")) {
      ParsedEpcUri<?> parsed = EpcUris.parse(uri);
      String text = toDigitalLink(parsed.identifier());
      return constrain(DigitalLink.parse(text));
    }
    String[] head = uri.split(":", 5);
    if (head.length < 5) {
      return null;
    }
    String scheme = head[2] + ":" + head[3];
    String[] f = head[4].split("\\.", -1);
    if (f[0].length() < 6 || f[0].length() > 12 || !f[0].chars().allMatch(Character::isDigit)) {
      throw new Gs1Exception(
          null,
          uri,
          "epc-company-prefix",
          "\"" + uri + "\": a GS1 company prefix has 6 to 12 digits");
    }
    List<Element> elements = new ArrayList<>();
    switch (scheme) {
      case "id:pgln" -> elements.add(withCheck("417", f[0] + f[1]));
      case "id:gsrn" -> elements.add(withCheck("8018", f[0] + f[1]));
      case "id:gsrnp" -> elements.add(withCheck("8017", f[0] + f[1]));
      case "id:gsin" -> elements.add(withCheck("402", f[0] + f[1]));
      case "id:giai" -> elements.add(new Element("8004", f[0] + unescape("8004", f[1])));
      case "id:ginc" -> elements.add(new Element("401", f[0] + unescape("401", f[1])));
      case "id:gdti" -> elements.add(keyWithSerial("253", f));
      case "id:sgcn" -> elements.add(keyWithSerial("255", f));
      case "id:cpi" -> {
        elements.add(new Element("8010", f[0] + cpiUnescape(f[1])));
        elements.add(new Element("8011", f[2]));
      }
      case "id:itip" -> {
        elements.add(new Element("8006", gtin14(f[0], f[1]) + f[2] + f[3]));
        elements.add(new Element("21", unescape("21", f[4])));
      }
      case "id:upui" -> {
        elements.add(new Element("01", gtin14(f[0], f[1])));
        elements.add(new Element("235", unescape("235", f[2])));
      }
      case "idpat:grai" -> elements.add(withCheck("8003", "0" + f[0] + f[1], ""));
      case "idpat:gdti" -> elements.add(withCheck("253", f[0] + f[1]));
      case "idpat:sgcn" -> elements.add(withCheck("255", f[0] + f[1]));
      case "idpat:cpi" -> elements.add(new Element("8010", f[0] + cpiUnescape(f[1])));
      case "idpat:itip" -> elements.add(new Element("8006", gtin14(f[0], f[1]) + f[2] + f[3]));
      case "idpat:upui" -> elements.add(new Element("01", gtin14(f[0], f[1])));
      default -> {
        return null;
      }
    }
    return constrain(ElementString.of(elements));
  }

  private static String toDigitalLink(Object identifier) {
    if (identifier instanceof org.custodia.gs1.Sgtin s) {
      return s.toDigitalLink();
    }
    if (identifier instanceof org.custodia.gs1.Sscc s) {
      return s.toDigitalLink();
    }
    if (identifier instanceof org.custodia.gs1.Sgln s) {
      return s.toDigitalLink();
    }
    if (identifier instanceof org.custodia.gs1.Grai g) {
      return g.toDigitalLink();
    }
    if (identifier instanceof org.custodia.gs1.Lgtin l) {
      return l.toDigitalLink();
    }
    if (identifier instanceof org.custodia.gs1.Gtin g) {
      return g.toDigitalLink();
    }
    throw new Gs1Exception(null, String.valueOf(identifier), "epc-scheme", "unsupported");
  }

  /** GDTI and SGCN: company prefix and reference make 12 digits, then check digit and serial. */
  private static Element keyWithSerial(String ai, String[] f) {
    String twelve = f[0] + f[1];
    requireDigits(twelve, 12, ai);
    return new Element(ai, twelve + CheckDigit.compute(twelve) + unescape(ai, f[2]));
  }

  private static Element withCheck(String ai, String digits) {
    return withCheck(ai, digits, "");
  }

  private static Element withCheck(String ai, String digits, String suffix) {
    requireDigits(digits, -1, ai);
    return new Element(ai, digits + CheckDigit.compute(digits) + suffix);
  }

  /** Indicator digit first, then company prefix, item reference and check digit. */
  private static String gtin14(String companyPrefix, String indicatorItemRef) {
    String thirteen = indicatorItemRef.charAt(0) + companyPrefix + indicatorItemRef.substring(1);
    requireDigits(thirteen, 13, "01");
    return thirteen + CheckDigit.compute(thirteen);
  }

  private static void requireDigits(String s, int length, String ai) {
    if ((length >= 0 && s.length() != length)
        || s.isEmpty()
        || !s.chars().allMatch(Character::isDigit)) {
      throw new Gs1Exception(ai, s, "epc-digits", "not a GS1 key: " + s);
    }
  }

  /**
   * The alphabetic path names of GS1 Digital Link 1.0 ({@code /gtin/}, {@code /ser/}…), which our
   * parser refuses, as the AIs they stand for; the hash treats both spellings as one identifier.
   */
  private static String numericPath(String uri) {
    int q = uri.indexOf('?');
    String path = q < 0 ? uri : uri.substring(0, q);
    String query = q < 0 ? "" : uri.substring(q);
    for (String[] alias : ALPHA_PATH) {
      path = path.replace("/" + alias[0] + "/", "/" + alias[1] + "/");
    }
    return path + query;
  }

  private static final String[][] ALPHA_PATH = {
    {"gtin", "01"}, {"itip", "8006"}, {"cpid", "8010"}, {"gln", "414"}, {"party", "417"},
    {"gsrnp", "8017"}, {"gsrn", "8018"}, {"gcn", "255"}, {"sscc", "00"}, {"gdti", "253"},
    {"ginc", "401"}, {"gsin", "402"}, {"grai", "8003"}, {"giai", "8004"}, {"cpv", "22"},
    {"lot", "10"}, {"ser", "21"}, {"cpsn", "8011"}, {"glnx", "254"}
  };

  /** CPI components escape {@code #}, {@code /} and {@code -} in TDS style ({@code %23}…). */
  private static String cpiUnescape(String component) {
    StringBuilder sb = new StringBuilder(component.length());
    for (int i = 0; i < component.length(); i++) {
      char c = component.charAt(i);
      if (c == '%' && i + 2 < component.length()) {
        sb.append((char) Integer.parseInt(component.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String unescape(String ai, String component) {
    return UriComponents.epcUnescape(ai, component);
  }

  /**
   * Keeps the primary key and only the qualifier that identifies most finely, then writes the
   * canonical Digital Link; data attributes and the query string are dropped.
   */
  static String constrain(ElementString data) {
    Element key = data.elements().get(0);
    List<Element> kept = new ArrayList<>();
    kept.add(key);
    switch (key.ai()) {
      case "01" -> firstPresent(data, kept, "21", "235", "10");
      case "8006" -> firstPresent(data, kept, "21", "10");
      case "414" -> firstPresent(data, kept, "254");
      case "8010" -> firstPresent(data, kept, "8011");
      default -> {
        // the key alone identifies the object
      }
    }
    return unescapeSafe(DigitalLink.format(ElementString.of(kept)));
  }

  /**
   * Our Digital Link writer escapes everything outside the URI unreserved set; the hash's canonical
   * form (as in the published examples) keeps {@code '}, {@code ;} and {@code =} literal,
   * characters an EPC URI also carries unescaped.
   */
  private static String unescapeSafe(String link) {
    return link.replace("%27", "'").replace("%3B", ";").replace("%3D", "=");
  }

  private static void firstPresent(ElementString data, List<Element> kept, String... ais) {
    for (String ai : ais) {
      Optional<String> value = data.value(ai);
      if (value.isPresent()) {
        kept.add(new Element(ai, value.get()));
        return;
      }
    }
  }
}
