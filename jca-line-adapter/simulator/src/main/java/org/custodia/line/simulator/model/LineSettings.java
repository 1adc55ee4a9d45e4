package org.custodia.line.simulator.model;

/**
 * How a simulated line behaves. Rates are probabilities per unit, 0 to 1.
 *
 * @param unitsPerMinute the line speed
 * @param unreadableRate codes the camera cannot read (smeared print)
 * @param wrongCodeRate codes printed with another serial than sent (a character changed)
 * @param duplicateRate codes printed again from the previous unit's label data
 * @param lowGradeRate readable codes of grade C or D
 * @param missedConfirmationRate rejects the reject station carries out without confirming
 * @param rejectWindow how many units pass the camera before a unit leaves the reject station's reach
 *     for the case packer
 * @param unitsPerCase units per case
 * @param casesPerPallet cases per pallet
 * @param ssccPrefix GS1 company prefix with extension digit in front, for SSCCs the stations make
 *     themselves when no label was sent to them (digits; the serial fills the rest up to 17)
 * @param history how many messages the line keeps to send again after a lost connection
 */
public record LineSettings(
    int unitsPerMinute,
    double unreadableRate,
    double wrongCodeRate,
    double duplicateRate,
    double lowGradeRate,
    double missedConfirmationRate,
    int rejectWindow,
    int unitsPerCase,
    int casesPerPallet,
    String ssccPrefix,
    int history) {

  /** Defaults of the embedded default: 400 units per minute, no defects. */
  public static LineSettings defaults() {
    return new LineSettings(400, 0, 0, 0, 0, 0, 8, 10, 4, "09506000", 100_000);
  }

  /** Checks the ranges. */
  public LineSettings {
    if (unitsPerMinute < 1 || unitsPerMinute > 600_000) {
      throw new IllegalArgumentException(
          "unitsPerMinute must be 1 to 600000, got " + unitsPerMinute);
    }
    for (double rate :
        new double[] {unreadableRate, wrongCodeRate, duplicateRate, lowGradeRate, missedConfirmationRate}) {
      if (rate < 0 || rate > 1) {
        throw new IllegalArgumentException("a rate must be 0 to 1, got " + rate);
      }
    }
    if (unreadableRate + wrongCodeRate + duplicateRate > 1) {
      throw new IllegalArgumentException("unreadable + wrong + duplicate rates exceed 1");
    }
    if (rejectWindow < 0 || unitsPerCase < 1 || casesPerPallet < 1 || history < 1) {
      throw new IllegalArgumentException(
          "rejectWindow >= 0, unitsPerCase, casesPerPallet and history >= 1 required");
    }
    if (!ssccPrefix.matches("[0-9]{7,12}")) {
      throw new IllegalArgumentException("ssccPrefix must be 7 to 12 digits, got " + ssccPrefix);
    }
  }

  /** The same with another speed. */
  public LineSettings withSpeed(int upm) {
    return new LineSettings(upm, unreadableRate, wrongCodeRate, duplicateRate, lowGradeRate,
        missedConfirmationRate, rejectWindow, unitsPerCase, casesPerPallet, ssccPrefix, history);
  }

  /** The same with other defect rates. */
  public LineSettings withDefects(double unreadable, double wrong, double duplicate, double lowGrade) {
    return new LineSettings(unitsPerMinute, unreadable, wrong, duplicate, lowGrade,
        missedConfirmationRate, rejectWindow, unitsPerCase, casesPerPallet, ssccPrefix, history);
  }

  /** The same with another rate of missed reject confirmations. */
  public LineSettings withMissedConfirmations(double rate) {
    return new LineSettings(unitsPerMinute, unreadableRate, wrongCodeRate, duplicateRate,
        lowGradeRate, rate, rejectWindow, unitsPerCase, casesPerPallet, ssccPrefix, history);
  }

  /** The same with other aggregation counts. */
  public LineSettings withAggregation(int perCase, int perPallet) {
    return new LineSettings(unitsPerMinute, unreadableRate, wrongCodeRate, duplicateRate,
        lowGradeRate, missedConfirmationRate, rejectWindow, perCase, perPallet, ssccPrefix, history);
  }
}
