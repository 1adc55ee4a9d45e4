package org.custodia.epcis.infrastructure.validation;

/**
 * What an EPCIS event broke. The code is stable: it goes into capture job reports and RFC 7807
 * problem bodies, so that a partner can fix its data by rule rather than by reading sentences.
 */
public enum Rule {
  /** The GS1 EPCIS 2.0 JSON schema refused the document or event. */
  SCHEMA("schema"),
  /** A field the event type requires is missing. */
  REQUIRED("required"),
  /** {@code type} is not one of the five EPCIS 2.0 event types. */
  EVENT_TYPE("event-type"),
  /** {@code action} is not ADD, OBSERVE or DELETE. */
  ACTION_VALUE("action-value"),
  /** A TransformationEvent carries an {@code action}, which EPCIS does not define for it. */
  ACTION_NOT_ALLOWED("action-not-allowed"),
  /** A TransformationEvent with neither inputs nor outputs. */
  TRANSFORMATION_IO("transformation-io"),
  /** An AssociationEvent, or an AggregationEvent that adds or deletes, without {@code parentID}. */
  PARENT_REQUIRED("parent-required"),
  /** A CBV (or GS1 web vocabulary) value that is not a standard value nor an absolute URI. */
  CBV_VALUE("cbv-value"),
  /** Not an {@code xsd:dateTime} with a time zone. */
  TIMESTAMP("timestamp"),
  /** {@code eventTimeZoneOffset} not of the form ±hh:mm within ±14:00. */
  TZ_OFFSET("tz-offset"),
  /** An ILMD or extension key without a prefix declared in the document's {@code @context}. */
  NAMESPACE("namespace"),
  /** A quantity that is not a positive decimal. */
  QUANTITY("quantity"),
  /** A unit of measure that is not a UN/ECE Recommendation 20 code. */
  UOM("uom"),
  /** An EPC URI or GS1 Digital Link that does not hold a valid GS1 key. */
  GS1_KEY("gs1-key"),
  /** An identifier that is not an absolute URI. */
  URI("uri"),
  /** Sensor statistics that contradict each other (min above max, negative deviation…). */
  SENSOR_VALUE("sensor-value");

  private final String code;

  Rule(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
