package org.custodia.epcis.infrastructure.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Tag("EPC-3")
class EventHashTest {

  private static final String REFERENCE = "/org/custodia/epcis/infrastructure/hash/reference/";

  /** The examples of the reference implementation that come with a JSON-LD document. */
  static Stream<String> referenceExamples() {
    return Stream.of(
        "ReferenceEventHashAlgorithm",
        "ReferenceEventHashAlgorithm2",
        "ReferenceEventHashAlgorithm3",
        "CertificationInfoAndSensorReportWithCRS",
        "TimeStampRoundOff",
        "epcisDocHavingEventWithComment",
        "epcisDocWithAllGS1Keys",
        "epcisDocWithCustomSchemaInContext",
        "epcisDocWithDefaultSchemaInContext",
        "epcisDocWithSensorComponent",
        "epcisDocWithSensorDataObjectEvent",
        "epcisDocWithShippingAndTransportingEvent",
        "epcisDocWithSingleEvent",
        "epcisDocWithVariousEventTypes",
        "epcisDocWithXMLstartTagAndErrorDeclaration",
        "epcisEventWithCURIEs",
        "epcisQueryDocument",
        "epclist_normalisation",
        "persistentDisposition",
        "ralfsChaosExample");
  }

  @ParameterizedTest
  @MethodSource("referenceExamples")
  void matchesThePublishedHashesOfTheReferenceExamples(String name) throws IOException {
    // given
    JsonObject document = read(resource(REFERENCE + name + ".jsonld"));
    List<String> expected =
        resource(REFERENCE + name + ".hashes").lines().filter(l -> !l.isBlank()).toList();
    Map<String, String> ns = EventHash.namespaces(document.get("@context"));

    // when
    List<JsonObject> events = events(document);

    // then
    assertEquals(expected.size(), events.size(), "events in " + name);
    for (int i = 0; i < events.size(); i++) {
      String pre = EventHash.preHash(events.get(i), ns);
      assertEquals(expected.get(i), EventHash.fromPreHash(pre), name + " event " + i + ": " + pre);
    }
  }

  @Test
  void buildsThePublishedPreHashStringOfExampleOne() throws IOException {
    // given
    JsonObject document = read(resource(REFERENCE + "ReferenceEventHashAlgorithm.jsonld"));
    JsonObject event = events(document).get(0);

    // when
    String pre = EventHash.preHash(event, EventHash.namespaces(document.get("@context")));

    // then: the pre-hash string of the reference's tests/examples/ReferenceEventHashAlgorithm
    assertEquals(
        "eventType=ObjectEventeventTime=2020-03-04T10:00:30.000ZeventTimeZoneOffset=+01:00"
            + "epcListepc=https://id.gs1.org/00/040123450000001112"
            + "epc=https://id.gs1.org/00/040123450000002225"
            + "epc=https://id.gs1.org/00/040123450000003338"
            + "action=OBSERVEbizStep=https://ref.gs1.org/cbv/BizStep-departing"
            + "readPointid=https://id.gs1.org/414/4012345000115/254/987"
            + "{https://ns.example.com/epcis/}myField1{https://ns.example.com/epcis/}mySubField1=2"
            + "{https://ns.example.com/epcis/}mySubField2=5{https://ns.example.com/epcis/}myField2=0"
            + "{https://ns.example.com/epcis/}myField3{https://ns.example.com/epcis/}mySubField3=1"
            + "{https://ns.example.com/epcis/}mySubField3=3",
        pre);
    assertEquals(
        "ni:///sha-256;6ae96341e0acc6d7a261364751f60e68278a81cdf51da0abb6b4e617014e39d7?ver=CBV2.0",
        EventHash.of(event, EventHash.namespaces(document.get("@context"))));
  }

  @Test
  void givesEveryEventOfTheGs1IdenticalHashExampleTheSameHash() throws IOException {
    // given
    Path file = shared().resolve("XML/WithEventHashID/event_with_identical_hash_id_7.json");
    Assumptions.assumeTrue(Files.exists(file), "no " + file);
    JsonObject document = read(Files.readString(file));
    Map<String, String> ns = EventHash.namespaces(document.get("@context"));

    // when
    List<String> hashes = events(document).stream().map(e -> EventHash.of(e, ns)).toList();

    // then
    assertTrue(!hashes.isEmpty());
    hashes.forEach(h -> assertEquals(hashes.get(0), h));
  }

  @Test
  void hashesOtherRepresentationsOfTheSameEventAlike() throws IOException {
    // given: event 7 of the GS1 identical-hash examples, and the same event written differently:
    // fields and list items in another order, bare CBV words and Digital Links for the URNs,
    // another time zone and more decimals for the same instant, 200 for 200.0, other prefixes
    Path file = shared().resolve("XML/WithEventHashID/event_with_identical_hash_id_7.json");
    Assumptions.assumeTrue(Files.exists(file), "no " + file);
    JsonObject document = read(Files.readString(file));
    JsonObject original = events(document).get(0);
    String rewritten =
        Files.readString(file)
            .replace("\"2005-04-04T20:33:31.116-06:00\"", "\"2005-04-05T02:33:31.1160Z\"")
            .replace("urn:epcglobal:cbv:bizstep:receiving", "receiving")
            .replace(
                "urn:epcglobal:cbv:disp:in_progress", "https://ref.gs1.org/cbv/Disp-in_progress")
            .replace("urn:epcglobal:cbv:btt:po", "po")
            .replace("\"urn:epcglobal:cbv:sdt:owning_party\"", "\"owning_party\"")
            .replace(
                "urn:epc:id:sgtin:0614141.107346.2017",
                "https://example.com/01/10614141073464/21/2017?17=270101")
            .replace("urn:epc:id:sgln:0012345.11111.0", "https://id.gs1.org/414/0012345111112")
            .replace("urn:epc:id:pgln:4012345.00225", "https://id.gs1.org/417/4012345002256")
            .replace("\"quantity\": 200.0", "\"quantity\": 200")
            .replace("\"gs1:Temperature\"", "\"Temperature\"")
            .replace("\"ext1\": \"http://example.com/ext1\"", "\"e\": \"http://example.com/ext1\"")
            .replace("\"ext1:", "\"e:");
    JsonObject other = read(rewritten);
    JsonObject reordered = reverse(events(other).get(0));

    // when
    String a = EventHash.preHash(original, EventHash.namespaces(document.get("@context")));
    String b = EventHash.preHash(reordered, EventHash.namespaces(other.get("@context")));

    // then
    assertEquals(a, b);
  }

  @Test
  void changesWhenAnyFieldChanges() throws IOException {
    // given
    JsonObject document = read(resource(REFERENCE + "epcisDocWithSingleEvent.jsonld"));
    JsonObject event = events(document).get(0);
    Map<String, String> ns = EventHash.namespaces(document.get("@context"));
    String hash = EventHash.of(event, ns);

    // when / then
    assertNotEquals(hash, EventHash.of(with(event, "action", Json.createValue("ADD")), ns));
    assertNotEquals(
        hash,
        EventHash.of(
            with(event, "eventTime", Json.createValue("2022-02-16T20:33:31.117-06:00")), ns));
    assertNotEquals(hash, EventHash.of(with(event, "disposition", Json.createValue("active")), ns));
    assertNotEquals(
        hash, EventHash.of(with(event, "example:new", Json.createValue("x")), ns), "added field");
    JsonObject withoutBizStep = Json.createObjectBuilder(event).remove("bizStep").build();
    assertNotEquals(hash, EventHash.of(withoutBizStep, ns), "removed field");
  }

  @Test
  void ignoresEventIdRecordTimeAndErrorDeclaration() throws IOException {
    // given
    JsonObject document = read(resource(REFERENCE + "epcisDocWithSingleEvent.jsonld"));
    JsonObject event = events(document).get(0);
    Map<String, String> ns = EventHash.namespaces(document.get("@context"));

    // when
    JsonObject decorated =
        Json.createObjectBuilder(event)
            .add("eventID", "urn:uuid:1d1d1d1d-0000-4000-8000-000000000001")
            .add("recordTime", "2030-01-01T00:00:00Z")
            .add(
                "errorDeclaration",
                Json.createObjectBuilder()
                    .add("declarationTime", "2030-01-01T00:00:00Z")
                    .add("reason", "incorrect_data"))
            .build();

    // then
    assertEquals(EventHash.of(event, ns), EventHash.of(decorated, ns));
  }

  @Test
  void roundsTimestampsToMillisecondsInUtc() {
    assertEquals("2023-01-18T11:04:03.142Z", CanonicalValue.timestamp("2023-01-18T11:04:03.1415Z"));
    assertEquals("2023-01-18T11:04:03.141Z", CanonicalValue.timestamp("2023-01-18T11:04:03.1414Z"));
    assertEquals("2005-04-05T02:33:31.000Z", CanonicalValue.timestamp("2005-04-04T20:33:31-06:00"));
    assertEquals("2023-01-01T00:00:00.000Z", CanonicalValue.timestamp("2022-12-31T23:59:59.9999Z"));
  }

  @Test
  void writesNumbersWithoutTrailingZeros() {
    assertEquals("1", CanonicalValue.number("1.0"));
    assertEquals("0.3434", CanonicalValue.number("0.343400"));
    assertEquals("200", CanonicalValue.number("2.0E2"));
    assertEquals("0", CanonicalValue.number("-0.0"));
  }

  static JsonObject with(JsonObject event, String key, JsonValue value) {
    return Json.createObjectBuilder(event).add(key, value).build();
  }

  /** The same object with its keys and every array in reverse order. */
  static JsonObject reverse(JsonObject o) {
    var b = Json.createObjectBuilder();
    List<String> keys = new ArrayList<>(o.keySet());
    java.util.Collections.reverse(keys);
    for (String k : keys) {
      b.add(k, reverse(o.get(k)));
    }
    return b.build();
  }

  private static JsonValue reverse(JsonValue v) {
    if (v instanceof JsonObject o) {
      return reverse(o);
    }
    if (v instanceof JsonArray a) {
      var b = Json.createArrayBuilder();
      for (int i = a.size() - 1; i >= 0; i--) {
        b.add(reverse(a.get(i)));
      }
      return b.build();
    }
    return v;
  }

  static List<JsonObject> events(JsonObject document) {
    JsonObject body = document.getJsonObject("epcisBody");
    JsonArray list;
    if (body.containsKey("eventList")) {
      list = body.getJsonArray("eventList");
    } else if (body.containsKey("queryResults")) {
      list =
          body.getJsonObject("queryResults").getJsonObject("resultsBody").getJsonArray("eventList");
    } else {
      return List.of(body.getJsonObject("event"));
    }
    return list.getValuesAs(JsonObject.class);
  }

  static JsonObject read(String json) {
    try (JsonReader r = Json.createReader(new StringReader(json))) {
      return r.readObject();
    }
  }

  static String resource(String name) throws IOException {
    try (InputStream in = EventHashTest.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static Path shared() {
    String dir = System.getProperty("custodia.shared");
    Assumptions.assumeTrue(dir != null, "custodia.shared not set");
    return Path.of(dir, "testdata", "epcis");
  }
}
