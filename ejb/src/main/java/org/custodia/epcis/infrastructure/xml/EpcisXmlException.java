package org.custodia.epcis.infrastructure.xml;

/**
 * An EPCIS XML document that cannot be read or an event that cannot be written. The message names
 * what is wrong, where (element path, event index and eventID when known) and, for refusals under
 * SEC-3, which limit was hit; it never carries a stack trace to the caller's client.
 */
public class EpcisXmlException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String problem;
  private final int eventIndex;
  private final String eventId;
  private final String path;

  public EpcisXmlException(String problem, int eventIndex, String eventId, String path) {
    this(problem, eventIndex, eventId, path, null);
  }

  public EpcisXmlException(
      String problem, int eventIndex, String eventId, String path, Throwable cause) {
    super(describe(problem, eventIndex, eventId, path), cause);
    this.problem = problem;
    this.eventIndex = eventIndex;
    this.eventId = eventId;
    this.path = path;
  }

  private static String describe(String problem, int index, String eventId, String path) {
    StringBuilder s = new StringBuilder(problem);
    if (index >= 0) {
      s.append(" [event ").append(index);
      if (eventId != null) {
        s.append(" eventID ").append(eventId);
      }
      s.append(']');
    }
    if (path != null && !path.isEmpty()) {
      s.append(" at ").append(path);
    }
    return s.toString();
  }

  /** The same refusal, placed in the event at {@code index} (streaming knows no eventID yet). */
  EpcisXmlException inEvent(int index) {
    return eventIndex >= 0 ? this : new EpcisXmlException(problem, index, eventId, path, this);
  }

  /** Index of the event in the document, or -1 when the problem is outside any event. */
  public int eventIndex() {
    return eventIndex;
  }

  /** The eventID of the event concerned, or {@code null}. */
  public String eventId() {
    return eventId;
  }

  /**
   * The element path, e.g. {@code /epcis:EPCISDocument/EPCISBody/EventList/ObjectEvent/epcList}.
   */
  public String path() {
    return path;
  }
}
