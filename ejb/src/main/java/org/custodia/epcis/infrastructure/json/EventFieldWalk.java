package org.custodia.epcis.infrastructure.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.custodia.epcis.domain.IndexedField;

/**
 * Collects in one walk over an event's parsed JSON-LD the values the flexible EPCIS query parameters ask
 * for (see {@link IndexedField} and the V8 migration for the areas and names). Extension field names are
 * expanded to {@code {namespace}local} with the event's own {@code @context} and the prefixes of the
 * standard EPCIS context; a prefix neither declares stays as written.
 */
public final class EventFieldWalk {

  /** The prefixes the standard EPCIS 2.0 JSON-LD context defines. */
  public static final Map<String, String> STANDARD_PREFIXES =
      Map.of(
          "epcis", "https://ref.gs1.org/epcis/",
          "cbv", "https://ref.gs1.org/cbv/",
          "cbvmda", "urn:epcglobal:cbv:mda:",
          "gs1", "https://gs1.org/voc/",
          "rdfs", "http://www.w3.org/2000/01/rdf-schema#",
          "owl", "http://www.w3.org/2002/07/owl#",
          "xsd", "http://www.w3.org/2001/XMLSchema#",
          "dcterms", "http://purl.org/dc/terms/");

  static final int MAX_TEXT_BYTES = 1000;

  private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d{1,3})?");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Set<String> QUANTITY_LISTS =
      Set.of("quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList");
  private static final Set<String> SENSOR_TEXT =
      Set.of("deviceID", "deviceMetadata", "rawData", "dataProcessingMethod", "bizRules", "microorganism",
          "chemicalSubstance", "stringValue", "uriValue");
  private static final Set<String> SENSOR_NUMBERS =
      Set.of("value", "minValue", "maxValue", "meanValue", "sDev", "percValue");

  /** The fields of one event and the prefixes (beyond the standard ones) their names were expanded with. */
  public record Result(List<IndexedField> fields, Map<String, String> namespaces) {}

  private final Map<String, String> context;
  private final Set<IndexedField> out = new LinkedHashSet<>();
  private final Map<String, String> used = new HashMap<>();

  private EventFieldWalk(Map<String, String> context) {
    this.context = context;
  }

  /** The indexed fields of {@code event}. */
  public static Result of(JsonObject event) {
    EventFieldWalk w = new EventFieldWalk(contextOf(event.get("@context")));
    w.event(event);
    return new Result(new ArrayList<>(w.out), w.used);
  }

  private void event(JsonObject e) {
    for (Map.Entry<String, JsonValue> f : e.entrySet()) {
      String key = f.getKey();
      JsonValue v = f.getValue();
      switch (key) {
        case "ilmd" -> extensionsOf(v, "ILMD");
        case "readPoint" -> extensionsOf(v, "READPOINT");
        case "bizLocation" -> extensionsOf(v, "BIZLOCATION");
        case "errorDeclaration" -> errorDeclaration(v);
        case "persistentDisposition" -> persistentDisposition(v);
        case "transformationID" -> add("STD", "transformationID", v);
        case "sensorElementList" -> sensors(v);
        default -> {
          if (QUANTITY_LISTS.contains(key)) {
            quantities(v);
          } else if (isExtension(key)) {
            extension("EXT", key, v);
          }
        }
      }
    }
  }

  private void errorDeclaration(JsonValue v) {
    if (!(v instanceof JsonObject d)) {
      return;
    }
    out.add(new IndexedField("ERROR", "errorDeclaration", null, null, time(text(d.get("declarationTime")))));
    String reason = text(d.get("reason"));
    if (reason != null) {
      out.add(new IndexedField("ERROR", "reason", EpcisJson.shortName(reason), null, null));
    }
    if (d.get("correctiveEventIDs") instanceof JsonArray ids) {
      ids.forEach(id -> add("ERROR", "correctiveEventID", id));
    }
    extensionsOf(d, "ERROR_DECLARATION");
  }

  private void persistentDisposition(JsonValue v) {
    if (v instanceof JsonObject p) {
      for (String part : List.of("set", "unset")) {
        if (p.get(part) instanceof JsonArray a) {
          for (JsonValue d : a) {
            String s = text(d);
            if (s != null) {
              out.add(new IndexedField("STD", "persistentDisposition." + part, EpcisJson.shortName(s), null, null));
            }
          }
        }
      }
    }
  }

  private void quantities(JsonValue v) {
    if (v instanceof JsonArray list) {
      for (JsonValue q : list) {
        if (q instanceof JsonObject o && o.get("quantity") != null) {
          BigDecimal number = number(o.get("quantity"));
          if (number != null) {
            out.add(new IndexedField("STD", "quantity", null, number, null));
            String uom = text(o.get("uom"));
            if (uom != null) {
              out.add(new IndexedField("STD", "quantity_" + uom, null, number, null));
            }
          }
        }
      }
    }
  }

  private void sensors(JsonValue v) {
    if (!(v instanceof JsonArray elements)) {
      return;
    }
    for (JsonValue el : elements) {
      if (!(el instanceof JsonObject element)) {
        continue;
      }
      out.add(IndexedField.present("SENSOR", "sensorElementList"));
      for (Map.Entry<String, JsonValue> f : element.entrySet()) {
        switch (f.getKey()) {
          case "sensorMetadata" -> sensorPart(f.getValue(), "SENSORMETADATA", null);
          case "sensorReport" -> {
            if (f.getValue() instanceof JsonArray reports) {
              reports.forEach(r -> sensorPart(r, "SENSORREPORT", r instanceof JsonObject o ? text(o.get("uom")) : null));
            }
          }
          default -> {
            if (isExtension(f.getKey())) {
              extension("SENSORELEMENT", f.getKey(), f.getValue());
            }
          }
        }
      }
    }
  }

  /** sensorMetadata or one sensorReport: its standard attributes under SENSOR, its extensions in {@code area}. */
  private void sensorPart(JsonValue v, String area, String uom) {
    if (!(v instanceof JsonObject o)) {
      return;
    }
    for (Map.Entry<String, JsonValue> f : o.entrySet()) {
      String key = f.getKey();
      JsonValue value = f.getValue();
      if (SENSOR_TEXT.contains(key)) {
        add("SENSOR", key, value);
      } else if (key.equals("type")) {
        String t = text(value);
        if (t != null) {
          out.add(new IndexedField("SENSOR", "type", measurementType(t), null, null));
        }
      } else if (key.equals("hexBinaryValue")) {
        String h = text(value);
        if (h != null) {
          out.add(new IndexedField("SENSOR", "hexBinaryValue", h.toUpperCase(Locale.ROOT), null, null));
        }
      } else if (key.equals("booleanValue")) {
        if (value == JsonValue.TRUE || value == JsonValue.FALSE || value instanceof JsonString) {
          out.add(new IndexedField("SENSOR", "booleanValue", text(value), null, null));
        }
      } else if (key.equals("time") || key.equals("startTime") || key.equals("endTime")) {
        OffsetDateTime t = time(text(value));
        if (t != null) {
          out.add(new IndexedField("SENSOR", key, null, null, t));
        }
      } else if (key.equals("percRank")) {
        out.add(new IndexedField("SENSOR", "percRank", null, number(value), null));
      } else if (SENSOR_NUMBERS.contains(key)) {
        BigDecimal n = number(value);
        if (uom != null && n != null) {
          out.add(new IndexedField("SENSOR", key + "_" + uom, null, n, null));
        }
      } else if (isExtension(key)) {
        extension(area, key, value);
      }
    }
  }

  /** The standard measurement types as bare words ({@code gs1:Temperature} → {@code Temperature}). */
  public static String measurementType(String type) {
    if (type.startsWith("gs1:")) {
      return type.substring(4);
    }
    if (type.startsWith("https://gs1.org/voc/")) {
      return type.substring("https://gs1.org/voc/".length());
    }
    return type;
  }

  private void extensionsOf(JsonValue v, String area) {
    if (v instanceof JsonObject o) {
      for (Map.Entry<String, JsonValue> f : o.entrySet()) {
        if (isExtension(f.getKey())) {
          extension(area, f.getKey(), f.getValue());
        }
      }
    }
  }

  /** A top-level extension field of {@code area}; fields nested in it go to INNER_{@code area}. */
  private void extension(String area, String key, JsonValue v) {
    String name = expand(key);
    String inner = area.equals("EXT") ? "INNER" : "INNER_" + area;
    value(area, name, v, inner);
  }

  private void value(String area, String name, JsonValue v, String inner) {
    if (v instanceof JsonArray a) {
      if (a.isEmpty()) {
        out.add(IndexedField.present(area, name));
      }
      a.forEach(x -> value(area, name, x, inner));
    } else if (v instanceof JsonObject o && !o.containsKey("@value")) {
      out.add(IndexedField.present(area, name));
      for (Map.Entry<String, JsonValue> f : o.entrySet()) {
        if (!f.getKey().startsWith("@")) {
          value(inner, expand(f.getKey()), f.getValue(), inner);
        }
      }
    } else {
      add(area, name, v instanceof JsonObject o ? o.get("@value") : v);
    }
  }

  private void add(String area, String name, JsonValue v) {
    String s = text(v);
    if (s == null) {
      out.add(IndexedField.present(area, name));
      return;
    }
    String stored = s.getBytes(StandardCharsets.UTF_8).length <= MAX_TEXT_BYTES ? s : null;
    out.add(new IndexedField(area, name, stored, number(v), time(s)));
  }

  private static boolean isExtension(String key) {
    return key.indexOf(':') > 0 && !key.startsWith("@");
  }

  /** {@code prefix:local} or a full IRI as {@code {namespace}local}; an unknown prefix stays as written. */
  private String expand(String key) {
    int colon = key.indexOf(':');
    if (colon < 0) {
      return key;
    }
    String prefix = key.substring(0, colon);
    if (key.startsWith("http://") || key.startsWith("https://") || key.startsWith("urn:")) {
      return iri(key);
    }
    String ns = context.get(prefix);
    if (ns != null) {
      used.put(prefix, ns);
    } else {
      ns = STANDARD_PREFIXES.get(prefix);
    }
    return ns == null ? key : qualifiedName(ns, key.substring(colon + 1));
  }

  /**
   * The indexed name of a field: {@code {namespace}local}, the namespace without a trailing {@code /},
   * {@code #} or {@code :}, so the spellings XML and JSON-LD documents use for one namespace ({@code
   * http://ns.example.com/epcis} and {@code http://ns.example.com/epcis/}, {@code urn:epcglobal:cbv:mda} and
   * {@code urn:epcglobal:cbv:mda:}) name the same field.
   */
  public static String qualifiedName(String namespace, String local) {
    String ns = namespace;
    if (!ns.isEmpty() && "/#:".indexOf(ns.charAt(ns.length() - 1)) >= 0) {
      ns = ns.substring(0, ns.length() - 1);
    }
    return "{" + ns + "}" + local;
  }

  /**
   * A full IRI, or the EPCIS 1.2 spelling {@code namespace#local}, split at its last {@code #}, {@code /}
   * or (URNs) {@code :} into {@link #qualifiedName}.
   */
  public static String iri(String iri) {
    int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
    if (iri.startsWith("urn:")) {
      cut = Math.max(cut, iri.lastIndexOf(':'));
    }
    return qualifiedName(iri.substring(0, cut), iri.substring(cut + 1));
  }

  private static Map<String, String> contextOf(JsonValue c) {
    Map<String, String> prefixes = new LinkedHashMap<>();
    if (c instanceof JsonObject o) {
      o.forEach((k, v) -> {
        if (v instanceof JsonString s) {
          prefixes.put(k, s.getString());
        }
      });
    } else if (c instanceof JsonArray a) {
      a.forEach(x -> prefixes.putAll(contextOf(x)));
    }
    return prefixes;
  }

  private static String text(JsonValue v) {
    if (v instanceof JsonString s) {
      return s.getString();
    }
    if (v instanceof JsonNumber n) {
      return n.toString();
    }
    if (v == JsonValue.TRUE) {
      return "true";
    }
    if (v == JsonValue.FALSE) {
      return "false";
    }
    return null;
  }

  /** The value as a number when it is one or a string that reads as a decimal, else null. */
  static BigDecimal number(JsonValue v) {
    BigDecimal n = null;
    if (v instanceof JsonNumber j) {
      n = j.bigDecimalValue();
    } else if (v instanceof JsonString s && DECIMAL.matcher(s.getString()).matches()) {
      n = new BigDecimal(s.getString());
    }
    // NUMBER holds 38 significant digits and exponents up to 125
    return n != null && n.precision() <= 38 && Math.abs(n.precision() - n.scale()) < 120 ? n : null;
  }

  /** The value as a point in time when it reads as a date-time with offset or a date (midnight UTC). */
  public static OffsetDateTime time(String s) {
    if (s == null || s.length() < 10 || !Character.isDigit(s.charAt(0))) {
      return null;
    }
    try {
      if (DATE.matcher(s).matches()) {
        return LocalDate.parse(s).atStartOfDay().atOffset(ZoneOffset.UTC);
      }
      return s.length() > 16 && s.charAt(10) == 'T' ? OffsetDateTime.parse(s) : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
