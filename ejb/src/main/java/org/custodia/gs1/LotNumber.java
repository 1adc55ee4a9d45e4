package org.custodia.gs1;

/**
 * A batch or lot number, AI (10): 1 to 20 characters of GS1 character set 82. Recalls are run by
 * lot, so it is a type of its own rather than a free string that could not be printed.
 */
public record LotNumber(String value) {

  static final String AI = "10";

  /** Validates 1..20 CSET 82 characters. */
  public LotNumber {
    Keys.requireCset82(AI, "Lot number", value, 20);
  }

  public static LotNumber of(String value) {
    return new LotNumber(value);
  }

  /** {@code (10)} followed by the lot. */
  public String toElementString() {
    return "(10)" + value;
  }

  @Override
  public String toString() {
    return value;
  }
}
