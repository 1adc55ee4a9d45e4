package org.custodia.epcis.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.custodia.epcis.application.EventQueryParameters;
import org.custodia.epcis.domain.StoredEvent;
import org.custodia.epcis.infrastructure.hash.EventHash;
import org.custodia.epcis.infrastructure.json.CbvTerms;
import org.custodia.epcis.infrastructure.json.EpcisJson;
import org.custodia.epcis.infrastructure.xml.DocumentHeader;
import org.custodia.epcis.infrastructure.xml.EpcisXmlReader;
import org.custodia.platform.TestDatabases;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flexible query parameters on GS1's example documents (sensor data, error declaration, extensions in
 * every area of an XML TransformationEvent), each event given its document's prefixes as capture does.
 */
@Tag("EPC-2")
class JdbcEventQueryGs1ExamplesTest {

  @TempDir Path dir;

  private static Path example(String relative) {
    String shared = System.getProperty("custodia.shared");
    assumeTrue(shared != null, "system property custodia.shared not set");
    Path p = Path.of(shared, "testdata", "epcis", relative);
    assumeTrue(Files.isRegularFile(p), "no GS1 example at " + p);
    return p;
  }

  /** The events of a GS1 JSON-LD example, each with the document's prefixes as its own @context. */
  private static List<StoredEvent> json(Path file) throws IOException {
    JsonObject doc = Json.createReader(new StringReader(Files.readString(file))).readObject();
    Map<String, String> ns = EventHash.namespaces(doc.get("@context"));
    List<StoredEvent> out = new ArrayList<>();
    List<JsonValue> list = doc.getJsonObject("epcisBody").getJsonArray("eventList");
    for (int i = 0; i < list.size(); i++) {
      out.add(EpcisJson.toStored(withContext(list.get(i).asJsonObject(), ns), i));
    }
    return out;
  }

  /** The events of a GS1 XML example as capture reads them: JSON-LD, CBV terms compacted, hash eventID. */
  private static List<StoredEvent> xml(Path file) throws IOException {
    AtomicReference<DocumentHeader> header = new AtomicReference<>();
    List<JsonObject> events;
    try (InputStream in = Files.newInputStream(file)) {
      events = new EpcisXmlReader().readAll(in, header::set);
    }
    Map<String, String> ns = header.get().namespaces();
    List<StoredEvent> out = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      JsonObject e = CbvTerms.compact(events.get(i));
      if (!(e.get("eventID") instanceof JsonString)) {
        e = Json.createObjectBuilder(e).add("eventID", EventHash.of(e, ns)).build();
      }
      out.add(EpcisJson.toStored(withContext(e, ns), i));
    }
    return out;
  }

  private static JsonObject withContext(JsonObject e, Map<String, String> ns) {
    JsonObjectBuilder context = Json.createObjectBuilder();
    ns.forEach(context::add);
    return Json.createObjectBuilder(e).add("@context", context).build();
  }

  private JdbcEventQuery stored(List<StoredEvent> events) {
    JdbcDataSource ds = TestDatabases.migrated(dir);
    new JdbcEventStore(ds).storeAll(events, "test");
    return new JdbcEventQuery(ds);
  }

  private static int count(JdbcEventQuery q, String... nameValue) {
    Map<String, List<String>> p = new LinkedHashMap<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      p.put(nameValue[i], List.of(nameValue[i + 1]));
    }
    return q.find(EventQueryParameters.parse(p), 100).size();
  }

  @Test
  @Tag("IOT-1")
  void sensorExampleWithStatisticsOverAnInterval() throws IOException {
    JdbcEventQuery q = stored(json(example("JSON/WithSensorData/SensorDataExample6.jsonld")));
    assertEquals(1, count(q, "GE_minValue_CEL", "12.4", "LE_maxValue_CEL", "13.8"));
    assertEquals(0, count(q, "GT_minValue_CEL", "12.4"));
    assertEquals(1, count(q, "GT_meanValue_CEL", "13.1", "LT_sDev_CEL", "0.5", "EQ_percRank", "50"));
    assertEquals(1, count(q, "EQ_type", "Temperature", "GE_percValue_CEL", "12.7"));
    assertEquals(1, count(q, "EQ_stringValue", "someSensorOutput"));
    assertEquals(1, count(q, "GE_startTime", "2019-04-01T14:00:00Z", "LT_endTime", "2019-04-02T14:00:00Z"));
    assertEquals(0, count(q, "GE_endTime", "2019-04-02T14:00:00Z"));
    assertEquals(1, count(q, "EQ_SENSORMETADATA_example:someFurtherMetaData", "someText"));
    assertEquals(1, count(q, "EQ_SENSORREPORT_{http://ns.example.com/epcis/}cv", "123"));
    assertEquals(1, count(q, "GT_INNER_SENSORELEMENT_example:measure1", "123"));
    assertEquals(0, count(q, "GT_INNER_SENSORELEMENT_example:measure1", "124"));
  }

  @Test
  void errorDeclarationExample() throws IOException {
    JdbcEventQuery q = stored(json(example("JSON/WithErrorDeclaration/Example_9.6.1-ObjectEvent-with-error-declaration.jsonld")));
    assertEquals(1, count(q, "EXISTS_errorDeclaration", ""));
    assertEquals(1, count(q, "EQ_errorReason", "incorrect_data", "GE_errorDeclarationTime", "2021-02-01T22:46:31Z"));
    assertEquals(1, count(q, "EQ_correctiveEventID", "urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6"));
    assertEquals(1, count(q, "EQ_example:myField", "Example of a vendor/user extension"));
    assertEquals(0, count(q, "EXISTS_errorDeclaration", "", "EXISTS_example:myField", ""));
  }

  @Test
  void xmlTransformationEventWithExtensionsInEveryArea() throws IOException {
    JdbcEventQuery q = stored(xml(example("XML/WithExtension/TransformationEvent.xml")));
    assertEquals(1, count(q, "EQ_ILMD_cbvmda:lotNumber", "LOTABC"));
    assertEquals(1, count(q, "EQ_ILMD_example:grading", "A"));
    assertEquals(1, count(q, "EQ_INNER_ILMD_example2:sizeCode", "B-2"));
    assertEquals(1, count(q, "EQ_example4:otherThings", "some text"));
    assertEquals(1, count(q, "EQ_INNER_example:procedure", "A-1"));
    assertEquals(0, count(q, "EQ_http://ns.example.com/epcis#internalData", "x"));
    assertEquals(1, count(q, "EXISTS_http://ns.example.com/epcis#internalData", ""));
    assertEquals(1, count(q, "EQ_ERROR_DECLARATION_example:issuer", "Employee 123"));
    assertEquals(1, count(q, "GT_INNER_ERROR_DECLARATION_example3:value44", "65"));
    assertEquals(1, count(q, "EQ_readPoint_example:gs1ES", "(414)4023333000000"));
    assertEquals(1, count(q, "EQ_bizLocation_example:gs1ES", "(414)4023333000017 (254)12"));
    assertEquals(1, count(q, "EQ_SENSORELEMENT_example:someUserField", "abc123"));
    assertEquals(1, count(q, "GE_minValue_CEL", "12"));
    assertEquals(1, count(q, "EQ_quantity_KGM", "25"));
    assertEquals(1, count(q, "GE_errorDeclarationTime", "2020-09-29T13:00:00Z"));
    assertEquals(0, count(q, "GE_errorDeclarationTime", "2020-09-29T13:00:01Z"));
  }
}
