package org.custodia.gs1.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.custodia.gs1.Gs1Exception;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GS1 dates: the century sliding window of General Specifications 7.12 and day 00. */
@Tag("ID-2")
class Gs1DatesTest {

  @ParameterizedTest(name = "YY {0} in {1} is {2}")
  @CsvSource({
    "75, 2025, 2075",
    "76, 2025, 1976",
    "00, 2025, 2000",
    "25, 2025, 2025",
    "99, 2000, 1999",
    "50, 2000, 2050",
    "51, 2000, 1951",
    "00, 2099, 2100",
    "49, 2099, 2149",
    "48, 2099, 2148",
    "50, 2099, 2050"
  })
  void placesTwoDigitYearInTheSlidingWindow(int yy, int now, int expected) {
    assertEquals(expected, Gs1Dates.resolveYear(yy, now));
  }

  @Test
  void readsDayZeroAsLastDayOfMonth() {
    // given / when / then
    assertEquals(LocalDate.of(2028, 2, 29), Gs1Dates.toLocalDate("17", "280200", 2025));
    assertEquals(LocalDate.of(2027, 2, 28), Gs1Dates.toLocalDate("17", "270200", 2025));
    assertEquals(LocalDate.of(2028, 12, 31), Gs1Dates.toLocalDate("17", "281200", 2025));
    assertEquals(LocalDate.of(2028, 4, 30), Gs1Dates.toLocalDate("15", "280400", 2025));
  }

  @Test
  void readsOrdinaryAndFourDigitYearDates() {
    assertEquals(LocalDate.of(2026, 3, 15), Gs1Dates.toLocalDate("11", "260315", 2025));
    assertEquals(LocalDate.of(1980, 1, 2), Gs1Dates.toLocalDate("7250", "19800102", 2025));
    assertEquals(LocalDate.of(2028, 12, 31), Gs1Dates.toLocalDate("7003", "2812311230", 2025));
  }

  @Test
  void refusesAiWithoutDate() {
    Gs1Exception e =
        assertThrows(Gs1Exception.class, () -> Gs1Dates.toLocalDate("01", "09506000134352"));
    assertEquals("date", e.rule());
    assertEquals("01", e.ai());
  }

  @Test
  void refusesInvalidDate() {
    Gs1Exception e = assertThrows(Gs1Exception.class, () -> Gs1Dates.toLocalDate("17", "281301"));
    assertEquals("yymmd0", e.rule());
  }

  @Test
  void givesExpiryOfAnElementString() {
    ElementString es = ElementStrings.parse("(01)09506000134352(17)280200");
    assertEquals(Gs1Dates.toLocalDate("17", "280200"), es.date("17").orElseThrow());
    assertEquals(2, es.date("17").orElseThrow().getMonthValue());
  }
}
