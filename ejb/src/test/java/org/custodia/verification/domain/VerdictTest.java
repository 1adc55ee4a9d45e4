package org.custodia.verification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.custodia.gs1.ExpiryDate;
import org.custodia.gs1.Gtin;
import org.custodia.gs1.LotNumber;
import org.custodia.gs1.SerialNumber;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The verification rules (VER-1) and their GS1 lightweight messaging codes (VER-2). */
class VerdictTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
  private static final String EPC = "urn:epc:id:sgtin:9506000.013435.SN1";

  private static VerificationRequest request(String lot, String exp) {
    return new VerificationRequest(Gtin.of("09506000134352"), SerialNumber.of("SN1"),
        lot == null ? null : LotNumber.of(lot), exp == null ? null : ExpiryDate.of(exp));
  }

  private static KnownUnit unit(String status) {
    return new KnownUnit(EPC, "LOT1", LocalDate.of(2028, 12, 31), status);
  }

  @Test
  @Tag("VER-1")
  void verifiesAnActiveUnitWhoseLotAndExpiryMatch() {
    // when
    Verdict v = Verdict.decide(request("LOT1", "281231"), unit("active"), true, TODAY);

    // then
    assertTrue(v.verified());
    assertNull(v.reason());
    assertEquals(EPC, v.epc());
    assertEquals("active", v.status());
  }

  @Test
  @Tag("VER-1")
  void anUnknownSerialOfOurGtinFailsAsUnknownSerial() {
    Verdict v = Verdict.decide(request("LOT1", "281231"), null, true, TODAY);
    assertFalse(v.verified());
    assertEquals(Reason.UNKNOWN_SERIAL, v.reason());
    assertNull(v.epc());
  }

  @Test
  @Tag("VER-1")
  void aGtinNobodyKnowsFailsAsUnknownGtin() {
    Verdict v = Verdict.decide(request("LOT1", "281231"), null, false, TODAY);
    assertEquals(Reason.UNKNOWN_GTIN, v.reason());
  }

  @Test
  @Tag("VER-1")
  void aWrongLotAWrongExpiryOrBothFailWithTheirOwnReason() {
    assertEquals(Reason.LOT_MISMATCH, Verdict.decide(request("LOT2", "281231"), unit("active"), true, TODAY).reason());
    assertEquals(Reason.EXPIRY_MISMATCH, Verdict.decide(request("LOT1", "281130"), unit("active"), true, TODAY).reason());
    assertEquals(Reason.LOT_AND_EXPIRY_MISMATCH,
        Verdict.decide(request("LOT2", "281130"), unit("active"), true, TODAY).reason());
  }

  @Test
  @Tag("VER-1")
  void anExpiryWithDayZeroMeansTheLastDayOfTheMonth() {
    // GS1: day 00 is the end of the month, 2028-12-31 here
    assertTrue(Verdict.decide(request("LOT1", "281200"), unit("active"), true, TODAY).verified());
  }

  @Test
  @Tag("VER-1")
  void aMismatchWinsOverTheUnitsState() {
    assertEquals(Reason.LOT_MISMATCH, Verdict.decide(request("LOT2", null), unit("recalled"), true, TODAY).reason());
  }

  @Test
  @Tag("VER-1")
  void decommissionedRecalledAndExpiredUnitsFail() {
    for (String s : new String[] {"decommissioned", "destroyed", "dispensed", "stolen", "retail_sold"}) {
      assertEquals(Reason.DECOMMISSIONED, Verdict.decide(request("LOT1", "281231"), unit(s), true, TODAY).reason(), s);
    }
    assertEquals(Reason.RECALLED, Verdict.decide(request("LOT1", null), unit("recalled"), true, TODAY).reason());
    assertEquals(Reason.EXPIRED, Verdict.decide(request(null, null), unit("expired"), true, TODAY).reason());
    KnownUnit old = new KnownUnit(EPC, "LOT1", LocalDate.of(2026, 11, 26), "active");
    assertEquals(Reason.EXPIRED, Verdict.decide(request("LOT1", "261126"), old, true, TODAY).reason());
  }

  @Test
  @Tag("VER-1")
  void aUnitExpiringTodayIsStillValidAndAnAbsentLotOrExpiryIsNotCompared() {
    KnownUnit today = new KnownUnit(EPC, "LOT1", TODAY, "in_transit");
    assertTrue(Verdict.decide(request("LOT1", "261127"), today, true, TODAY).verified());
    assertTrue(Verdict.decide(request(null, null), unit("sellable_accessible"), true, TODAY).verified());
  }

  @Test
  @Tag("VER-2")
  void eachReasonHasItsLightweightMessagingFailureCode() {
    assertEquals("No_match_GTIN_Serial", Reason.UNKNOWN_SERIAL.vrsFailureReason());
    assertEquals("No_match_GTIN_Serial", Reason.UNKNOWN_GTIN.vrsFailureReason());
    assertEquals("No_match_GTIN_Serial_Lot", Reason.LOT_MISMATCH.vrsFailureReason());
    assertEquals("No_match_GTIN_Serial_Expiry", Reason.EXPIRY_MISMATCH.vrsFailureReason());
    assertEquals("No_match_GTIN_Serial_Lot_Expiry", Reason.LOT_AND_EXPIRY_MISMATCH.vrsFailureReason());
    assertEquals("No_reason_provided", Reason.DECOMMISSIONED.vrsFailureReason());
    assertEquals("No_reason_provided", Reason.RECALLED.vrsFailureReason());
    assertEquals("Recalled", Reason.RECALLED.vrsAdditionalInfo());
    assertEquals("Expired", Reason.EXPIRED.vrsAdditionalInfo());
    assertNull(Reason.LOT_MISMATCH.vrsAdditionalInfo());
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"supplied", "destroyed", "stolen", "sample", "free_sample",
      "locked", "exported", "checked_out"})
  @Tag("VER-1")
  @Tag("LIFE-2")
  void aPackInAnyDecommissionedStateFailsAsDecommissionedWithItsState(String state) {
    Verdict v = Verdict.decide(request("LOT1", "281231"), unit(state), true, TODAY);
    assertFalse(v.verified());
    assertEquals(Reason.DECOMMISSIONED, v.reason());
    assertEquals(state, v.status());
  }

  @Test
  @Tag("VER-1")
  @Tag("LIFE-2")
  void aPackOfAWithdrawnBatchFailsAsRecalledWithStatusWithdrawn() {
    Verdict v = Verdict.decide(request("LOT1", "281231"), unit("withdrawn"), true, TODAY);
    assertFalse(v.verified());
    assertEquals(Reason.RECALLED, v.reason());
    assertEquals("withdrawn", v.status());
    assertEquals("Recalled", v.reason().vrsAdditionalInfo());
  }
}
