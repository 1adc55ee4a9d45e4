package org.custodia.supplychain.domain;

import org.custodia.gs1.Gln;

/**
 * The EPCIS identifiers of parties and locations: a party as a PGLN, a location as an SGLN (EPC URIs when
 * the company prefix length is known, else GS1 Digital Links), and the GLN back from either form.
 */
public final class Parties {

  private Parties() {}

  /** The PGLN of {@code gln}: {@code urn:epc:id:pgln:CompanyPrefix.PartyRef}, or a Digital Link (417). */
  public static String party(Gln gln, int prefixLength) {
    String v = gln.value();
    if (prefixLength < 6 || prefixLength > 12) {
      return "https://id.gs1.org/417/" + v;
    }
    return "urn:epc:id:pgln:" + v.substring(0, prefixLength) + "." + v.substring(prefixLength, 12);
  }

  /** The SGLN of {@code gln} without extension, or a Digital Link (414). */
  public static String location(Gln gln, int prefixLength) {
    return prefixLength < 6 || prefixLength > 12 ? gln.toDigitalLink() : gln.toEpcUri(prefixLength);
  }

  /** The GLN a PGLN or SGLN URI or Digital Link names, or null when it names none. */
  public static String glnOf(String id) {
    if (id == null) {
      return null;
    }
    try {
      if (id.startsWith("urn:epc:id:pgln:") || id.startsWith("urn:epc:id:sgln:")) {
        String[] f = id.substring(16).split("\\.", -1);
        return Gln.fromDigitsWithoutCheckDigit(f[0] + f[1]).value();
      }
      for (String ai : new String[] {"/417/", "/414/"}) {
        int i = id.indexOf(ai);
        if (i >= 0) {
          String rest = id.substring(i + 5);
          return Gln.of(rest.length() > 13 ? rest.substring(0, 13) : rest).value();
        }
      }
    } catch (RuntimeException notAGln) {
      return null;
    }
    return null;
  }
}
