package org.custodia.line.api;

import java.util.List;
import java.util.Objects;

/**
 * What a printer prints on one unit, case or pallet.
 *
 * @param serial the serial number (or SSCC) the label carries, the unit's key for the application
 * @param elementString the GS1 element string encoded in the DataMatrix (GS-separated, no leading
 *     FNC1)
 * @param humanReadable the human-readable lines printed beside the code
 */
public record LabelData(String serial, String elementString, List<String> humanReadable) {

  /** Checks that the code is there and freezes the lines. */
  public LabelData {
    Objects.requireNonNull(serial, "serial");
    Objects.requireNonNull(elementString, "elementString");
    if (elementString.isBlank()) {
      throw new IllegalArgumentException("elementString is blank");
    }
    humanReadable = humanReadable == null ? List.of() : List.copyOf(humanReadable);
  }
}
