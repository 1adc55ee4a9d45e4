package org.custodia.epcis.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * An EPCIS 2.0 ObjectEvent as our own features produce it (commissioning, decommissioning, shipping,
 * ...). The {@code ilmd} map holds namespaced keys such as {@code cbvmda:lotNumber}; bizStep and
 * disposition are the CBV short names ({@code commissioning}, {@code active}) that EPCIS 2.0 JSON-LD
 * allows. The business transactions, sources and destinations are empty unless a feature names them
 * (shipping and receiving do).
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
    Map<String, String> ilmd,
    List<TypedId> bizTransactions,
    List<TypedId> sources,
    List<TypedId> destinations) {

  public ObjectEvent {
    epcList = List.copyOf(epcList);
    ilmd = Map.copyOf(ilmd);
    bizTransactions = bizTransactions == null ? List.of() : List.copyOf(bizTransactions);
    sources = sources == null ? List.of() : List.copyOf(sources);
    destinations = destinations == null ? List.of() : List.copyOf(destinations);
  }

  /** An event without business transactions, sources or destinations. */
  public ObjectEvent(
      String eventId,
      OffsetDateTime eventTime,
      List<String> epcList,
      String action,
      String bizStep,
      String disposition,
      String readPoint,
      String bizLocation,
      Map<String, String> ilmd) {
    this(eventId, eventTime, epcList, action, bizStep, disposition, readPoint, bizLocation, ilmd, List.of(),
        List.of(), List.of());
  }
}
