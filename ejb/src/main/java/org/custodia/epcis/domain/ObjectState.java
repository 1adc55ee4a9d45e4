package org.custodia.epcis.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The current state of one serialized object: the projection that answers "where is it now". {@code
 * parentEpc} is its direct container, {@code topParentEpc} the outermost one (the pallet of a unit in a
 * case on a pallet), both null when it is not packed; {@code ownerParty} the last owning party named as
 * destination.
 */
public record ObjectState(
    String epc,
    String gtin,
    String serial,
    String lot,
    LocalDate expiry,
    String status,
    String bizLocation,
    String readPoint,
    String parentEpc,
    String topParentEpc,
    String ownerParty,
    OffsetDateTime lastEventTime) {}
