package org.custodia.gs1;

/**
 * A Serial Shipping Container Code, AI (00): 18 digits with a check digit. It identifies one
 * logistic unit (case, pallet) for its whole life, which is why aggregation hangs off it and why an
 * invalid one must never be stored.
 */
public record Sscc(String value) {

  static final String AI = "00";

  /** Validates 18 digits and the check digit. */
  public Sscc {
    Keys.requireNumericKey(AI, "SSCC", value, 18);
  }

  public static Sscc of(String value) {
    return new Sscc(value);
  }

  /** Builds an SSCC from its first 17 digits, computing the check digit. */
  public static Sscc fromDigitsWithoutCheckDigit(String seventeenDigits) {
    if (seventeenDigits == null
        || seventeenDigits.length() != 17
        || !CharacterSets.isDigits(seventeenDigits)) {
      throw new Gs1Exception(
          AI, seventeenDigits, "digits", "Need 17 digits to complete an SSCC: " + seventeenDigits);
    }
    return new Sscc(seventeenDigits + CheckDigit.compute(seventeenDigits));
  }

  /** The extension digit, chosen freely by the company to widen its serial range. */
  public int extensionDigit() {
    return value.charAt(0) - '0';
  }

  public String toElementString() {
    return "(00)" + value;
  }

  public String toDigitalLink() {
    return toDigitalLink(DigitalLinks.GS1_RESOLVER);
  }

  public String toDigitalLink(String baseUri) {
    return UriComponents.digitalLink(baseUri, "/00/" + value);
  }

  /**
   * {@code urn:epc:id:sscc:CompanyPrefix.ExtensionSerialRef}: the extension digit moves in front of
   * the serial reference and the check digit is dropped.
   */
  public String toEpcUri(int companyPrefixLength) {
    Keys.requireCompanyPrefixLength(AI, value, companyPrefixLength, 6, 12);
    return "urn:epc:id:sscc:"
        + value.substring(1, 1 + companyPrefixLength)
        + "."
        + value.charAt(0)
        + value.substring(1 + companyPrefixLength, 17);
  }

  @Override
  public String toString() {
    return value;
  }
}
