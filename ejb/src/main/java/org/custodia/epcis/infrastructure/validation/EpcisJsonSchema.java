package org.custodia.epcis.infrastructure.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validation against the GS1 EPCIS 2.0 JSON schema (draft-07), bundled in {@code
 * org/custodia/epcis/json/} so that no capture waits on, or trusts, a download. Two entry points: a
 * whole capture document, and a single event as a streaming reader hands it over; the latter uses
 * the schema's own {@code EPCIS-Document-Event} definition (the event rules without the
 * document-level demand for an {@code @context}), so an event is checked the same way in both.
 *
 * <p>The compiled schemas are immutable and thread-safe; build one instance and share it.
 */
public final class EpcisJsonSchema {

  static final String SCHEMA_ID = "https://gs1.github.io/EPCIS/EPCIS-JSON-Schema.json";

  private static final Pattern EVENT_INDEX = Pattern.compile("eventList\\[(\\d+)]");

  private final ObjectMapper mapper = new ObjectMapper();
  private final JsonSchema document;
  private final JsonSchema event;

  public EpcisJsonSchema() {
    JsonSchemaFactory factory =
        JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V7,
            b ->
                b.schemaMappers(
                    m ->
                        m.mapPrefix(
                            "https://gs1.github.io/EPCIS/", "classpath:org/custodia/epcis/json/")));
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_PATH)
            .formatAssertionsEnabled(true)
            .build();
    document = factory.getSchema(SchemaLocation.of(SCHEMA_ID), config);
    event =
        factory.getSchema(
            SchemaLocation.of(SCHEMA_ID + "#/definitions/EPCIS-Document-Event"), config);
    document.initializeValidators();
    event.initializeValidators();
  }

  /** The schema violations of a capture document (or query document) given as JSON text. */
  public List<Violation> validateDocument(String json) {
    JsonNode node = parse(json);
    if (node == null) {
      return List.of(notJson());
    }
    List<Violation> out = new ArrayList<>();
    for (ValidationMessage m : sorted(document.validate(node))) {
      String path = m.getInstanceLocation().toString();
      Matcher idx = EVENT_INDEX.matcher(path);
      int index = -1;
      String eventId = null;
      if (idx.find()) {
        index = Integer.parseInt(idx.group(1));
        JsonNode e = eventAt(node, index);
        eventId = e != null && e.hasNonNull("eventID") ? e.get("eventID").asText() : null;
        path = "$" + path.substring(idx.end());
      }
      out.add(violation(index, eventId, path, m));
    }
    return out;
  }

  /** The schema violations of one event, given as JSON text, at {@code index} of its document. */
  public List<Violation> validateEvent(String json, int index) {
    JsonNode node = parse(json);
    if (node == null) {
      return List.of(notJson());
    }
    String eventId = node.hasNonNull("eventID") ? node.get("eventID").asText() : null;
    List<Violation> out = new ArrayList<>();
    for (ValidationMessage m : sorted(event.validate(node))) {
      out.add(violation(index, eventId, m.getInstanceLocation().toString(), m));
    }
    return out;
  }

  private static Violation violation(int index, String eventId, String path, ValidationMessage m) {
    JsonNode value = m.getInstanceNode();
    String text = value == null ? null : value.isTextual() ? value.asText() : value.toString();
    if (text != null && text.length() > 200) {
      text = text.substring(0, 200) + "…";
    }
    return new Violation(index, eventId, path, text, Rule.SCHEMA, m.getMessage());
  }

  private static List<ValidationMessage> sorted(Set<ValidationMessage> messages) {
    List<ValidationMessage> list = new ArrayList<>(messages);
    list.sort(
        Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
            .thenComparing(ValidationMessage::getMessage));
    return list;
  }

  private static JsonNode eventAt(JsonNode doc, int index) {
    JsonNode body = doc.path("epcisBody");
    JsonNode list =
        body.has("eventList")
            ? body.get("eventList")
            : body.path("queryResults").path("resultsBody").path("eventList");
    return list.isArray() && index < list.size() ? list.get(index) : null;
  }

  private JsonNode parse(String json) {
    try {
      return mapper.readTree(json);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static Violation notJson() {
    return new Violation(
        -1, null, "$", null, Rule.SCHEMA, "$: the capture is not well-formed JSON");
  }
}
