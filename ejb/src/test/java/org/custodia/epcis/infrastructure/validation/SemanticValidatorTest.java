package org.custodia.epcis.infrastructure.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("EPC-1")
class SemanticValidatorTest {

  private static final Map<String, String> NS = Map.of("ex", "https://ns.example.com/epcis/");

  private static final String VALID =
      """
      {"type": "ObjectEvent", "eventID": "urn:uuid:6f1b2c0e-0000-4000-8000-000000000007",
       "eventTime": "2024-05-02T10:00:00.000+02:00", "eventTimeZoneOffset": "+02:00",
       "epcList": ["urn:epc:id:sgtin:0614141.107346.2017",
                   "https://id.gs1.org/01/09506000134352/21/ABC", "urn:example:not-gs1:42"],
       "quantityList": [{"epcClass": "urn:epc:class:lgtin:4012345.012345.998877",
                         "quantity": 200.5, "uom": "KGM"}],
       "action": "ADD", "bizStep": "commissioning",
       "disposition": "urn:epcglobal:cbv:disp:active",
       "persistentDisposition": {"set": ["https://ref.gs1.org/cbv/Disp-completeness_verified"]},
       "readPoint": {"id": "urn:epc:id:sgln:0614141.07346.1234"},
       "bizLocation": {"id": "https://id.gs1.org/414/0614141073467"},
       "bizTransactionList": [{"type": "po", "bizTransaction": "urn:epc:id:gdti:0614141.00001.1618034"}],
       "sourceList": [{"type": "owning_party", "source": "urn:epc:id:pgln:0614141.00001"}],
       "destinationList": [{"type": "https://example.com/my-sdt", "destination": "https://example.com/party/7"}],
       "ilmd": {"ex:bestBefore": "2026-01-01", "ex:lot": {"ex:line": "L1"}},
       "ex:batchRef": "B-1"}
      """;

  @Test
  void acceptsAValidEventWrittenInEveryAllowedForm() {
    assertEquals(List.of(), SemanticValidator.validate(read(VALID), 0, NS));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // field | JSON value | path | rule
        "type | \"ObjectEvnt\" | $.type | EVENT_TYPE",
        "action | \"UPDATE\" | $.action | ACTION_VALUE",
        "bizStep | \"recieving\" | $.bizStep | CBV_VALUE",
        "bizStep | \"urn:epcglobal:cbv:bizstep:recieving\" | $.bizStep | CBV_VALUE",
        "bizStep | \"https://ref.gs1.org/cbv/BizStep-recieving\" | $.bizStep | CBV_VALUE",
        "disposition | \"shipping\" | $.disposition | CBV_VALUE",
        "persistentDisposition | {\"unset\": [\"lost\"]} | $.persistentDisposition.unset[0] |"
            + " CBV_VALUE",
        "eventTime | \"2024-05-02T10:00:00\" | $.eventTime | TIMESTAMP",
        "eventTime | \"2024-02-30T10:00:00Z\" | $.eventTime | TIMESTAMP",
        "recordTime | \"yesterday\" | $.recordTime | TIMESTAMP",
        "eventTimeZoneOffset | \"+2:00\" | $.eventTimeZoneOffset | TZ_OFFSET",
        "eventTimeZoneOffset | \"+14:30\" | $.eventTimeZoneOffset | TZ_OFFSET",
        "eventTimeZoneOffset | \"-15:00\" | $.eventTimeZoneOffset | TZ_OFFSET",
        "epcList | [\"urn:epc:id:sgtin:0614141.107346.2017\","
            + " \"urn:epc:id:sgtin:0614141.10734.2017\"] | $.epcList[1] | GS1_KEY",
        "epcList | [\"https://id.gs1.org/01/09506000134353/21/A\"] | $.epcList[0] | GS1_KEY",
        "epcList | [\"sgtin 0614141.107346.2017\"] | $.epcList[0] | URI",
        "quantityList | [{\"epcClass\": \"urn:epc:class:lgtin:4012345.012345.1\", \"quantity\": 0}]"
            + " | $.quantityList[0].quantity | QUANTITY",
        "quantityList | [{\"epcClass\": \"urn:epc:class:lgtin:4012345.012345.1\", \"quantity\":"
            + " -3.5}] | $.quantityList[0].quantity | QUANTITY",
        "quantityList | [{\"epcClass\": \"urn:epc:class:lgtin:4012345.012345.1\", \"quantity\": 1,"
            + " \"uom\": \"kg\"}] | $.quantityList[0].uom | UOM",
        "quantityList | [{\"epcClass\": \"urn:epc:class:lgtin:4012345.01234.1\", \"quantity\": 1}]"
            + " | $.quantityList[0].epcClass | GS1_KEY",
        "readPoint | {\"id\": \"urn:epc:id:sgln:0614141.07346.1234\", \"note\": \"x\"} |"
            + " $.readPoint['note'] | NAMESPACE",
        "bizLocation | {\"id\": \"https://id.gs1.org/414/0614141073468\"} | $.bizLocation.id |"
            + " GS1_KEY",
        "bizTransactionList | [{\"type\": \"purchase_order\", \"bizTransaction\":"
            + " \"https://example.com/po/1\"}] | $.bizTransactionList[0].type | CBV_VALUE",
        "sourceList | [{\"type\": \"urn:epcglobal:cbv:sdt:owner\", \"source\":"
            + " \"https://example.com/p/1\"}] | $.sourceList[0].type | CBV_VALUE",
        "destinationList | [{\"type\": \"location\", \"destination\":"
            + " \"urn:epc:id:sgln:0614141.0734.0\"}] | $.destinationList[0].destination | GS1_KEY",
        "ilmd | {\"bestBefore\": \"2026-01-01\"} | $.ilmd['bestBefore'] | NAMESPACE",
        "ilmd | {\"zz:bestBefore\": \"2026-01-01\"} | $.ilmd['zz:bestBefore'] | NAMESPACE",
        "ilmd | {\"ex:lot\": {\"zz:line\": \"L1\"}} | $.ilmd['ex:lot']['zz:line'] | NAMESPACE",
        "batchRef | \"B-1\" | $['batchRef'] | NAMESPACE",
        "errorDeclaration | {\"declarationTime\": \"2024-05-03T00:00:00Z\", \"reason\": \"wrong\"}"
            + " | $.errorDeclaration.reason | CBV_VALUE"
      })
  void refusesTheBrokenRuleNamingEventPathAndRule(
      String field, String json, String path, Rule rule) {
    // given
    JsonObject event = with(read(VALID), field, readValue(json));

    // when
    List<Violation> violations = SemanticValidator.validate(event, 3, NS);

    // then
    assertEquals(1, violations.size(), violations.toString());
    Violation v = violations.get(0);
    assertEquals(3, v.eventIndex());
    assertEquals("urn:uuid:6f1b2c0e-0000-4000-8000-000000000007", v.eventId());
    assertEquals(path, v.path());
    assertEquals(rule, v.rule());
    assertTrue(v.message().startsWith(path), v.message());
  }

  @Test
  void requiresAnActionOnEveryEventButTransformation() {
    // given
    JsonObject event = Json.createObjectBuilder(read(VALID)).remove("action").build();

    // when
    List<Violation> violations = SemanticValidator.validate(event, 0, NS);

    // then
    assertEquals(List.of(Rule.REQUIRED), violations.stream().map(Violation::rule).toList());
    assertEquals("$.action", violations.get(0).path());
  }

  @Test
  void refusesATransformationWithoutInputsOrOutputsOrWithAnAction() {
    // given
    JsonObject event =
        read(
            """
            {"type": "TransformationEvent", "eventTime": "2024-05-02T10:00:00Z",
             "eventTimeZoneOffset": "+00:00", "action": "ADD", "inputEPCList": []}
            """);

    // when
    List<Rule> rules =
        SemanticValidator.validate(event, 0, NS).stream().map(Violation::rule).toList();

    // then
    assertEquals(List.of(Rule.ACTION_NOT_ALLOWED, Rule.TRANSFORMATION_IO), rules);
  }

  @Test
  void refusesAnAssociationWithoutParent() {
    // given
    JsonObject event =
        read(
            """
            {"type": "AssociationEvent", "eventTime": "2024-05-02T10:00:00Z",
             "eventTimeZoneOffset": "+00:00", "action": "ADD",
             "childEPCs": ["urn:epc:id:grai:4000001.12345.1"]}
            """);

    // when
    List<Violation> violations = SemanticValidator.validate(event, 0, NS);

    // then
    assertEquals(1, violations.size(), violations.toString());
    assertEquals(Rule.PARENT_REQUIRED, violations.get(0).rule());
    assertEquals("$.parentID", violations.get(0).path());
  }

  @Test
  void refusesAnAggregationThatAddsWithoutParent() {
    // given
    JsonObject event =
        read(
            """
            {"type": "AggregationEvent", "eventTime": "2024-05-02T10:00:00Z",
             "eventTimeZoneOffset": "+00:00", "action": "ADD",
             "childEPCs": ["urn:epc:id:sgtin:0614141.107346.2017"]}
            """);

    // when / then
    assertEquals(
        List.of(Rule.PARENT_REQUIRED),
        SemanticValidator.validate(event, 0, NS).stream().map(Violation::rule).toList());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "receiving",
        "urn:epcglobal:cbv:bizstep:receiving",
        "https://ref.gs1.org/cbv/BizStep-receiving",
        "cbv:BizStep-receiving",
        "https://example.com/vocab/bizstep/repacking"
      })
  void acceptsStandardBizStepsInAnyFormAndUserVocabularyUris(String bizStep) {
    JsonObject event = with(read(VALID), "bizStep", Json.createValue(bizStep));
    assertEquals(List.of(), SemanticValidator.validate(event, 0, NS));
  }

  @Test
  void reportsEveryEventOfADocumentWithItsIndex() {
    // given
    JsonObject bad = with(read(VALID), "bizStep", Json.createValue("nonsense"));
    JsonObject document =
        Json.createObjectBuilder()
            .add(
                "@context",
                Json.createArrayBuilder()
                    .add("https://ref.gs1.org/standards/epcis/epcis-context.jsonld")
                    .add(Json.createObjectBuilder().add("ex", "https://ns.example.com/epcis/")))
            .add("type", "EPCISDocument")
            .add("schemaVersion", "2.0")
            .add("creationDate", "2024-05-02T10:00:00Z")
            .add(
                "epcisBody",
                Json.createObjectBuilder()
                    .add("eventList", Json.createArrayBuilder().add(read(VALID)).add(bad)))
            .build();

    // when
    List<Violation> violations = SemanticValidator.validateDocument(document);

    // then
    assertEquals(1, violations.size(), violations.toString());
    assertEquals(1, violations.get(0).eventIndex());
    assertEquals("$.bizStep", violations.get(0).path());
  }

  static JsonObject with(JsonObject o, String key, JsonValue value) {
    return Json.createObjectBuilder(o).add(key, value).build();
  }

  static JsonObject read(String json) {
    try (JsonReader r = Json.createReader(new StringReader(json))) {
      return r.readObject();
    }
  }

  static JsonValue readValue(String json) {
    try (JsonReader r = Json.createReader(new StringReader(json))) {
      return r.readValue();
    }
  }
}
