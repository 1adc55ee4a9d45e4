package org.custodia.epcis.infrastructure.xml;

import org.custodia.platform.Jsonp;
import org.custodia.epcis.infrastructure.EventFields;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the element tree of one event into its EPCIS 2.0 JSON-LD object. EPCIS 1.2 hides fields in
 * {@code baseExtension} and nested {@code extension} elements; these wrappers are treated as
 * transparent, so both bindings land in the same flat JSON-LD shape.
 */
final class EventMapper {

  static final Set<String> EVENT_TYPES =
      Set.of(
          "ObjectEvent",
          "AggregationEvent",
          "TransactionEvent",
          "TransformationEvent",
          "AssociationEvent");

  private static final Set<String> TEXT_FIELDS =
      Set.of(
          "eventTime",
          "recordTime",
          "eventTimeZoneOffset",
          "eventID",
          "certificationInfo",
          "action",
          "bizStep",
          "disposition",
          "parentID",
          "transformationID");
  private static final Set<String> EPC_LISTS = Set.copyOf(EventFields.EPC_LISTS);
  private static final Set<String> QUANTITY_LISTS = Set.copyOf(EventFields.QUANTITY_LISTS);

  /** Sensor report attributes the JSON-LD mapping types as numbers (xsd:double in the XSD). */
  static final Set<String> SENSOR_NUMBERS =
      Set.of("value", "minValue", "maxValue", "meanValue", "sDev", "percRank", "percValue");

  private final Map<String, String> documentPrefixes;
  private final int index;
  private final String eventId;
  private ReadPrefixes prefixes;

  EventMapper(Map<String, String> documentPrefixes, int index, String eventId) {
    this.documentPrefixes = documentPrefixes;
    this.index = index;
    this.eventId = eventId;
  }

  /** The eventID of an event tree in either binding, for error messages; {@code null} if none. */
  static String findEventId(XNode event) {
    XNode id = event.child("eventID");
    if (id == null && event.child("baseExtension") != null) {
      id = event.child("baseExtension").child("eventID");
    }
    return id == null ? null : id.trimmedText();
  }

  JsonObject map(XNode event) {
    prefixes = new ReadPrefixes(documentPrefixes);
    declareInside(event);
    Fields f = new Fields();
    collect(event, f, false);
    JsonObjectBuilder b = Jsonp.JSON.createObjectBuilder();
    if (!prefixes.added().isEmpty()) {
      JsonObjectBuilder ctx = Jsonp.JSON.createObjectBuilder();
      prefixes.added().forEach(ctx::add);
      b.add("@context", ctx);
    }
    b.add("type", event.local);
    f.addTo(b);
    return b.build();
  }

  /**
   * Keeps the namespaces declared inside the event, also those no element or attribute name uses: CURIE
   * values such as a sensor report's {@code type="example:Abc"} or {@code component} depend on them (and so
   * does the event hash ID).
   */
  private void declareInside(XNode node) {
    for (Map.Entry<String, String> d : node.declared.entrySet()) {
      String uri = d.getValue();
      if (!d.getKey().isEmpty() && !uri.isEmpty() && !uri.equals(EpcisXmlVersion.V1_2.namespace())
          && !uri.equals(EpcisXmlVersion.V2_0.namespace()) && !uri.equals(DocumentHeader.XSI)) {
        prefixes.prefixFor(uri, d.getKey());
      }
    }
    for (XNode child : node.children) {
      declareInside(child);
    }
  }

  private void collect(XNode parent, Fields f, boolean insideExtension) {
    for (XNode c : parent.children) {
      if (!c.isUnqualified()) {
        f.extension(prefixes.key(c.uri, c.prefix, c.local), extension(c));
        continue;
      }
      String name = c.local;
      if (TEXT_FIELDS.contains(name)) {
        f.put(name, Jsonp.JSON.createValue(text(c)), c);
      } else if (EPC_LISTS.contains(name)) {
        f.put(name, idList(c, "epc"), c);
      } else if (QUANTITY_LISTS.contains(name)) {
        f.put(name, quantities(c), c);
      } else {
        switch (name) {
          case "readPoint", "bizLocation" -> f.put(name, location(c), c);
          case "bizTransactionList" -> f.put(name, typedList(c, "bizTransaction", false), c);
          case "sourceList" -> f.put(name, typedList(c, "source", true), c);
          case "destinationList" -> f.put(name, typedList(c, "destination", true), c);
          case "sensorElementList" -> f.put(name, sensorElements(c), c);
          case "persistentDisposition" -> f.put(name, persistentDisposition(c), c);
          case "errorDeclaration" -> f.put(name, errorDeclaration(c), c);
          case "ilmd" -> f.put(name, withExtensions(Jsonp.JSON.createObjectBuilder(), c, Set.of()), c);
          case "baseExtension", "extension" -> collect(c, f, true);
          default -> {
            if (insideExtension) {
              // an unqualified element in a 1.x ##local extension slot: kept under its bare name
              f.extension(name, extension(c));
            } else {
              throw fail("unknown element <" + name + "> in " + parent.local, c);
            }
          }
        }
      }
    }
  }

  private String text(XNode n) {
    if (!n.children.isEmpty()) {
      throw fail("<" + n.local + "> must hold only text", n);
    }
    return n.trimmedText();
  }

  private JsonValue idList(XNode list, String item) {
    JsonArrayBuilder a = Jsonp.JSON.createArrayBuilder();
    for (XNode c : list.children) {
      if (!c.isUnqualified() || !c.local.equals(item)) {
        throw fail("<" + list.local + "> may hold only <" + item + ">", c);
      }
      a.add(text(c));
    }
    return a.build();
  }

  private JsonValue quantities(XNode list) {
    JsonArrayBuilder a = Jsonp.JSON.createArrayBuilder();
    for (XNode q : list.children) {
      if (!q.local.equals("quantityElement")) {
        throw fail("<" + list.local + "> may hold only <quantityElement>", q);
      }
      JsonObjectBuilder o = Jsonp.JSON.createObjectBuilder();
      for (XNode c : q.children) {
        switch (c.local) {
          case "epcClass", "uom" -> o.add(c.local, text(c));
          case "quantity" -> {
            String v = text(c);
            if (!v.isEmpty()) {
              o.add("quantity", number(v, c));
            }
          }
          default -> throw fail("unknown element <" + c.local + "> in quantityElement", c);
        }
      }
      a.add(o);
    }
    return a.build();
  }

  private JsonValue number(String v, XNode at) {
    try {
      return Jsonp.JSON.createValue(new BigDecimal(v));
    } catch (NumberFormatException e) {
      throw fail("'" + v + "' is not a number", at);
    }
  }

  private JsonObject location(XNode n) {
    JsonObjectBuilder o = Jsonp.JSON.createObjectBuilder();
    XNode id = n.child("id");
    if (id == null) {
      throw fail("<" + n.local + "> without <id>", n);
    }
    o.add("id", text(id));
    return withExtensions(o, n, Set.of("id"));
  }

  private JsonValue typedList(XNode list, String item, boolean typeRequired) {
    JsonArrayBuilder a = Jsonp.JSON.createArrayBuilder();
    for (XNode c : list.children) {
      if (!c.local.equals(item)) {
        throw fail("<" + list.local + "> may hold only <" + item + ">", c);
      }
      JsonObjectBuilder o = Jsonp.JSON.createObjectBuilder();
      String type = c.attribute("type");
      if (type != null) {
        o.add("type", type.trim());
      } else if (typeRequired) {
        throw fail("<" + item + "> without type attribute", c);
      }
      o.add(item, text(c));
      a.add(o);
    }
    return a.build();
  }

  private JsonValue sensorElements(XNode list) {
    JsonArrayBuilder a = Jsonp.JSON.createArrayBuilder();
    for (XNode e : list.children) {
      if (!e.local.equals("sensorElement")) {
        throw fail("<sensorElementList> may hold only <sensorElement>", e);
      }
      JsonObjectBuilder o = Jsonp.JSON.createObjectBuilder();
      List<JsonValue> reports = new ArrayList<>();
      XNode metadata = e.child("sensorMetadata");
      if (metadata != null) {
        o.add("sensorMetadata", sensorAttributes(metadata));
      }
      for (XNode c : e.children) {
        if (c.isUnqualified() && c.local.equals("sensorReport")) {
          reports.add(sensorAttributes(c));
        }
      }
      if (!reports.isEmpty()) {
        JsonArrayBuilder r = Jsonp.JSON.createArrayBuilder();
        reports.forEach(r::add);
        o.add("sensorReport", r);
      }
      a.add(withExtensions(o, e, Set.of("sensorMetadata", "sensorReport")));
    }
    return a.build();
  }

  private JsonObject sensorAttributes(XNode n) {
    JsonObjectBuilder o = Jsonp.JSON.createObjectBuilder();
    for (XNode.Attr at : n.attributes) {
      if (!at.uri().isEmpty()) {
        o.add(prefixes.key(at.uri(), at.prefix(), at.local()), at.value());
      } else if (SENSOR_NUMBERS.contains(at.local())) {
        o.add(at.local(), doubleValue(at.value().trim()));
      } else if (at.local().equals("booleanValue")) {
        String v = at.value().trim();
        if (v.equals("true") || v.equals("1")) {
          o.add(at.local(), JsonValue.TRUE);
        } else if (v.equals("false") || v.equals("0")) {
          o.add(at.local(), JsonValue.FALSE);
        } else {
          throw fail("booleanValue '" + v + "' is not a boolean", n);
        }
      } else {
        o.add(at.local(), at.value());
      }
    }
    if (!n.children.isEmpty()) {
      throw fail("<" + n.local + "> may hold only attributes and text", n);
    }
    if (n.hasText()) {
      o.add(ElementJson.TEXT, n.text.toString());
    }
    return o.build();
  }

  /** xsd:double: a JSON number where one exists; INF, -INF and NaN stay strings. */
  private JsonValue doubleValue(String v) {
    try {
      return Jsonp.JSON.createValue(new BigDecimal(v));
    } catch (NumberFormatException e) {
      return Jsonp.JSON.createValue(v);
    }
  }

  private JsonObject persistentDisposition(XNode n) {
    JsonArrayBuilder set = Jsonp.JSON.createArrayBuilder();
    JsonArrayBuilder unset = Jsonp.JSON.createArrayBuilder();
    boolean hasSet = false;
    boolean hasUnset = false;
    for (XNode c : n.children) {
      switch (c.local) {
        case "set" -> {
          set.add(text(c));
          hasSet = true;
        }
        case "unset" -> {
          unset.add(text(c));
          hasUnset = true;
        }
        default -> throw fail("unknown element <" + c.local + "> in persistentDisposition", c);
      }
    }
    JsonObjectBuilder o = Jsonp.JSON.createObjectBuilder();
    if (hasSet) {
      o.add("set", set);
    }
    if (hasUnset) {
      o.add("unset", unset);
    }
    return o.build();
  }

  private JsonObject errorDeclaration(XNode n) {
    JsonObjectBuilder o = Jsonp.JSON.createObjectBuilder();
    for (XNode c : n.children) {
      if (c.isUnqualified()) {
        switch (c.local) {
          case "declarationTime", "reason" -> o.add(c.local, text(c));
          case "correctiveEventIDs" -> o.add(c.local, idList(c, "correctiveEventID"));
          default -> {
            // extension and user elements below
          }
        }
      }
    }
    return withExtensions(o, n, Set.of("declarationTime", "reason", "correctiveEventIDs"));
  }

  /**
   * Adds the user extensions of {@code n} ({@code prefix:localName} keys) and its standard {@code
   * extension} element (kept under the key {@code extension}) to {@code o}. Unqualified children
   * other than those in {@code known} are refused.
   */
  private JsonObject withExtensions(JsonObjectBuilder o, XNode n, Set<String> known) {
    List<XNode> user = new ArrayList<>();
    for (XNode c : n.children) {
      if (!c.isUnqualified()) {
        user.add(c);
      } else if (c.local.equals("extension")) {
        o.add("extension", extension(c));
      } else if (!known.contains(c.local)) {
        throw fail("unknown element <" + c.local + "> in " + n.local, c);
      }
    }
    ElementJson.addChildren(o, user, prefixes);
    return o.build();
  }

  private JsonValue extension(XNode n) {
    return ElementJson.toJson(n, prefixes, Set.of());
  }

  private EpcisXmlException fail(String problem, XNode at) {
    return new EpcisXmlException(problem, index, eventId, at.path);
  }

  /** Standard fields (once each) and extension keys (repeats become arrays), in document order. */
  private final class Fields {
    private final Map<String, Object> values = new LinkedHashMap<>();

    void put(String name, JsonValue value, XNode at) {
      if (values.containsKey(name)) {
        throw fail("<" + name + "> appears twice", at);
      }
      values.put(name, value);
    }

    @SuppressWarnings("unchecked")
    void extension(String key, JsonValue value) {
      Object existing = values.get(key);
      if (existing == null) {
        List<JsonValue> list = new ArrayList<>(1);
        list.add(value);
        values.put(key, list);
      } else {
        ((List<JsonValue>) existing).add(value);
      }
    }

    @SuppressWarnings("unchecked")
    void addTo(JsonObjectBuilder b) {
      values.forEach(
          (k, v) ->
              b.add(k, v instanceof JsonValue j ? j : ElementJson.single((List<JsonValue>) v)));
    }
  }
}
