package org.custodia.gs1.epc;

/**
 * The partition tables of the EPC Tag Data Standard: a 96-bit tag has a fixed number of bits for
 * company prefix plus reference, and the 3-bit partition value says where the split falls.
 * Partition {@code p} always means a company prefix of {@code 12 - p} digits; the bit widths differ
 * per scheme.
 */
final class Partition {

  /** Bits of the company prefix for partition 0..6 (12..6 digits), the same for SGTIN and SSCC. */
  private static final int[] COMPANY_PREFIX_BITS = {40, 37, 34, 30, 27, 24, 20};

  /** Bits of indicator + item reference (1..7 digits) for SGTIN partitions 0..6. */
  private static final int[] SGTIN_REFERENCE_BITS = {4, 7, 10, 14, 17, 20, 24};

  /** Bits of extension + serial reference (5..11 digits) for SSCC partitions 0..6. */
  private static final int[] SSCC_REFERENCE_BITS = {18, 21, 24, 28, 31, 34, 38};

  final int value;
  final int companyPrefixDigits;
  final int companyPrefixBits;
  final int referenceDigits;
  final int referenceBits;

  private Partition(int value, int referenceDigitsAtZero, int[] referenceBits) {
    this.value = value;
    this.companyPrefixDigits = 12 - value;
    this.companyPrefixBits = COMPANY_PREFIX_BITS[value];
    this.referenceDigits = referenceDigitsAtZero + value;
    this.referenceBits = referenceBits[value];
  }

  static Partition sgtin(int value) {
    return new Partition(value, 1, SGTIN_REFERENCE_BITS);
  }

  static Partition sscc(int value) {
    return new Partition(value, 5, SSCC_REFERENCE_BITS);
  }
}
