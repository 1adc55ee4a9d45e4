package org.custodia.gs1;

/**
 * A GS1 company prefix: 4 to 12 digits assigned by a GS1 member organisation. Its length cannot be
 * read from a GS1 key, yet the EPC schemes need it to split the key into fields; holding it as a
 * type keeps the length and the digits together instead of passing bare integers around.
 */
public record CompanyPrefix(String value) {

  /** Validates 4..12 digits. */
  public CompanyPrefix {
    Keys.requireNonNull("GCP", value);
    if (!CharacterSets.isDigits(value)) {
      throw new Gs1Exception(
          "GCP", value, "digits", "Company prefix must be digits only: " + value);
    }
    if (value.length() < 4 || value.length() > 12) {
      throw new Gs1Exception(
          "GCP", value, "length", "Company prefix must have 4 to 12 digits, not " + value.length());
    }
  }

  public static CompanyPrefix of(String value) {
    return new CompanyPrefix(value);
  }

  /** The number of digits, the value the EPC partition tables are indexed by. */
  public int length() {
    return value.length();
  }

  /** True when the key (GTIN-14 without its indicator, GLN, ...) begins with this prefix. */
  public boolean isPrefixOf(String keyDigits) {
    return keyDigits != null && keyDigits.startsWith(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
