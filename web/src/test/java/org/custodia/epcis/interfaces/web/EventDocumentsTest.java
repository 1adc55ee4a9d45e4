package org.custodia.epcis.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** An opened event as the browser shows it: its row, its JSON-LD and its EPCIS 2.0 XML. */
@Tag("EPC-2")
class EventDocumentsTest {

  private static final JsonObject EVENT =
      Json.createObjectBuilder()
          .add("type", "AggregationEvent")
          .add("eventID", "urn:uuid:6b4f3c2e-0000-4000-8000-000000000001")
          .add("eventTime", "2026-11-27T10:00:00+01:00")
          .add("eventTimeZoneOffset", "+01:00")
          .add("recordTime", "2026-11-27T09:00:01Z")
          .add("parentID", "urn:epc:id:sscc:9506000.0123456789")
          .add(
              "childEPCs",
              Json.createArrayBuilder()
                  .add("urn:epc:id:sgtin:9506000.013435.A1")
                  .add("urn:epc:id:sgtin:9506000.013435.A2"))
          .add("action", "ADD")
          .add("bizStep", "urn:epcglobal:cbv:bizstep:packing")
          .add("disposition", "in_progress")
          .add("bizLocation", Json.createObjectBuilder().add("id", "urn:epc:id:sgln:9506000.00001.0"))
          .build();

  @Test
  void theRowCountsTheListedEpcsAndShowsShortVocabulary() {
    EventRow r = EventRow.of(EVENT);

    assertEquals(2, r.epcCount());
    assertEquals("packing", r.bizStep());
    assertEquals("in_progress", r.disposition());
    assertEquals("urn:epc:id:sgln:9506000.00001.0", r.bizLocation());
    assertEquals("urn:epc:id:sscc:9506000.0123456789", r.parentId());
    assertEquals("2026-11-27T10:00:00+01:00", r.eventTime());
  }

  @Test
  void theJsonIsPrettyPrintedAndReadsBackTheSame() {
    String json = EventDocuments.json(EVENT);

    assertTrue(json.lines().count() > 10, json);
    assertEquals(EVENT, Json.createReader(new java.io.StringReader(json)).readObject());
  }

  @Test
  void theXmlIsAnIndentedEpcis2DocumentWithTheEvent() throws Exception {
    String xml = EventDocuments.xml(EVENT);

    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    assertEquals("EPCISDocument", d.getDocumentElement().getLocalName());
    assertEquals("urn:epcglobal:epcis:xsd:2", d.getDocumentElement().getNamespaceURI());
    assertEquals(
        "urn:uuid:6b4f3c2e-0000-4000-8000-000000000001",
        d.getElementsByTagName("eventID").item(0).getTextContent());
    assertEquals(2, d.getElementsByTagName("epc").getLength());
    assertTrue(xml.contains("\n  <"), "indented: " + xml);
    assertTrue(xml.lines().skip(1).findFirst().orElseThrow().startsWith("<epcis:EPCISDocument"), xml);
  }
}
