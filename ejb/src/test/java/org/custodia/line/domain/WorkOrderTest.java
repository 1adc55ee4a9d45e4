package org.custodia.line.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.custodia.gs1.ExpiryDate;
import org.custodia.gs1.Gtin;
import org.custodia.gs1.LotNumber;
import org.custodia.platform.DomainException.Kind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The work order aggregate: creation rules, life cycle, the loop's arithmetic. */
@Tag("LINE-2")
class WorkOrderTest {

  static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-27T08:00:00Z");
  static final Gtin GTIN = Gtin.of("09506000134352");
  static final ProductionLine LINE = new ProductionLine("line-1", "Line 1", 16, Duration.ofSeconds(5), true);
  static final ProductFacts PRODUCT = new ProductFacts(GTIN, "99999-134-52");

  static WorkOrder create(int quantity, List<Market> markets, boolean byQa) {
    return WorkOrder.create(7, LINE, GTIN, PRODUCT, LotNumber.of("L1"), ExpiryDate.of("281231"), quantity, markets,
        byQa ? "qa" : "supply", byQa, NOW);
  }

  static WorkOrder running(int quantity) {
    WorkOrder wo = create(quantity, List.of(Market.US), true);
    wo.assignPool(3);
    wo.start(NOW);
    return wo;
  }

  @Test
  void createdByQaIsReleasedByThatAct() {
    // when
    WorkOrder wo = create(50, List.of(Market.US, Market.EU), true);

    // then
    assertEquals(WorkOrderStatus.RELEASED, wo.status());
    assertEquals("qa", wo.releasedBy());
    assertEquals(NOW, wo.releasedAt());
  }

  @Test
  void createdByAnotherRoleWaitsForQaRelease() {
    // given
    WorkOrder wo = create(50, List.of(Market.US), false);
    assertEquals(WorkOrderStatus.CREATED, wo.status());
    assertNull(wo.releasedBy());

    // when starting before the release / then refused
    WorkOrderException e = assertThrows(WorkOrderException.class, () -> wo.start(NOW));
    assertEquals(Kind.CONFLICT, e.kind());
    assertEquals("invalid-transition", e.code());

    // when released
    wo.release("qa", NOW);
    assertEquals(WorkOrderStatus.RELEASED, wo.status());
    assertEquals("qa", wo.releasedBy());
  }

  @Test
  void refusesAnUnknownProductNamingTheGtin() {
    WorkOrderException e = assertThrows(WorkOrderException.class, () -> WorkOrder.create(1, LINE, GTIN, null,
        LotNumber.of("L1"), ExpiryDate.of("281231"), 5, List.of(Market.EU), "qa", true, NOW));
    assertEquals(Kind.INVALID, e.kind());
    assertEquals("gtin", e.field());
    assertEquals(GTIN.value(), e.value());
  }

  @Test
  void refusesAQuantityOutsideOneToAMillion() {
    for (int q : new int[] {0, -1, 1_000_001}) {
      WorkOrderException e = assertThrows(WorkOrderException.class, () -> create(q, List.of(Market.EU), true));
      assertEquals("quantity", e.field());
      assertEquals(String.valueOf(q), e.value());
    }
    assertEquals(1_000_000, create(1_000_000, List.of(Market.EU), true).quantity());
    assertEquals(1, create(1, List.of(Market.EU), true).quantity());
  }

  @Test
  void refusesAnExpiryThatIsNotInTheFuture() {
    for (String expiry : new String[] {"261127", "250101", "261000"}) {
      WorkOrderException e = assertThrows(WorkOrderException.class, () -> WorkOrder.create(1, LINE, GTIN, PRODUCT,
          LotNumber.of("L1"), ExpiryDate.of(expiry), 5, List.of(Market.EU), "qa", true, NOW));
      assertEquals("expiry", e.field());
      assertEquals(expiry, e.value());
    }
    // the day after is fine
    assertEquals("261128", WorkOrder.create(1, LINE, GTIN, PRODUCT, LotNumber.of("L1"), ExpiryDate.of("261128"), 5,
        List.of(Market.EU), "qa", true, NOW).expiry().value());
  }

  @Test
  @Tag("MKT-1")
  void refusesTheUsMarketForAProductWithoutNdc() {
    ProductFacts noNdc = new ProductFacts(GTIN, null);
    WorkOrderException e = assertThrows(WorkOrderException.class, () -> WorkOrder.create(1, LINE, GTIN, noNdc,
        LotNumber.of("L1"), ExpiryDate.of("281231"), 5, List.of(Market.EU, Market.US), "qa", true, NOW));
    assertEquals("market-data-missing", e.code());
    assertEquals("markets[1]", e.field());
    assertEquals("US", e.value());
    // the EU alone needs no NDC
    assertEquals(WorkOrderStatus.RELEASED, WorkOrder.create(1, LINE, GTIN, noNdc, LotNumber.of("L1"),
        ExpiryDate.of("281231"), 5, List.of(Market.EU), "qa", true, NOW).status());
  }

  @Test
  void runsPausesResumesAndRefusesWhatItsStateForbids() {
    // given
    WorkOrder wo = running(50);
    assertEquals(WorkOrderStatus.RUNNING, wo.status());
    assertThrows(WorkOrderException.class, () -> wo.release("qa", NOW));
    assertThrows(WorkOrderException.class, () -> wo.resume(0));

    // when / then
    wo.pause();
    assertEquals(WorkOrderStatus.PAUSED, wo.status());
    assertThrows(WorkOrderException.class, wo::pause);
    wo.resume(0);
    assertEquals(WorkOrderStatus.RUNNING, wo.status());
  }

  @Test
  @Tag("LINE-3")
  void aStoppedOrderResumesOnlyOnceItsStoppingExceptionsAreResolved() {
    // given
    WorkOrder wo = running(50);
    assertTrue(wo.stopByException());
    assertEquals(WorkOrderStatus.STOPPED_BY_EXCEPTION, wo.status());
    assertFalse(wo.stopByException());

    // when / then
    WorkOrderException e = assertThrows(WorkOrderException.class, () -> wo.resume(1));
    assertEquals("open-exceptions", e.code());
    wo.resume(0);
    assertEquals(WorkOrderStatus.RUNNING, wo.status());
  }

  @Test
  void closingARunningOrderPausesItFirstAndNeedsABalancedReconciliation() {
    // given
    WorkOrder wo = running(50);
    wo.recordAllocation(10);
    wo.recordSent(8);
    Reconciliation open = Reconciliation.of(Map.of(UnitStatus.GOOD, 5, UnitStatus.PRINTED, 3, UnitStatus.ALLOCATED, 2));

    // when the units are not settled / then nothing changes
    assertThrows(IllegalStateException.class, () -> wo.close("qa", NOW, open));
    assertEquals(WorkOrderStatus.PAUSED, wo.status());

    // when they are
    Reconciliation settled = Reconciliation.of(Map.of(UnitStatus.GOOD, 5, UnitStatus.DESTROYED, 3, UnitStatus.UNUSED, 2));
    wo.close("qa", NOW, settled);

    // then
    assertEquals(WorkOrderStatus.CLOSED, wo.status());
    assertEquals("qa", wo.closedBy());
    assertThrows(WorkOrderException.class, () -> wo.close("qa", NOW, settled));
    assertThrows(WorkOrderException.class, () -> wo.resume(0));
  }

  @Test
  void closeRefusesAReconciliationThatMissesDrawnSerials() {
    WorkOrder wo = running(50);
    wo.recordAllocation(10);
    Reconciliation missing = Reconciliation.of(Map.of(UnitStatus.UNUSED, 9));
    assertThrows(IllegalStateException.class, () -> wo.close("qa", NOW, missing));
  }

  @Test
  @Tag("LINE-4")
  void sendsLabelsToFillTheWindowButNeverBeyondTheGoodUnitsStillMissing() {
    WorkOrder wo = running(50);
    assertEquals(16, wo.labelsToSend(0, 0, 16));
    assertEquals(1, wo.labelsToSend(15, 0, 16));
    assertEquals(0, wo.labelsToSend(16, 0, 16));
    assertEquals(6, wo.labelsToSend(10, 34, 16));
    assertEquals(0, wo.labelsToSend(0, 50, 16));
    wo.pause();
    assertEquals(0, wo.labelsToSend(0, 0, 16));
  }

  @Test
  void drawsSerialsInBlocksUpToTheQuantityThenInSmallChunks() {
    WorkOrder wo = running(2500);
    assertEquals(1000, wo.serialsToDraw(16, 1000));
    wo.recordAllocation(1000);
    wo.recordSent(16);
    assertEquals(0, wo.serialsToDraw(16, 1000));
    wo.recordSent(984);
    assertEquals(1000, wo.serialsToDraw(16, 1000));
    wo.recordAllocation(1000);
    wo.recordSent(1000);
    assertEquals(500, wo.serialsToDraw(16, 1000));
    wo.recordAllocation(500);
    wo.recordSent(500);
    // beyond the quantity (replacing rejects): a hundredth of it
    assertEquals(25, wo.serialsToDraw(3, 1000));
    assertEquals(40, wo.serialsToDraw(40, 1000));
    assertThrows(IllegalStateException.class, () -> wo.recordSent(1));
  }
}
