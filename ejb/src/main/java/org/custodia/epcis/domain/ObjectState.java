package org.custodia.epcis.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The current state of one serialized object: the projection that answers "where is it now". */
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
    OffsetDateTime lastEventTime) {}
