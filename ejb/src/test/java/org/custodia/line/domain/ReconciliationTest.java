package org.custodia.line.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** printed = good + rejected + sampled + destroyed, every serial accounted for (LINE-2). */
@Tag("LINE-2")
class ReconciliationTest {

  @Test
  void balancesWithDefectsSamplesDestroyedAndUnused() {
    // given 1,000 serials drawn: 950 good, 30 rejected, 5 samples, 7 destroyed, 8 never printed
    Reconciliation r = Reconciliation.of(Map.of(UnitStatus.GOOD, 950, UnitStatus.REJECTED, 30, UnitStatus.SAMPLED, 5,
        UnitStatus.DESTROYED, 7, UnitStatus.UNUSED, 8));

    // then
    assertEquals(1000, r.allocated());
    assertEquals(992, r.printed());
    assertEquals(r.printed(), r.good() + r.rejected() + r.sampled() + r.destroyed());
    assertTrue(r.balanced());
  }

  @Test
  void doesNotBalanceWhileUnitsAreOnTheWayOrSerialsWait() {
    assertFalse(Reconciliation.of(Map.of(UnitStatus.GOOD, 10, UnitStatus.PRINTED, 1)).balanced());
    assertFalse(Reconciliation.of(Map.of(UnitStatus.GOOD, 10, UnitStatus.ALLOCATED, 1)).balanced());
    assertEquals(11, Reconciliation.of(Map.of(UnitStatus.GOOD, 10, UnitStatus.PRINTED, 1)).printed());
  }

  @Test
  void anEmptyOrderBalances() {
    Reconciliation r = Reconciliation.of(Map.of());
    assertTrue(r.balanced());
    assertEquals(0, r.printed());
  }
}
