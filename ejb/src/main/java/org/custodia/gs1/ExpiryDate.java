package org.custodia.gs1;

import java.time.LocalDate;
import org.custodia.gs1.ai.ElementStrings;
import org.custodia.gs1.ai.Gs1Dates;
import org.custodia.gs1.ai.Problem;

/**
 * An expiry date as AI (17) carries it: YYMMDD, where day 00 means the end of the month. Keeps the
 * six-digit form (what was printed); validated by the syntax dictionary's rules for AI (17), and turned
 * into a calendar date by the GS1 century rule.
 */
public record ExpiryDate(String value) {

  public ExpiryDate {
    Problem p = ElementStrings.checkValue("17", value == null ? "" : value);
    if (p != null) {
      throw new Gs1Exception(p.ai(), p.value(), p.rule(), p.message());
    }
  }

  public static ExpiryDate of(String yymmdd) {
    return new ExpiryDate(yymmdd);
  }

  /** The calendar date; day 00 gives the last day of the month. */
  public LocalDate toLocalDate() {
    return Gs1Dates.toLocalDate("17", value);
  }

  @Override
  public String toString() {
    return value;
  }
}
