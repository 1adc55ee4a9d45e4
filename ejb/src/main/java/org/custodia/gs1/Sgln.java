package org.custodia.gs1;

import java.util.Objects;

/**
 * A GLN with an optional extension, AI (414) + AI (254): a sub-location such as a dock door or a
 * storage bay inside a site. The EPC SGLN scheme writes "no extension" as the extension {@code 0},
 * so an extension of exactly {@code "0"} is normalised to none here; otherwise an EPC URI read back
 * from a tag would not equal the value it was written from.
 *
 * @param gln the location
 * @param extension the AI (254) value, 1..20 CSET 82 characters, or {@code null} when there is none
 */
public record Sgln(Gln gln, String extension) {

  static final String EXTENSION_AI = "254";

  public Sgln {
    Objects.requireNonNull(gln, "gln");
    if (extension != null) {
      Keys.requireCset82(EXTENSION_AI, "GLN extension", extension, 20);
      if (extension.equals("0")) {
        extension = null;
      }
    }
  }

  /** A GLN without extension. */
  public static Sgln of(Gln gln) {
    return new Sgln(gln, null);
  }

  /** Parses a GLN and an extension ({@code null} for none). */
  public static Sgln of(String gln, String extension) {
    return new Sgln(Gln.of(gln), extension);
  }

  public boolean hasExtension() {
    return extension != null;
  }

  /** {@code (414)…} or {@code (414)…(254)…}. */
  public String toElementString() {
    return gln.toElementString() + (extension == null ? "" : "(254)" + extension);
  }

  public String toDigitalLink() {
    return toDigitalLink(DigitalLinks.GS1_RESOLVER);
  }

  public String toDigitalLink(String baseUri) {
    return UriComponents.digitalLink(
        baseUri,
        "/414/"
            + gln.value()
            + (extension == null ? "" : "/254/" + UriComponents.digitalLinkEncode(extension)));
  }

  /**
   * {@code urn:epc:id:sgln:CompanyPrefix.LocationRef.Extension}; the location reference is empty
   * for a 12-digit company prefix and the extension is {@code 0} when there is none.
   */
  public String toEpcUri(int companyPrefixLength) {
    String value = gln.value();
    Keys.requireCompanyPrefixLength(Gln.AI, value, companyPrefixLength, 6, 12);
    return "urn:epc:id:sgln:"
        + value.substring(0, companyPrefixLength)
        + "."
        + value.substring(companyPrefixLength, 12)
        + "."
        + (extension == null ? "0" : UriComponents.epcEscape(EXTENSION_AI, extension));
  }

  @Override
  public String toString() {
    return toElementString();
  }
}
