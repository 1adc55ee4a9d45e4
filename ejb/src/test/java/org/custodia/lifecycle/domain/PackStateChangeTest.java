package org.custodia.lifecycle.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.custodia.lifecycle.domain.PackStateChange.Actor;
import org.custodia.lifecycle.domain.PackStateChange.Outcome;
import org.custodia.lifecycle.domain.PackStateChange.Pack;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The pack state rules of LIFE-2 with the EU FMD semantics, each allowed and each refused transition. */
@Tag("LIFE-2")
class PackStateChangeTest {

  private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");
  private static final String PHARMACY = "9506000000039";
  private static final String PHARMACY_SITE = "9506000000046";
  private static final String WHOLESALER = "9506000000022";
  private static final Actor AT_PHARMACY = new Actor(PHARMACY, PHARMACY_SITE, T0);

  private static Pack active(BatchState batch) {
    return new Pack(PackState.ACTIVE, null, batch);
  }

  private static Pack decommissioned(PackState state, BatchState batch) {
    return new Pack(state, AT_PHARMACY, batch);
  }

  @ParameterizedTest
  @EnumSource(value = PackState.class, names = "ACTIVE", mode = EnumSource.Mode.EXCLUDE)
  void anActivePackOfAReleasedBatchCanBeDecommissionedForEveryReason(PackState target) {
    Outcome o = PackStateChange.decommission(active(BatchState.RELEASED), target);
    assertTrue(o.allowed(), o.detail());
    assertEquals(target, o.state());
  }

  @Test
  void aDecommissionedPackCannotBeDecommissionedAgain() {
    Outcome o = PackStateChange.decommission(decommissioned(PackState.SUPPLIED, BatchState.RELEASED), PackState.DESTROYED);
    assertFalse(o.allowed());
    assertEquals(Refusal.PACK_INACTIVE, o.refusal());
    assertEquals("NMVS_NC_PCK_22", o.refusal().nmvsCode());
    assertEquals("the pack is already inactive (supplied)", o.detail());
  }

  @Test
  void theSameStateTwiceIsRefusedAsAlreadySet() {
    Outcome o = PackStateChange.decommission(decommissioned(PackState.LOCKED, BatchState.RELEASED), PackState.LOCKED);
    assertEquals(Refusal.STATUS_ALREADY_SET, o.refusal());
    assertEquals("NMVS_NC_PCK_19", o.refusal().nmvsCode());
  }

  @ParameterizedTest
  @EnumSource(value = BatchState.class, names = "RELEASED", mode = EnumSource.Mode.EXCLUDE)
  void aPackOfAnExpiredRecalledOrWithdrawnBatchIsNotSuppliedButMayBeDestroyed(BatchState batch) {
    Outcome supplied = PackStateChange.decommission(active(batch), PackState.SUPPLIED);
    assertEquals(Refusal.BATCH_BLOCKED, supplied.refusal());
    assertTrue(supplied.detail().contains(batch.name().toLowerCase()), supplied.detail());
    assertEquals(PackState.DESTROYED, PackStateChange.decommission(active(batch), PackState.DESTROYED).state());
  }

  @Test
  void theSamePartyAtTheSameLocationUndoesWithinTenDays() {
    Actor later = new Actor(PHARMACY, PHARMACY_SITE, T0.plus(Duration.ofDays(10)));
    Outcome o = PackStateChange.undo(decommissioned(PackState.SUPPLIED, BatchState.RELEASED), PackState.SUPPLIED, later);
    assertTrue(o.allowed(), o.detail());
    assertEquals(PackState.ACTIVE, o.state());
    assertNull(o.refusal());
  }

  @Test
  void anUndoAfterTenDaysIsRefused() {
    Actor late = new Actor(PHARMACY, PHARMACY_SITE, T0.plus(Duration.ofDays(10)).plusSeconds(1));
    Outcome o = PackStateChange.undo(decommissioned(PackState.SUPPLIED, BatchState.RELEASED), PackState.SUPPLIED, late);
    assertEquals(Refusal.UNDO_TOO_LATE, o.refusal());
    assertEquals("NMVS_NC_PCK_20", o.refusal().nmvsCode());
  }

  @Test
  void anUndoByAnotherPartyOrAtAnotherLocationIsRefused() {
    Pack pack = decommissioned(PackState.FREE_SAMPLE, BatchState.RELEASED);
    Actor otherParty = new Actor(WHOLESALER, PHARMACY_SITE, T0.plusSeconds(60));
    Actor otherSite = new Actor(PHARMACY, "9506000000053", T0.plusSeconds(60));
    assertEquals(Refusal.UNDO_OTHER_PARTY, PackStateChange.undo(pack, PackState.FREE_SAMPLE, otherParty).refusal());
    Outcome o = PackStateChange.undo(pack, PackState.FREE_SAMPLE, otherSite);
    assertEquals(Refusal.UNDO_OTHER_PARTY, o.refusal());
    assertEquals("NMVS_NC_PCK_21", o.refusal().nmvsCode());
    assertEquals("the pack was decommissioned by 9506000000039 at 9506000000046; only they may undo it", o.detail());
  }

  @ParameterizedTest
  @EnumSource(value = PackState.class, names = {"DESTROYED", "STOLEN"})
  void destroyedAndStolenAreNeverUndone(PackState state) {
    Outcome o = PackStateChange.undo(decommissioned(state, BatchState.RELEASED), state, AT_PHARMACY);
    assertEquals(Refusal.UNDO_FINAL_STATE, o.refusal());
  }

  @ParameterizedTest
  @EnumSource(value = BatchState.class, names = "RELEASED", mode = EnumSource.Mode.EXCLUDE)
  void noUndoWhileTheBatchIsExpiredRecalledOrWithdrawn(BatchState batch) {
    Outcome o = PackStateChange.undo(decommissioned(PackState.SUPPLIED, batch), PackState.SUPPLIED, AT_PHARMACY);
    assertEquals(Refusal.BATCH_BLOCKED, o.refusal());
  }

  @Test
  void anUndoThatDoesNotMatchThePacksStateIsRefused() {
    Outcome o = PackStateChange.undo(decommissioned(PackState.EXPORTED, BatchState.RELEASED), PackState.SUPPLIED, AT_PHARMACY);
    assertEquals(Refusal.UNDO_STATUS_MISMATCH, o.refusal());
    assertEquals("NMVS_NC_PCK_06", o.refusal().nmvsCode());
    assertEquals("the undo is for supplied, but the pack is exported", o.detail());
    assertEquals(Refusal.UNDO_STATUS_MISMATCH,
        PackStateChange.undo(active(BatchState.RELEASED), PackState.LOCKED, AT_PHARMACY).refusal());
  }

  @Test
  void eachStateNamesTheCbvStepAndDispositionOfItsEvent() {
    assertEquals("dispensing", PackState.SUPPLIED.bizStep());
    assertEquals("dispensed", PackState.SUPPLIED.disposition());
    assertEquals("destroyed", PackState.DESTROYED.disposition());
    assertEquals("stolen", PackState.STOLEN.disposition());
    assertEquals("active", PackState.ACTIVE.disposition());
  }
}
