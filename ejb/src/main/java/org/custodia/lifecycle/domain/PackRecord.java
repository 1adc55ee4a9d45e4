package org.custodia.lifecycle.domain;

import java.time.OffsetDateTime;

/**
 * A pack's stored state (LIFE-2): the last change of its state, for which party, at which location, when,
 * by which user, and the EPCIS event that recorded it.
 *
 * @param gtin the pack's GTIN (14 digits)
 * @param serial its serial
 * @param epc the EPC its events name it by
 * @param state its state after the change
 * @param partyGln the party that made the change
 * @param locationGln where
 * @param changedAt when
 * @param changedBy the user
 * @param eventId the EPCIS event of the change
 */
public record PackRecord(
    String gtin,
    String serial,
    String epc,
    PackState state,
    String partyGln,
    String locationGln,
    OffsetDateTime changedAt,
    String changedBy,
    String eventId) {

  /** The decommissioning as the rules need it (null while active). */
  public PackStateChange.Actor actor() {
    return state.decommissioned() ? new PackStateChange.Actor(partyGln, locationGln, changedAt.toInstant()) : null;
  }
}
