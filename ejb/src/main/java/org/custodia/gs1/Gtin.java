package org.custodia.gs1;

/**
 * A Global Trade Item Number, AI (01). GTIN-8, GTIN-12 (U.P.C.), GTIN-13 and GTIN-14 are accepted
 * but always kept in the 14-digit form, left-padded with zeros, because that is how AI (01), GS1
 * Digital Link and the EPC schemes carry them: two spellings of one trade item must compare equal
 * and map to one database value. The check digit is verified on construction, so a {@code Gtin}
 * instance is always valid.
 */
public record Gtin(String value) {

  static final String AI = "01";

  /** Validates and normalises to 14 digits. */
  public Gtin {
    Keys.requireNumericKey(AI, "GTIN", value, 8, 12, 13, 14);
    value = "0".repeat(14 - value.length()) + value;
  }

  /** Parses a GTIN-8, -12, -13 or -14. */
  public static Gtin of(String value) {
    return new Gtin(value);
  }

  /**
   * Builds a GTIN-14 from its first 13 digits (indicator, company prefix, item reference),
   * computing the check digit; used where a GTIN is reassembled from EPC fields, which never carry
   * it.
   */
  public static Gtin fromDigitsWithoutCheckDigit(String thirteenDigits) {
    if (thirteenDigits == null
        || thirteenDigits.length() != 13
        || !CharacterSets.isDigits(thirteenDigits)) {
      throw new Gs1Exception(
          AI, thirteenDigits, "digits", "Need 13 digits to complete a GTIN: " + thirteenDigits);
    }
    return new Gtin(thirteenDigits + CheckDigit.compute(thirteenDigits));
  }

  /**
   * The indicator digit (first of the 14): 0 for a base unit, 1–8 for packaging levels, 9 variable.
   */
  public int indicator() {
    return value.charAt(0) - '0';
  }

  /** The check digit (last of the 14). */
  public int checkDigit() {
    return value.charAt(13) - '0';
  }

  /**
   * The shortest GTIN form that holds this value (8, 12, 13 or 14 digits), as printed under a
   * barcode.
   */
  public String toShortestForm() {
    if (value.startsWith("000000")) {
      return value.substring(6);
    }
    if (value.startsWith("00")) {
      return value.substring(2);
    }
    return value.startsWith("0") ? value.substring(1) : value;
  }

  /**
   * The GS1 company prefix of the given length, taken from digits 2.. of the GTIN-14 (the indicator
   * digit is not part of it).
   */
  public CompanyPrefix companyPrefix(int companyPrefixLength) {
    Keys.requireCompanyPrefixLength(AI, value, companyPrefixLength, 6, 12);
    return new CompanyPrefix(value.substring(1, 1 + companyPrefixLength));
  }

  /** {@code (01)} followed by the 14 digits. */
  public String toElementString() {
    return "(01)" + value;
  }

  /** The Digital Link URI on {@code https://id.gs1.org}. */
  public String toDigitalLink() {
    return toDigitalLink(DigitalLinks.GS1_RESOLVER);
  }

  /**
   * The Digital Link URI on the given base (a brand's own domain, optionally with a path prefix).
   */
  public String toDigitalLink(String baseUri) {
    return UriComponents.digitalLink(baseUri, "/01/" + value);
  }

  /**
   * The class-level EPC pattern {@code urn:epc:idpat:sgtin:CompanyPrefix.IndicatorItemRef.*}, which
   * matches every serialised instance of this GTIN.
   */
  public String toEpcIdPattern(int companyPrefixLength) {
    return "urn:epc:idpat:sgtin:" + epcClassFields(companyPrefixLength) + ".*";
  }

  /**
   * {@code CompanyPrefix.IndicatorItemRef} as the SGTIN and LGTIN schemes spell them: the indicator
   * digit moves in front of the item reference and the check digit is dropped.
   */
  String epcClassFields(int companyPrefixLength) {
    Keys.requireCompanyPrefixLength(AI, value, companyPrefixLength, 6, 12);
    return value.substring(1, 1 + companyPrefixLength)
        + "."
        + value.charAt(0)
        + value.substring(1 + companyPrefixLength, 13);
  }

  @Override
  public String toString() {
    return value;
  }
}
