package org.custodia.epcis.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A SimpleEventQuery of the EPCIS standard, as far as the repository answers it: each list is an OR of
 * its values, the parameters an AND. EPC lists by role hold exact identifiers or EPC patterns
 * ({@code urn:epc:idpat:sgtin:0614141.107346.*}); typed lists (business transactions, sources,
 * destinations) are keyed by CBV short type.
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
    Cursor after) {

  /**
   * This query as a subscription runs it: in record-time order after {@code after}, recorded before
   * {@code recordedBefore} (a safety lag behind the clock, so transactions still committing are not
   * skipped), at most {@code perPage} events.
   */
  public EventQuery forSubscription(Cursor after, OffsetDateTime recordedBefore, int perPage) {
    OffsetDateTime lt = ltRecordTime == null || recordedBefore.isBefore(ltRecordTime) ? recordedBefore : ltRecordTime;
    return new EventQuery(eventTypes, geEventTime, ltEventTime, geRecordTime, lt, actions, bizSteps, dispositions,
        readPoints, bizLocations, eventIds, epcsByRoles, bizTransactions, sources, destinations, true, true, null,
        perPage, after);
  }

  /** Where the previous page ended: the sort time (microseconds since the epoch) and the row id. */
  public record Cursor(long timeMicros, long id) {}
}
