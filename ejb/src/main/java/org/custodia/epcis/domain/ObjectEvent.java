package org.custodia.epcis.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * An EPCIS 2.0 ObjectEvent as our own features produce it (commissioning, decommissioning, ...). The
 * {@code ilmd} map holds namespaced keys such as {@code cbvmda:lotNumber}; bizStep and disposition are the
 * CBV short names ({@code commissioning}, {@code active}) that EPCIS 2.0 JSON-LD allows.
 */
public record ObjectEvent(
    String eventId,
    OffsetDateTime eventTime,
    List<String> epcList,
    String action,
    String bizStep,
    String disposition,
    String readPoint,
    String bizLocation,
    Map<String, String> ilmd) {

  public ObjectEvent {
    epcList = List.copyOf(epcList);
    ilmd = Map.copyOf(ilmd);
  }
}
