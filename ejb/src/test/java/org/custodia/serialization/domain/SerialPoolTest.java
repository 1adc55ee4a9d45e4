package org.custodia.serialization.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Random;
import org.custodia.gs1.Gtin;
import org.custodia.platform.DomainException.Kind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("SER-1")
class SerialPoolTest {

  private static final Gtin GTIN = Gtin.of("09506000134352");
  private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-27T10:00:00Z");

  private static SerialNumberSpace space(SerialCharset cs, int len, SerialOrder order, Long wanted, List<String> markets) {
    SerialNumberSpace s = SerialNumberSpace.open(GTIN, cs, len, order, wanted, markets, new Random(1));
    setId(s, 7L);
    return s;
  }

  private static void setId(Object o, Long id) {
    try {
      Field f = o.getClass().getDeclaredField("id");
      f.setAccessible(true);
      f.set(o, id);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void randomSpaceDefaultsToOneTenThousandthAndRecordsTheProbability() {
    // given / when
    SerialNumberSpace s = space(SerialCharset.NUMERIC, 12, SerialOrder.RANDOM, null, List.of("EU"));
    SerialPool pool = SerialPool.generated(s, null, List.of("EU", "US"), "qa", NOW);

    // then
    assertEquals(100_000_000L, pool.capacity());
    assertEquals(0, new BigDecimal("0.0001").compareTo(pool.guessProbability()));
    assertEquals("EU,US", pool.markets());
  }

  @Test
  void refusesSequentialPoolForTheEuMarket() {
    // given
    SerialNumberSpace s = space(SerialCharset.NUMERIC, 12, SerialOrder.SEQUENTIAL, null, List.of());

    // when
    SerialPoolException e =
        assertThrows(SerialPoolException.class, () -> SerialPool.generated(s, null, List.of("DE"), "qa", NOW));

    // then
    assertEquals("guess-probability-too-high", e.code());
    assertEquals("order", e.field());
    assertTrue(e.getMessage().contains("DE"), e.getMessage());
  }

  @Test
  void refusesEuPoolOnASpaceOpenedWiderThanTheEuLimit() {
    // given a random space opened for 10% of its serials by a US-only pool
    SerialNumberSpace s = space(SerialCharset.NUMERIC, 6, SerialOrder.RANDOM, 100_000L, List.of("US"));
    assertEquals(0, new BigDecimal("0.1").compareTo(s.guessProbability()));

    // when an EU pool asks for it / then
    SerialPoolException e =
        assertThrows(SerialPoolException.class, () -> SerialPool.generated(s, 10L, List.of("EU"), "qa", NOW));
    assertEquals("guess-probability-too-high", e.code());
  }

  @Test
  void allocationAdvancesPoolAndSpaceAndStopsAtCapacity() {
    // given a pool of 25 serials
    SerialNumberSpace s = space(SerialCharset.NUMERIC, 12, SerialOrder.RANDOM, null, List.of());
    SerialPool pool = SerialPool.generated(s, 25L, List.of(), "qa", NOW);
    setId(pool, 3L);

    // when
    SerialRange first = pool.allocate(s, 10);
    SerialRange second = pool.allocate(s, 10);
    SerialPoolException e = assertThrows(SerialPoolException.class, () -> pool.allocate(s, 10));

    // then
    assertEquals(0, first.first());
    assertEquals(10, second.first());
    assertEquals(20, pool.issued());
    assertEquals(20, s.issued());
    assertEquals("pool-exhausted", e.code());
    assertEquals(Kind.CONFLICT, e.kind());
  }

  @Test
  void twoPoolsOfOneSpaceDrawDisjointRanges() {
    // given two pools on one space
    SerialNumberSpace s = space(SerialCharset.CSET82, 10, SerialOrder.RANDOM, null, List.of());
    SerialPool a = SerialPool.generated(s, 100L, List.of(), "qa", NOW);
    SerialPool b = SerialPool.generated(s, 100L, List.of(), "qa", NOW);
    setId(a, 1L);
    setId(b, 2L);

    // when they allocate in turns
    SerialRange ra = a.allocate(s, 30);
    SerialRange rb = b.allocate(s, 30);

    // then the counter ranges do not overlap
    assertEquals(0, ra.first());
    assertEquals(30, rb.first());
  }

  @Test
  void refusesAPoolWhoseCharsetDiffersFromItsSpace() {
    // given
    SerialNumberSpace s = space(SerialCharset.NUMERIC, 12, SerialOrder.RANDOM, null, List.of());

    // when / then
    SerialPoolException e =
        assertThrows(SerialPoolException.class, () -> s.requireSame(SerialCharset.CSET82, SerialOrder.RANDOM));
    assertEquals("overlapping-serial-space", e.code());
    assertEquals("charset", e.field());
  }

  @Test
  void refusesLengthOutsideAi21() {
    SerialPoolException e =
        assertThrows(
            SerialPoolException.class,
            () -> SerialNumberSpace.open(GTIN, SerialCharset.NUMERIC, 21, SerialOrder.RANDOM, null, List.of(), new Random()));
    assertEquals("length", e.field());
    assertEquals("21", e.value());
  }

  @Test
  void closedPoolAllocatesNothing() {
    SerialNumberSpace s = space(SerialCharset.NUMERIC, 12, SerialOrder.RANDOM, null, List.of());
    SerialPool pool = SerialPool.generated(s, null, List.of(), "qa", NOW);
    pool.close();
    assertEquals("pool-closed", assertThrows(SerialPoolException.class, () -> pool.allocate(s, 1)).code());
  }

  @Test
  void importPoolHandsOutImportedPositionsInOrder() {
    // given
    SerialPool pool = SerialPool.imported(GTIN, List.of("US"), "qa", NOW);
    setId(pool, 9L);

    // when
    long first = pool.addImported(5);
    SerialRange r = pool.allocateImported(3);

    // then
    assertEquals(0, first);
    assertEquals(0, r.first());
    assertEquals(3, pool.issued());
    assertEquals("pool-exhausted", assertThrows(SerialPoolException.class, () -> pool.allocateImported(3)).code());
  }
}
