package org.custodia.epcis.infrastructure.validation;

import org.custodia.epcis.infrastructure.EventFields;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.custodia.epcis.infrastructure.hash.CanonicalGs1Uri;
import org.custodia.epcis.infrastructure.hash.EventHash;
import org.custodia.epcis.infrastructure.validation.CbvVocabulary.Category;
import org.custodia.gs1.Gs1Exception;

/**
 * The EPCIS 2.0 rules the GS1 JSON schema does not check, on one event in our JSON-LD form: CBV
 * values, GS1 keys behind EPC URIs and Digital Links, time zones, declared namespaces of ILMD and
 * extensions, positive quantities, the action and the fields each event type needs. The schema
 * accepts any URI-shaped EPC and any string as a business step; a repository that stored such
 * events would answer queries wrongly (an SGTIN with a wrong check digit never matches its pack),
 * so capture refuses them with every violation named, not the first only.
 */
public final class SemanticValidator {

  private static final Set<String> EVENT_TYPES =
      Set.of(
          "ObjectEvent",
          "AggregationEvent",
          "TransactionEvent",
          "TransformationEvent",
          "AssociationEvent");

  private static final Set<String> ACTIONS = Set.of("ADD", "OBSERVE", "DELETE");

  /** Prefixes of the standard EPCIS context, usable without declaring them. */
  private static final Set<String> STANDARD_PREFIXES =
      Set.of("epcis", "cbv", "cbvmda", "gs1", "rdfs", "owl", "xsd", "dcterms");

  private static final Set<String> STANDARD_FIELDS =
      Set.of(
          "@context",
          "type",
          "eventID",
          "eventTime",
          "eventTimeZoneOffset",
          "recordTime",
          "errorDeclaration",
          "certificationInfo",
          "action",
          "epcList",
          "quantityList",
          "parentID",
          "childEPCs",
          "childQuantityList",
          "inputEPCList",
          "inputQuantityList",
          "outputEPCList",
          "outputQuantityList",
          "transformationID",
          "bizStep",
          "disposition",
          "persistentDisposition",
          "readPoint",
          "bizLocation",
          "bizTransactionList",
          "sourceList",
          "destinationList",
          "sensorElementList",
          "ilmd");

  private static final List<String> EPC_LISTS = EventFields.EPC_LISTS;

  private static final List<String> QUANTITY_LISTS = EventFields.QUANTITY_LISTS;

  private static final Set<String> SENSOR_METADATA = Set.copyOf(EventFields.METADATA);

  /**
   * The standard sensor report fields, and bizRules: not in the XSD's SensorReportType, but the GS1 JSON
   * schema allows it and GS1's own SensorDataExample8 uses it — accepted, so what the schema admits is
   * captured.
   */
  private static final Set<String> SENSOR_REPORT = union(EventFields.REPORT, "bizRules");

  private static Set<String> union(java.util.List<String> fields, String extra) {
    java.util.Set<String> s = new java.util.HashSet<>(fields);
    s.add(extra);
    return Set.copyOf(s);
  }

  private static final Pattern DATE_TIME =
      Pattern.compile(
          "-?\\d{4,}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");

  private static final Pattern OFFSET = Pattern.compile("([+-])(\\d{2}):(\\d{2})");

  private static final Pattern UOM = Pattern.compile("[A-Z0-9]{2,3}");

  private static final Pattern ABSOLUTE_URI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:\\S+");

  private static final Pattern PREFIXED = Pattern.compile("([A-Za-z_][A-Za-z0-9_.-]*):(.+)");

  private final int index;
  private final String eventId;
  private final Set<String> prefixes;
  private final List<Violation> violations = new ArrayList<>();

  private SemanticValidator(int index, String eventId, Set<String> prefixes) {
    this.index = index;
    this.eventId = eventId;
    this.prefixes = prefixes;
  }

  /**
   * The violations of the events of a whole EPCISDocument or EPCISQueryDocument, the namespaces
   * taken from its {@code @context}.
   */
  public static List<Violation> validateDocument(JsonObject document) {
    Map<String, String> ns = EventHash.namespaces(document.get("@context"));
    List<Violation> all = new ArrayList<>();
    List<JsonValue> events = events(document);
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i) instanceof JsonObject event) {
        all.addAll(validate(event, i, ns));
      }
    }
    return all;
  }

  /**
   * The violations of one event.
   *
   * @param index the event's position in its document, reported with each violation
   * @param namespaces the prefixes the document declares (see {@link EventHash#namespaces})
   */
  public static List<Violation> validate(
      JsonObject event, int index, Map<String, String> namespaces) {
    Set<String> prefixes = new HashSet<>(STANDARD_PREFIXES);
    prefixes.addAll(namespaces.keySet());
    // an event streamed on its own may carry its own context
    prefixes.addAll(EventHash.namespaces(event.get("@context")).keySet());
    String id = event.get("eventID") instanceof JsonString s ? s.getString() : null;
    SemanticValidator v = new SemanticValidator(index, id, Set.copyOf(prefixes));
    v.check(event);
    return List.copyOf(v.violations);
  }

  /** {@code scheme:rest}, the shape of an absolute URI (RFC 3986) or of a declared CURIE. */
  static boolean isAbsoluteUri(String value) {
    return ABSOLUTE_URI.matcher(value).matches();
  }

  private void check(JsonObject e) {
    String type = string(e, "type");
    if (type == null || !EVENT_TYPES.contains(type)) {
      add("$.type", type, Rule.EVENT_TYPE, "is not an EPCIS 2.0 event type");
    } else {
      eventTypeRules(type, e);
    }
    timestamp("$.eventTime", e.get("eventTime"), true);
    timestamp("$.recordTime", e.get("recordTime"), false);
    offset(e.get("eventTimeZoneOffset"));
    vocabulary("$.bizStep", e.get("bizStep"), Category.BIZ_STEP);
    vocabulary("$.disposition", e.get("disposition"), Category.DISPOSITION);
    if (e.get("persistentDisposition") instanceof JsonObject pd) {
      for (String part : List.of("set", "unset")) {
        eachItem(
            "$.persistentDisposition." + part,
            pd.get(part),
            (p, v) -> vocabulary(p, v, Category.DISPOSITION));
      }
    }
    if (e.get("parentID") != null) {
      identifier("$.parentID", e.get("parentID"));
    }
    for (String list : EPC_LISTS) {
      eachItem("$." + list, e.get(list), this::identifier);
    }
    for (String list : QUANTITY_LISTS) {
      eachItem("$." + list, e.get(list), this::quantityElement);
    }
    location("$.readPoint", e.get("readPoint"));
    location("$.bizLocation", e.get("bizLocation"));
    eachItem(
        "$.bizTransactionList",
        e.get("bizTransactionList"),
        (p, v) -> typed(p, v, "bizTransaction", Category.BIZ_TRANSACTION_TYPE));
    eachItem(
        "$.sourceList",
        e.get("sourceList"),
        (p, v) -> typed(p, v, "source", Category.SOURCE_DESTINATION_TYPE));
    eachItem(
        "$.destinationList",
        e.get("destinationList"),
        (p, v) -> typed(p, v, "destination", Category.SOURCE_DESTINATION_TYPE));
    eachItem("$.sensorElementList", e.get("sensorElementList"), this::sensorElement);
    eachItem("$.certificationInfo", e.get("certificationInfo"), this::uri);
    if (e.get("errorDeclaration") instanceof JsonObject ed) {
      errorDeclaration(ed);
    }
    if (e.get("ilmd") instanceof JsonObject ilmd) {
      extensionKeys("$.ilmd", ilmd, Set.of());
    }
    extensionKeys("$", e, STANDARD_FIELDS);
  }

  private void eventTypeRules(String type, JsonObject e) {
    JsonValue action = e.get("action");
    if (type.equals("TransformationEvent")) {
      if (action != null) {
        add(
            "$.action",
            text(action),
            Rule.ACTION_NOT_ALLOWED,
            "a TransformationEvent has no action");
      }
      if (isEmpty(e.get("inputEPCList"))
          && isEmpty(e.get("inputQuantityList"))
          && isEmpty(e.get("outputEPCList"))
          && isEmpty(e.get("outputQuantityList"))) {
        add(
            "$",
            null,
            Rule.TRANSFORMATION_IO,
            "a TransformationEvent needs at least one input or one output (EPC or quantity)");
      }
      return;
    }
    String a = text(action);
    if (action == null) {
      add(
          "$.action",
          null,
          Rule.REQUIRED,
          "a " + type + " needs an action (ADD, OBSERVE or DELETE)");
    } else if (!ACTIONS.contains(a)) {
      add("$.action", a, Rule.ACTION_VALUE, "action must be ADD, OBSERVE or DELETE");
    }
    boolean noParent = e.get("parentID") == null;
    if (type.equals("AssociationEvent") && noParent) {
      add("$.parentID", null, Rule.PARENT_REQUIRED, "an AssociationEvent needs a parentID");
    }
    if (type.equals("AggregationEvent") && noParent && ("ADD".equals(a) || "DELETE".equals(a))) {
      add(
          "$.parentID",
          null,
          Rule.PARENT_REQUIRED,
          "an AggregationEvent with action " + a + " needs a parentID");
    }
  }

  private void timestamp(String path, JsonValue value, boolean required) {
    if (value == null) {
      if (required) {
        add(path, null, Rule.REQUIRED, "the event time is required");
      }
      return;
    }
    String s = text(value);
    if (s == null || !DATE_TIME.matcher(s).matches()) {
      add(path, s, Rule.TIMESTAMP, "is not an xsd:dateTime with a time zone");
      return;
    }
    try {
      OffsetDateTime.parse(s);
    } catch (DateTimeParseException ex) {
      add(path, s, Rule.TIMESTAMP, "is not a valid date and time: " + ex.getMessage());
    }
  }

  private void offset(JsonValue value) {
    if (value == null) {
      add("$.eventTimeZoneOffset", null, Rule.REQUIRED, "eventTimeZoneOffset is required");
      return;
    }
    String s = text(value);
    var m = s == null ? null : OFFSET.matcher(s);
    if (m == null || !m.matches()) {
      add("$.eventTimeZoneOffset", s, Rule.TZ_OFFSET, "must be written ±hh:mm");
      return;
    }
    int minutes = Integer.parseInt(m.group(2)) * 60 + Integer.parseInt(m.group(3));
    if (Integer.parseInt(m.group(3)) > 59 || minutes > 14 * 60) {
      add("$.eventTimeZoneOffset", s, Rule.TZ_OFFSET, "must lie within -14:00 and +14:00");
    }
  }

  private void vocabulary(String path, JsonValue value, Category category) {
    if (value == null) {
      return;
    }
    String s = text(value);
    if (s == null) {
      add(path, value.toString(), Rule.CBV_VALUE, "must be a string");
      return;
    }
    if (category == Category.MEASUREMENT_TYPE && s.matches("gs1:[A-Za-z][A-Za-z0-9_]*")) {
      // an open list GS1 extends between CBV releases (its own examples use gs1:EffectiveDoseRate and
      // gs1:Molar_concentration): any well-formed term of the gs1 namespace is taken
      return;
    }
    CbvVocabulary.check(category, s).ifPresent(msg -> add(path, s, Rule.CBV_VALUE, msg));
  }

  /** An EPC, class, location or party: an absolute URI, and a valid GS1 key if it claims one. */
  private void identifier(String path, JsonValue value) {
    String s = text(value);
    if (s == null || !isAbsoluteUri(s)) {
      add(path, s, Rule.URI, "must be an absolute URI (EPC URI, GS1 Digital Link or other URI)");
      return;
    }
    try {
      CanonicalGs1Uri.canonical(s);
    } catch (Gs1Exception ex) {
      add(path, s, Rule.GS1_KEY, "is not a valid GS1 key: " + ex.getMessage());
    }
  }

  private void uri(String path, JsonValue value) {
    String s = text(value);
    if (s == null || !isAbsoluteUri(s)) {
      add(path, s, Rule.URI, "must be an absolute URI");
    }
  }

  private void quantityElement(String path, JsonValue value) {
    if (!(value instanceof JsonObject q)) {
      return;
    }
    if (q.get("epcClass") == null) {
      add(path + ".epcClass", null, Rule.REQUIRED, "a quantity element names its epcClass");
    } else {
      identifier(path + ".epcClass", q.get("epcClass"));
    }
    JsonValue quantity = q.get("quantity");
    if (quantity != null) {
      BigDecimal d = decimal(quantity);
      if (d == null || d.signum() <= 0) {
        add(path + ".quantity", text(quantity), Rule.QUANTITY, "must be a positive decimal");
      }
    }
    uom(path + ".uom", q.get("uom"));
  }

  private void uom(String path, JsonValue value) {
    if (value == null) {
      return;
    }
    String s = text(value);
    if (s == null || !UOM.matcher(s).matches()) {
      add(
          path,
          s,
          Rule.UOM,
          "is not a UN/ECE Recommendation 20 unit code (2 or 3 capitals/digits)");
    }
  }

  private void location(String path, JsonValue value) {
    if (!(value instanceof JsonObject loc)) {
      return;
    }
    if (loc.get("id") == null) {
      add(path + ".id", null, Rule.REQUIRED, "a location needs its id");
    } else {
      identifier(path + ".id", loc.get("id"));
    }
    extensionKeys(path, loc, Set.of("id"));
  }

  private void typed(String path, JsonValue value, String idField, Category category) {
    if (!(value instanceof JsonObject o)) {
      return;
    }
    vocabulary(path + ".type", o.get("type"), category);
    if (o.get(idField) == null) {
      add(path + "." + idField, null, Rule.REQUIRED, idField + " is required");
    } else {
      identifier(path + "." + idField, o.get(idField));
    }
  }

  private void sensorElement(String path, JsonValue value) {
    if (!(value instanceof JsonObject element)) {
      return;
    }
    if (element.get("sensorMetadata") instanceof JsonObject md) {
      String p = path + ".sensorMetadata";
      for (String t : List.of("time", "startTime", "endTime")) {
        timestamp(p + "." + t, md.get(t), false);
      }
      for (String u :
          List.of("deviceID", "deviceMetadata", "rawData", "dataProcessingMethod", "bizRules")) {
        if (md.get(u) != null) {
          identifier(p + "." + u, md.get(u));
        }
      }
      extensionKeys(p, md, SENSOR_METADATA);
    }
    eachItem(path + ".sensorReport", element.get("sensorReport"), this::sensorReport);
    extensionKeys(path, element, Set.of("sensorMetadata", "sensorReport"));
  }

  private void sensorReport(String path, JsonValue value) {
    if (!(value instanceof JsonObject r)) {
      return;
    }
    vocabulary(path + ".type", r.get("type"), Category.MEASUREMENT_TYPE);
    vocabulary(path + ".exception", r.get("exception"), Category.SENSOR_ALERT_TYPE);
    vocabulary(path + ".component", r.get("component"), Category.COMPONENT);
    timestamp(path + ".time", r.get("time"), false);
    uom(path + ".uom", r.get("uom"));
    for (String u :
        List.of("deviceID", "deviceMetadata", "rawData", "dataProcessingMethod", "bizRules")) {
      if (r.get(u) != null) {
        identifier(path + "." + u, r.get(u));
      }
    }
    BigDecimal min = decimal(r.get("minValue"));
    BigDecimal max = decimal(r.get("maxValue"));
    if (min != null && max != null && min.compareTo(max) > 0) {
      add(
          path + ".minValue",
          min.toPlainString(),
          Rule.SENSOR_VALUE,
          "minValue exceeds maxValue " + max.toPlainString());
    }
    BigDecimal sDev = decimal(r.get("sDev"));
    if (sDev != null && sDev.signum() < 0) {
      add(
          path + ".sDev",
          sDev.toPlainString(),
          Rule.SENSOR_VALUE,
          "a standard deviation cannot be negative");
    }
    BigDecimal percRank = decimal(r.get("percRank"));
    if (percRank != null
        && (percRank.signum() < 0 || percRank.compareTo(BigDecimal.valueOf(100)) > 0)) {
      add(
          path + ".percRank",
          percRank.toPlainString(),
          Rule.SENSOR_VALUE,
          "a percentile rank lies within 0 and 100");
    }
    extensionKeys(path, r, SENSOR_REPORT);
  }

  private void errorDeclaration(JsonObject ed) {
    timestamp("$.errorDeclaration.declarationTime", ed.get("declarationTime"), false);
    if (ed.get("declarationTime") == null) {
      add(
          "$.errorDeclaration.declarationTime",
          null,
          Rule.REQUIRED,
          "an error declaration has a declarationTime");
    }
    vocabulary("$.errorDeclaration.reason", ed.get("reason"), Category.ERROR_REASON);
    eachItem("$.errorDeclaration.correctiveEventIDs", ed.get("correctiveEventIDs"), this::uri);
    extensionKeys(
        "$.errorDeclaration", ed, Set.of("declarationTime", "reason", "correctiveEventIDs"));
  }

  /**
   * Every key of {@code o} outside {@code standard} must be a term of a declared namespace ({@code
   * prefix:local}) or a full IRI, and so must the keys nested inside it: without a namespace an
   * extension cannot be told from a misspelt standard field, and it cannot be written as XML.
   */
  private void extensionKeys(String path, JsonObject o, Set<String> standard) {
    for (Map.Entry<String, JsonValue> field : o.entrySet()) {
      String key = field.getKey();
      if (standard.contains(key) || key.startsWith("@")) {
        continue;
      }
      String p = path + "['" + key + "']";
      if (!isNamespaced(key)) {
        add(
            p,
            key,
            Rule.NAMESPACE,
            "\""
                + key
                + "\" is no standard field here and has no namespace prefix declared in @context");
        continue;
      }
      nestedKeys(p, field.getValue());
    }
  }

  /**
   * Inside an extension the XML mapping's own keys ({@code #text}, {@code @attribute}) and unqualified
   * child elements (which XML allows, and GS1's examples use) are accepted; a prefix that is used must be
   * declared.
   */
  private void nestedKeys(String path, JsonValue value) {
    if (value instanceof JsonObject o) {
      for (Map.Entry<String, JsonValue> field : o.entrySet()) {
        String key = field.getKey();
        String p = path + "['" + key + "']";
        if (!key.startsWith("#") && !key.startsWith("@") && PREFIXED.matcher(key).matches() && !isNamespaced(key)) {
          add(p, key, Rule.NAMESPACE, "\"" + key + "\" uses a namespace prefix that @context does not declare");
          continue;
        }
        nestedKeys(p, field.getValue());
      }
    } else if (value instanceof JsonArray a) {
      for (int i = 0; i < a.size(); i++) {
        nestedKeys(path + "[" + i + "]", a.get(i));
      }
    }
  }

  private boolean isNamespaced(String key) {
    var m = PREFIXED.matcher(key);
    if (!m.matches()) {
      return false;
    }
    return prefixes.contains(m.group(1)) || m.group(2).startsWith("//");
  }

  private void eachItem(
      String path, JsonValue list, java.util.function.BiConsumer<String, JsonValue> check) {
    if (list instanceof JsonArray a) {
      for (int i = 0; i < a.size(); i++) {
        check.accept(path + "[" + i + "]", a.get(i));
      }
    } else if (list != null && list.getValueType() != JsonValue.ValueType.NULL) {
      check.accept(path, list);
    }
  }

  private void add(String path, String value, Rule rule, String sentence) {
    violations.add(new Violation(index, eventId, path, value, rule, path + ": " + sentence));
  }

  private static boolean isEmpty(JsonValue v) {
    return v == null || (v instanceof JsonArray a && a.isEmpty());
  }

  private static BigDecimal decimal(JsonValue v) {
    if (v instanceof JsonNumber n) {
      return n.bigDecimalValue();
    }
    if (v instanceof JsonString s) {
      try {
        return new BigDecimal(s.getString().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static String string(JsonObject o, String key) {
    return o.get(key) instanceof JsonString s ? s.getString() : null;
  }

  private static String text(JsonValue v) {
    if (v instanceof JsonString s) {
      return s.getString();
    }
    return v == null ? null : v.toString();
  }

  static List<JsonValue> events(JsonObject document) {
    if (!(document.get("epcisBody") instanceof JsonObject body)) {
      return EVENT_TYPES.contains(String.valueOf(document.get("type")).replace("\"", ""))
          ? List.of(document)
          : List.of();
    }
    if (body.get("eventList") instanceof JsonArray list) {
      return list;
    }
    if (body.get("queryResults") instanceof JsonObject qr
        && qr.get("resultsBody") instanceof JsonObject rb
        && rb.get("eventList") instanceof JsonArray list) {
      return list;
    }
    if (body.get("event") instanceof JsonObject event) {
      return List.of(event);
    }
    return List.of();
  }
}
