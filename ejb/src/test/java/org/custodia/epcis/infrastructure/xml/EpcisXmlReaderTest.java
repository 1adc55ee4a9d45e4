package org.custodia.epcis.infrastructure.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The mapping decisions of the reader and writer, shown on small documents. */
class EpcisXmlReaderTest {

  private static final String EPCIS_12_DOC =
      """
      <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:1" schemaVersion="1.2"
          creationDate="2024-05-01T10:00:00Z" xmlns:ex="https://example.com/ex">
        <EPCISBody><EventList>
          <ObjectEvent>
            <eventTime>2024-05-01T09:00:00Z</eventTime>
            <eventTimeZoneOffset>+02:00</eventTimeZoneOffset>
            <baseExtension>
              <eventID>urn:uuid:00000000-0000-4000-8000-000000000001</eventID>
              <errorDeclaration>
                <declarationTime>2024-05-02T09:00:00Z</declarationTime>
                <reason>urn:epcglobal:cbv:er:incorrect_data</reason>
                <correctiveEventIDs>
                  <correctiveEventID>urn:uuid:c1</correctiveEventID>
                </correctiveEventIDs>
                <ex:ticket>T-1</ex:ticket>
              </errorDeclaration>
            </baseExtension>
            <epcList><epc>urn:epc:id:sgtin:0614141.107346.1</epc></epcList>
            <action>ADD</action>
            <bizStep>commissioning</bizStep>
            <readPoint><id>urn:epc:id:sgln:0614141.00777.0</id><ex:dock>7</ex:dock></readPoint>
            <extension>
              <quantityList><quantityElement>
                <epcClass>urn:epc:class:lgtin:4012345.012345.998877</epcClass>
                <quantity>12.50</quantity><uom>KGM</uom>
              </quantityElement></quantityList>
              <ilmd><ex:lot>007</ex:lot></ilmd>
            </extension>
            <ex:note lang="en">first</ex:note>
            <ex:note>second</ex:note>
          </ObjectEvent>
          <extension>
            <TransformationEvent>
              <eventTime>2024-05-01T09:30:00Z</eventTime>
              <eventTimeZoneOffset>+02:00</eventTimeZoneOffset>
              <inputEPCList><epc>urn:epc:id:sgtin:0614141.107346.1</epc></inputEPCList>
              <transformationID>urn:epc:id:gdti:0614141.12345.400</transformationID>
            </TransformationEvent>
          </extension>
        </EventList></EPCISBody>
      </epcis:EPCISDocument>
      """;

  @Test
  @Tag("EPC-1")
  void epcis12FieldsLandInTheir20Places() {
    // given a 1.2 document using baseExtension, extension and EventList/extension
    // when read
    TestFiles.Read read = TestFiles.read(EPCIS_12_DOC);
    // then both events are there, with the 1.2 wrappers undone
    assertEquals(EpcisXmlVersion.V1_2, read.header().version());
    assertEquals(2, read.events().size());
    JsonObject o = read.events().get(0);
    assertEquals("urn:uuid:00000000-0000-4000-8000-000000000001", o.getString("eventID"));
    JsonObject err = o.getJsonObject("errorDeclaration");
    assertEquals("urn:epcglobal:cbv:er:incorrect_data", err.getString("reason"));
    assertEquals(List.of(Json.createValue("urn:uuid:c1")), err.getJsonArray("correctiveEventIDs"));
    assertEquals("T-1", err.getString("ex:ticket"));
    assertEquals("commissioning", o.getString("bizStep"), "bizStep kept as sent");
    assertEquals("7", o.getJsonObject("readPoint").getString("ex:dock"));
    JsonObject q = o.getJsonArray("quantityList").getJsonObject(0);
    assertEquals(new BigDecimal("12.50"), q.getJsonNumber("quantity").bigDecimalValue());
    assertEquals("007", o.getJsonObject("ilmd").getString("ex:lot"), "numeric-looking text stays");
    assertEquals(
        Json.createArrayBuilder()
            .add(Json.createObjectBuilder().add("@lang", "en").add("#text", "first"))
            .add("second")
            .build(),
        o.getJsonArray("ex:note"));
    JsonObject t = read.events().get(1);
    assertEquals("TransformationEvent", t.getString("type"));
    assertEquals("urn:epc:id:gdti:0614141.12345.400", t.getString("transformationID"));
  }

  @Test
  @Tag("EPC-1")
  void sensorValuesAreNumbersAndExtensionsKeepTheirTypes() throws Exception {
    // given the GS1 example with every ObjectEvent field
    TestFiles.Read read =
        TestFiles.read(
            TestFiles.testdata()
                .resolve(
                    "epcis/XML/WithFullCombinationOfFields/object_event_all_possible_fields.xml"));
    // when read
    JsonObject sensor = read.events().get(0).getJsonArray("sensorElementList").getJsonObject(0);
    JsonObject report = sensor.getJsonArray("sensorReport").getJsonObject(0);
    // then the sensor report numbers are JSON numbers with their digits
    assertInstanceOf(JsonNumber.class, report.get("value"));
    assertEquals(new BigDecimal("26.0"), report.getJsonNumber("value").bigDecimalValue());
    assertEquals(new BigDecimal("0.1"), report.getJsonNumber("sDev").bigDecimalValue());
    assertEquals(JsonValue.TRUE, report.get("booleanValue"));
    assertEquals("gs1:Temperature", report.getString("type"));
    assertEquals("someText", report.getString("ext1:someFurtherReportData"));
    // and a typed extension keeps its xsi:type as an attribute key
    assertEquals(
        Json.createObjectBuilder().add("@xsi:type", "xsd:boolean").add("#text", "true").build(),
        sensor.getJsonObject("ext1:boolean"));
    JsonObject pd = read.events().get(0).getJsonObject("persistentDisposition");
    assertEquals(
        "urn:epcglobal:cbv:disp:completeness_verified", pd.getJsonArray("set").getString(0));
  }

  @Test
  @Tag("EPC-1")
  void namespaceDeclaredInsideAnEventGoesToItsOwnContext() {
    // given an event whose extension namespace is declared on the extension itself
    String xml =
        """
        <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0"
            creationDate="2024-05-01T10:00:00Z"><EPCISBody><EventList>
          <ObjectEvent><eventTime>2024-05-01T09:00:00Z</eventTime>
            <eventTimeZoneOffset>+00:00</eventTimeZoneOffset><action>OBSERVE</action>
            <late:x xmlns:late="https://example.com/late">1</late:x>
            <y xmlns="https://example.com/default">2</y>
          </ObjectEvent></EventList></EPCISBody></epcis:EPCISDocument>
        """;
    // when read
    JsonObject e = TestFiles.read(xml).events().get(0);
    // then each key is resolvable through the event's @context, and it writes back
    assertEquals(
        Json.createObjectBuilder()
            .add("late", "https://example.com/late")
            .add("ns", "https://example.com/default")
            .build(),
        e.getJsonObject("@context"));
    assertEquals("1", e.getString("late:x"));
    assertEquals("2", e.getString("ns:y"));
    DocumentHeader h = TestFiles.read(xml).header();
    byte[] out = TestFiles.write(h, List.of(e));
    EpcisXsd.validate(new StreamSource(new ByteArrayInputStream(out)), EpcisXmlVersion.V2_0);
    assertEquals(List.of(e), TestFiles.read(out).events());
  }

  @Test
  @Tag("EPC-4")
  void writerRefusesFieldsTheEventTypeDoesNotHave() {
    // given an AggregationEvent that carries ilmd
    JsonObject e =
        Json.createObjectBuilder()
            .add("type", "AggregationEvent")
            .add("eventID", "urn:uuid:x")
            .add("eventTime", "2024-05-01T09:00:00Z")
            .add("eventTimeZoneOffset", "+00:00")
            .add("action", "ADD")
            .add("ilmd", JsonValue.EMPTY_JSON_OBJECT)
            .build();
    DocumentHeader h = DocumentHeader.of(EpcisXmlVersion.V2_0, "2024-05-01T10:00:00Z", Map.of());
    // when written, then refused naming the field, the event and its eventID
    EpcisXmlException ex =
        assertThrows(
            EpcisXmlException.class,
            () -> EpcisXmlWriter.open(new ByteArrayOutputStream(), h).write(e));
    assertTrue(
        ex.getMessage().contains("ilmd is not a field of AggregationEvent"), ex.getMessage());
    assertEquals("urn:uuid:x", ex.eventId());
  }

  @Test
  @Tag("EPC-4")
  void writerRefusesUndeclaredPrefix() {
    // given an event with an extension whose prefix the header does not know
    JsonObject e =
        Json.createObjectBuilder()
            .add("type", "ObjectEvent")
            .add("eventTime", "2024-05-01T09:00:00Z")
            .add("eventTimeZoneOffset", "+00:00")
            .add("action", "ADD")
            .add("nope:x", "1")
            .build();
    DocumentHeader h = DocumentHeader.of(EpcisXmlVersion.V2_0, "2024-05-01T10:00:00Z", Map.of());
    // when written, then refused naming the prefix
    EpcisXmlException ex =
        assertThrows(
            EpcisXmlException.class,
            () -> EpcisXmlWriter.open(new ByteArrayOutputStream(), h).write(e));
    assertTrue(ex.getMessage().contains("prefix 'nope'"), ex.getMessage());
  }

  @Test
  @Tag("EPC-4")
  void associationEventIn12GoesUnderTheDoubleExtension() {
    // given an AssociationEvent
    JsonObject e =
        Json.createObjectBuilder()
            .add("type", "AssociationEvent")
            .add("eventTime", "2024-05-01T09:00:00Z")
            .add("eventTimeZoneOffset", "+00:00")
            .add("parentID", "urn:epc:id:grai:4012345.55555.987")
            .add("childEPCs", Json.createArrayBuilder().add("urn:epc:id:giai:4000001.12345"))
            .add("action", "ADD")
            .build();
    DocumentHeader h = DocumentHeader.of(EpcisXmlVersion.V1_2, "2024-05-01T10:00:00Z", Map.of());
    // when written as 1.2
    byte[] xml = TestFiles.write(h, List.of(e));
    // then it validates, sits in EventList/extension/extension, and reads back the same
    EpcisXsd.validate(new StreamSource(new ByteArrayInputStream(xml)), EpcisXmlVersion.V1_2);
    String text = new String(xml, java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(text.contains("<extension><extension><AssociationEvent>"), text);
    assertEquals(List.of(e), TestFiles.read(xml).events());
    assertFalse(text.contains("<!DOCTYPE"));
  }
}
