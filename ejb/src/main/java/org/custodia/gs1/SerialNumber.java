package org.custodia.gs1;

/**
 * A serial number, AI (21): 1 to 20 characters of GS1 character set 82. Kept as a type so that a
 * serial that no barcode or EPC could carry is refused when it enters the system, not when a label
 * is printed.
 */
public record SerialNumber(String value) {

  static final String AI = "21";

  /** Validates 1..20 CSET 82 characters. */
  public SerialNumber {
    Keys.requireCset82(AI, "Serial number", value, 20);
  }

  public static SerialNumber of(String value) {
    return new SerialNumber(value);
  }

  /** {@code (21)} followed by the serial. */
  public String toElementString() {
    return "(21)" + value;
  }

  @Override
  public String toString() {
    return value;
  }
}
