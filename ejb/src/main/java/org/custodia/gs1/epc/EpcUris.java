package org.custodia.gs1.epc;

import org.custodia.gs1.CharacterSets;
import org.custodia.gs1.CheckDigit;
import org.custodia.gs1.Gln;
import org.custodia.gs1.Grai;
import org.custodia.gs1.Gs1Exception;
import org.custodia.gs1.Gtin;
import org.custodia.gs1.Lgtin;
import org.custodia.gs1.LotNumber;
import org.custodia.gs1.SerialNumber;
import org.custodia.gs1.Sgln;
import org.custodia.gs1.Sgtin;
import org.custodia.gs1.Sscc;
import org.custodia.gs1.UriComponents;

/**
 * Reads EPC URIs of the GS1 EPC Tag Data Standard back into our value objects: pure identity URIs
 * ({@code urn:epc:id:sgtin|sscc|sgln|grai:…}), the class-level SGTIN pattern ({@code
 * urn:epc:idpat:sgtin:CP.IR.*}) and the LGTIN class ({@code urn:epc:class:lgtin:CP.IR.Lot}). The
 * writing side lives on the value objects themselves ({@code Sgtin.toEpcUri(int)} and so on); this
 * class is the strict inverse, so that an URI from a partner's EPCIS document is checked as hard as
 * our own input: the digits of company prefix and reference must add up to the key length, escapes
 * must be the TDS ones, and the rebuilt key must satisfy the value object's rules.
 */
public final class EpcUris {

  private static final String SGTIN = "urn:epc:id:sgtin:";
  private static final String SSCC = "urn:epc:id:sscc:";
  private static final String SGLN = "urn:epc:id:sgln:";
  private static final String GRAI = "urn:epc:id:grai:";
  private static final String SGTIN_PATTERN = "urn:epc:idpat:sgtin:";
  private static final String LGTIN = "urn:epc:class:lgtin:";

  private EpcUris() {}

  /**
   * Parses any of the supported URI forms; the identifier's class tells which one it was.
   *
   * @throws Gs1Exception with rule {@code epc-scheme} for any other URI
   */
  public static ParsedEpcUri<?> parse(String uri) {
    requireUri(uri);
    if (uri.startsWith(SGTIN)) {
      return parseSgtin(uri);
    }
    if (uri.startsWith(SSCC)) {
      return parseSscc(uri);
    }
    if (uri.startsWith(SGLN)) {
      return parseSgln(uri);
    }
    if (uri.startsWith(GRAI)) {
      return parseGrai(uri);
    }
    if (uri.startsWith(SGTIN_PATTERN)) {
      return parseSgtinPattern(uri);
    }
    if (uri.startsWith(LGTIN)) {
      return parseLgtin(uri);
    }
    throw new Gs1Exception(
        "EPC",
        uri,
        "epc-scheme",
        "Not a supported EPC URI (sgtin, sscc, sgln, grai, idpat:sgtin, lgtin): " + uri);
  }

  /** {@code urn:epc:id:sgtin:CompanyPrefix.IndicatorItemRef.Serial}. */
  public static ParsedEpcUri<Sgtin> parseSgtin(String uri) {
    String[] f = fields(uri, SGTIN, 3, "SGTIN");
    Gtin gtin = gtin(uri, f[0], f[1], "SGTIN");
    SerialNumber serial = new SerialNumber(UriComponents.epcUnescape("21", f[2]));
    return new ParsedEpcUri<>(new Sgtin(gtin, serial), f[0].length());
  }

  /** {@code urn:epc:idpat:sgtin:CompanyPrefix.IndicatorItemRef.*}: all instances of one GTIN. */
  public static ParsedEpcUri<Gtin> parseSgtinPattern(String uri) {
    String[] f = fields(uri, SGTIN_PATTERN, 3, "SGTIN");
    if (!f[2].equals("*") || f[0].equals("*") || f[1].equals("*")) {
      throw new Gs1Exception(
          "SGTIN",
          uri,
          "epc-pattern",
          "Only the class-level pattern CompanyPrefix.ItemRef.* is supported: " + uri);
    }
    return new ParsedEpcUri<>(gtin(uri, f[0], f[1], "SGTIN"), f[0].length());
  }

  /** {@code urn:epc:class:lgtin:CompanyPrefix.IndicatorItemRef.Lot}. */
  public static ParsedEpcUri<Lgtin> parseLgtin(String uri) {
    String[] f = fields(uri, LGTIN, 3, "LGTIN");
    Gtin gtin = gtin(uri, f[0], f[1], "LGTIN");
    LotNumber lot = new LotNumber(UriComponents.epcUnescape("10", f[2]));
    return new ParsedEpcUri<>(new Lgtin(gtin, lot), f[0].length());
  }

  /** {@code urn:epc:id:sscc:CompanyPrefix.ExtensionSerialRef}. */
  public static ParsedEpcUri<Sscc> parseSscc(String uri) {
    String[] f = fields(uri, SSCC, 2, "SSCC");
    int cpl = companyPrefix(uri, f[0], "SSCC");
    requireDigits(uri, f[1], "SSCC", "serial reference");
    requireSum(uri, cpl, f[1].length(), 17, "SSCC", "serial reference");
    String ref = f[1];
    return new ParsedEpcUri<>(
        Sscc.fromDigitsWithoutCheckDigit(ref.charAt(0) + f[0] + ref.substring(1)), cpl);
  }

  /**
   * {@code urn:epc:id:sgln:CompanyPrefix.LocationRef.Extension}; extension {@code 0} means none.
   */
  public static ParsedEpcUri<Sgln> parseSgln(String uri) {
    String[] f = fields(uri, SGLN, 3, "SGLN");
    int cpl = companyPrefix(uri, f[0], "SGLN");
    requireDigits(uri, f[1], "SGLN", "location reference");
    requireSum(uri, cpl, f[1].length(), 12, "SGLN", "location reference");
    Gln gln = Gln.fromDigitsWithoutCheckDigit(f[0] + f[1]);
    String extension = UriComponents.epcUnescape("254", f[2]);
    return new ParsedEpcUri<>(new Sgln(gln, extension), cpl);
  }

  /** {@code urn:epc:id:grai:CompanyPrefix.AssetType.Serial}. */
  public static ParsedEpcUri<Grai> parseGrai(String uri) {
    String[] f = fields(uri, GRAI, 3, "GRAI");
    int cpl = companyPrefix(uri, f[0], "GRAI");
    requireDigits(uri, f[1], "GRAI", "asset type");
    requireSum(uri, cpl, f[1].length(), 12, "GRAI", "asset type");
    String twelve = f[0] + f[1];
    String serial = UriComponents.epcUnescape("8003", f[2]);
    return new ParsedEpcUri<>(new Grai(twelve + CheckDigit.compute(twelve), serial), cpl);
  }

  /**
   * Rebuilds a GTIN-14 from the EPC fields: indicator first, then prefix, item reference, check
   * digit.
   */
  static Gtin gtin(String uri, String companyPrefix, String indicatorItemRef, String type) {
    int cpl = companyPrefix(uri, companyPrefix, type);
    requireDigits(uri, indicatorItemRef, type, "indicator and item reference");
    requireSum(uri, cpl, indicatorItemRef.length(), 13, type, "indicator and item reference");
    return Gtin.fromDigitsWithoutCheckDigit(
        indicatorItemRef.charAt(0) + companyPrefix + indicatorItemRef.substring(1));
  }

  private static void requireUri(String uri) {
    if (uri == null) {
      throw new Gs1Exception("EPC", null, "required", "EPC URI is missing");
    }
  }

  private static String[] fields(String uri, String prefix, int count, String type) {
    requireUri(uri);
    if (!uri.startsWith(prefix)) {
      throw new Gs1Exception(
          type, uri, "epc-scheme", "Expected an URI starting with " + prefix + ": " + uri);
    }
    // The last component may itself contain dots (a CSET 82 serial, lot or extension), the others
    // are digits, so only the first count - 1 dots separate components.
    String[] f = uri.substring(prefix.length()).split("\\.", count);
    if (f.length != count) {
      throw new Gs1Exception(
          type,
          uri,
          "epc-syntax",
          type
              + " EPC URI must have "
              + count
              + " dot-separated components, not "
              + f.length
              + ": "
              + uri);
    }
    return f;
  }

  private static int companyPrefix(String uri, String digits, String type) {
    requireDigits(uri, digits, type, "company prefix");
    if (digits.length() < 6 || digits.length() > 12) {
      throw new Gs1Exception(
          type,
          uri,
          "company-prefix-length",
          "Company prefix in an EPC URI must have 6 to 12 digits, not "
              + digits.length()
              + ": "
              + uri);
    }
    return digits.length();
  }

  private static void requireDigits(String uri, String s, String type, String what) {
    if (!CharacterSets.isDigits(s)) {
      throw new Gs1Exception(
          type, uri, "digits", "The " + what + " must be digits only: '" + s + "' in " + uri);
    }
  }

  private static void requireSum(
      String uri, int cpl, int refLength, int total, String type, String what) {
    if (cpl + refLength != total) {
      throw new Gs1Exception(
          type,
          uri,
          "partition",
          "Company prefix ("
              + cpl
              + " digits) and "
              + what
              + " ("
              + refLength
              + " digits) must have "
              + total
              + " digits together: "
              + uri);
    }
  }
}
