package org.custodia.verification.domain;

/**
 * Why a unit did not verify (VER-1), with what the GS1 Lightweight Messaging Standard for Verification of
 * Product Identifiers answers for it (VER-2): its {@code verificationFailureReason} code and, where one
 * applies, the {@code additionalInfo} code. An unknown GTIN or serial is "no match of GTIN and serial";
 * lot and expiry mismatches have codes of their own; a decommissioned, recalled or expired unit matches
 * but must not be redistributed, which the standard answers with {@code No_reason_provided} (plus
 * {@code Recalled} or {@code Expired} as additional information).
 */
public enum Reason {
  UNKNOWN_GTIN("No_match_GTIN_Serial", null),
  UNKNOWN_SERIAL("No_match_GTIN_Serial", null),
  LOT_MISMATCH("No_match_GTIN_Serial_Lot", null),
  EXPIRY_MISMATCH("No_match_GTIN_Serial_Expiry", null),
  LOT_AND_EXPIRY_MISMATCH("No_match_GTIN_Serial_Lot_Expiry", null),
  DECOMMISSIONED("No_reason_provided", null),
  RECALLED("No_reason_provided", "Recalled"),
  EXPIRED("No_reason_provided", "Expired");

  private final String vrsFailureReason;
  private final String vrsAdditionalInfo;

  Reason(String vrsFailureReason, String vrsAdditionalInfo) {
    this.vrsFailureReason = vrsFailureReason;
    this.vrsAdditionalInfo = vrsAdditionalInfo;
  }

  /** The standard's {@code verificationFailureReason} code. */
  public String vrsFailureReason() {
    return vrsFailureReason;
  }

  /** The standard's {@code additionalInfo} code, or null. */
  public String vrsAdditionalInfo() {
    return vrsAdditionalInfo;
  }
}
