package org.custodia.gs1;

/**
 * A Global Location Number: 13 digits with a check digit. The same number space serves parties (AI
 * 417) and physical locations (AI 414); this type renders the physical-location form, the one our
 * track and trace events use for read points and business locations.
 */
public record Gln(String value) {

  static final String AI = "414";

  /** Validates 13 digits and the check digit. */
  public Gln {
    Keys.requireNumericKey(AI, "GLN", value, 13);
  }

  public static Gln of(String value) {
    return new Gln(value);
  }

  /** Builds a GLN from its first 12 digits, computing the check digit. */
  public static Gln fromDigitsWithoutCheckDigit(String twelveDigits) {
    if (twelveDigits == null
        || twelveDigits.length() != 12
        || !CharacterSets.isDigits(twelveDigits)) {
      throw new Gs1Exception(
          AI, twelveDigits, "digits", "Need 12 digits to complete a GLN: " + twelveDigits);
    }
    return new Gln(twelveDigits + CheckDigit.compute(twelveDigits));
  }

  /** {@code (414)} followed by the 13 digits. */
  public String toElementString() {
    return "(414)" + value;
  }

  public String toDigitalLink() {
    return toDigitalLink(DigitalLinks.GS1_RESOLVER);
  }

  public String toDigitalLink(String baseUri) {
    return UriComponents.digitalLink(baseUri, "/414/" + value);
  }

  /** The SGLN pure identity URI of this GLN without extension (extension component {@code 0}). */
  public String toEpcUri(int companyPrefixLength) {
    return new Sgln(this, null).toEpcUri(companyPrefixLength);
  }

  @Override
  public String toString() {
    return value;
  }
}
