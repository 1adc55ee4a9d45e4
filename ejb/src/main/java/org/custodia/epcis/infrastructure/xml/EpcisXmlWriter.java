package org.custodia.epcis.infrastructure.xml;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes EPCIS 2.0 JSON-LD events as an EPCIS 2.0 or 1.2 XML document (EPC-4), one event at a time,
 * in the element order of the GS1 XSD, so that what leaves Custodia validates against the schema
 * ({@link EpcisXsd}).
 *
 * <p>EPCIS 1.2 has no place of its own for what 2.0 added. Following the GS1 1.2/2.0 conversion
 * guidance, the 2.0 fields go where 1.2 left room for them, and the reader takes them back:
 *
 * <ul>
 *   <li>eventID and errorDeclaration in {@code baseExtension}; certificationInfo in {@code
 *       baseExtension/extension};
 *   <li>quantity, source and destination lists and ilmd in the event's {@code extension};
 *   <li>sensorElementList and persistentDisposition in {@code extension/extension} (in {@code
 *       extension} for a TransformationEvent, which 1.2 itself puts under {@code
 *       EventList/extension});
 *   <li>an AssociationEvent under {@code EventList/extension/extension}, with the 2.0 content.
 * </ul>
 *
 * <p>These extension slots are {@code ##local} and laxly validated, so the 1.2 document validates;
 * a 1.2-only receiver simply ignores them. 1.2 requires an {@code epcList} (or {@code childEPCs})
 * element, so an empty one is written when the event has none; and 1.2 requires a
 * StandardBusinessDocumentHeader whenever there is an EPCISHeader, so master data without an SBDH
 * is refused. The 2.0 EPCISHeader has no slot for user elements, so header extensions (the GS1 US
 * transaction statement) are written after EPCISBody at document level in 2.0; for DSCSA export use
 * 1.2, where they stay in the header.
 *
 * <p>Key forms: {@code prefix:localName} keys must use a prefix of the header's namespaces or the
 * event's own {@code @context}; keys {@code @name} inside an extension object become attributes and
 * {@code #text} the text (the inverse of the reader's mapping).
 */
public final class EpcisXmlWriter implements AutoCloseable {

  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

  private static final List<String> BASE =
      List.of("eventTime", "recordTime", "eventTimeZoneOffset");
  private static final List<String> BASE_2 =
      List.of("eventID", "errorDeclaration", "certificationInfo");
  private static final List<String> TAIL =
      List.of("sourceList", "destinationList", "sensorElementList", "persistentDisposition");
  private static final List<String> WHAT_WHERE =
      List.of("action", "bizStep", "disposition", "readPoint", "bizLocation");

  private static final Map<String, List<String>> ORDER_2_0 = new HashMap<>();

  /** 1.2 layout: main elements, the event {@code extension}, and the 2.0-only fields. */
  private static final Map<String, List<List<String>>> ORDER_1_2 = new HashMap<>();

  static {
    ORDER_2_0.put(
        "ObjectEvent",
        concat(
            List.of("epcList"),
            WHAT_WHERE,
            List.of("bizTransactionList", "quantityList"),
            TAIL,
            List.of("ilmd")));
    ORDER_2_0.put(
        "AggregationEvent",
        concat(
            List.of("parentID", "childEPCs"),
            WHAT_WHERE,
            List.of("bizTransactionList", "childQuantityList"),
            TAIL));
    ORDER_2_0.put(
        "TransactionEvent",
        concat(
            List.of("bizTransactionList", "parentID", "epcList"),
            WHAT_WHERE,
            List.of("quantityList"),
            TAIL));
    ORDER_2_0.put(
        "TransformationEvent",
        concat(
            List.of(
                "inputEPCList",
                "inputQuantityList",
                "outputEPCList",
                "outputQuantityList",
                "transformationID",
                "bizStep",
                "disposition",
                "readPoint",
                "bizLocation",
                "bizTransactionList"),
            TAIL,
            List.of("ilmd")));
    ORDER_2_0.put(
        "AssociationEvent",
        concat(
            List.of("parentID", "childEPCs", "childQuantityList"),
            WHAT_WHERE,
            List.of("bizTransactionList"),
            TAIL));
    List<String> newIn2 = List.of("sensorElementList", "persistentDisposition");
    ORDER_1_2.put(
        "ObjectEvent",
        List.of(
            concat(List.of("epcList"), WHAT_WHERE, List.of("bizTransactionList")),
            List.of("quantityList", "sourceList", "destinationList", "ilmd"),
            newIn2));
    ORDER_1_2.put(
        "AggregationEvent",
        List.of(
            concat(List.of("parentID", "childEPCs"), WHAT_WHERE, List.of("bizTransactionList")),
            List.of("childQuantityList", "sourceList", "destinationList"),
            newIn2));
    ORDER_1_2.put(
        "TransactionEvent",
        List.of(
            concat(List.of("bizTransactionList", "parentID", "epcList"), WHAT_WHERE),
            List.of("quantityList", "sourceList", "destinationList"),
            newIn2));
    List<String> transformation = ORDER_2_0.get("TransformationEvent");
    ORDER_1_2.put(
        "TransformationEvent",
        List.of(
            transformation.stream().filter(k -> !newIn2.contains(k)).toList(), List.of(), newIn2));
  }

  private static final Set<String> STANDARD = new HashSet<>();

  static {
    STANDARD.addAll(BASE);
    STANDARD.addAll(BASE_2);
    ORDER_2_0.values().forEach(STANDARD::addAll);
    STANDARD.add("type");
  }

  private final XMLStreamWriter w;
  private final DocumentHeader header;
  private final EpcisXmlVersion version;
  private final Deque<Map<String, String>> scopes = new ArrayDeque<>();
  private String epcisPrefix = "epcis";
  private int count;
  private String eventId;
  private boolean closed;

  private EpcisXmlWriter(OutputStream out, DocumentHeader header) {
    this.header = header;
    this.version = header.version();
    try {
      this.w = FACTORY.createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
      start();
    } catch (XMLStreamException e) {
      throw new EpcisXmlException("cannot write XML: " + e.getMessage(), -1, null, null, e);
    }
  }

  /**
   * Starts a document in {@code header.version()}: writes the root element, the header and opens
   * the event list. Events follow with {@link #write}; {@link #close} ends the document (the stream
   * itself is left open).
   */
  public static EpcisXmlWriter open(OutputStream out, DocumentHeader header) {
    return new EpcisXmlWriter(out, header);
  }

  /** Number of events written so far. */
  public int count() {
    return count;
  }

  @SafeVarargs
  private static List<String> concat(List<String>... parts) {
    List<String> all = new ArrayList<>();
    for (List<String> p : parts) {
      all.addAll(p);
    }
    return List.copyOf(all);
  }

  private void start() throws XMLStreamException {
    Map<String, String> root = new LinkedHashMap<>();
    header
        .namespaces()
        .forEach(
            (p, uri) -> {
              if (!p.isEmpty() && EpcisXmlVersion.ofNamespace(uri) == null) {
                root.put(p, uri);
              }
            });
    while (root.containsKey(epcisPrefix)) {
      epcisPrefix = epcisPrefix + "1";
    }
    root.putIfAbsent("xsi", DocumentHeader.XSI);
    if (header.standardBusinessDocumentHeader() != null
        && !root.containsValue(DocumentHeader.SBDH)) {
      root.put(root.containsKey("sbdh") ? "sbdh1" : "sbdh", DocumentHeader.SBDH);
    }
    scopes.push(root);
    w.writeStartDocument("UTF-8", "1.0");
    w.writeStartElement(epcisPrefix, "EPCISDocument", version.namespace());
    w.writeNamespace(epcisPrefix, version.namespace());
    for (Map.Entry<String, String> e : root.entrySet()) {
      w.writeNamespace(e.getKey(), e.getValue());
    }
    w.writeAttribute("schemaVersion", version.schemaVersion());
    String created = header.creationDate();
    if (created == null || created.isBlank()) {
      created = OffsetDateTime.now(ZoneOffset.UTC).toString();
    }
    w.writeAttribute("creationDate", created);
    writeHeader();
    w.writeStartElement("EPCISBody");
    w.writeStartElement("EventList");
  }

  private void writeHeader() throws XMLStreamException {
    JsonObject sbdh = header.standardBusinessDocumentHeader();
    JsonObject md = header.masterData();
    JsonObject ext = header.headerExtensions();
    boolean inHeader = version == EpcisXmlVersion.V1_2 && !ext.isEmpty();
    if (sbdh == null && md == null && !inHeader) {
      return;
    }
    if (sbdh == null && version == EpcisXmlVersion.V1_2) {
      throw new EpcisXmlException(
          "EPCIS 1.2 needs a StandardBusinessDocumentHeader to carry master data or header"
              + " extensions",
          -1,
          null,
          "/EPCISHeader");
    }
    w.writeStartElement("EPCISHeader");
    if (sbdh != null) {
      w.writeStartElement(
          prefixOf(DocumentHeader.SBDH), "StandardBusinessDocumentHeader", DocumentHeader.SBDH);
      writeObjectContent(sbdh, "/EPCISHeader/StandardBusinessDocumentHeader");
      w.writeEndElement();
    }
    if (md != null) {
      w.writeStartElement("extension");
      writeMasterData(md);
      w.writeEndElement();
    }
    if (inHeader) {
      writeUserKeys(ext, Set.of(), "/EPCISHeader");
    }
    w.writeEndElement();
  }

  private String prefixOf(String uri) {
    for (Map<String, String> scope : scopes) {
      for (Map.Entry<String, String> e : scope.entrySet()) {
        if (e.getValue().equals(uri)) {
          return e.getKey();
        }
      }
    }
    throw new IllegalStateException("no prefix for " + uri);
  }

  private void writeMasterData(JsonObject md) throws XMLStreamException {
    w.writeStartElement("EPCISMasterData");
    w.writeStartElement("VocabularyList");
    for (JsonValue v : array(md, "vocabularyList")) {
      JsonObject vocabulary = v.asJsonObject();
      w.writeStartElement("Vocabulary");
      w.writeAttribute("type", vocabulary.getString("type", ""));
      if (vocabulary.containsKey("vocabularyElementList")) {
        w.writeStartElement("VocabularyElementList");
        for (JsonValue e : array(vocabulary, "vocabularyElementList")) {
          writeVocabularyElement(e.asJsonObject());
        }
        w.writeEndElement();
      }
      writeUserKeys(vocabulary, Set.of("type", "vocabularyElementList"), "/Vocabulary");
      w.writeEndElement();
    }
    w.writeEndElement();
    w.writeEndElement();
  }

  private void writeVocabularyElement(JsonObject e) throws XMLStreamException {
    w.writeStartElement("VocabularyElement");
    w.writeAttribute("id", e.getString("id", ""));
    for (JsonValue a : array(e, "attributes")) {
      JsonObject attribute = a.asJsonObject();
      w.writeStartElement("attribute");
      w.writeAttribute("id", attribute.getString("id", ""));
      JsonValue value = attribute.getOrDefault("attribute", JsonValue.NULL);
      if (value instanceof JsonObject o) {
        writeObjectContent(o, "/VocabularyElement/attribute");
      } else {
        writeScalar(value);
      }
      w.writeEndElement();
    }
    if (e.containsKey("children")) {
      w.writeStartElement("children");
      for (JsonValue c : array(e, "children")) {
        element("id", str(c));
      }
      w.writeEndElement();
    }
    writeUserKeys(e, Set.of("id", "attributes", "children"), "/VocabularyElement");
    w.writeEndElement();
  }

  /**
   * Writes one event.
   *
   * @throws EpcisXmlException naming the event when it has a field its type does not have, a key
   *     that is neither standard nor namespaced, or an undeclared prefix
   */
  public void write(JsonObject event) {
    int index = count;
    eventId = event.getString("eventID", null);
    String type = event.getString("type", "");
    if (!ORDER_2_0.containsKey(type)) {
      throw fail("unknown event type '" + type + "'", "/" + type);
    }
    Map<String, String> local = new LinkedHashMap<>();
    JsonValue ctx = event.get("@context");
    if (ctx instanceof JsonObject o) {
      o.forEach((p, u) -> local.put(p, ((JsonString) u).getString()));
    } else if (ctx instanceof JsonArray a) {
      for (JsonValue item : a) {
        if (item instanceof JsonObject o) {
          o.forEach((p, u) -> local.put(p, ((JsonString) u).getString()));
        }
      }
    }
    List<String> allowed = ORDER_2_0.get(type);
    for (String key : event.keySet()) {
      if (STANDARD.contains(key)
          && !allowed.contains(key)
          && !BASE.contains(key)
          && !BASE_2.contains(key)
          && !key.equals("type")) {
        throw fail(key + " is not a field of " + type, "/" + type + "/" + key);
      }
      if (!STANDARD.contains(key) && !key.startsWith("@") && key.indexOf(':') < 0) {
        throw fail(
            "'" + key + "' is neither an EPCIS field nor a namespaced extension",
            "/" + type + "/" + key);
      }
    }
    scopes.push(local);
    try {
      if (version == EpcisXmlVersion.V2_0) {
        writeEvent20(event, type);
      } else {
        writeEvent12(event, type);
      }
    } catch (XMLStreamException e) {
      throw new EpcisXmlException("cannot write XML: " + e.getMessage(), index, eventId, type, e);
    } finally {
      scopes.pop();
    }
    count++;
  }

  private void startEvent(String type) throws XMLStreamException {
    w.writeStartElement(type);
    for (Map.Entry<String, String> e : scopes.peek().entrySet()) {
      w.writeNamespace(e.getKey(), e.getValue());
    }
  }

  private void writeEvent20(JsonObject ev, String type) throws XMLStreamException {
    startEvent(type);
    fields(ev, BASE, type);
    fields(ev, BASE_2, type);
    fields(ev, ORDER_2_0.get(type), type);
    writeUserKeys(ev, STANDARD, "/" + type);
    w.writeEndElement();
  }

  private void writeEvent12(JsonObject ev, String type) throws XMLStreamException {
    if (type.equals("AssociationEvent")) {
      w.writeStartElement("extension");
      w.writeStartElement("extension");
      writeEvent20(ev, type);
      w.writeEndElement();
      w.writeEndElement();
      return;
    }
    boolean transformation = type.equals("TransformationEvent");
    if (transformation) {
      w.writeStartElement("extension");
    }
    startEvent(type);
    fields(ev, BASE, type);
    if (ev.containsKey("eventID")
        || ev.containsKey("errorDeclaration")
        || ev.containsKey("certificationInfo")) {
      w.writeStartElement("baseExtension");
      fields(ev, List.of("eventID", "errorDeclaration"), type);
      if (ev.containsKey("certificationInfo")) {
        w.writeStartElement("extension");
        fields(ev, List.of("certificationInfo"), type);
        w.writeEndElement();
      }
      w.writeEndElement();
    }
    List<List<String>> layout = ORDER_1_2.get(type);
    for (String key : layout.get(0)) {
      if (!ev.containsKey(key) && (key.equals("epcList") || key.equals("childEPCs"))) {
        w.writeEmptyElement(key);
      } else {
        field(ev, key, type);
      }
    }
    boolean ext = layout.get(1).stream().anyMatch(ev::containsKey);
    boolean newIn2 = layout.get(2).stream().anyMatch(ev::containsKey);
    if (ext || newIn2) {
      w.writeStartElement("extension");
      fields(ev, layout.get(1), type);
      if (newIn2) {
        if (!transformation) {
          w.writeStartElement("extension");
        }
        fields(ev, layout.get(2), type);
        if (!transformation) {
          w.writeEndElement();
        }
      }
      w.writeEndElement();
    }
    writeUserKeys(ev, STANDARD, "/" + type);
    w.writeEndElement();
    if (transformation) {
      w.writeEndElement();
    }
  }

  private void fields(JsonObject ev, List<String> keys, String type) throws XMLStreamException {
    for (String k : keys) {
      field(ev, k, type);
    }
  }

  private void field(JsonObject ev, String key, String type) throws XMLStreamException {
    JsonValue v = ev.get(key);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return;
    }
    String path = "/" + type + "/" + key;
    switch (key) {
      case "epcList", "childEPCs", "inputEPCList", "outputEPCList" -> idList(key, "epc", v, path);
      case "quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList" ->
          quantities(key, v, path);
      case "readPoint", "bizLocation" -> location(key, v, path);
      case "bizTransactionList" -> typedList(key, "bizTransaction", v, path);
      case "sourceList" -> typedList(key, "source", v, path);
      case "destinationList" -> typedList(key, "destination", v, path);
      case "sensorElementList" -> sensorElements(v, path);
      case "persistentDisposition" -> persistentDisposition(v, path);
      case "errorDeclaration" -> errorDeclaration(v, path);
      case "ilmd" -> {
        w.writeStartElement("ilmd");
        JsonObject o = object(v, path);
        if (o.containsKey("extension")) {
          writeValue("extension", o.get("extension"), path);
        }
        writeUserKeys(o, Set.of("extension"), path);
        w.writeEndElement();
      }
      case "certificationInfo" -> {
        if (v instanceof JsonArray a) {
          if (a.size() != 1) {
            throw fail("XML holds exactly one certificationInfo, the event has " + a.size(), path);
          }
          element(key, str(a.get(0)));
        } else {
          element(key, str(v));
        }
      }
      default -> element(key, str(v));
    }
  }

  private void idList(String name, String item, JsonValue v, String path)
      throws XMLStreamException {
    w.writeStartElement(name);
    for (JsonValue id : array(v, path)) {
      element(item, str(id));
    }
    w.writeEndElement();
  }

  private void quantities(String name, JsonValue v, String path) throws XMLStreamException {
    w.writeStartElement(name);
    for (JsonValue q : array(v, path)) {
      JsonObject o = object(q, path);
      w.writeStartElement("quantityElement");
      element("epcClass", o.getString("epcClass", ""));
      JsonValue quantity = o.get("quantity");
      if (quantity instanceof JsonNumber n) {
        element("quantity", n.bigDecimalValue().toPlainString());
      } else if (quantity instanceof JsonString s) {
        element("quantity", s.getString());
      }
      if (o.containsKey("uom")) {
        element("uom", o.getString("uom"));
      }
      w.writeEndElement();
    }
    w.writeEndElement();
  }

  private void location(String name, JsonValue v, String path) throws XMLStreamException {
    JsonObject o = object(v, path);
    w.writeStartElement(name);
    element("id", o.getString("id", ""));
    if (o.containsKey("extension")) {
      writeValue("extension", o.get("extension"), path);
    }
    writeUserKeys(o, Set.of("id", "extension"), path);
    w.writeEndElement();
  }

  private void typedList(String name, String item, JsonValue v, String path)
      throws XMLStreamException {
    w.writeStartElement(name);
    for (JsonValue e : array(v, path)) {
      JsonObject o = object(e, path);
      w.writeStartElement(item);
      if (o.containsKey("type")) {
        w.writeAttribute("type", o.getString("type"));
      }
      w.writeCharacters(o.getString(item, ""));
      w.writeEndElement();
    }
    w.writeEndElement();
  }

  private void sensorElements(JsonValue v, String path) throws XMLStreamException {
    w.writeStartElement("sensorElementList");
    for (JsonValue e : array(v, path)) {
      JsonObject o = object(e, path);
      w.writeStartElement("sensorElement");
      if (o.containsKey("sensorMetadata")) {
        sensorAttributes("sensorMetadata", object(o.get("sensorMetadata"), path));
      }
      JsonValue reports = o.get("sensorReport");
      if (reports instanceof JsonObject single) {
        sensorAttributes("sensorReport", single);
      } else if (reports != null) {
        for (JsonValue r : array(reports, path)) {
          sensorAttributes("sensorReport", object(r, path));
        }
      }
      if (o.containsKey("extension")) {
        writeValue("extension", o.get("extension"), path);
      }
      writeUserKeys(o, Set.of("sensorMetadata", "sensorReport", "extension"), path);
      w.writeEndElement();
    }
    w.writeEndElement();
  }

  private void sensorAttributes(String name, JsonObject o) throws XMLStreamException {
    w.writeStartElement(name);
    String text = null;
    for (Map.Entry<String, JsonValue> a : o.entrySet()) {
      if (a.getKey().equals(ElementJson.TEXT)) {
        text = str(a.getValue());
      } else {
        attribute(a.getKey(), scalar(a.getValue()));
      }
    }
    if (text != null) {
      w.writeCharacters(text);
    }
    w.writeEndElement();
  }

  private void persistentDisposition(JsonValue v, String path) throws XMLStreamException {
    JsonObject o = object(v, path);
    w.writeStartElement("persistentDisposition");
    for (String k : List.of("unset", "set")) {
      if (o.containsKey(k)) {
        for (JsonValue d : array(o.get(k), path)) {
          element(k, str(d));
        }
      }
    }
    w.writeEndElement();
  }

  private void errorDeclaration(JsonValue v, String path) throws XMLStreamException {
    JsonObject o = object(v, path);
    w.writeStartElement("errorDeclaration");
    if (o.containsKey("declarationTime")) {
      element("declarationTime", o.getString("declarationTime"));
    }
    if (o.containsKey("reason")) {
      element("reason", o.getString("reason"));
    }
    if (o.containsKey("correctiveEventIDs")) {
      idList("correctiveEventIDs", "correctiveEventID", o.get("correctiveEventIDs"), path);
    }
    if (o.containsKey("extension")) {
      writeValue("extension", o.get("extension"), path);
    }
    writeUserKeys(o, Set.of("declarationTime", "reason", "correctiveEventIDs", "extension"), path);
    w.writeEndElement();
  }

  /** Writes the keys of {@code o} not in {@code skip} and not JSON-LD keywords as elements. */
  private void writeUserKeys(JsonObject o, Set<String> skip, String path)
      throws XMLStreamException {
    for (Map.Entry<String, JsonValue> e : o.entrySet()) {
      String k = e.getKey();
      if (!skip.contains(k) && !k.startsWith("@")) {
        writeValue(k, e.getValue(), path);
      }
    }
  }

  /** The generic element mapping, the inverse of {@link ElementJson}. */
  private void writeValue(String key, JsonValue v, String path) throws XMLStreamException {
    String here = path + "/" + key;
    if (v instanceof JsonArray a) {
      for (JsonValue item : a) {
        if (item instanceof JsonArray) {
          throw fail("nested arrays have no XML form", here);
        }
        writeValue(key, item, path);
      }
      return;
    }
    startElement(key, here);
    if (v instanceof JsonObject o) {
      writeObjectContent(o, here);
    } else {
      writeScalar(v);
    }
    w.writeEndElement();
  }

  private void writeObjectContent(JsonObject o, String path) throws XMLStreamException {
    for (Map.Entry<String, JsonValue> e : o.entrySet()) {
      if (e.getKey().startsWith("@") && !e.getKey().equals("@context")) {
        attribute(e.getKey().substring(1), scalar(e.getValue()));
      }
    }
    if (o.containsKey(ElementJson.TEXT)) {
      w.writeCharacters(str(o.get(ElementJson.TEXT)));
    }
    for (Map.Entry<String, JsonValue> e : o.entrySet()) {
      String k = e.getKey();
      if (!k.startsWith("@") && !k.equals(ElementJson.TEXT)) {
        writeValue(k, e.getValue(), path);
      }
    }
  }

  private void writeScalar(JsonValue v) throws XMLStreamException {
    if (v != null && v.getValueType() != JsonValue.ValueType.NULL) {
      w.writeCharacters(scalar(v));
    }
  }

  private void startElement(String key, String path) throws XMLStreamException {
    int colon = key.indexOf(':');
    if (colon < 0) {
      w.writeStartElement(key);
    } else {
      String prefix = key.substring(0, colon);
      w.writeStartElement(prefix, key.substring(colon + 1), resolve(prefix, path));
    }
  }

  private void attribute(String name, String value) throws XMLStreamException {
    int colon = name.indexOf(':');
    if (colon < 0) {
      w.writeAttribute(name, value);
    } else {
      String prefix = name.substring(0, colon);
      w.writeAttribute(prefix, resolve(prefix, "@" + name), name.substring(colon + 1), value);
    }
  }

  private String resolve(String prefix, String path) {
    for (Map<String, String> scope : scopes) {
      String uri = scope.get(prefix);
      if (uri != null) {
        return uri;
      }
    }
    throw fail("namespace prefix '" + prefix + "' is not declared in the @context", path);
  }

  private void element(String name, String text) throws XMLStreamException {
    w.writeStartElement(name);
    w.writeCharacters(text);
    w.writeEndElement();
  }

  private static String scalar(JsonValue v) {
    return switch (v.getValueType()) {
      case STRING -> ((JsonString) v).getString();
      case NUMBER -> ((JsonNumber) v).bigDecimalValue().toString();
      case TRUE -> "true";
      case FALSE -> "false";
      case NULL -> "";
      default ->
          throw new EpcisXmlException("a structured value where text is needed", -1, null, null);
    };
  }

  private String str(JsonValue v) {
    if (v instanceof JsonString s) {
      return s.getString();
    }
    return scalar(v);
  }

  private JsonArray array(JsonValue v, String path) {
    if (v instanceof JsonArray a) {
      return a;
    }
    throw fail("expected an array", path);
  }

  private static JsonArray array(JsonObject o, String key) {
    JsonValue v = o.get(key);
    return v instanceof JsonArray a ? a : JsonValue.EMPTY_JSON_ARRAY;
  }

  private JsonObject object(JsonValue v, String path) {
    if (v instanceof JsonObject o) {
      return o;
    }
    throw fail("expected an object", path);
  }

  private EpcisXmlException fail(String problem, String path) {
    return new EpcisXmlException(problem, count, eventId, path);
  }

  /** Ends the event list, the body and the document, and flushes; the stream stays open. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      w.writeEndElement(); // EventList
      w.writeEndElement(); // EPCISBody
      if (version == EpcisXmlVersion.V2_0 && !header.headerExtensions().isEmpty()) {
        writeUserKeys(header.headerExtensions(), Set.of(), "/EPCISDocument");
      }
      w.writeEndElement();
      w.writeEndDocument();
      w.flush();
      w.close();
    } catch (XMLStreamException e) {
      throw new EpcisXmlException("cannot write XML: " + e.getMessage(), -1, null, null, e);
    }
  }
}
