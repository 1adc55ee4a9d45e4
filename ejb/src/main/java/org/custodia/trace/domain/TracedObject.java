package org.custodia.trace.domain;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One serialized object (unit, case, pallet) as the current-state projection holds it.
 *
 * @param status the CBV short name of its last disposition ({@code active}, {@code in_transit}, {@code
 *     recalled}…)
 * @param parentEpc its direct container, or null
 * @param topParentEpc its outermost container, or null
 */
public record TracedObject(
    String epc,
    String gtin,
    String serial,
    String lot,
    LocalDate expiry,
    String status,
    String disposition,
    String bizLocation,
    String readPoint,
    String ownerParty,
    String parentEpc,
    String topParentEpc,
    OffsetDateTime lastEventTime)
    implements Serializable {

  /** Whether this is a logistic unit (SSCC) rather than a trade item. */
  public boolean isContainer() {
    return epc.startsWith("urn:epc:id:sscc:") || epc.contains("/00/");
  }

  /** Where it is: its business location, else the read point it was last seen at. */
  public String location() {
    return bizLocation != null ? bizLocation : readPoint;
  }

  /**
   * Where it is now when it travels inside {@code top}: a packed unit is not named by the shipping and
   * receiving events of its pallet, so the pallet's newer location and owner are the unit's own.
   */
  public String locationWithin(TracedObject top) {
    if (top != null && top.location() != null && newer(top)) {
      return top.location();
    }
    return location();
  }

  /** The owner now, inherited from {@code top} when that moved later (see {@link #locationWithin}). */
  public String ownerWithin(TracedObject top) {
    if (top != null && top.ownerParty() != null && newer(top)) {
      return top.ownerParty();
    }
    return ownerParty;
  }

  private boolean newer(TracedObject top) {
    return lastEventTime == null
        || top.lastEventTime() != null && top.lastEventTime().isAfter(lastEventTime);
  }
}
