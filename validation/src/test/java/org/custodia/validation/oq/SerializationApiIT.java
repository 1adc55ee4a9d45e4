package org.custodia.validation.oq;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.custodia.validation.support.Api;
import org.custodia.validation.support.Deployments;
import org.custodia.validation.support.TestData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The serialization REST contracts of DESIGN.md on the real EAR, database and queues. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SerializationApiIT {

  private static final Api QA = Api.as("qa");

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.ear();
  }

  static long createPool(String gtin, String charset, int length, String order, String markets) {
    Api.Reply r =
        QA.postJson("/api/serialization/pools",
            "{\"gtin\":\"" + gtin + "\",\"charset\":\"" + charset + "\",\"length\":" + length + ",\"order\":\""
                + order + "\"" + (markets == null ? "" : ",\"markets\":" + markets) + "}");
    assertEquals(201, r.status(), r.body());
    assertNotNull(r.header("Location"));
    return r.json().getJsonNumber("id").longValue();
  }

  static List<String> allocate(long pool, int count) {
    Api.Reply r = QA.postJson("/api/serialization/pools/" + pool + "/allocations", "{\"count\":" + count + "}");
    assertEquals(200, r.status(), r.body());
    return r.json().getJsonArray("serials").getValuesAs(JsonString::getString);
  }

  static Api.Reply commission(String gtin, String lot, List<String> serials) {
    StringBuilder s = new StringBuilder();
    for (String x : serials) {
      s.append(s.length() == 0 ? "" : ",").append('"').append(x).append('"');
    }
    return QA.postJson("/api/serialization/commissions",
        "{\"gtin\":\"" + gtin + "\",\"lot\":\"" + lot + "\",\"expiry\":\"281200\",\"serials\":[" + s + "]}");
  }

  @Test
  @Tag("SER-1")
  void createsRandomPoolForTheEuAndRecordsItsGuessingProbability() {
    // given / when
    String gtin = TestData.newGtin();
    long id = createPool(gtin, "NUMERIC", 12, "RANDOM", "[\"EU\",\"US\"]");
    JsonObject pool = QA.get("/api/serialization/pools/" + id).json();

    // then
    assertEquals(gtin, pool.getString("gtin"));
    assertTrue(pool.getJsonNumber("guessProbability").bigDecimalValue().compareTo(new java.math.BigDecimal("0.0001")) <= 0);
    assertEquals(100_000_000L, pool.getJsonNumber("capacity").longValue());
    assertEquals("ACTIVE", pool.getString("status"));
  }

  @Test
  @Tag("SER-1")
  void refusesASequentialPoolForTheEuMarketNamingTheField() {
    // when
    Api.Reply r =
        QA.postJson("/api/serialization/pools",
            "{\"gtin\":\"" + TestData.newGtin() + "\",\"charset\":\"NUMERIC\",\"length\":10,\"order\":\"SEQUENTIAL\",\"markets\":[\"EU\"]}");

    // then
    assertEquals(400, r.status());
    assertTrue(r.header("Content-Type").startsWith("application/problem+json"));
    assertEquals("guess-probability-too-high", r.json().getString("code"));
    assertEquals("order", r.json().getString("field"));
  }

  @Test
  @Tag("SER-2")
  void concurrentAllocationsFromTwoPoolsOfOneGtinNeverRepeatASerial() throws Exception {
    // given two pools of one GTIN and length (they share one serial space)
    String gtin = TestData.newGtin();
    long a = createPool(gtin, "CSET82", 12, "RANDOM", "[\"EU\"]");
    long b = createPool(gtin, "CSET82", 12, "RANDOM", "[\"EU\"]");
    ExecutorService threads = Executors.newFixedThreadPool(8);
    List<Future<List<String>>> calls = new ArrayList<>();

    // when 24 requests of 400 run concurrently against both pools
    for (int i = 0; i < 24; i++) {
      long pool = i % 2 == 0 ? a : b;
      calls.add(threads.submit(() -> allocate(pool, 400)));
    }
    Set<String> all = new HashSet<>();
    int total = 0;
    for (Future<List<String>> f : calls) {
      List<String> s = f.get();
      total += s.size();
      all.addAll(s);
    }
    threads.shutdown();

    // then
    assertEquals(24 * 400, total);
    assertEquals(total, all.size(), "a serial was handed out twice");
  }

  @Test
  @Tag("SER-5")
  void commissioningRecordsActiveUnitsAndSendsTheObjectEventToTheRepository() {
    // given
    String gtin = TestData.newGtin();
    String lot = TestData.newLot();
    List<String> serials = allocate(createPool(gtin, "NUMERIC", 12, "RANDOM", "[\"US\"]"), 20);

    // when
    Api.Reply r = commission(gtin, lot, serials);

    // then the EPCs come back in order, and the event reaches the repository over the capture queue
    assertEquals(201, r.status(), r.body());
    JsonArray epcs = r.json().getJsonArray("epcs");
    assertEquals(20, epcs.size());
    assertEquals("urn:epc:id:sgtin:9506000." + gtin.charAt(0) + gtin.substring(8, 13) + "." + serials.get(0), epcs.getString(0));
    String eventId = r.json().getString("eventId");
    String path = "/api/epcis/events/" + URLEncoder.encode(eventId, StandardCharsets.UTF_8);
    await().atMost(Duration.ofSeconds(30)).until(() -> QA.get(path).status() == 200);
    JsonObject event = QA.get(path).json();
    assertEquals("ObjectEvent", event.getString("type"));
    assertEquals("ADD", event.getString("action"));
    assertEquals("commissioning", event.getString("bizStep"));
    assertEquals("active", event.getString("disposition"));
    assertEquals(20, event.getJsonArray("epcList").size());
    assertEquals(lot, event.getJsonObject("ilmd").getString("cbvmda:lotNumber"));
    assertEquals("2028-12-31", event.getJsonObject("ilmd").getString("cbvmda:itemExpirationDate"));
    assertEquals("urn:epc:id:sgln:9506000.00001.0", event.getJsonObject("bizLocation").getString("id"));

    // and it exports as EPCIS XML, 2.0 and 1.2, with the standard master-data namespace and CBV URNs
    String query = "/api/epcis/events?EQ_eventID=" + URLEncoder.encode(eventId, StandardCharsets.UTF_8);
    for (String version : List.of("2.0", "1.2")) {
      Api.Reply xml = QA.getWithHeaders(query, "Accept", "application/xml", "GS1-EPCIS-Version", version);
      assertEquals(200, xml.status(), xml.body());
      assertTrue(xml.body().contains("xmlns:cbvmda=\"urn:epcglobal:cbv:mda\""), xml.body());
      assertTrue(xml.body().contains(">" + lot + "</cbvmda:lotNumber>"), xml.body());
      assertTrue(xml.body().contains("<bizStep>urn:epcglobal:cbv:bizstep:commissioning</bizStep>"), xml.body());
    }
  }

  @Test
  @Tag("SER-2")
  @Tag("SER-5")
  void aSecondCommissioningIsRefusedWithNothingWritten() {
    // given five commissioned units and five more issued
    String gtin = TestData.newGtin();
    List<String> serials = allocate(createPool(gtin, "NUMERIC", 12, "RANDOM", null), 10);
    assertEquals(201, commission(gtin, "L1", serials.subList(0, 5)).status());

    // when a request names the five new ones and one already commissioned
    List<String> mixed = new ArrayList<>(serials.subList(5, 10));
    mixed.add(serials.get(0));
    Api.Reply refused = commission(gtin, "L1", mixed);

    // then it is refused naming the serial, and none of the five new ones was commissioned
    assertEquals(409, refused.status());
    assertEquals("already-commissioned", refused.json().getString("code"));
    assertEquals(serials.get(0), refused.json().getString("value"));
    assertEquals(201, commission(gtin, "L1", serials.subList(5, 10)).status());
  }

  @Test
  @Tag("SER-2")
  void aSerialNoPoolIssuedCannotBeCommissioned() {
    // given
    String gtin = TestData.newGtin();
    List<String> issued = allocate(createPool(gtin, "NUMERIC", 12, "SEQUENTIAL", "[\"US\"]"), 3);

    // when: the next sequential serial, not yet issued
    String next = String.format("%012d", Long.parseLong(issued.get(2)) + 1);
    Api.Reply r = commission(gtin, "L1", List.of(next));

    // then
    assertEquals(409, r.status());
    assertEquals("serial-not-issued", r.json().getString("code"));
    assertEquals(next, r.json().getString("value"));
  }

  @Test
  @Tag("SER-4")
  void importedSerialsAreHandedOutInOrderAndAreTheOnlyOnesUsed() {
    // given
    String gtin = TestData.newGtin();
    Api.Reply imported =
        QA.postJson("/api/serialization/imports",
            "{\"gtin\":\"" + gtin + "\",\"serials\":[\"X-001\",\"X-002\",\"X-003\"],\"markets\":[\"TR\"]}");
    assertEquals(201, imported.status(), imported.body());
    long pool = imported.json().getJsonNumber("id").longValue();

    // when
    List<String> got = allocate(pool, 2);
    Api.Reply generated =
        QA.postJson("/api/serialization/pools",
            "{\"gtin\":\"" + gtin + "\",\"charset\":\"NUMERIC\",\"length\":12,\"order\":\"RANDOM\"}");

    // then
    assertEquals(List.of("X-001", "X-002"), got);
    assertEquals(409, generated.status());
    assertEquals("imported-serials-only", generated.json().getString("code"));
    assertEquals(201, commission(gtin, "L9", got).status());
    assertEquals(409, commission(gtin, "L9", List.of("X-003")).status(), "X-003 was imported but never issued");
  }

  @Test
  @Tag("SER-3")
  void serialsMarkedUnusedAreNeverCommissioned() {
    // given
    String gtin = TestData.newGtin();
    List<String> serials = allocate(createPool(gtin, "NUMERIC", 12, "RANDOM", null), 4);

    // when
    Api.Reply marked =
        QA.postJson("/api/serialization/unused",
            "{\"gtin\":\"" + gtin + "\",\"serials\":[\"" + serials.get(3) + "\"],\"reason\":\"label damaged, not printed\"}");

    // then
    assertEquals(204, marked.status(), marked.body());
    Api.Reply r = commission(gtin, "L1", List.of(serials.get(3)));
    assertEquals(409, r.status());
    assertEquals("serial-unused", r.json().getString("code"));
    Api.Reply again =
        QA.postJson("/api/serialization/unused",
            "{\"gtin\":\"" + gtin + "\",\"serials\":[\"" + serials.get(3) + "\"],\"reason\":\"twice\"}");
    assertEquals(409, again.status(), again.body());
    Api.Reply noReason =
        QA.postJson("/api/serialization/unused", "{\"gtin\":\"" + gtin + "\",\"serials\":[\"" + serials.get(2) + "\"]}");
    assertEquals(400, noReason.status());
    assertEquals("reason", noReason.json().getString("field"));
  }

  @Test
  @Tag("ID-1")
  void badInputIsA400ProblemNamingFieldValueAndRuleAndIsAudited() {
    // when
    Api.Reply badGtin = commission("09506000134353", "L1", List.of("1"));
    Api.Reply badJson = QA.postJson("/api/serialization/commissions", "{\"gtin\":");
    Api.Reply badCharset =
        QA.postJson("/api/serialization/pools", "{\"gtin\":\"09506000134352\",\"charset\":\"HEX\",\"length\":10,\"order\":\"RANDOM\"}");

    // then
    assertEquals(400, badGtin.status());
    JsonObject p = badGtin.json();
    assertEquals("gtin", p.getString("field"));
    assertEquals("09506000134353", p.getString("value"));
    assertEquals("01", p.getString("ai"));
    assertEquals("csum", p.getString("rule"));
    assertTrue(p.getString("detail").contains("09506000134353"));
    assertEquals(400, badJson.status());
    assertTrue(badJson.header("Content-Type").startsWith("application/problem+json"));
    assertEquals(400, badCharset.status());
    assertEquals("charset", badCharset.json().getString("field"));
    JsonArray refusals = Api.as("auditor").get("/api/audit/records?outcome=REFUSED&limit=20").jsonStructure().asJsonArray();
    assertTrue(
        refusals.getValuesAs(JsonObject.class).stream().anyMatch(a -> a.getString("detail", "").contains("value=09506000134353")),
        "the refused GTIN must leave an audit record");
  }
}
