package org.custodia.verification.domain;

import java.time.LocalDate;
import java.util.Set;

/**
 * The answer to a verification (VER-1): verified, or not with one reason. {@link #decide} holds the
 * rules, in this order: an unknown unit fails first (unknown GTIN when the GTIN is not ours or in the
 * product master, unknown serial otherwise: a unit never commissioned); then the printed lot and expiry
 * must match the commissioned ones (both wrong gives the combined reason); then the unit's state: a
 * decommissioned unit, a recalled one, and one past its expiry date (or in state {@code expired}) fail.
 *
 * @param verified true when the unit verified
 * @param reason why not, null when verified
 * @param status the unit's current status, null when the unit is not known
 * @param epc the unit's EPC, null when the unit is not known
 */
public record Verdict(boolean verified, Reason reason, String status, String epc) {

  /**
   * CBV dispositions (and our {@code decommissioned}) after which a unit is out of the supply chain, and the
   * decommissioned pack states of LIFE-2 ({@code supplied}, {@code sample}…).
   */
  static final Set<String> DECOMMISSIONED =
      Set.of("decommissioned", "destroyed", "dispensed", "partially_dispensed", "disposed", "retail_sold",
          "stolen", "inactive", "supplied", "sample", "free_sample", "locked", "exported", "checked_out");

  /** CBV dispositions of a recalled unit, and the batch states recalled and withdrawn (LIFE-2). */
  static final Set<String> RECALLED = Set.of("recalled", "withdrawn");

  /**
   * Decides a verification.
   *
   * @param request what was presented
   * @param unit the repository's knowledge of the unit, null when it has none
   * @param gtinKnown whether the GTIN is one of ours (known company prefix or in the product master)
   * @param today the date that decides whether the unit has expired
   */
  public static Verdict decide(VerificationRequest request, KnownUnit unit, boolean gtinKnown, LocalDate today) {
    if (unit == null) {
      return new Verdict(false, gtinKnown ? Reason.UNKNOWN_SERIAL : Reason.UNKNOWN_GTIN, null, null);
    }
    boolean lotWrong = request.lot() != null && unit.lot() != null && !unit.lot().equals(request.lot().value());
    boolean expiryWrong =
        request.expiry() != null && unit.expiry() != null && !unit.expiry().equals(request.expiry().toLocalDate());
    Reason reason = null;
    if (lotWrong && expiryWrong) {
      reason = Reason.LOT_AND_EXPIRY_MISMATCH;
    } else if (lotWrong) {
      reason = Reason.LOT_MISMATCH;
    } else if (expiryWrong) {
      reason = Reason.EXPIRY_MISMATCH;
    } else if (DECOMMISSIONED.contains(unit.status())) {
      reason = Reason.DECOMMISSIONED;
    } else if (RECALLED.contains(unit.status())) {
      reason = Reason.RECALLED;
    } else if ("expired".equals(unit.status()) || (unit.expiry() != null && unit.expiry().isBefore(today))) {
      reason = Reason.EXPIRED;
    }
    return new Verdict(reason == null, reason, unit.status(), unit.epc());
  }
}
