package org.custodia.label;

import com.google.zxing.BarcodeFormat;

/**
 * The symbologies a GS1 element string can be printed in. Each constant names the GS1 variant, but
 * the decoder also reports a plain symbol of the same family (for example an ordinary DataMatrix)
 * with this constant; the symbology identifier tells the two apart, so that callers can reject
 * non-GS1 symbols instead of silently treating their text as an element string.
 */
public enum Symbology {
  /** GS1 DataMatrix (ECC 200 with FNC1 in first position), symbology identifier {@code ]d2}. */
  DATA_MATRIX(BarcodeFormat.DATA_MATRIX, "]d2"),
  /** GS1-128 (Code 128 with FNC1 in first position), symbology identifier {@code ]C1}. */
  GS1_128(BarcodeFormat.CODE_128, "]C1"),
  /** GS1 QR Code (QR Code in FNC1-first-position mode), symbology identifier {@code ]Q3}. */
  QR(BarcodeFormat.QR_CODE, "]Q3");

  private final BarcodeFormat format;
  private final String gs1SymbologyIdentifier;

  Symbology(BarcodeFormat format, String gs1SymbologyIdentifier) {
    this.format = format;
    this.gs1SymbologyIdentifier = gs1SymbologyIdentifier;
  }

  /**
   * The ISO/IEC 15424 symbology identifier a reader transmits for the GS1 variant of this
   * symbology.
   */
  public String gs1SymbologyIdentifier() {
    return gs1SymbologyIdentifier;
  }

  BarcodeFormat format() {
    return format;
  }

  static Symbology of(BarcodeFormat format) {
    for (Symbology symbology : values()) {
      if (symbology.format == format) {
        return symbology;
      }
    }
    throw new IllegalArgumentException("Not a symbology used for GS1 data: " + format);
  }
}
