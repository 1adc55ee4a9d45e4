package org.custodia.epcis.infrastructure.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("EPC-1")
class EpcisJsonSchemaTest {

  private static EpcisJsonSchema schema;

  private static final String EVENT =
      """
      {"type": "ObjectEvent", "eventID": "urn:uuid:00000000-0000-4000-8000-000000000001",
       "eventTime": "2024-05-02T10:00:00Z", "eventTimeZoneOffset": "+00:00",
       "epcList": ["urn:epc:id:sscc:4012345.0000000111"], "action": "OBSERVE"}
      """;

  private static final String DOCUMENT =
      """
      {"@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld"],
       "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2024-05-02T10:00:00Z",
       "epcisBody": {"eventList": [%s, %s]}}
      """;

  @BeforeAll
  static void compile() {
    schema = new EpcisJsonSchema();
  }

  @Test
  void acceptsAValidDocumentAndEachOfItsEventsAlone() {
    assertEquals(List.of(), schema.validateDocument(DOCUMENT.formatted(EVENT, EVENT)));
    assertEquals(List.of(), schema.validateEvent(EVENT, 0));
  }

  @Test
  void refusesADocumentNamingTheEventAndThePath() {
    // given: the second event lacks its time and has an unknown action
    String bad =
        EVENT.replace("\"eventTime\": \"2024-05-02T10:00:00Z\",", "").replace("OBSERVE", "LOOK");

    // when
    List<Violation> violations = schema.validateDocument(DOCUMENT.formatted(EVENT, bad));

    // then
    assertFalse(violations.isEmpty());
    assertTrue(violations.stream().allMatch(v -> v.eventIndex() == 1), violations.toString());
    assertTrue(violations.stream().allMatch(v -> v.rule() == Rule.SCHEMA));
    assertTrue(
        violations.stream().anyMatch(v -> v.path().equals("$.action")), violations.toString());
    assertTrue(
        violations.stream().anyMatch(v -> v.message().contains("eventTime")),
        violations.toString());
    assertEquals("urn:uuid:00000000-0000-4000-8000-000000000001", violations.get(0).eventId());
  }

  @Test
  void refusesASingleEventWithAMalformedTime() {
    // when
    List<Violation> violations =
        schema.validateEvent(EVENT.replace("2024-05-02T10:00:00Z", "2 May 2024"), 7);

    // then
    assertFalse(violations.isEmpty());
    assertEquals(7, violations.get(0).eventIndex());
    assertTrue(
        violations.stream().anyMatch(v -> v.path().equals("$.eventTime")), violations.toString());
  }

  @Test
  void refusesADocumentWithoutContext() {
    // when
    List<Violation> violations =
        schema.validateDocument(
            DOCUMENT.formatted(EVENT, EVENT).replaceFirst("\"@context\": \\[[^]]*],", ""));

    // then
    assertFalse(violations.isEmpty());
    assertEquals(-1, violations.get(0).eventIndex());
  }

  @Test
  void refusesTextThatIsNotJson() {
    assertEquals(Rule.SCHEMA, schema.validateDocument("{\"type\": ").get(0).rule());
  }
}
