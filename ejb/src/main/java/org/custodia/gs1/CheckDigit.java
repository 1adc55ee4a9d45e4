package org.custodia.gs1;

/**
 * The GS1 mod-10 check digit shared by GTIN, GLN, SSCC, GRAI and the other numeric keys: digits are
 * weighted 3 and 1 alternately from the right-most data digit, and the check digit brings the sum up to a
 * multiple of ten.
 */
public final class CheckDigit {

  private CheckDigit() {}

  /** Computes the check digit for {@code data}, the digits without the check digit. */
  public static int compute(CharSequence data) {
    int sum = 0;
    int weight = 3;
    for (int i = data.length() - 1; i >= 0; i--) {
      char c = data.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("not a digit at position " + (i + 1) + ": '" + c + "'");
      }
      sum += (c - '0') * weight;
      weight = 4 - weight;
    }
    return (10 - sum % 10) % 10;
  }

  /** True when {@code digits} is all digits, at least two, and its last digit is the right check digit. */
  public static boolean isValid(CharSequence digits) {
    int n = digits.length();
    if (n < 2) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return compute(digits.subSequence(0, n - 1)) == digits.charAt(n - 1) - '0';
  }
}
