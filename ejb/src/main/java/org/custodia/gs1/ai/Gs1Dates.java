package org.custodia.gs1.ai;

import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneOffset;
import org.custodia.gs1.Gs1Exception;

/**
 * Dates carried in GS1 element strings. A two-digit year is placed in a century with the sliding
 * window of the GS1 General Specifications (section 7.12): a year up to 50 years ahead or 49 years
 * back from the current one. Day {@code 00} (allowed by the {@code yymmd0} AIs such as expiry AI
 * 17) means the last day of the month. Expiry and best-before checks elsewhere use {@link
 * #toLocalDate(String, String)} rather than reading digits themselves.
 */
public final class Gs1Dates {

  private static volatile long yearCacheUntil;
  private static volatile int cachedYear;

  private Gs1Dates() {}

  /**
   * The four-digit year for two-digit {@code yy} seen in {@code currentYear}, per the GS1 sliding
   * window: a difference of 51 to 99 years ahead means the previous century, 50 to 99 years back
   * the next one.
   */
  public static int resolveYear(int yy, int currentYear) {
    if (yy < 0 || yy > 99) {
      throw new IllegalArgumentException("two-digit year expected: " + yy);
    }
    int century = currentYear / 100 * 100;
    int diff = yy - currentYear % 100;
    if (diff >= 51) {
      century -= 100;
    } else if (diff <= -50) {
      century += 100;
    }
    return century + yy;
  }

  /**
   * The date a value of a date AI stands for, e.g. {@code toLocalDate("17", "281200")} is
   * 2028-12-31. The AI must be one whose first component is a date ({@code yymmd0}, {@code yymmdd},
   * {@code yyyymmdd} ...), such as 11, 12, 13, 15, 16, 17, 4324, 7003, 7006, 7007, 7250 or 8008.
   *
   * @throws Gs1Exception (rule {@code date}) when the AI carries no date, or the value's own rule
   *     when the value is invalid
   */
  public static LocalDate toLocalDate(String ai, String value) {
    return toLocalDate(ai, value, currentYear());
  }

  /** As {@link #toLocalDate(String, String)}, with the century window placed around {@code now}. */
  public static LocalDate toLocalDate(String ai, String value, int currentYear) {
    AiDefinition def = SyntaxDictionary.definition(ai);
    if (def == null) {
      throw Problem.of(ai, value, "unknown-ai", "is not a known Application Identifier")
          .toException();
    }
    Problem p = def.check(value);
    if (p != null) {
      throw p.toException();
    }
    java.util.List<String> linters = def.components().get(0).linterNames();
    if (linters.contains("yyyymmdd") || linters.contains("yyyymmd0")) {
      return date(
          Integer.parseInt(value.substring(0, 4)),
          Integer.parseInt(value.substring(4, 6)),
          Integer.parseInt(value.substring(6, 8)));
    }
    if (linters.contains("yymmdd") || linters.contains("yymmd0")) {
      return fromYymmdd(value.substring(0, 6), currentYear);
    }
    throw Problem.of(ai, value, "date", "does not carry a date").toException();
  }

  /**
   * The date for a valid {@code YYMMDD} (day 00 = last day of the month) seen in {@code
   * currentYear}.
   */
  public static LocalDate fromYymmdd(String yymmdd, int currentYear) {
    int yy = Integer.parseInt(yymmdd.substring(0, 2));
    return date(
        resolveYear(yy, currentYear),
        Integer.parseInt(yymmdd.substring(2, 4)),
        Integer.parseInt(yymmdd.substring(4, 6)));
  }

  private static LocalDate date(int year, int month, int day) {
    LocalDate first = LocalDate.of(year, month, 1);
    return day == 0 ? first.withDayOfMonth(first.lengthOfMonth()) : first.withDayOfMonth(day);
  }

  static int lengthOfMonth(int year, int month) {
    switch (month) {
      case 2:
        return Year.isLeap(year) ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  /** The current UTC year, read from the clock at most once a minute. */
  static int currentYear() {
    long now = System.currentTimeMillis();
    if (now >= yearCacheUntil) {
      cachedYear = LocalDate.now(ZoneOffset.UTC).getYear();
      yearCacheUntil = now + 60_000L;
    }
    return cachedYear;
  }
}
