package org.custodia.serialization.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("SER-2")
class SerialSpaceTest {

  private static byte[] key(long seed) {
    byte[] k = new byte[16];
    new Random(seed).nextBytes(k);
    return k;
  }

  @Test
  void randomNumericSpaceIsABijectionOverEveryCounter() {
    // given a whole space of 100,000 serials
    SerialSpace space = new SerialSpace(SerialCharset.NUMERIC, 5, key(1));
    Set<String> seen = new HashSet<>();

    // when every counter is mapped
    for (long c = 0; c < 100_000; c++) {
      String serial = space.serialAt(c);
      // then each serial is new, has the length, and maps back to its counter
      assertTrue(seen.add(serial), "duplicate serial " + serial + " at counter " + c);
      assertEquals(5, serial.length());
      assertEquals(OptionalLong.of(c), space.counterOf(serial));
    }
    assertEquals(100_000, seen.size());
  }

  @Test
  void oddLengthAlphanumericSpaceRoundTripsEveryCounter() {
    // given a space whose halves differ in size (3 + 2 symbols of 62)
    SerialSpace space = new SerialSpace(SerialCharset.CSET82, 5, key(2));
    Set<String> seen = new HashSet<>();
    Random r = new Random(3);

    // when many counters spread over the whole space are mapped
    for (int i = 0; i < 200_000; i++) {
      long c = Math.floorMod(r.nextLong(), 916_132_832L); // 62^5
      String serial = space.serialAt(c);
      seen.add(serial);
      // then each maps back to its counter and uses only letters and digits
      assertEquals(OptionalLong.of(c), space.counterOf(serial));
      assertTrue(serial.chars().allMatch(Character::isLetterOrDigit), serial);
    }
    assertTrue(seen.size() > 199_900, "distinct counters must give distinct serials");
  }

  @Test
  void twentyDigitSerialsRoundTripBeyondLongRange() {
    // given the largest numeric space (10^20 > Long.MAX_VALUE)
    SerialSpace space = new SerialSpace(SerialCharset.NUMERIC, 20, key(4));

    // when counters near the top of the long range are mapped
    for (long c : new long[] {0, 1, Long.MAX_VALUE - 1, Long.MAX_VALUE / 3}) {
      String serial = space.serialAt(c);
      // then they round-trip
      assertEquals(20, serial.length());
      assertEquals(OptionalLong.of(c), space.counterOf(serial));
    }
  }

  @Test
  void sequentialSpaceCountsUpZeroPadded() {
    // given
    SerialSpace space = new SerialSpace(SerialCharset.NUMERIC, 12, null);

    // when / then
    assertEquals("000000000000", space.serialAt(0));
    assertEquals("000000001234", space.serialAt(1234));
    assertEquals(OptionalLong.of(1234), space.counterOf("000000001234"));
  }

  @Test
  void randomOrderDependsOnTheKeyAndDoesNotCount() {
    // given two pools' spaces with different keys
    SerialSpace a = new SerialSpace(SerialCharset.NUMERIC, 12, key(5));
    SerialSpace b = new SerialSpace(SerialCharset.NUMERIC, 12, key(6));

    // when / then: the same counter gives different serials, and consecutive serials are not neighbours
    assertNotEquals(a.serialAt(0), b.serialAt(0));
    long first = Long.parseLong(a.serialAt(0));
    long second = Long.parseLong(a.serialAt(1));
    assertTrue(Math.abs(first - second) > 1_000, "random serials must not be sequential");
  }

  @Test
  void serialsOutsideTheSpaceHaveNoCounter() {
    // given
    SerialSpace space = new SerialSpace(SerialCharset.NUMERIC, 12, key(7));

    // when / then: wrong length, letters in a numeric space
    assertTrue(space.counterOf("12345").isEmpty());
    assertTrue(space.counterOf("12345678901A").isEmpty());
  }
}
