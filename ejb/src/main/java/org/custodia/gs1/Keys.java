package org.custodia.gs1;

/**
 * The checks every numeric GS1 key and every alphanumeric attribute repeat, kept in one place so
 * that each value object refuses bad input with the same rule names and messages.
 */
final class Keys {

  private Keys() {}

  static String requireNonNull(String ai, String value) {
    if (value == null) {
      throw new Gs1Exception(ai, null, "required", "AI (" + ai + ") value is missing");
    }
    return value;
  }

  /** Requires all digits, one of the allowed lengths, and a valid mod-10 check digit. */
  static void requireNumericKey(String ai, String label, String value, int... lengths) {
    requireNonNull(ai, value);
    if (!CharacterSets.isDigits(value)) {
      throw new Gs1Exception(ai, value, "digits", label + " must be digits only: '" + value + "'");
    }
    boolean lengthOk = false;
    for (int length : lengths) {
      lengthOk |= value.length() == length;
    }
    if (!lengthOk) {
      throw new Gs1Exception(
          ai,
          value,
          "length",
          label
              + " must have "
              + lengthsText(lengths)
              + " digits, not "
              + value.length()
              + ": "
              + value);
    }
    if (!CheckDigit.isValid(value)) {
      throw new Gs1Exception(
          ai,
          value,
          "csum",
          label
              + " "
              + value
              + " has a wrong check digit; expected "
              + CheckDigit.compute(value.substring(0, value.length() - 1)));
    }
  }

  /** Requires 1..{@code max} characters of GS1 character set 82. */
  static void requireCset82(String ai, String label, String value, int max) {
    requireNonNull(ai, value);
    if (value.isEmpty() || value.length() > max) {
      throw new Gs1Exception(
          ai,
          value,
          "length",
          label
              + " must have 1 to "
              + max
              + " characters, not "
              + value.length()
              + ": '"
              + value
              + "'");
    }
    UriComponents.requireCset82(ai, value);
  }

  /** The EPC company prefix length range shared by every TDS partition table. */
  static void requireCompanyPrefixLength(String ai, String value, int length, int min, int max) {
    if (length < min || length > max) {
      throw new Gs1Exception(
          ai,
          value,
          "company-prefix-length",
          "GS1 company prefix length must be " + min + " to " + max + ", not " + length);
    }
  }

  private static String lengthsText(int[] lengths) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < lengths.length; i++) {
      if (i > 0) {
        s.append(i == lengths.length - 1 ? " or " : ", ");
      }
      s.append(lengths[i]);
    }
    return s.toString();
  }
}
