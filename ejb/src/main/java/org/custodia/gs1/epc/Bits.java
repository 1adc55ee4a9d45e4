package org.custodia.gs1.epc;

/**
 * A big-endian bit buffer for the EPC binary encodings, whose fields (3, 20, 38, 7 bits …) do not
 * fall on byte boundaries. Writing and reading go field by field, most significant bit first, as
 * the TDS lays them out.
 */
final class Bits {

  private final byte[] bytes;
  private int position;

  private Bits(byte[] bytes) {
    this.bytes = bytes;
  }

  static Bits forWriting(int bitLength) {
    return new Bits(new byte[(bitLength + 7) / 8]);
  }

  static Bits forReading(byte[] bytes) {
    return new Bits(bytes);
  }

  /** Appends the low {@code width} bits of {@code value} (width 0..63). */
  Bits write(long value, int width) {
    for (int i = width - 1; i >= 0; i--) {
      if (((value >>> i) & 1L) != 0) {
        bytes[position >> 3] |= (byte) (0x80 >>> (position & 7));
      }
      position++;
    }
    return this;
  }

  /** Reads the next {@code width} bits (0..63) as an unsigned number. */
  long read(int width) {
    long value = 0;
    for (int i = 0; i < width; i++) {
      int bit = (bytes[position >> 3] >>> (7 - (position & 7))) & 1;
      value = (value << 1) | bit;
      position++;
    }
    return value;
  }

  /** True when every bit from the current position to the end of the buffer is zero. */
  boolean restIsZero() {
    for (int p = position; p < bytes.length * 8; p++) {
      if (((bytes[p >> 3] >>> (7 - (p & 7))) & 1) != 0) {
        return false;
      }
    }
    return true;
  }

  byte[] toByteArray() {
    return bytes.clone();
  }
}
