package org.custodia.epcis.infrastructure.json;

import org.custodia.platform.Jsonp;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.custodia.epcis.domain.AggregationEvent;
import org.custodia.epcis.domain.ObjectEvent;
import org.custodia.epcis.domain.StoredEvent;
import org.custodia.epcis.domain.TransactionEvent;
import org.custodia.epcis.domain.TypedId;

/**
 * EPCIS 2.0 JSON-LD: writes our events as a capture document, and reads a capture document into the
 * indexed view the repository stores. The reader is the first cut of the capture path; full validation
 * against the GS1 schema and CBV comes with the EPCIS repository work.
 */
public final class EpcisJson {

  public static final String CONTEXT = "https://ref.gs1.org/standards/epcis/epcis-context.jsonld";

  private EpcisJson() {}

  /** An EPCISDocument holding {@code events}. */
  public static String document(List<ObjectEvent> events, OffsetDateTime creationDate) {
    JsonArrayBuilder list = Jsonp.JSON.createArrayBuilder();
    events.forEach(e -> list.add(toJson(e)));
    return document(list, creationDate);
  }

  /** An EPCISDocument holding AggregationEvents. */
  public static String aggregationDocument(List<AggregationEvent> events, OffsetDateTime creationDate) {
    JsonArrayBuilder list = Jsonp.JSON.createArrayBuilder();
    events.forEach(e -> list.add(toJson(e)));
    return document(list, creationDate);
  }

  /** An EPCISDocument holding TransactionEvents. */
  public static String transactionDocument(List<TransactionEvent> events, OffsetDateTime creationDate) {
    JsonArrayBuilder list = Jsonp.JSON.createArrayBuilder();
    events.forEach(e -> list.add(toJson(e)));
    return document(list, creationDate);
  }

  private static String document(JsonArrayBuilder list, OffsetDateTime creationDate) {
    return Jsonp.JSON.createObjectBuilder()
        .add("@context", Jsonp.JSON.createArrayBuilder().add(CONTEXT))
        .add("type", "EPCISDocument")
        .add("schemaVersion", "2.0")
        .add("creationDate", creationDate.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
        .add("epcisBody", Jsonp.JSON.createObjectBuilder().add("eventList", list))
        .build()
        .toString();
  }

  static JsonObject toJson(ObjectEvent e) {
    JsonArrayBuilder epcs = Jsonp.JSON.createArrayBuilder();
    e.epcList().forEach(epcs::add);
    JsonObjectBuilder b = header("ObjectEvent", e.eventId(), e.eventTime()).add("epcList", epcs)
        .add("action", e.action());
    context(b, e.bizStep(), e.disposition(), e.readPoint(), e.bizLocation());
    typedLists(b, e.bizTransactions(), e.sources(), e.destinations());
    if (!e.ilmd().isEmpty()) {
      JsonObjectBuilder ilmd = Jsonp.JSON.createObjectBuilder();
      new TreeMap<>(e.ilmd()).forEach(ilmd::add);
      b.add("ilmd", ilmd);
    }
    return b.build();
  }

  static JsonObject toJson(AggregationEvent e) {
    JsonArrayBuilder children = Jsonp.JSON.createArrayBuilder();
    e.childEpcs().forEach(children::add);
    JsonObjectBuilder b = header("AggregationEvent", e.eventId(), e.eventTime());
    if (e.parentId() != null) {
      b.add("parentID", e.parentId());
    }
    b.add("childEPCs", children).add("action", e.action());
    context(b, e.bizStep(), e.disposition(), e.readPoint(), e.bizLocation());
    return b.build();
  }

  static JsonObject toJson(TransactionEvent e) {
    JsonObjectBuilder b = header("TransactionEvent", e.eventId(), e.eventTime());
    b.add("bizTransactionList", typed(e.bizTransactions(), "bizTransaction"));
    if (e.parentId() != null) {
      b.add("parentID", e.parentId());
    }
    JsonArrayBuilder epcs = Jsonp.JSON.createArrayBuilder();
    e.epcList().forEach(epcs::add);
    b.add("epcList", epcs).add("action", e.action());
    context(b, e.bizStep(), e.disposition(), e.readPoint(), e.bizLocation());
    typedLists(b, List.of(), e.sources(), e.destinations());
    return b.build();
  }

  /** bizTransactionList, sourceList and destinationList, each when not empty, in the schema's order. */
  private static void typedLists(JsonObjectBuilder b, List<TypedId> bizTransactions, List<TypedId> sources,
      List<TypedId> destinations) {
    if (!bizTransactions.isEmpty()) {
      b.add("bizTransactionList", typed(bizTransactions, "bizTransaction"));
    }
    if (!sources.isEmpty()) {
      b.add("sourceList", typed(sources, "source"));
    }
    if (!destinations.isEmpty()) {
      b.add("destinationList", typed(destinations, "destination"));
    }
  }

  private static JsonArrayBuilder typed(List<TypedId> values, String valueKey) {
    JsonArrayBuilder a = Jsonp.JSON.createArrayBuilder();
    values.forEach(v -> a.add(Jsonp.JSON.createObjectBuilder().add("type", v.type()).add(valueKey, v.id())));
    return a;
  }

  /** type, eventID, eventTime and its offset: what every event starts with. */
  private static JsonObjectBuilder header(String type, String eventId, java.time.OffsetDateTime eventTime) {
    return Jsonp.JSON.createObjectBuilder()
        .add("type", type)
        .add("eventID", eventId)
        .add("eventTime", eventTime.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
        .add("eventTimeZoneOffset", eventTime.getOffset().getId().replace("Z", "+00:00"));
  }

  /** bizStep, disposition, readPoint and bizLocation, each when present. */
  private static void context(JsonObjectBuilder b, String bizStep, String disposition, String readPoint,
      String bizLocation) {
    if (bizStep != null) {
      b.add("bizStep", bizStep);
    }
    if (disposition != null) {
      b.add("disposition", disposition);
    }
    if (readPoint != null) {
      b.add("readPoint", Jsonp.JSON.createObjectBuilder().add("id", readPoint));
    }
    if (bizLocation != null) {
      b.add("bizLocation", Jsonp.JSON.createObjectBuilder().add("id", bizLocation));
    }
  }

  /** The events of a capture document, or an {@link IllegalArgumentException} naming what is wrong. */
  public static List<StoredEvent> read(String document) {
    JsonObject root;
    try (JsonReader r = Jsonp.JSON.createReader(new StringReader(document))) {
      root = r.readObject();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("the capture document is not a JSON object: " + e.getMessage(), e);
    }
    JsonObject body = root.getJsonObject("epcisBody");
    if (body == null || !(body.get("eventList") instanceof JsonArray list)) {
      throw new IllegalArgumentException("the capture document has no epcisBody.eventList");
    }
    List<StoredEvent> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      out.add(readEvent(list.getJsonObject(i), i));
    }
    return out;
  }

  /** The indexed view of one JSON-LD event; {@code index} is its position in the document, for messages. */
  public static StoredEvent toStored(JsonObject e, int index) {
    return readEvent(e, index);
  }

  private static StoredEvent readEvent(JsonObject e, int index) {
    String type = text(e, "type");
    String eventId = text(e, "eventID");
    String time = text(e, "eventTime");
    if (type == null || eventId == null || time == null) {
      throw new IllegalArgumentException(
          "event " + index + " lacks one of type, eventID, eventTime (eventID " + eventId + ")");
    }
    OffsetDateTime eventTime;
    try {
      eventTime = OffsetDateTime.parse(time);
    } catch (DateTimeParseException ex) {
      throw new IllegalArgumentException("event " + index + " (" + eventId + "): eventTime \"" + time + "\" is not an ISO 8601 date-time with offset", ex);
    }
    Map<String, List<String>> roles = new LinkedHashMap<>();
    collect(e, "epcList", "EPC", roles);
    collect(e, "childEPCs", "CHILD", roles);
    collect(e, "inputEPCList", "INPUT", roles);
    collect(e, "outputEPCList", "OUTPUT", roles);
    if (text(e, "parentID") != null) {
      roles.put("PARENT", List.of(text(e, "parentID")));
    }
    classes(e, "quantityList", "CLASS", roles);
    classes(e, "childQuantityList", "CHILD_CLASS", roles);
    classes(e, "inputQuantityList", "INPUT_CLASS", roles);
    classes(e, "outputQuantityList", "OUTPUT_CLASS", roles);
    String lot = null;
    String expiry = null;
    if (e.get("ilmd") instanceof JsonObject ilmd) {
      lot = text(ilmd, "cbvmda:lotNumber");
      expiry = text(ilmd, "cbvmda:itemExpirationDate");
    }
    EventFieldWalk.Result fields = EventFieldWalk.of(e);
    return new StoredEvent(
        eventId,
        type,
        eventTime,
        text(e, "eventTimeZoneOffset"),
        text(e, "action"),
        shortName(text(e, "bizStep")),
        shortName(text(e, "disposition")),
        idOf(e, "readPoint"),
        idOf(e, "bizLocation"),
        roles,
        typed(e, "bizTransactionList", "bizTransaction"),
        typed(e, "sourceList", "source"),
        typed(e, "destinationList", "destination"),
        lot,
        expiry,
        e.toString(),
        fields.fields(),
        fields.namespaces(),
        e.get("errorDeclaration") instanceof JsonObject);
  }

  private static void collect(JsonObject e, String field, String role, Map<String, List<String>> roles) {
    if (e.get(field) instanceof JsonArray a && !a.isEmpty()) {
      List<String> values = new ArrayList<>(a.size());
      a.forEach(v -> values.add(v instanceof JsonString s ? s.getString() : v.toString()));
      roles.put(role, values);
    }
  }

  private static void classes(JsonObject e, String field, String role, Map<String, List<String>> roles) {
    if (e.get(field) instanceof JsonArray a && !a.isEmpty()) {
      List<String> values = new ArrayList<>(a.size());
      for (JsonValue v : a) {
        if (v instanceof JsonObject q && text(q, "epcClass") != null) {
          values.add(text(q, "epcClass"));
        }
      }
      roles.put(role, values);
    }
  }

  private static List<StoredEvent.TypedValue> typed(JsonObject e, String field, String valueKey) {
    List<StoredEvent.TypedValue> out = new ArrayList<>();
    if (e.get(field) instanceof JsonArray a) {
      for (JsonValue v : a) {
        // untyped entries cannot be asked for by EQ_bizTransaction_<type> etc.; the document keeps them
        if (v instanceof JsonObject o && text(o, valueKey) != null && text(o, "type") != null) {
          out.add(new StoredEvent.TypedValue(shortName(text(o, "type")), text(o, valueKey)));
        }
      }
    }
    return out;
  }

  private static String idOf(JsonObject e, String field) {
    return e.get(field) instanceof JsonObject o ? text(o, "id") : null;
  }

  private static String text(JsonObject o, String field) {
    JsonValue v = o.get(field);
    return v instanceof JsonString s ? s.getString() : null;
  }

  /**
   * The CBV short name of a standard vocabulary value given as a bare word, an EPCIS 1.x URN
   * ({@code urn:epcglobal:cbv:bizstep:receiving}) or a CBV 2.0 URI ({@code
   * https://ref.gs1.org/cbv/BizStep-receiving}); any other value (a user vocabulary) unchanged.
   */
  public static String shortName(String value) {
    if (value == null) {
      return null;
    }
    if (value.startsWith("urn:epcglobal:cbv:")) {
      return value.substring(value.lastIndexOf(':') + 1);
    }
    if (value.startsWith("https://ref.gs1.org/cbv/") && value.indexOf('-') > 0) {
      return value.substring(value.indexOf('-') + 1);
    }
    return value;
  }
}
