package org.custodia.gs1;

import java.util.Objects;

/**
 * A GTIN with a lot, AI (01) + AI (10): the class-level identity that recalls, expiry and EPCIS
 * quantity lists work with, where individual serials do not matter.
 */
public record Lgtin(Gtin gtin, LotNumber lot) {

  public Lgtin {
    Objects.requireNonNull(gtin, "gtin");
    Objects.requireNonNull(lot, "lot");
  }

  public static Lgtin of(String gtin, String lot) {
    return new Lgtin(Gtin.of(gtin), LotNumber.of(lot));
  }

  /** {@code (01)…(10)…}. */
  public String toElementString() {
    return gtin.toElementString() + lot.toElementString();
  }

  public String toDigitalLink() {
    return toDigitalLink(DigitalLinks.GS1_RESOLVER);
  }

  /** {@code <base>/01/<gtin14>/10/<lot>} with the lot percent-encoded. */
  public String toDigitalLink(String baseUri) {
    return UriComponents.digitalLink(
        baseUri, "/01/" + gtin.value() + "/10/" + UriComponents.digitalLinkEncode(lot.value()));
  }

  /** The EPC class URI {@code urn:epc:class:lgtin:CompanyPrefix.IndicatorItemRef.Lot}. */
  public String toEpcUri(int companyPrefixLength) {
    return "urn:epc:class:lgtin:"
        + gtin.epcClassFields(companyPrefixLength)
        + "."
        + UriComponents.epcEscape(LotNumber.AI, lot.value());
  }

  @Override
  public String toString() {
    return toElementString();
  }
}
