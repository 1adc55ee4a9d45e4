package org.custodia.validation.support;

import java.util.concurrent.ThreadLocalRandom;

/** Test data that no other test (or earlier run on the same database) uses. */
public final class TestData {

  /** The GS1 demo company prefix registered by the embedded default's demo data. */
  public static final String DEMO_PREFIX = "9506000";

  private TestData() {}

  /** A fresh GTIN-14 of the demo company: indicator 0, prefix 9506000, a random item reference. */
  public static String newGtin() {
    String data = "0" + DEMO_PREFIX + String.format("%05d", ThreadLocalRandom.current().nextInt(100_000));
    return data + checkDigit(data);
  }

  /** A GTIN-14 of a company the system does not know. */
  public static String foreignGtin() {
    String data = "0" + "761234" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    return data + checkDigit(data);
  }

  /** A fresh SSCC of the demo company: extension 0, prefix 9506000, a random serial reference. */
  public static String newSscc() {
    String data =
        "0" + DEMO_PREFIX + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
    return data + checkDigit(data);
  }

  /** An SSCC of that company (extension 0, prefix 761234, a random serial reference). */
  public static String foreignSscc() {
    String data = "0" + "761234" + String.format("%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L));
    return data + checkDigit(data);
  }

  public static String newLot() {
    return "L" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
  }

  static int checkDigit(String data) {
    int sum = 0;
    int w = 3;
    for (int i = data.length() - 1; i >= 0; i--) {
      sum += (data.charAt(i) - '0') * w;
      w = 4 - w;
    }
    return (10 - sum % 10) % 10;
  }
}
