package org.custodia.label;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.datamatrix.encoder.DefaultPlacement;
import com.google.zxing.datamatrix.encoder.ErrorCorrection;
import com.google.zxing.datamatrix.encoder.SymbolInfo;
import com.google.zxing.datamatrix.encoder.SymbolShapeHint;

/**
 * Encodes a GS1 message as a square ECC 200 DataMatrix using ASCII encodation only, with ZXing
 * supplying the symbol sizes, the Reed-Solomon error correction and the module placement.
 *
 * <p>Why not {@code DataMatrixWriter}: ZXing 3.5.4 honours {@code GS1_FORMAT} only in its minimal
 * encoder ({@code DATA_MATRIX_COMPACT}), and that encoder does write FNC1 first and GS as FNC1, but
 * when it ends the data in C40 or EDIFACT with more than the allowed one or two symbol characters
 * left it omits the unlatch, so the padding is read as data. For example {@code 10LOT-} decodes as
 * {@code 10LOT3DK7}, and a GTIN plus a lot ending in {@code ABCDEFGH} gets {@code " 20,"} appended.
 * ASCII encodation has no latches, so it cannot end in the wrong mode. GS1 data is mostly digits,
 * which ASCII packs two to a codeword, so the symbols are seldom larger; alphanumeric serials cost
 * one codeword per character instead of two thirds.
 */
final class Gs1DataMatrixEncoder {

  private static final int FNC1 = 232;
  private static final int PAD = 129;
  private static final int DIGIT_PAIR_BASE = 130;

  private Gs1DataMatrixEncoder() {}

  /** The symbol's modules without quiet zone; the message has been checked by the caller. */
  static BitMatrix encode(String gs1Message) {
    String codewords = dataCodewords(gs1Message);
    SymbolInfo symbolInfo = SymbolInfo.lookup(codewords.length(), SymbolShapeHint.FORCE_SQUARE);
    String withErrorCorrection = ErrorCorrection.encodeECC200(codewords, symbolInfo);
    DefaultPlacement placement =
        new DefaultPlacement(
            withErrorCorrection, symbolInfo.getSymbolDataWidth(), symbolInfo.getSymbolDataHeight());
    placement.place();
    return withFinderAndClockPatterns(placement, symbolInfo);
  }

  /** The data codewords, padded to the capacity of the smallest square symbol that holds them. */
  static String dataCodewords(String gs1Message) {
    StringBuilder codewords = new StringBuilder(gs1Message.length() + 1);
    codewords.append((char) FNC1);
    int i = 0;
    while (i < gs1Message.length()) {
      char c = gs1Message.charAt(i);
      if (c == BarcodeRenderer.GS) {
        codewords.append((char) FNC1);
        i++;
      } else if (isDigit(c) && i + 1 < gs1Message.length() && isDigit(gs1Message.charAt(i + 1))) {
        int pair = (c - '0') * 10 + gs1Message.charAt(i + 1) - '0';
        codewords.append((char) (DIGIT_PAIR_BASE + pair));
        i += 2;
      } else {
        codewords.append((char) (c + 1));
        i++;
      }
    }
    SymbolInfo symbolInfo;
    try {
      symbolInfo =
          SymbolInfo.lookup(codewords.length(), SymbolShapeHint.FORCE_SQUARE, null, null, true);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "The message needs " + codewords.length() + " codewords, more than a DataMatrix holds",
          e);
    }
    pad(codewords, symbolInfo.getDataCapacity());
    return codewords.toString();
  }

  /** ISO/IEC 16022 5.2.3: one 129, then pads scrambled by the 253-state algorithm. */
  private static void pad(StringBuilder codewords, int capacity) {
    if (codewords.length() < capacity) {
      codewords.append((char) PAD);
    }
    while (codewords.length() < capacity) {
      int position = codewords.length() + 1;
      int scrambled = PAD + (149 * position) % 253 + 1;
      codewords.append((char) (scrambled <= 254 ? scrambled : scrambled - 254));
    }
  }

  /**
   * Lays the data regions out with their borders: a solid left column and bottom row (the L finder)
   * and an alternating top row and right column (the clock track), each starting dark at the L.
   */
  private static BitMatrix withFinderAndClockPatterns(
      DefaultPlacement placement, SymbolInfo symbolInfo) {
    int regionWidth = symbolInfo.matrixWidth;
    int regionHeight = symbolInfo.matrixHeight;
    int regionsAcross = symbolInfo.getSymbolDataWidth() / regionWidth;
    int regionsDown = symbolInfo.getSymbolDataHeight() / regionHeight;
    BitMatrix matrix = new BitMatrix(symbolInfo.getSymbolWidth(), symbolInfo.getSymbolHeight());
    for (int regionY = 0; regionY < regionsDown; regionY++) {
      for (int regionX = 0; regionX < regionsAcross; regionX++) {
        int left = regionX * (regionWidth + 2);
        int top = regionY * (regionHeight + 2);
        int right = left + regionWidth + 1;
        int bottom = top + regionHeight + 1;
        for (int x = left; x <= right; x++) {
          matrix.set(x, bottom);
          if ((x - left) % 2 == 0) {
            matrix.set(x, top);
          }
        }
        for (int y = top; y <= bottom; y++) {
          matrix.set(left, y);
          if ((bottom - y) % 2 == 0) {
            matrix.set(right, y);
          }
        }
        for (int row = 0; row < regionHeight; row++) {
          for (int column = 0; column < regionWidth; column++) {
            if (placement.getBit(regionX * regionWidth + column, regionY * regionHeight + row)) {
              matrix.set(left + 1 + column, top + 1 + row);
            }
          }
        }
      }
    }
    return matrix;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
