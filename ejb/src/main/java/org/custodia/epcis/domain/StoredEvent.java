package org.custodia.epcis.domain;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An event as read from a capture document, reduced to what the repository indexes; {@code document} is
 * the event's JSON exactly as it arrived, kept verbatim.
 */
public record StoredEvent(
    String eventId,
    String eventType,
    OffsetDateTime eventTime,
    String eventTimeZoneOffset,
    String action,
    String bizStep,
    String disposition,
    String readPoint,
    String bizLocation,
    List<String> epcs,
    String parentId,
    String lot,
    String expiry,
    String document) {}
