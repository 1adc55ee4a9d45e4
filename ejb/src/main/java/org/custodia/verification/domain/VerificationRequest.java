package org.custodia.verification.domain;

import java.util.Objects;
import org.custodia.gs1.ExpiryDate;
import org.custodia.gs1.Gtin;
import org.custodia.gs1.LotNumber;
import org.custodia.gs1.SerialNumber;

/**
 * A product identifier presented for verification: GTIN and serial, and the lot and expiry printed beside
 * them (either may be absent; an absent one is not compared).
 */
public record VerificationRequest(Gtin gtin, SerialNumber serial, LotNumber lot, ExpiryDate expiry) {

  public VerificationRequest {
    Objects.requireNonNull(gtin, "gtin");
    Objects.requireNonNull(serial, "serial");
  }
}
