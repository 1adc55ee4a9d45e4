package org.custodia.epcis.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * An event as read from a capture document, reduced to what the repository indexes; {@code document} is
 * the event's JSON exactly as it arrived, kept verbatim. {@code epcsByRole} holds the identifiers of each
 * role the query parameters distinguish: EPC (epcList), CHILD (childEPCs), PARENT (parentID), INPUT and
 * OUTPUT (transformations), and CLASS, CHILD_CLASS, INPUT_CLASS, OUTPUT_CLASS for quantity elements.
 * bizStep, disposition and the types of business transactions, sources and destinations are the CBV short
 * names for standard values and the full URI for user vocabularies. {@code fields} are the values the
 * flexible query parameters ask for (extension fields, ILMD, sensor data, error declaration, ...), and
 * {@code namespaces} the prefixes the event's extension field names were expanded with. {@code
 * errorDeclaration} is true for an error declaration: the same eventID as the event it declares
 * erroneous, with an errorDeclaration element (EPCIS 2.0 section 7.4.1.2); it is stored beside that
 * event, never instead of it.
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
    Map<String, List<String>> epcsByRole,
    List<TypedValue> bizTransactions,
    List<TypedValue> sources,
    List<TypedValue> destinations,
    String lot,
    String expiry,
    String document,
    List<IndexedField> fields,
    Map<String, String> namespaces,
    boolean errorDeclaration) {

  /** A value with its CBV type, e.g. a business transaction {@code po} → {@code urn:epcglobal:cbv:bt:...}. */
  public record TypedValue(String type, String value) {}

  public StoredEvent {
    epcsByRole = Map.copyOf(epcsByRole);
    bizTransactions = List.copyOf(bizTransactions);
    sources = List.copyOf(sources);
    destinations = List.copyOf(destinations);
    fields = List.copyOf(fields);
    namespaces = Map.copyOf(namespaces);
  }

  /** The epcList (ObjectEvent) or childEPCs-free EPCs of the event. */
  public List<String> epcs() {
    return epcsByRole.getOrDefault("EPC", List.of());
  }

  /** The childEPCs of an aggregation, transaction or association event. */
  public List<String> childEpcs() {
    return epcsByRole.getOrDefault("CHILD", List.of());
  }

  /** The outputEPCList of a transformation event. */
  public List<String> outputEpcs() {
    return epcsByRole.getOrDefault("OUTPUT", List.of());
  }

  /** The first destination of the given CBV type ({@code owning_party}, {@code location}...), or null. */
  public String destination(String type) {
    return destinations.stream().filter(d -> d.type().equals(type)).map(TypedValue::value).findFirst().orElse(null);
  }

  public String parentId() {
    List<String> p = epcsByRole.getOrDefault("PARENT", List.of());
    return p.isEmpty() ? null : p.get(0);
  }
}
