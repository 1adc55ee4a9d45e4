package org.custodia.epcis.interfaces.web;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;
import org.custodia.gs1.Gs1Exception;

/**
 * The filter form of the event browser, and its translation into the standard query parameters of
 * the EPCIS REST binding ({@code GET /events}), so that the screen answers exactly what the API
 * would. Input people type naturally is read here: times without a zone are UTC and a date alone
 * means the whole day; the EPC and the business location may be scanned or typed in any GS1 form
 * ({@link IdentifierInput}).
 */
public class EventFilter implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A filter value that cannot be asked for: the form field, and a sentence naming the value. */
  static final class InvalidFilterException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String field;

    InvalidFilterException(String field, String sentence) {
      super(sentence);
      this.field = field;
    }

    /** The id of the form field at fault. */
    String field() {
      return field;
    }
  }

  /** The query parameters, and sentences about how the input was read. */
  record Parameters(Map<String, List<String>> values, List<String> notes) {}

  /** The labels of the form fields, as messages name them. */
  static final Map<String, String> LABELS =
      Map.of(
          "eventType", "Event type",
          "from", "Event time from",
          "to", "Event time to",
          "bizStep", "Business step",
          "disposition", "Disposition",
          "epc", "EPC",
          "bizLocation", "Business location",
          "bizTransaction", "Business transaction");

  private String eventType;
  private String from;
  private String to;
  private String bizStep;
  private String disposition;
  private String epc;
  private String bizLocation;
  private String bizTransactionType = "po";
  private String bizTransaction;

  /**
   * The query parameters of this filter, without paging and order.
   *
   * @param prefixLength the registered company prefix length of a GS1 key's digits
   * @throws InvalidFilterException naming the first field whose value cannot be asked for
   */
  Parameters toParameters(Function<String, OptionalInt> prefixLength)
      throws InvalidFilterException {
    Map<String, List<String>> p = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    if (!blank(eventType)) {
      p.put("eventType", List.of(eventType.strip()));
    }
    if (!blank(from)) {
      p.put("GE_eventTime", List.of(time("from", from, false).toString()));
    }
    if (!blank(to)) {
      p.put("LT_eventTime", List.of(time("to", to, true).toString()));
    }
    if (!blank(bizStep)) {
      p.put("EQ_bizStep", List.of(bizStep.strip()));
    }
    if (!blank(disposition)) {
      p.put("EQ_disposition", List.of(disposition.strip()));
    }
    if (!blank(epc)) {
      IdentifierInput.Reading r = identifier("epc", epc, prefixLength);
      p.put(r.epcClass() ? "MATCH_anyEPCClass" : "MATCH_anyEPC", r.values());
      if (r.note() != null) {
        notes.add(r.note());
      }
    }
    if (!blank(bizLocation)) {
      IdentifierInput.Reading r = identifier("bizLocation", bizLocation, prefixLength);
      p.put("EQ_bizLocation", r.values());
      if (r.note() != null) {
        notes.add(r.note());
      }
    }
    if (!blank(bizTransaction)) {
      if (blank(bizTransactionType)) {
        throw new InvalidFilterException(
            "bizTransaction", "Business transaction: choose the type of \"" + bizTransaction.strip() + "\".");
      }
      p.put("EQ_bizTransaction_" + bizTransactionType.strip(), List.of(bizTransaction.strip()));
    }
    return new Parameters(p, notes);
  }

  /**
   * A time as typed: ISO 8601 with a zone, or without one (then UTC), or a date alone — the start
   * of that day for "from", the start of the next day for "to", so that the day is included.
   */
  static OffsetDateTime time(String field, String typed, boolean upper)
      throws InvalidFilterException {
    String t = typed.strip();
    try {
      return OffsetDateTime.parse(t.replaceFirst(" ", "T"));
    } catch (DateTimeParseException e) {
      // try the forms without a zone
    }
    try {
      return LocalDateTime.parse(t.replaceFirst(" ", "T")).atOffset(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // a date alone?
    }
    try {
      LocalDate d = LocalDate.parse(t);
      return (upper ? d.plusDays(1) : d).atStartOfDay().atOffset(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new InvalidFilterException(
          field,
          LABELS.get(field)
              + ": \""
              + t
              + "\" is not a date or date-time; write e.g. 2026-11-27, 2026-11-27T10:00 (UTC) or"
              + " 2026-11-27T10:00+01:00.");
    }
  }

  private static IdentifierInput.Reading identifier(
      String field, String typed, Function<String, OptionalInt> prefixLength)
      throws InvalidFilterException {
    try {
      return IdentifierInput.read(typed, prefixLength);
    } catch (Gs1Exception e) {
      throw new InvalidFilterException(
          field, LABELS.get(field) + ": \"" + typed.strip() + "\" is not valid: " + e.getMessage());
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** Empties every field. */
  void clear() {
    eventType = null;
    from = null;
    to = null;
    bizStep = null;
    disposition = null;
    epc = null;
    bizLocation = null;
    bizTransactionType = "po";
    bizTransaction = null;
  }

  public String getEventType() {
    return eventType;
  }

  public void setEventType(String eventType) {
    this.eventType = eventType;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }

  public String getBizStep() {
    return bizStep;
  }

  public void setBizStep(String bizStep) {
    this.bizStep = bizStep;
  }

  public String getDisposition() {
    return disposition;
  }

  public void setDisposition(String disposition) {
    this.disposition = disposition;
  }

  public String getEpc() {
    return epc;
  }

  public void setEpc(String epc) {
    this.epc = epc;
  }

  public String getBizLocation() {
    return bizLocation;
  }

  public void setBizLocation(String bizLocation) {
    this.bizLocation = bizLocation;
  }

  public String getBizTransactionType() {
    return bizTransactionType;
  }

  public void setBizTransactionType(String bizTransactionType) {
    this.bizTransactionType = bizTransactionType;
  }

  public String getBizTransaction() {
    return bizTransaction;
  }

  public void setBizTransaction(String bizTransaction) {
    this.bizTransaction = bizTransaction;
  }
}
