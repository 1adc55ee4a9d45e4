package org.custodia.verification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.custodia.exceptions.domain.ExceptionType;
import org.custodia.exceptions.domain.Severity;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The verification anomaly rules (VER-3). */
@Tag("VER-3")
class AnomalyRulesTest {

  private static final OffsetDateTime T = OffsetDateTime.parse("2026-11-27T10:00:00Z");
  private static final String WHOLESALER = "9506000000022";
  private static final String PHARMACY = "9506000000039";
  private static final AnomalyRules RULES = new AnomalyRules(Duration.ofHours(1), Duration.ofHours(1), 3);

  private static VerificationRecord at(OffsetDateTime t, String gln, boolean ok, Reason reason) {
    return new VerificationRecord(t, "09506000134352", "SN1", gln, ok, reason);
  }

  private static List<ExceptionType> types(List<Anomaly> a) {
    return a.stream().map(Anomaly::type).toList();
  }

  @Test
  void aNeverCommissionedUnitIsASuspectProduct() {
    // when
    List<Anomaly> a = RULES.judge(at(T, WHOLESALER, false, Reason.UNKNOWN_SERIAL), List.of(), 1);

    // then
    assertEquals(List.of(ExceptionType.SUSPECT_PRODUCT), types(a));
    assertEquals(Severity.HIGH, a.get(0).severity());
    assertTrue(a.get(0).detail().contains("never commissioned"), a.get(0).detail());
  }

  @Test
  void anInternalVerificationOfANeverCommissionedUnitIsASuspectProductToo() {
    assertEquals(List.of(ExceptionType.SUSPECT_PRODUCT),
        types(RULES.judge(at(T, null, false, Reason.UNKNOWN_SERIAL), List.of(), 0)));
  }

  @Test
  void anUnknownGtinIsNoSuspectProductOfOurs() {
    assertEquals(List.of(), types(RULES.judge(at(T, WHOLESALER, false, Reason.UNKNOWN_GTIN), List.of(), 1)));
  }

  @Test
  void aDecommissionedUnitPresentedForVerificationIsAnAnomaly() {
    assertEquals(List.of(ExceptionType.DECOMMISSIONED_UNIT_VERIFIED),
        types(RULES.judge(at(T, PHARMACY, false, Reason.DECOMMISSIONED), List.of(), 1)));
  }

  @Test
  void theSameSerialVerifiedByTwoRequestersWithinTheWindowConflicts() {
    // given the wholesaler verified it 30 minutes ago
    List<VerificationRecord> earlier = List.of(at(T.minusMinutes(30), WHOLESALER, true, null));

    // when the pharmacy verifies it now
    List<Anomaly> a = RULES.judge(at(T, PHARMACY, true, null), earlier, 0);

    // then
    assertEquals(List.of(ExceptionType.VERIFICATION_CONFLICT), types(a));
    assertTrue(a.get(0).detail().contains(WHOLESALER) && a.get(0).detail().contains(PHARMACY), a.get(0).detail());
  }

  @Test
  void noConflictOutsideTheWindowOrWithTheSameRequesterOrAnInternalUser() {
    assertEquals(List.of(), types(RULES.judge(at(T, PHARMACY, true, null),
        List.of(at(T.minusMinutes(61), WHOLESALER, true, null)), 0)));
    assertEquals(List.of(), types(RULES.judge(at(T, PHARMACY, true, null),
        List.of(at(T.minusMinutes(5), PHARMACY, true, null), at(T.minusMinutes(4), null, true, null)), 0)));
    assertEquals(List.of(), types(RULES.judge(at(T, null, true, null),
        List.of(at(T.minusMinutes(5), PHARMACY, true, null)), 0)));
  }

  @Test
  void repeatedFailuresOfOneRequesterRaiseOnceWhenTheThresholdIsReached() {
    VerificationRecord failed = at(T, WHOLESALER, false, Reason.LOT_MISMATCH);
    assertEquals(List.of(), types(RULES.judge(failed, List.of(), 2)));
    List<Anomaly> a = RULES.judge(failed, List.of(), 3);
    assertEquals(List.of(ExceptionType.REPEATED_VERIFICATION_FAILURE), types(a));
    assertEquals(Severity.MEDIUM, a.get(0).severity());
    assertEquals(List.of(), types(RULES.judge(failed, List.of(), 4)));
    assertEquals(List.of(), types(RULES.judge(at(T, WHOLESALER, true, null), List.of(), 3)));
  }

  @Test
  void theThresholdMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> new AnomalyRules(Duration.ZERO, Duration.ZERO, 0));
  }
}
