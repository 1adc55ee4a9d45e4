package org.custodia.trace.domain;

import java.io.Serializable;
import java.time.OffsetDateTime;

/**
 * One event in an object's history.
 *
 * @param role how the event names the object: {@code EPC}, {@code PARENT}, {@code CHILD}, {@code INPUT},
 *     {@code OUTPUT}…
 * @param erroneous true when the event was later declared erroneous
 * @param document the event as stored (EPCIS 2.0 JSON-LD)
 */
public record HistoryEntry(
    String eventId,
    String eventType,
    OffsetDateTime eventTime,
    String action,
    String bizStep,
    String disposition,
    String readPoint,
    String bizLocation,
    String role,
    boolean erroneous,
    String document)
    implements Serializable {}
