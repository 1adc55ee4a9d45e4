package org.custodia.epcis.application;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodia.epcis.domain.EventQuery;
import org.custodia.epcis.infrastructure.json.EpcisJson;
import org.custodia.platform.DomainException;

/**
 * Reads the standard query parameters of the EPCIS 2.0 REST binding into an {@link EventQuery}. Lists are
 * accepted comma-separated or repeated. A parameter the repository does not answer is refused by name
 * rather than ignored, so a client never mistakes an unfiltered answer for a filtered one. Parameters on
 * extension fields, ILMD, sensor data, error declarations and the like are read by {@link FieldParameters}.
 */
public final class EventQueryParameters {

  static final int DEFAULT_PER_PAGE = 30;
  static final int MAX_PER_PAGE = 1000;

  private static final Map<String, List<String>> EPC_ROLES =
      Map.of(
          "MATCH_epc", List.of("EPC", "CHILD"),
          "MATCH_parentID", List.of("PARENT"),
          "MATCH_inputEPC", List.of("INPUT"),
          "MATCH_outputEPC", List.of("OUTPUT"),
          "MATCH_anyEPC", List.of("EPC", "CHILD", "PARENT", "INPUT", "OUTPUT"),
          "MATCH_epcClass", List.of("CLASS", "CHILD_CLASS"),
          "MATCH_inputEPCClass", List.of("INPUT_CLASS"),
          "MATCH_outputEPCClass", List.of("OUTPUT_CLASS"),
          "MATCH_anyEPCClass", List.of("CLASS", "CHILD_CLASS", "INPUT_CLASS", "OUTPUT_CLASS"));

  private EventQueryParameters() {}

  /** The query the parameters describe; a {@link QueryParameterException} names a bad one. */
  public static EventQuery parse(Map<String, List<String>> params) {
    return parse(params, null);
  }

  /**
   * As {@link #parse(Map)}, with the namespace prefixes of a GS1-Extensions header ({@code
   * example=http://ns.example.com/epcis/, ...}) for the field names of the parameters; null for none.
   */
  public static EventQuery parse(Map<String, List<String>> params, String gs1Extensions) {
    FieldParameters fieldParameters = new FieldParameters(FieldParameters.extensions(gs1Extensions));
    List<EventQuery.FieldCondition> fields = new ArrayList<>();
    List<String> wdReadPoints = List.of();
    List<String> wdBizLocations = List.of();
    List<String> eventTypes = List.of();
    OffsetDateTime geEvent = null;
    OffsetDateTime ltEvent = null;
    OffsetDateTime geRecord = null;
    OffsetDateTime ltRecord = null;
    List<String> actions = List.of();
    List<String> bizSteps = List.of();
    List<String> dispositions = List.of();
    List<String> readPoints = List.of();
    List<String> bizLocations = List.of();
    List<String> eventIds = List.of();
    Map<List<String>, List<String>> epcs = new LinkedHashMap<>();
    Map<String, List<String>> biz = new LinkedHashMap<>();
    Map<String, List<String>> sources = new LinkedHashMap<>();
    Map<String, List<String>> destinations = new LinkedHashMap<>();
    boolean byRecordTime = false;
    boolean ascending = false;
    Integer countLimit = null;
    int perPage = DEFAULT_PER_PAGE;
    EventQuery.Cursor after = null;
    for (Map.Entry<String, List<String>> p : params.entrySet()) {
      String name = p.getKey();
      List<String> values = split(p.getValue());
      switch (name) {
        case "eventType" -> eventTypes = values;
        case "GE_eventTime" -> geEvent = time(name, values);
        case "LT_eventTime" -> ltEvent = time(name, values);
        case "GE_recordTime" -> geRecord = time(name, values);
        case "LT_recordTime" -> ltRecord = time(name, values);
        case "EQ_action" -> actions = values;
        case "EQ_bizStep" -> bizSteps = values.stream().map(EpcisJson::shortName).toList();
        case "EQ_disposition" -> dispositions = values.stream().map(EpcisJson::shortName).toList();
        case "EQ_readPoint" -> readPoints = values;
        case "EQ_bizLocation" -> bizLocations = values;
        case "EQ_eventID" -> eventIds = values;
        case "orderBy" -> byRecordTime = orderBy(values);
        case "orderDirection" -> ascending = direction(values);
        case "eventCountLimit", "maxEventCount" -> countLimit = positive(name, values, Integer.MAX_VALUE);
        case "perPage" -> perPage = positive(name, values, MAX_PER_PAGE);
        case "nextPageToken" -> after = cursor(values);
        case "WD_readPoint" -> wdReadPoints = values;
        case "WD_bizLocation" -> wdBizLocations = values;
        default -> {
          if (EPC_ROLES.containsKey(name)) {
            epcs.merge(EPC_ROLES.get(name), values, (a, b) -> concat(a, b));
          } else if (name.startsWith("EQ_bizTransaction_")) {
            biz.put(EpcisJson.shortName(name.substring("EQ_bizTransaction_".length())), values);
          } else if (name.startsWith("EQ_source_")) {
            sources.put(EpcisJson.shortName(name.substring("EQ_source_".length())), values);
          } else if (name.startsWith("EQ_destination_")) {
            destinations.put(EpcisJson.shortName(name.substring("EQ_destination_".length())), values);
          } else if (name.startsWith("HASATTR_") || name.startsWith("EQ_ATTR_")) {
            throw refused(name, String.join(",", values), "the query parameter " + name
                + " is not supported: this repository holds no EPCIS vocabulary master data attributes");
          } else {
            EventQuery.FieldCondition c = fieldParameters.condition(name, values);
            if (c == null) {
              throw refused(name, String.join(",", values), "the query parameter " + name + " is not supported");
            }
            if (c != FieldParameters.NO_CONDITION) {
              fields.add(c);
            }
          }
        }
      }
    }
    return new EventQuery(eventTypes, geEvent, ltEvent, geRecord, ltRecord, actions, bizSteps, dispositions,
        readPoints, bizLocations, eventIds, epcs, biz, sources, destinations, byRecordTime, ascending, countLimit,
        perPage, after, fields, wdReadPoints, wdBizLocations);
  }

  /** The token that continues a query after {@code cursor}. */
  public static String token(EventQuery.Cursor cursor) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((cursor.timeMicros() + "." + cursor.id()).getBytes(StandardCharsets.US_ASCII));
  }

  private static EventQuery.Cursor cursor(List<String> values) {
    String v = single("nextPageToken", values);
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(v), StandardCharsets.US_ASCII).split("\\.");
      return new EventQuery.Cursor(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      throw refused("nextPageToken", v, "nextPageToken is not a token this server issued");
    }
  }

  private static List<String> split(List<String> raw) {
    List<String> out = new ArrayList<>();
    for (String r : raw) {
      for (String v : r.split(",")) {
        if (!v.isBlank()) {
          out.add(v.trim());
        }
      }
    }
    return out;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  static String single(String name, List<String> values) {
    if (values.size() != 1) {
      throw refused(name, String.join(",", values), name + " takes exactly one value");
    }
    return values.get(0);
  }

  static OffsetDateTime time(String name, List<String> values) {
    String v = single(name, values);
    try {
      return OffsetDateTime.parse(v);
    } catch (DateTimeParseException e) {
      throw refused(name, v, name + " must be a date-time with a time zone, e.g. 2026-11-27T10:00:00Z, not \"" + v + "\"");
    }
  }

  private static boolean orderBy(List<String> values) {
    String v = single("orderBy", values);
    if (!v.equals("eventTime") && !v.equals("recordTime")) {
      throw refused("orderBy", v, "orderBy takes eventTime or recordTime");
    }
    return v.equals("recordTime");
  }

  private static boolean direction(List<String> values) {
    String v = single("orderDirection", values);
    if (!v.equals("ASC") && !v.equals("DESC")) {
      throw refused("orderDirection", v, "orderDirection takes ASC or DESC");
    }
    return v.equals("ASC");
  }

  private static int positive(String name, List<String> values, int max) {
    String v = single(name, values);
    try {
      int n = Integer.parseInt(v);
      if (n < 1 || n > max) {
        throw refused(name, v, name + " must be 1 to " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw refused(name, v, name + " must be a whole number");
    }
  }

  static QueryParameterException refused(String name, String value, String message) {
    return new QueryParameterException(name, value, message);
  }

  /** A query parameter the repository cannot answer, named with its value (EPCIS QueryParameterException). */
  public static class QueryParameterException extends DomainException {
    private static final long serialVersionUID = 1L;

    QueryParameterException(String name, String value, String message) {
      super(Kind.INVALID, "QueryParameterException", name, value, message);
    }
  }
}
