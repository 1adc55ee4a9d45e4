package org.custodia.verification.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.custodia.exceptions.domain.ExceptionType;
import org.custodia.exceptions.domain.Severity;

/**
 * The verification anomalies of VER-3, judged on one verification and the log before it:
 *
 * <ul>
 *   <li>a unit that was never commissioned (our GTIN, unknown serial) is a suspect product;
 *   <li>a decommissioned unit presented for verification;
 *   <li>the same serial verified by two different requesters within {@code conflictWindow}: one unit
 *       cannot be in two partners' hands at once, so one of the two packs is a copy;
 *   <li>a requester whose failed verifications within {@code failureWindow} reach {@code
 *       failureThreshold} (raised once, when the count reaches the threshold, not for every later one).
 * </ul>
 *
 * @param conflictWindow how far back another requester's verification of the same serial conflicts
 * @param failureWindow how far back a requester's failures count
 * @param failureThreshold how many failures in the window make an anomaly, at least 1
 */
public record AnomalyRules(Duration conflictWindow, Duration failureWindow, int failureThreshold) {

  public AnomalyRules {
    Objects.requireNonNull(conflictWindow, "conflictWindow");
    Objects.requireNonNull(failureWindow, "failureWindow");
    if (failureThreshold < 1) {
      throw new IllegalArgumentException("failureThreshold must be at least 1, was " + failureThreshold);
    }
  }

  /**
   * The anomalies of {@code current}.
   *
   * @param current the verification just decided
   * @param earlierOfUnit earlier verifications of the same GTIN and serial (any age; older ones than the
   *     window are ignored); for the conflict rule, the first within the window by another requester is enough
   * @param requesterFailures the requester's failed verifications within {@link #failureWindow}, the
   *     current one included when it failed
   */
  public List<Anomaly> judge(VerificationRecord current, List<VerificationRecord> earlierOfUnit, int requesterFailures) {
    List<Anomaly> out = new ArrayList<>();
    String unit = "GTIN " + current.gtin() + " serial " + current.serial();
    String who = current.requesterGln() == null ? "an internal user" : "requester GLN " + current.requesterGln();
    if (current.reason() == Reason.UNKNOWN_SERIAL) {
      out.add(new Anomaly(ExceptionType.SUSPECT_PRODUCT, Severity.HIGH,
          unit + " was never commissioned but was presented for verification by " + who));
    }
    if (current.reason() == Reason.DECOMMISSIONED) {
      out.add(new Anomaly(ExceptionType.DECOMMISSIONED_UNIT_VERIFIED, Severity.HIGH,
          unit + " is decommissioned but was presented for verification by " + who));
    }
    if (current.requesterGln() != null) {
      earlierOfUnit.stream()
          .filter(e -> e.requesterGln() != null && !e.requesterGln().equals(current.requesterGln()))
          .filter(e -> !e.at().isBefore(current.at().minus(conflictWindow)) && !e.at().isAfter(current.at()))
          .findFirst()
          .ifPresent(e -> out.add(new Anomaly(ExceptionType.VERIFICATION_CONFLICT, Severity.HIGH,
              unit + " was verified by requester GLN " + e.requesterGln() + " at " + e.at() + " and by "
                  + current.requesterGln() + " at " + current.at() + ", within " + conflictWindow
                  + ": one unit cannot be with both")));
      if (!current.verified() && requesterFailures == failureThreshold) {
        out.add(new Anomaly(ExceptionType.REPEATED_VERIFICATION_FAILURE, Severity.MEDIUM,
            "requester GLN " + current.requesterGln() + " has had " + requesterFailures
                + " failed verifications within " + failureWindow + ", the last for " + unit));
      }
    }
    return out;
  }
}
