package org.custodia.validation.oq;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import org.custodia.validation.support.Api;
import org.custodia.validation.support.EpcisCapture;
import org.custodia.validation.support.Deployments;
import org.custodia.validation.support.TestData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verification on the real EAR (VER-1, VER-2, VER-3): units commissioned over the serialization API
 * (their commissioning event travels over the capture queue into the current state), one destroyed and
 * one recalled over EPCIS capture, then verified through the GS1 lightweight verification responder and
 * the internal API: every failure reason, the requester allow-list, connectivity, and the anomalies that
 * become supply-chain exceptions.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class VerificationIT {

  private static final Api ADMIN = Api.as("admin");
  private static final Api QA = Api.as("qa");
  private static final Api SUPPLY = Api.as("supply");
  private static final String PLANT = "9506000000015";
  private static final String WHOLESALER = "9506000000022";
  private static final String PHARMACY = "9506000000039";
  private static final String PLANT_SGLN = "urn:epc:id:sgln:9506000.00001.0";
  private static final String EXP = "281231";

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.ear();
  }

  /** Units of a fresh GTIN and lot; of the shared ones ({@link #units()}) ten, the first eight commissioned. */
  private record Units(String gtin, String lot, List<String> serials, List<String> epcs) {}

  private static Units units;

  private static synchronized Units units() {
    if (units == null) {
      units = commissioned(10, 8);
    }
    return units;
  }

  /** {@code issued} units of a fresh GTIN and lot, the first {@code commissioned} of them commissioned. */
  private static Units commissioned(int issued, int commissioned) {
    String gtin = TestData.newGtin();
    String lot = TestData.newLot();
    List<String> serials =
        SerializationApiIT.allocate(SerializationApiIT.createPool(gtin, "NUMERIC", 12, "RANDOM", "[\"US\"]"), issued);
    StringBuilder s = new StringBuilder();
    for (String x : serials.subList(0, commissioned)) {
      s.append(s.length() == 0 ? "" : ",").append('"').append(x).append('"');
    }
    Api.Reply r = QA.postJson("/api/serialization/commissions",
        "{\"gtin\":\"" + gtin + "\",\"lot\":\"" + lot + "\",\"expiry\":\"" + EXP + "\",\"serials\":[" + s + "]}");
    assertEquals(201, r.status(), r.body());
    String eventId = r.json().getString("eventId");
    // the commissioning event is stored, and the units' current state with it, once the event is queryable
    await().atMost(Duration.ofSeconds(30))
        .until(() -> QA.get("/api/epcis/events/" + enc(eventId)).status() == 200);
    return new Units(gtin, lot, serials, r.json().getJsonArray("epcs").getValuesAs(JsonString::getString));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static Api.Reply vrs(Api as, String gtin, String lot, String serial, String exp, String reqGln, String corr) {
    return as.get("/api/vrs/verify/gtin/" + gtin + "/lot/" + enc(lot) + "/ser/" + enc(serial) + "?exp=" + exp
        + "&reqGLN=" + reqGln + "&corrUUID=" + corr + "&context=dscsaSaleableReturn");
  }

  private static JsonObject verifyOk(String serial, String lot, String exp, String reqGln) {
    Api.Reply r = vrs(SUPPLY, units().gtin(), lot, serial, exp, reqGln, UUID.randomUUID().toString());
    assertEquals(200, r.status(), r.body());
    return r.json();
  }

  private static void observe(String epc, String bizStep, String disposition) {
    String t = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).plusMinutes(1)
        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    EpcisCapture.captured("{\"type\":\"ObjectEvent\",\"eventTime\":\"" + t + "\",\"eventTimeZoneOffset\":\"+00:00\","
        + "\"epcList\":[\"" + epc + "\"],\"action\":\"OBSERVE\",\"bizStep\":\"" + bizStep + "\",\"disposition\":\""
        + disposition + "\",\"readPoint\":{\"id\":\"" + PLANT_SGLN + "\"},\"bizLocation\":{\"id\":\"" + PLANT_SGLN + "\"}}");
  }

  private static List<JsonObject> exceptions(String query) {
    Api.Reply r = QA.get("/api/exceptions?" + query);
    assertEquals(200, r.status(), r.body());
    return r.jsonStructure().asJsonArray().getValuesAs(JsonObject.class);
  }

  /** A GLN of the demo company that no demo partner has. */
  private static String newGln() {
    String data = "9506000" + String.format("%05d", ThreadLocalRandom.current().nextInt(100, 100_000));
    int sum = 0;
    int w = 3;
    for (int i = data.length() - 1; i >= 0; i--) {
      sum += (data.charAt(i) - '0') * w;
      w = 4 - w;
    }
    return data + (10 - sum % 10) % 10;
  }

  private static String newPartner(String role, boolean mayVerify) {
    String gln = newGln();
    Api.Reply r = ADMIN.putJson("/api/masterdata/partners/" + gln,
        "{\"name\":\"OQ partner " + gln + "\",\"roles\":[\"" + role + "\"],\"mayVerify\":" + mayVerify
            + ",\"sites\":[{\"gln\":\"" + gln + "\"},{\"gln\":\"" + gln + "\",\"extension\":\"DOCK1\"}]}");
    assertEquals(201, r.status(), r.body());
    return gln;
  }

  @Test
  @Tag("VER-2")
  @Tag("VER-1")
  void aCommissionedUnitVerifiesWithTheStandardResponseFields() {
    // given
    String serial = units().serials().get(0);
    String corr = UUID.randomUUID().toString();

    // when
    Api.Reply r = vrs(SUPPLY, units().gtin(), units().lot(), serial, EXP, WHOLESALER, corr);

    // then
    assertEquals(200, r.status(), r.body());
    JsonObject body = r.json();
    assertTrue(body.getJsonObject("data").getBoolean("verified"), r.body());
    assertFalse(body.getJsonObject("data").containsKey("verificationFailureReason"), r.body());
    assertEquals(PLANT, body.getString("responderGLN"));
    assertEquals(corr, body.getString("corrUUID"));
    assertNotNull(OffsetDateTime.parse(body.getString("verificationTimestamp")));
  }

  @Test
  @Tag("VER-2")
  void concurrentQuestionsAreAnsweredEachWithItsOwnAnswer() throws Exception {
    // given 8 callers asking at once (the responder answers questions that arrive together in one
    // transaction), each about a unit of its own: three questions of five by the wholesaler with the right
    // lot, one by another partner with a wrong lot, one by a partner not allowed to verify
    String asker = newPartner("PHARMACY", true);
    String refused = newPartner("3PL", false);
    Units mine = commissioned(8, 8);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<String>>> callers = new ArrayList<>();
      for (int c = 0; c < 8; c++) {
        String serial = mine.serials().get(c);
        callers.add(pool.submit(() -> {
          Api supply = Api.as("supply");
          List<String> problems = new ArrayList<>();
          for (int i = 0; i < 10; i++) {
            String corr = UUID.randomUUID().toString();
            int kind = i % 5;
            Api.Reply r = vrs(supply, mine.gtin(), kind == 3 ? mine.lot() + "X" : mine.lot(), serial, EXP,
                kind == 4 ? refused : kind == 3 ? asker : WHOLESALER, corr);
            // then each caller gets the answer to its own question
            String expected = kind == 4 ? "403" : kind == 3 ? "200 No_match_GTIN_Serial_Lot" : "200 verified";
            String got = Integer.toString(r.status());
            if (r.status() == 200) {
              JsonObject data = r.json().getJsonObject("data");
              got += data.getBoolean("verified") ? " verified" : " " + data.getString("verificationFailureReason");
              if (!corr.equals(r.json().getString("corrUUID"))) {
                got += " for " + r.json().getString("corrUUID");
              }
            }
            if (!expected.equals(got)) {
              problems.add(serial + " question " + i + ": expected " + expected + ", got " + got + " " + r.body());
            }
          }
          return problems;
        }));
      }
      List<String> problems = new ArrayList<>();
      for (Future<List<String>> f : callers) {
        problems.addAll(f.get(120, TimeUnit.SECONDS));
      }
      assertEquals(List.of(), problems);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @Tag("VER-2")
  void eachMismatchHasItsFailureReason() {
    // given
    List<String> s = units().serials();
    String lot = units().lot();

    // when / then
    assertEquals("No_match_GTIN_Serial_Lot",
        verifyOk(s.get(1), lot + "X", EXP, WHOLESALER).getJsonObject("data").getString("verificationFailureReason"));
    assertEquals("No_match_GTIN_Serial_Expiry",
        verifyOk(s.get(2), lot, "281130", WHOLESALER).getJsonObject("data").getString("verificationFailureReason"));
    JsonObject both = verifyOk(s.get(3), lot + "X", "281130", PHARMACY).getJsonObject("data");
    assertFalse(both.getBoolean("verified"));
    assertEquals("No_match_GTIN_Serial_Lot_Expiry", both.getString("verificationFailureReason"));
  }

  @Test
  @Tag("VER-2")
  @Tag("VER-1")
  @Tag("VER-3")
  void aNeverCommissionedUnitIsNoMatchAndASuspectProductException() {
    // given a serial that was issued but never commissioned
    String serial = units().serials().get(8);

    // when
    JsonObject data = verifyOk(serial, units().lot(), EXP, PHARMACY).getJsonObject("data");

    // then
    assertFalse(data.getBoolean("verified"));
    assertEquals("No_match_GTIN_Serial", data.getString("verificationFailureReason"));
    List<JsonObject> raised = exceptions("type=SUSPECT_PRODUCT&status=OPEN&serial=" + serial);
    assertEquals(1, raised.size(), raised.toString());
    assertEquals(units().gtin(), raised.get(0).getString("gtin"));
    assertEquals(PHARMACY, raised.get(0).getString("requesterGln"));
    assertEquals("HIGH", raised.get(0).getString("severity"));
  }

  @Test
  @Tag("VER-2")
  @Tag("VER-1")
  @Tag("VER-3")
  void aDestroyedUnitFailsAndIsAnAnomalyARecalledOneSaysRecalled() {
    // given one unit destroyed and one recalled through EPCIS capture
    String destroyed = units().serials().get(4);
    String recalled = units().serials().get(5);
    observe(units().epcs().get(4), "destroying", "destroyed");
    observe(units().epcs().get(5), "holding", "recalled");

    // when
    JsonObject d = verifyOk(destroyed, units().lot(), EXP, WHOLESALER).getJsonObject("data");
    JsonObject r = verifyOk(recalled, units().lot(), EXP, WHOLESALER).getJsonObject("data");
    JsonObject internal = SUPPLY.postJson("/api/verification", "{\"gtin\":\"" + units().gtin() + "\",\"serial\":\""
        + destroyed + "\",\"lot\":\"" + units().lot() + "\",\"expiry\":\"" + EXP + "\"}").json();

    // then
    assertFalse(d.getBoolean("verified"));
    assertEquals("No_reason_provided", d.getString("verificationFailureReason"));
    assertFalse(r.getBoolean("verified"));
    assertEquals("No_reason_provided", r.getString("verificationFailureReason"));
    assertEquals("Recalled", r.getString("additionalInfo"));
    assertFalse(internal.getBoolean("verified"));
    assertEquals("DECOMMISSIONED", internal.getString("reason"));
    assertEquals("destroyed", internal.getString("status"));
    assertEquals(2, exceptions("type=DECOMMISSIONED_UNIT_VERIFIED&serial=" + destroyed).size());
  }

  @Test
  @Tag("VER-1")
  void theInternalApiVerifiesAndNamesTheReason() {
    // given
    String serial = units().serials().get(7);

    // when
    Api.Reply ok = SUPPLY.postJson("/api/verification", "{\"gtin\":\"" + units().gtin() + "\",\"serial\":\"" + serial
        + "\",\"lot\":\"" + units().lot() + "\",\"expiry\":\"" + EXP + "\"}");
    Api.Reply wrongLot = QA.postJson("/api/verification", "{\"gtin\":\"" + units().gtin() + "\",\"serial\":\"" + serial
        + "\",\"lot\":\"OTHER\"}");
    Api.Reply foreign = QA.postJson("/api/verification", "{\"gtin\":\"" + TestData.foreignGtin() + "\",\"serial\":\"X1\"}");
    Api.Reply bad = QA.postJson("/api/verification", "{\"gtin\":\"09506000134353\",\"serial\":\"X1\"}");

    // then
    assertEquals(200, ok.status(), ok.body());
    assertTrue(ok.json().getBoolean("verified"), ok.body());
    assertEquals(units().epcs().get(7), ok.json().getString("epc"));
    assertEquals("active", ok.json().getString("status"));
    assertEquals("LOT_MISMATCH", wrongLot.json().getString("reason"));
    assertEquals("UNKNOWN_GTIN", foreign.json().getString("reason"));
    assertEquals(400, bad.status(), bad.body());
    assertEquals("gtin", bad.json().getString("field"));
  }

  @Test
  @Tag("VER-2")
  void theRequesterAllowListAnswers401ForStrangersAnd403ForPartnersNotAllowedToVerify() {
    // given
    String logistics = newPartner("3PL", false);
    String serial = units().serials().get(0);

    // when
    Api.Reply stranger = vrs(SUPPLY, units().gtin(), units().lot(), serial, EXP, newGln(), "c1");
    Api.Reply own = vrs(SUPPLY, units().gtin(), units().lot(), serial, EXP, PLANT, "c2");
    Api.Reply tpl = vrs(SUPPLY, units().gtin(), units().lot(), serial, EXP, logistics, "c3");
    Api.Reply noCredentials = vrs(Api.anonymous(), units().gtin(), units().lot(), serial, EXP, WHOLESALER, "c4");
    Api.Reply badGtin = vrs(SUPPLY, "09506000134353", units().lot(), serial, EXP, WHOLESALER, "c5");

    // then
    assertEquals(401, stranger.status(), stranger.body());
    assertTrue(stranger.header("Content-Type").startsWith("application/problem+json"));
    assertEquals("reqGLN", stranger.json().getString("field"));
    assertEquals(403, own.status(), own.body());
    assertEquals(403, tpl.status(), tpl.body());
    assertEquals("requester-not-permitted", tpl.json().getString("code"));
    assertEquals(401, noCredentials.status());
    assertEquals(400, badGtin.status(), badGtin.body());
    assertEquals("gtin", badGtin.json().getString("field"));
  }

  @Test
  @Tag("VER-2")
  void checkConnectivityAnswersWithTheResponderGln() {
    // when
    Api.Reply r = SUPPLY.get("/api/vrs/checkConnectivity?reqGLN=" + WHOLESALER + "&corrUUID=ping-1");
    Api.Reply stranger = SUPPLY.get("/api/vrs/checkConnectivity?reqGLN=" + newGln());

    // then
    assertEquals(200, r.status(), r.body());
    assertEquals(PLANT, r.json().getString("responderGLN"));
    assertEquals("ping-1", r.json().getString("corrUUID"));
    assertEquals(401, stranger.status(), stranger.body());
  }

  @Test
  @Tag("VER-3")
  void theSameSerialVerifiedByTwoPartnersWithinTheWindowIsAConflict() {
    // given
    String serial = units().serials().get(6);
    assertTrue(verifyOk(serial, units().lot(), EXP, WHOLESALER).getJsonObject("data").getBoolean("verified"));

    // when
    verifyOk(serial, units().lot(), EXP, PHARMACY);

    // then
    List<JsonObject> raised = exceptions("type=VERIFICATION_CONFLICT&serial=" + serial);
    assertEquals(1, raised.size(), raised.toString());
    assertTrue(raised.get(0).getString("detail").contains(WHOLESALER), raised.get(0).toString());
  }

  @Test
  @Tag("VER-3")
  void repeatedFailuresOfOneRequesterRaiseOneExceptionWhichQaResolves() {
    // given a fresh partner allowed to verify, and the default threshold of 5 failures within an hour
    String requester = newPartner("PHARMACY", true);

    // when it fails six times
    for (int i = 0; i < 6; i++) {
      verifyOk(units().serials().get(1), "WRONG" + i, EXP, requester);
    }

    // then exactly one exception names it, and QA resolves it with a root cause
    List<JsonObject> raised = exceptions("type=REPEATED_VERIFICATION_FAILURE&limit=1000").stream()
        .filter(e -> requester.equals(e.getString("requesterGln", null))).toList();
    assertEquals(1, raised.size(), raised.toString());
    long id = raised.get(0).getJsonNumber("id").longValue();
    assertEquals(403, SUPPLY.get("/api/exceptions/" + id).status());
    Api.Reply noCause = QA.postJson("/api/exceptions/" + id + "/resolve", "{}");
    assertEquals(400, noCause.status(), noCause.body());
    assertEquals("rootCause", noCause.json().getString("field"));
    Api.Reply done = QA.postJson("/api/exceptions/" + id + "/resolve", "{\"rootCause\":\"scanner misread lots (OQ)\"}");
    assertEquals(200, done.status(), done.body());
    assertEquals("RESOLVED", done.json().getString("status"));
    assertEquals("qa", done.json().getString("resolvedBy"));
    assertEquals(409, QA.postJson("/api/exceptions/" + id + "/resolve", "{\"rootCause\":\"again\"}").status());
  }

  @Test
  @Tag("VER-2")
  void partnersAreReadByQaAndWrittenOnlyByTheAdministrator() {
    // when
    Api.Reply list = QA.get("/api/masterdata/partners");
    Api.Reply wholesaler = SUPPLY.get("/api/masterdata/partners/" + WHOLESALER);
    Api.Reply byQa = QA.putJson("/api/masterdata/partners/" + newGln(), "{\"name\":\"x\",\"roles\":[\"PHARMACY\"]}");
    Api.Reply badRole = ADMIN.putJson("/api/masterdata/partners/" + newGln(), "{\"name\":\"x\",\"roles\":[\"SMUGGLER\"]}");

    // then
    assertEquals(200, list.status(), list.body());
    assertTrue(list.body().contains(PHARMACY), list.body());
    assertEquals(200, wholesaler.status(), wholesaler.body());
    assertTrue(wholesaler.json().getBoolean("mayVerify"));
    assertEquals("WHOLESALER", wholesaler.json().getJsonArray("roles").getString(0));
    assertEquals(403, byQa.status(), byQa.body());
    assertEquals(400, badRole.status(), badRole.body());
    assertEquals("roles", badRole.json().getString("field"));
  }
}
