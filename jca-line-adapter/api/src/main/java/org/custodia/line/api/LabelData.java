package org.custodia.line.api;

import java.util.List;
import java.util.Objects;

/**
 * What a printer prints on one unit, case or pallet.
 *
 * @param serial the label's key: the application's reference of the unit (Custodia sends {@code
 *     WO-<order>#<sequence>}) or the SSCC of a case or pallet label; the line reports the unit by it
 *     ({@link CameraRead#unitRef()}, rejects, confirmations)
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
