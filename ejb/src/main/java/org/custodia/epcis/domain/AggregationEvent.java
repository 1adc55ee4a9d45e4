package org.custodia.epcis.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * An EPCIS 2.0 AggregationEvent as our own features produce it (packing at the line): the parent (an SSCC
 * EPC URI) and the children it gained or lost. bizStep and disposition are CBV short names ({@code
 * packing}, {@code in_progress}) that EPCIS 2.0 JSON-LD allows.
 */
public record AggregationEvent(
    String eventId,
    OffsetDateTime eventTime,
    String parentId,
    List<String> childEpcs,
    String action,
    String bizStep,
    String disposition,
    String readPoint,
    String bizLocation) {

  public AggregationEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(eventTime, "eventTime");
    Objects.requireNonNull(action, "action");
    childEpcs = List.copyOf(childEpcs);
  }
}
