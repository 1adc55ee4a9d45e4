package org.custodia.gs1;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * An expiry date as AI (17) carries it: YYMMDD, where day 00 means the end of the month. Keeps the
 * six-digit form (what was printed) and gives the calendar date, the century chosen by the GS1 General
 * Specifications rule (section 7.12): the year lies within 49 years before and 50 years after today.
 */
public record ExpiryDate(String value) {

  public ExpiryDate {
    if (value == null || value.length() != 6 || !CharacterSets.isDigits(value)) {
      throw new Gs1Exception("17", value, "yymmd0", "AI (17) value \"" + value + "\": must be six digits YYMMDD");
    }
    int month = Integer.parseInt(value.substring(2, 4));
    int day = Integer.parseInt(value.substring(4, 6));
    if (month < 1 || month > 12) {
      throw new Gs1Exception("17", value, "yymmd0", "AI (17) value \"" + value + "\": month " + month + " does not exist");
    }
    if (day != 0 && day > YearMonth.of(fullYear(value, LocalDate.now().getYear()), month).lengthOfMonth()) {
      throw new Gs1Exception("17", value, "yymmd0", "AI (17) value \"" + value + "\": day " + day + " does not exist in that month");
    }
  }

  public static ExpiryDate of(String yymmdd) {
    return new ExpiryDate(yymmdd);
  }

  /** The calendar date; day 00 gives the last day of the month. */
  public LocalDate toLocalDate() {
    int year = fullYear(value, LocalDate.now().getYear());
    YearMonth ym = YearMonth.of(year, Integer.parseInt(value.substring(2, 4)));
    int day = Integer.parseInt(value.substring(4, 6));
    return day == 0 ? ym.atEndOfMonth() : ym.atDay(day);
  }

  static int fullYear(String yymmdd, int currentYear) {
    int yy = Integer.parseInt(yymmdd.substring(0, 2));
    int century = currentYear / 100 * 100;
    int diff = yy - currentYear % 100;
    if (diff >= 51) {
      century -= 100;
    } else if (diff <= -50) {
      century += 100;
    }
    return century + yy;
  }

  @Override
  public String toString() {
    return value;
  }
}
