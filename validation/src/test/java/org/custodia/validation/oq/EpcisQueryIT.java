package org.custodia.validation.oq;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.custodia.validation.support.Api;
import org.custodia.validation.support.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The EPCIS 2.0 query parameters with flexible names over HTTPS: documents with ILMD, extension fields,
 * sensor data and error declarations are captured through {@code POST /api/epcis/capture} (JSON-LD and
 * XML), then {@code GET /api/epcis/events} must return exactly the expected events for each parameter
 * family. Every query is confined to events recorded since this class captured its documents.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("EPC-2")
class EpcisQueryIT {

  private static final Api ADMIN = Api.as("admin");
  private static final String NS = "http://ns.example.com/custodia-oq/";

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.ear();
  }

  /** The captured fixture, one per test class run. */
  private record Fixture(String since, String u, String q1, String q2, String q3, String q4, String q5, String x1,
      String location, String gdti) {}

  private static Fixture fixture;

  private static synchronized Fixture fixture() {
    if (fixture == null) {
      fixture = capture();
    }
    return fixture;
  }

  private static String id() {
    return "urn:uuid:" + UUID.randomUUID();
  }

  private static Fixture capture() {
    String since = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1).truncatedTo(ChronoUnit.SECONDS).toString();
    String u = UUID.randomUUID().toString().substring(0, 8);
    String q1 = id();
    String q2 = id();
    String q3 = id();
    String q4 = id();
    String q5 = id();
    String x1 = id();
    String loc = String.format("%05d", ThreadLocalRandom.current().nextInt(100_000));
    String gdti = "urn:epc:id:gdti:9506000.12345." + ThreadLocalRandom.current().nextLong(1, 1_000_000_000L);
    String epc = "urn:epc:id:sgtin:9506000.013437.";
    String json = """
        {"@context":["https://ref.gs1.org/standards/epcis/epcis-context.jsonld",{"ex":"%1$s"}],
         "type":"EPCISDocument","schemaVersion":"2.0","creationDate":"2026-11-27T10:00:00Z",
         "epcisBody":{"eventList":[
        {"type":"ObjectEvent","eventID":"%2$s","eventTime":"2026-11-27T10:00:00Z","eventTimeZoneOffset":"+00:00",
         "epcList":["%7$s%8$s1"],"action":"ADD","bizStep":"commissioning",
         "readPoint":{"id":"urn:epc:id:sgln:9506000.%9$s.7"},
         "quantityList":[{"epcClass":"urn:epc:class:lgtin:9506000.013437.L%8$s","quantity":200,"uom":"KGM"}],
         "persistentDisposition":{"set":["completeness_verified"]},
         "ilmd":{"ex:lot":"L-%8$s","ex:temp":"12.5","ex:expiry":"2027-03-31","ex:batch":{"ex:line":"line-%8$s"}},
         "ex:plant":"P-%8$s"},
        {"type":"ObjectEvent","eventID":"%3$s","eventTime":"2026-11-27T10:01:00Z","eventTimeZoneOffset":"+00:00",
         "errorDeclaration":{"declarationTime":"2026-11-27T12:00:00Z","reason":"incorrect_data",
                             "correctiveEventIDs":["%4$s"],"ex:who":"qa-%8$s"},
         "epcList":["%7$s%8$s2"],"action":"ADD","bizStep":"commissioning",
         "readPoint":{"id":"urn:epc:id:sgln:9506000.%9$s.0"},
         "ilmd":{"ex:lot":"L2-%8$s","ex:temp":20,"ex:expiry":"2026-06-30"}},
        {"type":"ObjectEvent","eventID":"%4$s","eventTime":"2026-11-27T10:02:00Z","eventTimeZoneOffset":"+00:00",
         "epcList":["%7$s%8$s3"],"action":"OBSERVE","bizStep":"inspecting",
         "sensorElementList":[{
           "sensorMetadata":{"startTime":"2026-11-26T00:00:00Z","endTime":"2026-11-27T00:00:00Z",
                             "deviceID":"urn:epc:id:giai:9506000.A%8$s","ex:md":"m-%8$s"},
           "sensorReport":[
             {"type":"Temperature","value":26.5,"uom":"CEL","time":"2026-11-26T12:00:00Z"},
             {"type":"AbsoluteHumidity","minValue":40,"maxValue":60,"meanValue":50,"sDev":2,"uom":"A93",
              "ex:cal":"c-%8$s"}]}]},
        {"type":"ObjectEvent","eventID":"%5$s","eventTime":"2026-11-27T10:03:00Z","eventTimeZoneOffset":"+00:00",
         "epcList":["%7$s%8$s4"],"action":"OBSERVE","bizStep":"inspecting",
         "sensorElementList":[{
           "sensorMetadata":{"deviceID":"urn:epc:id:giai:9506000.B%8$s"},
           "sensorReport":[{"type":"Temperature","value":4,"uom":"CEL","time":"2026-11-27T06:00:00Z"}]}]},
        {"type":"TransformationEvent","eventID":"%6$s","eventTime":"2026-11-27T10:04:00Z","eventTimeZoneOffset":"+00:00",
         "transformationID":"%10$s","bizStep":"commissioning",
         "inputEPCList":["%7$s%8$s1"],"outputEPCList":["%7$s%8$s5"]}
        ]}}
        """.formatted(NS, q1, q2, q3, q4, q5, epc, u, loc, gdti);
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" xmlns:ex="%1$s"
            schemaVersion="2.0" creationDate="2026-11-27T10:00:00Z">
          <EPCISBody><EventList>
            <ObjectEvent>
              <eventTime>2026-11-27T10:05:00Z</eventTime>
              <eventTimeZoneOffset>+00:00</eventTimeZoneOffset>
              <eventID>%2$s</eventID>
              <epcList><epc>%3$s%4$s6</epc></epcList>
              <action>ADD</action>
              <bizStep>urn:epcglobal:cbv:bizstep:commissioning</bizStep>
              <ilmd><ex:grade>G-%4$s</ex:grade><ex:origin><ex:farm>F-%4$s</ex:farm></ex:origin></ilmd>
              <ex:plant>XP-%4$s</ex:plant>
            </ObjectEvent>
          </EventList></EPCISBody>
        </epcis:EPCISDocument>
        """.formatted(NS.substring(0, NS.length() - 1), x1, epc, u);
    capture("application/ld+json", json);
    capture("application/xml", xml);
    return new Fixture(since, u, q1, q2, q3, q4, q5, x1, loc, gdti);
  }

  private static void capture(String type, String doc) {
    Api.Reply r = ADMIN.postBytes("/api/epcis/capture", type, doc.getBytes(StandardCharsets.UTF_8));
    assertEquals(202, r.status(), r.body());
    String location = r.header("Location");
    assertNotNull(location);
    await().atMost(Duration.ofSeconds(60)).until(() -> !ADMIN.getUrl(location).json().getBoolean("running"));
    JsonObject job = ADMIN.getUrl(location).json();
    assertTrue(job.getBoolean("success"), job.toString());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String query(String... nameValue) {
    StringBuilder q = new StringBuilder("/api/epcis/events?orderDirection=ASC&perPage=100&GE_recordTime=")
        .append(enc(fixture().since()));
    for (int i = 0; i < nameValue.length; i += 2) {
      q.append('&').append(enc(nameValue[i])).append('=').append(enc(nameValue[i + 1]));
    }
    return q.toString();
  }

  /** The eventIDs the parameters find among this class's events, oldest first. */
  private static List<String> ids(String... nameValue) {
    return eventIds(ADMIN.get(query(nameValue)));
  }

  private static List<String> eventIds(Api.Reply r) {
    assertEquals(200, r.status(), r.body());
    JsonArray list = r.json().getJsonObject("epcisBody").getJsonObject("queryResults").getJsonObject("resultsBody")
        .getJsonArray("eventList");
    List<String> out = new ArrayList<>();
    list.forEach(v -> out.add(v.asJsonObject().getString("eventID")));
    return out;
  }

  @Test
  void ilmdFieldsByValueNumberDateAndNesting() {
    Fixture f = fixture();
    // prefix from the GS1-Extensions header
    assertEquals(List.of(f.q1()),
        eventIds(ADMIN.getWithHeaders(query("EQ_ILMD_ex:lot", "L-" + f.u()), "GS1-Extensions", "ex=" + NS)));
    // prefix as the captured document declared it, and the expanded name
    assertEquals(List.of(f.q1()), ids("EQ_ILMD_ex:lot", "L-" + f.u()));
    assertEquals(List.of(f.q1(), f.q2()), ids("EQ_ILMD_{" + NS + "}lot", "L-" + f.u() + ",L2-" + f.u()));
    assertEquals(List.of(f.q2()), ids("GT_ILMD_ex:temp", "12.5"));
    assertEquals(List.of(f.q1(), f.q2()), ids("GE_ILMD_ex:temp", "12.5"));
    assertEquals(List.of(f.q1()), ids("GT_ILMD_ex:expiry", "2026-12-31"));
    assertEquals(List.of(f.q1()), ids("EQ_INNER_ILMD_ex:line", "line-" + f.u()));
    assertEquals(List.of(f.q1(), f.q2()), ids("EXISTS_ILMD_ex:lot", ""));
    assertEquals(List.of(), ids("EQ_ILMD_ex:lot", "L3-" + f.u()));
    // XML capture: ILMD and nested ILMD
    assertEquals(List.of(f.x1()), ids("EQ_ILMD_ex:grade", "G-" + f.u()));
    assertEquals(List.of(f.x1()), ids("EQ_INNER_ILMD_ex:farm", "F-" + f.u()));
  }

  @Test
  void eventExtensionFieldsFromJsonAndXml() {
    Fixture f = fixture();
    assertEquals(List.of(f.q1()), ids("EQ_ex:plant", "P-" + f.u()));
    assertEquals(List.of(f.q1(), f.x1()), ids("EXISTS_ex:plant", ""));
    assertEquals(List.of(f.x1()), ids("EQ_" + NS.substring(0, NS.length() - 1) + "#plant", "XP-" + f.u()));
    assertEquals(List.of(), ids("EQ_ex:plant", "P-none"));
  }

  @Test
  @Tag("EPC-3")
  void errorDeclarations() {
    Fixture f = fixture();
    assertEquals(List.of(f.q2()), ids("EXISTS_errorDeclaration", ""));
    assertEquals(List.of(f.q2()), ids("EQ_errorReason", "incorrect_data"));
    assertEquals(List.of(), ids("EQ_errorReason", "did_not_occur"));
    assertEquals(List.of(f.q2()), ids("EQ_correctiveEventID", f.q3()));
    assertEquals(List.of(f.q2()), ids("GE_errorDeclarationTime", "2026-11-27T12:00:00Z"));
    assertEquals(List.of(), ids("LT_errorDeclarationTime", "2026-11-27T12:00:00Z"));
    assertEquals(List.of(f.q2()), ids("EQ_ERROR_DECLARATION_ex:who", "qa-" + f.u()));
  }

  @Test
  @Tag("IOT-1")
  void sensorFilters() {
    Fixture f = fixture();
    assertEquals(List.of(f.q3(), f.q4()), ids("EQ_type", "Temperature"));
    assertEquals(List.of(f.q3()), ids("EQ_type", "AbsoluteHumidity"));
    assertEquals(List.of(f.q3()), ids("GT_value_CEL", "8"));
    assertEquals(List.of(f.q4()), ids("LE_value_CEL", "4"));
    assertEquals(List.of(f.q3(), f.q4()), ids("EQ_value_CEL", "4,26.5"));
    assertEquals(List.of(f.q3()), ids("GE_minValue_A93", "40", "LE_maxValue_A93", "60", "EQ_meanValue_A93", "50"));
    assertEquals(List.of(), ids("GT_minValue_A93", "40"));
    assertEquals(List.of(f.q4()), ids("EQ_deviceID", "urn:epc:id:giai:9506000.B" + f.u()));
    assertEquals(List.of(f.q3()), ids("GE_time", "2026-11-26T00:00:00Z", "LT_time", "2026-11-27T00:00:00Z"));
    assertEquals(List.of(f.q3()), ids("GE_startTime", "2026-11-26T00:00:00Z", "LT_endTime", "2026-11-28T00:00:00Z"));
    assertEquals(List.of(f.q3(), f.q4()), ids("EXISTS_sensorElementList", ""));
    assertEquals(List.of(f.q3()), ids("EQ_SENSORMETADATA_ex:md", "m-" + f.u()));
    assertEquals(List.of(f.q3()), ids("EQ_SENSORREPORT_ex:cal", "c-" + f.u()));
    assertEquals(List.of(f.q3()), ids("EXISTS_SENSORREPORT_ex:cal", ""));
  }

  @Test
  void persistentDispositionQuantityTransformationAndLocationsWithDescendants() {
    Fixture f = fixture();
    assertEquals(List.of(f.q1()), ids("EQ_persistentDisposition_set", "completeness_verified"));
    assertEquals(List.of(), ids("EQ_persistentDisposition_unset", "completeness_verified"));
    assertEquals(List.of(f.q1()), ids("EQ_quantity", "200"));
    assertEquals(List.of(f.q1()), ids("GT_quantity_KGM", "100"));
    assertEquals(List.of(), ids("LT_quantity", "200"));
    assertEquals(List.of(f.q5()), ids("EQ_transformationID", f.gdti()));
    String gln = "urn:epc:id:sgln:9506000." + f.location();
    assertEquals(List.of(f.q1(), f.q2()), ids("WD_readPoint", gln + ".0"));
    assertEquals(List.of(f.q1()), ids("WD_readPoint", gln + ".7"));
    assertEquals(List.of(f.q1()), ids("EQ_readPoint", gln + ".7"));
  }

  @Test
  @Tag("SEC-3")
  void badValuesAndUnansweredParametersAreRefusedByName() {
    Api.Reply r = ADMIN.get(query("GE_value_CEL", "warm"));
    assertEquals(400, r.status(), r.body());
    assertEquals("GE_value_CEL", r.json().getString("field"));
    assertEquals("warm", r.json().getString("value"));
    Api.Reply t = ADMIN.get(query("GT_ILMD_ex:expiry", "next-week"));
    assertEquals(400, t.status(), t.body());
    assertEquals("GT_ILMD_ex:expiry", t.json().getString("field"));
    Api.Reply a = ADMIN.get(query("EQ_ATTR_bizLocation_ex:site", "x"));
    assertEquals(400, a.status(), a.body());
    assertTrue(a.json().getString("detail").contains("master data"), a.body());
  }
}
