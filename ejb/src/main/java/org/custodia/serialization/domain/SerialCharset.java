package org.custodia.serialization.domain;

/**
 * The alphabets a generated pool draws its serials from. {@code CSET82} pools use the 62 letters and
 * digits of GS1 character set 82: its punctuation is valid in AI (21) but needs escaping in EPC URIs and
 * Digital Links and is easily mistyped at a pharmacy counter, so generated serials leave it out (imported
 * serials may use all 82 characters).
 */
public enum SerialCharset {
  NUMERIC("0123456789"),
  CSET82("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

  private final String alphabet;
  private final int[] index = new int[128];

  SerialCharset(String alphabet) {
    this.alphabet = alphabet;
    java.util.Arrays.fill(index, -1);
    for (int i = 0; i < alphabet.length(); i++) {
      index[alphabet.charAt(i)] = i;
    }
  }

  public int radix() {
    return alphabet.length();
  }

  char symbol(int digit) {
    return alphabet.charAt(digit);
  }

  /** The digit value of {@code c} in this alphabet, or -1 when {@code c} is not in it. */
  int digit(char c) {
    return c < 128 ? index[c] : -1;
  }
}
