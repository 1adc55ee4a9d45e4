package org.custodia.serialization.domain;

import java.math.BigInteger;
import java.util.OptionalLong;

/**
 * The set of fixed-length serials over one alphabet, and a bijection between a pool's counter and those
 * serials.
 *
 * <p>For a random pool the bijection is a keyed Feistel network over the serial space (format-preserving,
 * in the manner of NIST FF1/FF3, with SipHash-2-4 as the keyed round function): a serial is split into a high part of
 * {@code ceil(n/2)} symbols and a low part of {@code floor(n/2)} symbols, and each round adds a keyed hash
 * of one part to the other modulo its size. Every round is invertible, so distinct counters always give
 * distinct serials: uniqueness holds by construction, with no collision check, and a serial can be mapped
 * back to its counter to prove that the pool issued it. A sequential pool uses the identity.
 */
public final class SerialSpace {

  private static final int ROUNDS = 8;

  private final SerialCharset charset;
  private final int length;
  private final int highDigits;
  private final int lowDigits;
  private final long highSize;
  private final long lowSize;
  private final SipHash roundFunction;

  /**
   * @param key 16 bytes for a random pool, or null for the identity (sequential pool)
   */
  public SerialSpace(SerialCharset charset, int length, byte[] key) {
    if (length < 1 || length > 20) {
      throw new IllegalArgumentException("serial length must be 1..20, was " + length);
    }
    this.charset = charset;
    this.length = length;
    this.highDigits = (length + 1) / 2;
    this.lowDigits = length / 2;
    this.highSize = pow(charset.radix(), highDigits);
    this.lowSize = pow(charset.radix(), lowDigits);
    if (key == null) {
      this.roundFunction = null;
    } else {
      if (key.length != 16) {
        throw new IllegalArgumentException("permutation key must be 16 bytes");
      }
      this.roundFunction = new SipHash(longAt(key, 0), longAt(key, 8));
    }
  }

  /** The number of distinct serials in this space: radix to the power of the length. */
  public static BigInteger size(SerialCharset charset, int length) {
    return BigInteger.valueOf(charset.radix()).pow(length);
  }

  public BigInteger size() {
    return size(charset, length);
  }

  /** The serial for counter value {@code counter} (0 ≤ counter < size). */
  public String serialAt(long counter) {
    char[] out = new char[length];
    serialAt(counter, out);
    return new String(out);
  }

  /** Writes the serial for {@code counter} into {@code out}, which has this space's length. */
  public void serialAt(long counter, char[] out) {
    if (counter < 0) {
      throw new IllegalArgumentException("counter must not be negative");
    }
    long high = counter / lowSize;
    long low = counter % lowSize;
    if (high >= highSize) {
      throw new IllegalArgumentException("counter " + counter + " is outside the serial space");
    }
    if (roundFunction != null) {
      for (int round = 0; round < ROUNDS; round++) {
        if ((round & 1) == 0) {
          high = (high + prf(round, low) % highSize) % highSize;
        } else {
          low = (low + prf(round, high) % lowSize) % lowSize;
        }
      }
    }
    write(high, out, 0, highDigits);
    write(low, out, highDigits, lowDigits);
  }

  /**
   * The counter value whose serial is {@code serial}, or empty when the serial does not belong to this
   * space (wrong length or a symbol outside the alphabet) or lies beyond the largest counter a long holds.
   */
  public OptionalLong counterOf(CharSequence serial) {
    if (serial.length() != length) {
      return OptionalLong.empty();
    }
    long high = read(serial, 0, highDigits);
    long low = read(serial, highDigits, lowDigits);
    if (high < 0 || low < 0) {
      return OptionalLong.empty();
    }
    if (roundFunction != null) {
      for (int round = ROUNDS - 1; round >= 0; round--) {
        if ((round & 1) == 0) {
          high = Math.floorMod(high - prf(round, low) % highSize, highSize);
        } else {
          low = Math.floorMod(low - prf(round, high) % lowSize, lowSize);
        }
      }
    }
    if (high > (Long.MAX_VALUE - low) / lowSize) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(high * lowSize + low);
  }

  public int length() {
    return length;
  }

  public SerialCharset charset() {
    return charset;
  }

  private long prf(int round, long half) {
    // half < radix^10 <= 62^10 < 2^60, so the round number fits in the top bits
    return roundFunction.hash(((long) round << 60) | half) & Long.MAX_VALUE;
  }

  private void write(long value, char[] out, int offset, int digits) {
    int radix = charset.radix();
    for (int i = offset + digits - 1; i >= offset; i--) {
      out[i] = charset.symbol((int) (value % radix));
      value /= radix;
    }
  }

  private long read(CharSequence s, int offset, int digits) {
    int radix = charset.radix();
    long value = 0;
    for (int i = offset; i < offset + digits; i++) {
      int d = charset.digit(s.charAt(i));
      if (d < 0) {
        return -1;
      }
      value = value * radix + d;
    }
    return value;
  }

  private static long pow(int base, int exponent) {
    long result = 1;
    for (int i = 0; i < exponent; i++) {
      result = Math.multiplyExact(result, base);
    }
    return result;
  }

  private static long longAt(byte[] b, int off) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (b[off + i] & 0xFF);
    }
    return v;
  }
}
