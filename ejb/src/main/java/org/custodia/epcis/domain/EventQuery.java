package org.custodia.epcis.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A SimpleEventQuery of the EPCIS standard, as far as the repository answers it: each list is an OR of
 * its values, the parameters an AND. EPC lists by role hold exact identifiers or EPC patterns
 * ({@code urn:epc:idpat:sgtin:0614141.107346.*}); typed lists (business transactions, sources,
 * destinations) are keyed by CBV short type. {@code fields} are the conditions on indexed fields (see
 * {@link IndexedField}): extension fields, ILMD, sensor data, error declarations, persistent dispositions,
 * quantities, transformation IDs; {@code wdReadPoints} and {@code wdBizLocations} match a location or one
 * below it.
 */
public record EventQuery(
    List<String> eventTypes,
    OffsetDateTime geEventTime,
    OffsetDateTime ltEventTime,
    OffsetDateTime geRecordTime,
    OffsetDateTime ltRecordTime,
    List<String> actions,
    List<String> bizSteps,
    List<String> dispositions,
    List<String> readPoints,
    List<String> bizLocations,
    List<String> eventIds,
    Map<List<String>, List<String>> epcsByRoles,
    Map<String, List<String>> bizTransactions,
    Map<String, List<String>> sources,
    Map<String, List<String>> destinations,
    boolean orderByRecordTime,
    boolean ascending,
    Integer eventCountLimit,
    int perPage,
    Cursor after,
    List<FieldCondition> fields,
    List<String> wdReadPoints,
    List<String> wdBizLocations) {

  /** How a {@link FieldCondition} compares. */
  public enum Comparison {
    EQ, GT, GE, LT, LE, EXISTS
  }

  /**
   * Events having a field of {@code area} named one of {@code names} (the spellings of one field) whose
   * value compares so: EQ with one of {@code texts} (or of {@code numbers} for numeric fields), GT to LE
   * with the one value of {@code numbers} or with {@code time}, EXISTS with any value. When {@code prefixed} is true, the name is {@code prefix:local} with a prefix
   * the query could not expand; the repository expands it with the prefixes captured documents declared.
   * {@code parameter} is the query parameter it came from.
   */
  public record FieldCondition(
      String parameter,
      String area,
      List<String> names,
      boolean prefixed,
      Comparison comparison,
      List<String> texts,
      List<BigDecimal> numbers,
      OffsetDateTime time) {

    public FieldCondition {
      names = List.copyOf(names);
      texts = texts == null ? List.of() : List.copyOf(texts);
      numbers = numbers == null ? List.of() : List.copyOf(numbers);
    }
  }

  /**
   * This query as a subscription runs it: in record-time order after {@code after}, recorded before
   * {@code recordedBefore} (a safety lag behind the clock, so transactions still committing are not
   * skipped), at most {@code perPage} events.
   */
  public EventQuery forSubscription(Cursor after, OffsetDateTime recordedBefore, int perPage) {
    OffsetDateTime lt = ltRecordTime == null || recordedBefore.isBefore(ltRecordTime) ? recordedBefore : ltRecordTime;
    return new EventQuery(eventTypes, geEventTime, ltEventTime, geRecordTime, lt, actions, bizSteps, dispositions,
        readPoints, bizLocations, eventIds, epcsByRoles, bizTransactions, sources, destinations, true, true, null,
        perPage, after, fields, wdReadPoints, wdBizLocations);
  }

  /** Where the previous page ended: the sort time (microseconds since the epoch) and the row id. */
  public record Cursor(long timeMicros, long id) {}
}
