package org.custodia.validation.pq;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Output and small statistics shared by the benchmark mains. Results go to standard output as
 * {@code FIGURE name=value unit} lines because the README promises exactly that format to whoever
 * collects the figures (a person or a script); everything else printed is a short progress line.
 */
final class Figures {

  /** The GS1 demo company prefix that the embedded default's demo data registers. */
  static final String DEMO_PREFIX = "9506000";

  private Figures() {}

  static void figure(String name, double value, String unit) {
    String text =
        value >= 100 || value == Math.rint(value)
            ? String.format(Locale.ROOT, "%d", Math.round(value))
            : String.format(Locale.ROOT, "%.2f", value);
    System.out.println("FIGURE " + name + "=" + text + " " + unit);
  }

  static void progress(String format, Object... args) {
    System.out.println("  " + String.format(Locale.ROOT, format, args));
  }

  /** The {@code p}-th percentile (0–100) of {@code values} by the nearest-rank method. */
  static double percentile(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /**
   * A fresh GTIN-14 of the demo company (indicator 0, a random item reference), so that every run
   * works on its own serial space and never collides with data of earlier runs on the same
   * database.
   */
  static String newGtin() {
    String data =
        "0" + DEMO_PREFIX + String.format("%05d", ThreadLocalRandom.current().nextInt(100_000));
    return data + checkDigit(data);
  }

  /** GS1 mod-10 check digit: weights 3 and 1 alternating from the right. */
  static int checkDigit(String data) {
    int sum = 0;
    int weight = 3;
    for (int i = data.length() - 1; i >= 0; i--) {
      sum += (data.charAt(i) - '0') * weight;
      weight = 4 - weight;
    }
    return (10 - sum % 10) % 10;
  }
}
