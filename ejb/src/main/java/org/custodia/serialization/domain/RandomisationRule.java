package org.custodia.serialization.domain;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;

/**
 * Markets that require randomised serials with a bounded guessing probability. EU FMD (Delegated Regulation
 * (EU) 2016/161, art. 4(b)) requires that the probability of guessing a serial be negligible and in any case
 * lower than one in ten thousand; it applies in the EU member states and the EEA countries that adopted it.
 */
public final class RandomisationRule {

  /** The largest guessing probability allowed where the rule applies: 1 in 10,000. */
  public static final BigDecimal MAX_GUESS_PROBABILITY = new BigDecimal("0.0001");

  private static final Set<String> MARKETS =
      Set.of(
          "EU", "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
          "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "NO", "IS", "LI");

  private RandomisationRule() {}

  /** The first market of {@code markets} that needs randomisation, or null when none does. */
  public static String firstMarketRequiring(Collection<String> markets) {
    for (String m : markets) {
      if (MARKETS.contains(m.toUpperCase(Locale.ROOT))) {
        return m;
      }
    }
    return null;
  }
}
