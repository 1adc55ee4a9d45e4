package org.custodia.epcis.infrastructure.validation;

import java.util.Objects;

/**
 * One broken rule in a capture: which event (its position in the document and its eventID, if it
 * has one), where in it (a JSON path relative to the event, e.g. {@code $.quantityList[1].uom}),
 * the offending value, the rule and a sentence for people.
 *
 * @param eventIndex position of the event in the document's event list, -1 for the document itself
 * @param eventId the event's {@code eventID}, or {@code null}
 * @param path JSON path of the field, relative to the event ({@code $} is the event)
 * @param value the offending value as written, or {@code null} for a missing field
 */
public record Violation(
    int eventIndex, String eventId, String path, String value, Rule rule, String message) {

  public Violation {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return "event "
        + eventIndex
        + (eventId == null ? "" : " (" + eventId + ")")
        + " "
        + path
        + " ["
        + rule.code()
        + "]: "
        + message;
  }
}
