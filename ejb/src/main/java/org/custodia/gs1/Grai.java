package org.custodia.gs1;

/**
 * A Global Returnable Asset Identifier, AI (8003): a zero filler digit, a 13-digit key (company
 * prefix, asset type, check digit) and an optional serial of up to 16 CSET 82 characters.
 * Returnable crates and totes carry it; only a serialised GRAI names one physical asset, which is
 * why only that one has an EPC.
 *
 * @param assetKey the 13 digits after the filler, ending in the check digit
 * @param serial the serial, or {@code null} for an asset type without serial
 */
public record Grai(String assetKey, String serial) {

  static final String AI = "8003";

  public Grai {
    Keys.requireNumericKey(AI, "GRAI", assetKey, 13);
    if (serial != null) {
      Keys.requireCset82(AI, "GRAI serial", serial, 16);
    }
  }

  /** Parses the AI (8003) value: {@code 0}, 13 digits, then an optional serial. */
  public static Grai of(String ai8003Value) {
    Keys.requireNonNull(AI, ai8003Value);
    if (ai8003Value.length() < 14 || ai8003Value.length() > 30) {
      throw new Gs1Exception(
          AI,
          ai8003Value,
          "length",
          "AI (8003) must have 14 to 30 characters, not " + ai8003Value.length());
    }
    if (ai8003Value.charAt(0) != '0') {
      throw new Gs1Exception(
          AI, ai8003Value, "zero", "AI (8003) must start with the filler digit 0: " + ai8003Value);
    }
    String serial = ai8003Value.length() > 14 ? ai8003Value.substring(14) : null;
    return new Grai(ai8003Value.substring(1, 14), serial);
  }

  public boolean hasSerial() {
    return serial != null;
  }

  /** The AI (8003) value: {@code 0} + key + serial. */
  public String ai8003Value() {
    return "0" + assetKey + (serial == null ? "" : serial);
  }

  public String toElementString() {
    return "(8003)" + ai8003Value();
  }

  public String toDigitalLink() {
    return toDigitalLink(DigitalLinks.GS1_RESOLVER);
  }

  /** {@code <base>/8003/<value>}, percent-encoding the serial part. */
  public String toDigitalLink(String baseUri) {
    return UriComponents.digitalLink(
        baseUri,
        "/8003/0" + assetKey + (serial == null ? "" : UriComponents.digitalLinkEncode(serial)));
  }

  /**
   * {@code urn:epc:id:grai:CompanyPrefix.AssetType.Serial}. The asset type is empty for a 12-digit
   * company prefix.
   *
   * @throws Gs1Exception with rule {@code serial-required} for a GRAI without serial, which the EPC
   *     pure identity scheme cannot express
   */
  public String toEpcUri(int companyPrefixLength) {
    Keys.requireCompanyPrefixLength(AI, ai8003Value(), companyPrefixLength, 6, 12);
    if (serial == null) {
      throw new Gs1Exception(
          AI,
          ai8003Value(),
          "serial-required",
          "A GRAI without serial names an asset type, not an asset, and has no EPC pure identity"
              + " URI");
    }
    return "urn:epc:id:grai:"
        + assetKey.substring(0, companyPrefixLength)
        + "."
        + assetKey.substring(companyPrefixLength, 12)
        + "."
        + UriComponents.epcEscape(AI, serial);
  }

  @Override
  public String toString() {
    return toElementString();
  }
}
