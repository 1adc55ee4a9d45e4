package org.custodia.epcis.application;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodia.epcis.domain.EventQuery.Comparison;
import org.custodia.epcis.domain.EventQuery.FieldCondition;
import org.custodia.epcis.infrastructure.json.EpcisJson;
import org.custodia.epcis.infrastructure.json.EventFieldWalk;

/**
 * The EPCIS 2.0 query parameters answered from the field index: fixed names (EQ_transformationID,
 * EQ_quantity, EXISTS_errorDeclaration, the sensor filters, ...) and the flexible names built from a
 * field name ({@code EQ_ILMD_example:lot}, {@code GT_INNER_{http://ns.example.com/}temp}), a unit
 * ({@code GE_value_CEL}) or both. Field names are {@code prefix:local} (prefix from the GS1-Extensions
 * header, the standard EPCIS context, or else the prefixes captured documents declared), {@code
 * {namespace}local}, a full IRI, or the EPCIS 1.2 spelling {@code namespace#local}.
 */
final class FieldParameters {

  private static final Pattern FIELD =
      Pattern.compile("(EQ|GT|GE|LT|LE|EXISTS)_(INNER_)?(ILMD_|ERROR_DECLARATION_|SENSORELEMENT_|SENSORMETADATA_"
          + "|SENSORREPORT_|readPoint_|bizLocation_)?(.+)");
  private static final Pattern SENSOR_VALUE =
      Pattern.compile("(EQ|GT|GE|LT|LE)_(value|minValue|maxValue|meanValue|sDev|percValue)_([A-Za-z0-9]{2,4})");
  private static final Pattern QUANTITY = Pattern.compile("(EQ|GT|GE|LT|LE)_quantity(?:_([A-Za-z0-9]{2,4}))?");
  private static final Pattern ORDINAL = Pattern.compile("(EQ|GT|GE|LT|LE)_percRank");
  private static final List<String> SENSOR_TEXT =
      List.of("deviceID", "deviceMetadata", "rawData", "dataProcessingMethod", "bizRules", "microorganism",
          "chemicalSubstance", "stringValue", "uriValue");

  /** What an EXISTS_ parameter with value false asks: nothing. */
  static final FieldCondition NO_CONDITION =
      new FieldCondition("", "", List.of(), false, Comparison.EXISTS, null, null, null);

  private final Map<String, String> extensions;

  FieldParameters(Map<String, String> extensions) {
    this.extensions = extensions;
  }

  /** The prefixes a GS1-Extensions header declares ({@code p1=ns1, p2=ns2}); null or blank declares none. */
  static Map<String, String> extensions(String header) {
    Map<String, String> out = new LinkedHashMap<>();
    if (header == null || header.isBlank()) {
      return out;
    }
    for (String raw : header.split(",")) {
      String part = raw.trim();
      int eq = part.indexOf('=');
      if (eq <= 0 || eq == part.length() - 1) {
        throw EventQueryParameters.refused("GS1-Extensions", header,
            "the GS1-Extensions header must list prefix=namespace pairs separated by commas");
      }
      out.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
    }
    return out;
  }

  /**
   * The condition parameter {@code name} sets ({@link #NO_CONDITION} for none), or null when the name is
   * none of these parameters.
   * {@code values} are the parameter's values, lists already split.
   */
  FieldCondition condition(String name, List<String> values) {
    switch (name) {
      case "EQ_transformationID":
        return texts(name, "STD", "transformationID", values, UnaryOperator.identity());
      case "EQ_persistentDisposition_set":
        return texts(name, "STD", "persistentDisposition.set", values, EpcisJson::shortName);
      case "EQ_persistentDisposition_unset":
        return texts(name, "STD", "persistentDisposition.unset", values, EpcisJson::shortName);
      case "EXISTS_errorDeclaration":
        return exists(name, "ERROR", List.of("errorDeclaration"), false, values);
      case "GE_errorDeclarationTime", "GE_errorDeclaration_Time":
        return time(name, "ERROR", "errorDeclaration", Comparison.GE, values);
      case "LT_errorDeclarationTime", "LT_errorDeclaration_Time":
        return time(name, "ERROR", "errorDeclaration", Comparison.LT, values);
      case "EQ_errorReason":
        return texts(name, "ERROR", "reason", values, EpcisJson::shortName);
      case "EQ_correctiveEventID":
        return texts(name, "ERROR", "correctiveEventID", values, UnaryOperator.identity());
      case "EXISTS_sensorElementList":
        return exists(name, "SENSOR", List.of("sensorElementList"), false, values);
      case "GE_time", "LT_time", "GE_startTime", "LT_startTime", "GE_endTime", "LT_endTime":
        return time(name, "SENSOR", name.substring(3), Comparison.valueOf(name.substring(0, 2)), values);
      case "EQ_type":
        return texts(name, "SENSOR", "type", values, EventFieldWalk::measurementType);
      case "EQ_hexBinaryValue":
        return texts(name, "SENSOR", "hexBinaryValue", values, v -> v.toUpperCase(Locale.ROOT));
      case "EQ_booleanValue": {
        String v = EventQueryParameters.single(name, values);
        if (!v.equals("true") && !v.equals("false")) {
          throw EventQueryParameters.refused(name, v, name + " takes true or false");
        }
        return texts(name, "SENSOR", "booleanValue", values, UnaryOperator.identity());
      }
      default:
        break;
    }
    if (name.startsWith("EQ_") && SENSOR_TEXT.contains(name.substring(3))) {
      return texts(name, "SENSOR", name.substring(3), values, UnaryOperator.identity());
    }
    Matcher m = SENSOR_VALUE.matcher(name);
    if (m.matches()) {
      return numbers(name, "SENSOR", m.group(2) + "_" + m.group(3), Comparison.valueOf(m.group(1)), values);
    }
    m = QUANTITY.matcher(name);
    if (m.matches()) {
      String field = m.group(2) == null ? "quantity" : "quantity_" + m.group(2);
      return numbers(name, "STD", field, Comparison.valueOf(m.group(1)), values);
    }
    m = ORDINAL.matcher(name);
    if (m.matches()) {
      return numbers(name, "SENSOR", "percRank", Comparison.valueOf(m.group(1)), values);
    }
    m = FIELD.matcher(name);
    if (m.matches() && qualified(m.group(4))) {
      String area = area(m.group(3));
      if (m.group(2) != null) {
        area = area.equals("EXT") ? "INNER" : "INNER_" + area;
      }
      return field(name, area, m.group(4), Comparison.valueOf(m.group(1)), values);
    }
    return null;
  }

  private static String area(String prefix) {
    if (prefix == null) {
      return "EXT";
    }
    String p = prefix.substring(0, prefix.length() - 1);
    return switch (p) {
      case "readPoint" -> "READPOINT";
      case "bizLocation" -> "BIZLOCATION";
      default -> p;
    };
  }

  private static boolean qualified(String field) {
    return field.indexOf(':') > 0 || field.startsWith("{") && field.indexOf('}') > 1;
  }

  private FieldCondition field(String parameter, String area, String field, Comparison c, List<String> values) {
    List<String> names = new ArrayList<>();
    boolean prefixed = false;
    if (field.startsWith("{")) {
      int close = field.indexOf('}');
      names.add(EventFieldWalk.qualifiedName(field.substring(1, close), field.substring(close + 1)));
    } else if (field.startsWith("http://") || field.startsWith("https://") || field.startsWith("urn:")) {
      names.add(EventFieldWalk.iri(field));
    } else {
      int colon = field.indexOf(':');
      String prefix = field.substring(0, colon);
      String ns = extensions.getOrDefault(prefix, EventFieldWalk.STANDARD_PREFIXES.get(prefix));
      if (ns == null) {
        names.add(field);
        prefixed = true;
      } else {
        names.add(EventFieldWalk.qualifiedName(ns, field.substring(colon + 1)));
      }
    }
    return switch (c) {
      case EXISTS -> exists(parameter, area, names, prefixed, values);
      case EQ -> {
        requireValues(parameter, values);
        yield new FieldCondition(parameter, area, names, prefixed, c, values, List.of(), null);
      }
      default -> {
        String v = EventQueryParameters.single(parameter, values);
        OffsetDateTime t = EventFieldWalk.time(v);
        if (t != null) {
          yield new FieldCondition(parameter, area, names, prefixed, c, List.of(), List.of(), t);
        }
        yield new FieldCondition(parameter, area, names, prefixed, c, List.of(), List.of(number(parameter, v,
            " takes a number or a date-time with time zone")), null);
      }
    };
  }

  private static FieldCondition texts(
      String parameter, String area, String name, List<String> values, UnaryOperator<String> normal) {
    requireValues(parameter, values);
    return new FieldCondition(parameter, area, List.of(name), false, Comparison.EQ,
        values.stream().map(normal).toList(), List.of(), null);
  }

  private static FieldCondition numbers(String parameter, String area, String name, Comparison c, List<String> values) {
    List<BigDecimal> numbers = new ArrayList<>();
    if (c == Comparison.EQ) {
      requireValues(parameter, values);
      values.forEach(v -> numbers.add(number(parameter, v, " takes numbers")));
    } else {
      numbers.add(number(parameter, EventQueryParameters.single(parameter, values), " takes a number"));
    }
    return new FieldCondition(parameter, area, List.of(name), false, c, List.of(), numbers, null);
  }

  private static FieldCondition time(String parameter, String area, String name, Comparison c, List<String> values) {
    return new FieldCondition(parameter, area, List.of(name), false, c, List.of(), List.of(),
        EventQueryParameters.time(parameter, values));
  }

  /** EXISTS_: no value, true or 1 ask for the field; false or 0 ask for nothing (null). */
  private static FieldCondition exists(
      String parameter, String area, List<String> names, boolean prefixed, List<String> values) {
    String v = values.isEmpty() ? "" : EventQueryParameters.single(parameter, values);
    return switch (v) {
      case "", "true", "1" -> new FieldCondition(parameter, area, names, prefixed, Comparison.EXISTS, null, null, null);
      case "false", "0" -> NO_CONDITION;
      default -> throw EventQueryParameters.refused(parameter, v, parameter + " takes no value, true or false");
    };
  }

  private static void requireValues(String parameter, List<String> values) {
    if (values.isEmpty()) {
      throw EventQueryParameters.refused(parameter, "", parameter + " needs at least one value");
    }
  }

  private static BigDecimal number(String parameter, String v, String expected) {
    try {
      return new BigDecimal(v);
    } catch (NumberFormatException e) {
      throw EventQueryParameters.refused(parameter, v, parameter + expected + ", not \"" + v + "\"");
    }
  }
}
