package org.custodia.gs1;

import java.util.Objects;

/**
 * A serialised GTIN, AI (01) + AI (21): the identity of one saleable pack, the unit that the EU
 * FMD, DSCSA and the other serialisation regimes track. Both parts are already valid value objects,
 * so an {@code Sgtin} is valid as soon as it exists.
 */
public record Sgtin(Gtin gtin, SerialNumber serial) {

  public Sgtin {
    Objects.requireNonNull(gtin, "gtin");
    Objects.requireNonNull(serial, "serial");
  }

  /** Parses both parts; refusals name AI 01 or AI 21. */
  public static Sgtin of(String gtin, String serial) {
    return new Sgtin(Gtin.of(gtin), SerialNumber.of(serial));
  }

  /** {@code (01)…(21)…}. */
  public String toElementString() {
    return gtin.toElementString() + serial.toElementString();
  }

  public String toDigitalLink() {
    return toDigitalLink(DigitalLinks.GS1_RESOLVER);
  }

  /** {@code <base>/01/<gtin14>/21/<serial>} with the serial percent-encoded. */
  public String toDigitalLink(String baseUri) {
    return UriComponents.digitalLink(
        baseUri, "/01/" + gtin.value() + "/21/" + UriComponents.digitalLinkEncode(serial.value()));
  }

  /** {@code urn:epc:id:sgtin:CompanyPrefix.IndicatorItemRef.Serial} with the serial EPC-escaped. */
  public String toEpcUri(int companyPrefixLength) {
    return "urn:epc:id:sgtin:"
        + gtin.epcClassFields(companyPrefixLength)
        + "."
        + UriComponents.epcEscape(SerialNumber.AI, serial.value());
  }

  @Override
  public String toString() {
    return toElementString();
  }
}
