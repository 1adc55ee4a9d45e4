package org.custodia.exceptions.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The life of a supply-chain exception: open, then resolved once with a root cause. */
@Tag("EXC-1")
class SupplyExceptionTest {

  private static final OffsetDateTime T = OffsetDateTime.parse("2026-11-27T10:00:00Z");

  private static SupplyException open() {
    return SupplyException.raise(ExceptionType.SUSPECT_PRODUCT, Severity.HIGH, Involved.epc("urn:x"), "never seen", "supply", T)
        .withId(7);
  }

  @Test
  void resolvesAnOpenExceptionWithItsRootCause() {
    SupplyException r = open().resolve("qa", T.plusHours(1), "  counterfeit pack, reported to FDA ");
    assertEquals(ExceptionStatus.RESOLVED, r.status());
    assertEquals("qa", r.resolvedBy());
    assertEquals("counterfeit pack, reported to FDA", r.rootCause());
    assertEquals(7, r.id());
  }

  @Test
  void refusesResolvingWithoutRootCauseOrTwice() {
    assertEquals("root-cause-required", assertThrows(SupplyExceptionError.class, () -> open().resolve("qa", T, " ")).code());
    SupplyException r = open().resolve("qa", T, "typo");
    assertEquals("already-resolved", assertThrows(SupplyExceptionError.class, () -> r.resolve("qa", T, "again")).code());
  }

  @Test
  void refusesAnExceptionWithoutDetailOrWithAnOverlongSerial() {
    assertThrows(SupplyExceptionError.class,
        () -> SupplyException.raise(ExceptionType.DUPLICATE_SERIAL, Severity.LOW, Involved.NONE, "", "x", T));
    assertEquals("serial", assertThrows(SupplyExceptionError.class,
        () -> new Involved(null, "X".repeat(21), null, null, null)).field());
  }
}
