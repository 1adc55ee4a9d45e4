package org.custodia.epcis.infrastructure.hash;

import org.custodia.epcis.infrastructure.EventFields;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the canonical pre-hash string of one EPCIS 2.0 JSON-LD event. The standard fields come in
 * the canonical property order of CBV 2.0 as {@code key=value} with no separators, lists as their
 * name followed by their items sorted; business transactions, sources, destinations, ILMD and user
 * extensions follow as one lexically sorted block, extension keys written as {@code
 * {namespace}localName}. Extensions inside {@code readPoint}, {@code bizLocation} and the sensor
 * structures close their parent's part.
 */
final class PreHashString {

  /** Fields that are not part of the event's identity (the hash must not depend on them). */
  private static final Set<String> EXCLUDED =
      Set.of(
          "type", "eventID", "recordTime", "errorDeclaration", "comment", "rdfs:comment", "#text");

  private static final List<String> EPC_LISTS_BEFORE_QUANTITIES =
      List.of("epcList", "inputEPCList", "childEPCs");


  /** Case-sensitive lexical order by Unicode code point, i.e. by UTF-8 byte values. */
  static final Comparator<String> LEXICAL =
      (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
          int ca = a.codePointAt(i);
          int cb = b.codePointAt(j);
          if (ca != cb) {
            return Integer.compare(ca, cb);
          }
          i += Character.charCount(ca);
          j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
      };

  private final Map<String, String> namespaces;
  private final StringBuilder out = new StringBuilder(512);

  private PreHashString(Map<String, String> namespaces) {
    this.namespaces = namespaces;
  }

  static String of(JsonObject event, Map<String, String> namespaces) {
    return new PreHashString(namespaces).build(event);
  }

  private String build(JsonObject e) {
    out.append("eventType=").append(text(e.get("type")));
    time("eventTime", e);
    plain("eventTimeZoneOffset", e);
    multi("certificationInfo", e.get("certificationInfo"));
    plain("parentID", e);
    for (String list : EPC_LISTS_BEFORE_QUANTITIES) {
      epcs(list, e);
    }
    quantities("quantityList", e);
    quantities("childQuantityList", e);
    quantities("inputQuantityList", e);
    epcs("outputEPCList", e);
    quantities("outputQuantityList", e);
    plain("action", e);
    plain("transformationID", e);
    vocab("bizStep", e, CanonicalValue.CBV + "BizStep-");
    vocab("disposition", e, CanonicalValue.CBV + "Disp-");
    persistentDisposition(e);
    location("readPoint", e);
    location("bizLocation", e);
    sensorElements(e);
    List<String> rest = new ArrayList<>();
    for (Map.Entry<String, JsonValue> field : e.entrySet()) {
      String key = field.getKey();
      if (EXCLUDED.contains(key) || key.startsWith("@") || isOrdered(key)) {
        continue;
      }
      switch (key) {
        case "bizTransactionList" -> typed(rest, key, "bizTransaction", "BTT-", field.getValue());
        case "sourceList" -> typed(rest, key, "source", "SDT-", field.getValue());
        case "destinationList" -> typed(rest, key, "destination", "SDT-", field.getValue());
        default -> generic(rest, key, field.getValue());
      }
    }
    rest.sort(LEXICAL);
    rest.forEach(out::append);
    return out.toString();
  }

  private static boolean isOrdered(String key) {
    return switch (key) {
      case "eventTime",
          "eventTimeZoneOffset",
          "certificationInfo",
          "parentID",
          "epcList",
          "inputEPCList",
          "childEPCs",
          "quantityList",
          "childQuantityList",
          "inputQuantityList",
          "outputEPCList",
          "outputQuantityList",
          "action",
          "transformationID",
          "bizStep",
          "disposition",
          "persistentDisposition",
          "readPoint",
          "bizLocation",
          "sensorElementList" ->
          true;
      default -> false;
    };
  }

  private void plain(String key, JsonObject o) {
    String v = text(o.get(key));
    if (v != null) {
      append(out, key, CanonicalValue.of(v, namespaces));
    }
  }

  private void time(String key, JsonObject o) {
    String v = text(o.get(key));
    if (v != null) {
      append(out, key, CanonicalValue.timestamp(v));
    }
  }

  private void vocab(String key, JsonObject o, String base) {
    String v = text(o.get(key));
    if (v != null) {
      append(out, key, CanonicalValue.vocabulary(v, base, namespaces));
    }
  }

  private void multi(String key, JsonValue value) {
    List<String> items = new ArrayList<>();
    for (JsonValue item : items(value)) {
      String v = text(item);
      if (v != null) {
        StringBuilder sb = new StringBuilder();
        append(sb, key, CanonicalValue.of(v, namespaces));
        items.add(sb.toString());
      }
    }
    items.sort(LEXICAL);
    items.forEach(out::append);
  }

  private void epcs(String list, JsonObject e) {
    List<String> items = new ArrayList<>();
    for (JsonValue item : items(e.get(list))) {
      String v = text(item);
      if (v != null) {
        StringBuilder sb = new StringBuilder();
        append(sb, "epc", CanonicalValue.of(v, namespaces));
        items.add(sb.toString());
      }
    }
    list(out, list, items);
  }

  private void quantities(String list, JsonObject e) {
    List<String> items = new ArrayList<>();
    for (JsonValue item : items(e.get(list))) {
      if (item instanceof JsonObject q) {
        StringBuilder sb = new StringBuilder();
        value(sb, "epcClass", q.get("epcClass"));
        value(sb, "quantity", q.get("quantity"));
        value(sb, "uom", q.get("uom"));
        if (sb.length() > 0) {
          items.add("quantityElement" + sb);
        }
      }
    }
    list(out, list, items);
  }

  private void persistentDisposition(JsonObject e) {
    if (!(e.get("persistentDisposition") instanceof JsonObject pd)) {
      return;
    }
    StringBuilder sb = new StringBuilder();
    for (String part : List.of("set", "unset")) {
      List<String> items = new ArrayList<>();
      for (JsonValue item : items(pd.get(part))) {
        String v = text(item);
        if (v != null) {
          StringBuilder one = new StringBuilder();
          append(one, part, CanonicalValue.vocabulary(v, CanonicalValue.CBV + "Disp-", namespaces));
          items.add(one.toString());
        }
      }
      items.sort(LEXICAL);
      items.forEach(sb::append);
    }
    if (sb.length() > 0) {
      out.append("persistentDisposition").append(sb);
    }
  }

  private void location(String key, JsonObject e) {
    if (!(e.get(key) instanceof JsonObject loc)) {
      return;
    }
    StringBuilder sb = new StringBuilder();
    value(sb, "id", loc.get("id"));
    extensions(sb, loc, Set.of("id"));
    if (sb.length() > 0) {
      out.append(key).append(sb);
    }
  }

  private void sensorElements(JsonObject e) {
    List<String> elements = new ArrayList<>();
    for (JsonValue item : items(e.get("sensorElementList"))) {
      if (!(item instanceof JsonObject element)) {
        continue;
      }
      StringBuilder sb = new StringBuilder();
      if (element.get("sensorMetadata") instanceof JsonObject md) {
        StringBuilder m = new StringBuilder();
        sensorFields(m, md, EventFields.METADATA);
        extensions(m, md, Set.copyOf(EventFields.METADATA));
        if (m.length() > 0) {
          sb.append("sensorMetadata").append(m);
        }
      }
      List<String> reports = new ArrayList<>();
      for (JsonValue r : items(element.get("sensorReport"))) {
        if (r instanceof JsonObject report) {
          StringBuilder m = new StringBuilder();
          sensorFields(m, report, EventFields.REPORT);
          extensions(m, report, Set.copyOf(EventFields.REPORT));
          if (m.length() > 0) {
            reports.add("sensorReport" + m);
          }
        }
      }
      reports.sort(LEXICAL);
      reports.forEach(sb::append);
      extensions(sb, element, Set.of("sensorMetadata", "sensorReport"));
      if (sb.length() > 0) {
        elements.add("sensorElement" + sb);
      }
    }
    list(out, "sensorElementList", elements);
  }

  private void sensorFields(StringBuilder sb, JsonObject o, List<String> order) {
    for (String key : order) {
      String v = text(o.get(key));
      if (v == null) {
        continue;
      }
      String canonical =
          switch (key) {
            case "time", "startTime", "endTime" -> CanonicalValue.timestamp(v);
            case "type", "exception" ->
                CanonicalValue.vocabulary(v, CanonicalValue.GS1_VOC, namespaces);
            case "component" ->
                CanonicalValue.vocabulary(v, CanonicalValue.CBV + "Comp-", namespaces);
            default -> CanonicalValue.of(v, namespaces);
          };
      append(sb, key, canonical);
    }
  }

  /** Business transactions, sources, destinations: {@code type=…} first, then the identifier. */
  private void typed(List<String> rest, String list, String name, String typeBase, JsonValue v) {
    List<String> items = new ArrayList<>();
    for (JsonValue item : items(v)) {
      if (item instanceof JsonObject o) {
        StringBuilder sb = new StringBuilder();
        String type = text(o.get("type"));
        if (type != null) {
          append(
              sb,
              "type",
              CanonicalValue.vocabulary(type, CanonicalValue.CBV + typeBase, namespaces));
        }
        value(sb, name, o.get(name));
        if (sb.length() > 0) {
          items.add(sb.toString());
        }
      }
    }
    StringBuilder sb = new StringBuilder();
    list(sb, list, items);
    if (sb.length() > 0) {
      rest.add(sb.toString());
    }
  }

  /** User extensions of a standard structure, sorted, at the end of its part. */
  private void extensions(StringBuilder sb, JsonObject o, Set<String> standard) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, JsonValue> field : o.entrySet()) {
      String key = field.getKey();
      if (!standard.contains(key) && !EXCLUDED.contains(key) && !key.startsWith("@")) {
        generic(parts, key, field.getValue());
      }
    }
    parts.sort(LEXICAL);
    parts.forEach(sb::append);
  }

  /**
   * ILMD, user extensions and anything else: {@code {ns}local=value}, nested elements followed by
   * their sorted children, an array as one element per item.
   */
  private void generic(List<String> parts, String key, JsonValue value) {
    String name = expandKey(key);
    if (value instanceof JsonArray array) {
      for (JsonValue item : array) {
        generic(parts, key, item);
      }
      return;
    }
    if (value instanceof JsonObject o) {
      List<String> children = new ArrayList<>();
      for (Map.Entry<String, JsonValue> field : o.entrySet()) {
        if (!EXCLUDED.contains(field.getKey()) && !field.getKey().startsWith("@")) {
          generic(children, field.getKey(), field.getValue());
        }
      }
      children.sort(LEXICAL);
      String inner = String.join("", children);
      String text = text(o.get("#text"));
      StringBuilder sb = new StringBuilder(name);
      if (text != null && !text.isBlank()) {
        sb.append('=').append(CanonicalValue.of(text, namespaces));
      }
      parts.add(sb.append(inner).toString());
      return;
    }
    String v = text(value);
    if (v == null) {
      return;
    }
    String canonical = CanonicalValue.of(v, namespaces);
    parts.add(canonical.isEmpty() ? name : name + "=" + canonical);
  }

  /**
   * {@code prefix:local} with a declared prefix becomes {@code {namespace}local}. An undeclared {@code
   * cbvmda} is the one the EPCIS JSON-LD context predefines, {@code urn:epcglobal:cbv:mda:} (with its
   * colon, as GS1's reference hashes have it; XML documents declare {@code urn:epcglobal:cbv:mda}, a
   * different IRI to the algorithm).
   */
  private String expandKey(String key) {
    int colon = key.indexOf(':');
    if (colon > 0) {
      String prefix = key.substring(0, colon);
      String ns = namespaces.get(prefix);
      if (ns == null && prefix.equals("cbvmda")) {
        ns = CBV_MDA_JSON_LD;
      }
      if (ns != null) {
        return "{" + ns + "}" + key.substring(colon + 1);
      }
    }
    return key;
  }

  private static final String CBV_MDA_JSON_LD = "urn:epcglobal:cbv:mda:";

  private void value(StringBuilder sb, String key, JsonValue v) {
    String s = text(v);
    if (s != null) {
      append(sb, key, CanonicalValue.of(s, namespaces));
    }
  }

  private static void append(StringBuilder sb, String key, String canonical) {
    if (!canonical.isEmpty()) {
      sb.append(key).append('=').append(canonical);
    }
  }

  private static void list(StringBuilder sb, String name, List<String> items) {
    if (items.isEmpty()) {
      return;
    }
    items.sort(LEXICAL);
    sb.append(name);
    items.forEach(sb::append);
  }

  private static List<JsonValue> items(JsonValue v) {
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return List.of();
    }
    return v instanceof JsonArray a ? a : List.of(v);
  }

  /** The lexical form of a scalar; {@code null} for a missing value, JSON null or a structure. */
  static String text(JsonValue v) {
    if (v == null) {
      return null;
    }
    return switch (v.getValueType()) {
      case STRING -> ((JsonString) v).getString();
      case NUMBER -> ((JsonNumber) v).bigDecimalValue().toString();
      case TRUE -> "true";
      case FALSE -> "false";
      default -> null;
    };
  }
}
