package org.custodia.validation.oq;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.custodia.validation.support.Api;
import org.custodia.validation.support.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** EPCIS capture jobs through {@code /api/epcis/capture} as GS1's REST binding describes them. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("EPC-2")
class EpcisCaptureIT {

  private static final Api ADMIN = Api.as("admin");

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.ear();
  }

  private static String event(String id, String time) {
    return event(id, time, "urn:epc:id:sgtin:9506000.013435." + id.substring(9, 15));
  }

  private static String event(String id, String time, String epc) {
    return "{\"type\":\"ObjectEvent\",\"eventID\":\"" + id + "\",\"eventTime\":\"" + time
        + "\",\"eventTimeZoneOffset\":\"+01:00\",\"action\":\"OBSERVE\",\"bizStep\":\"shipping\","
        + "\"disposition\":\"in_transit\",\"epcList\":[\"" + epc + "\"]}";
  }

  private static String document(String... events) {
    return "{\"@context\":[\"https://ref.gs1.org/standards/epcis/epcis-context.jsonld\"],\"type\":\"EPCISDocument\","
        + "\"schemaVersion\":\"2.0\",\"creationDate\":\"2026-11-27T10:00:00Z\",\"epcisBody\":{\"eventList\":["
        + String.join(",", events) + "]}}";
  }

  private static String id() {
    return "urn:uuid:" + UUID.randomUUID();
  }

  /** Captures {@code doc} and waits for its job to finish; returns the job. */
  private static JsonObject capture(String doc) {
    Api.Reply r = ADMIN.postBytes("/api/epcis/capture", "application/ld+json", doc.getBytes(StandardCharsets.UTF_8));
    assertEquals(202, r.status(), r.body());
    String location = r.header("Location");
    assertNotNull(location);
    await().atMost(Duration.ofSeconds(60)).until(() -> !ADMIN.getUrl(location).json().getBoolean("running"));
    return ADMIN.getUrl(location).json();
  }

  private static int status(String eventId) {
    return ADMIN.get("/api/epcis/events/" + URLEncoder.encode(eventId, StandardCharsets.UTF_8)).status();
  }

  @Test
  @Tag("EPC-1")
  void aValidDocumentIsCapturedAndItsEventsCanBeRead() {
    // given
    String a = id();
    String b = id();

    // when
    JsonObject job = capture(document(event(a, "2026-11-27T10:00:00+01:00"), event(b, "2026-11-27T10:01:00+01:00")));

    // then
    assertTrue(job.getBoolean("success"), job.toString());
    assertEquals("rollback", job.getString("captureErrorBehaviour"));
    assertEquals(2, job.getInt("storedCount"));
    assertEquals(200, status(a));
    assertEquals(200, status(b));
  }

  @Test
  @Tag("EPC-3")
  void aResentDocumentStoresNothingTwice() {
    // given
    String a = id();
    String doc = document(event(a, "2026-11-27T10:00:00Z"));
    capture(doc);

    // when
    JsonObject again = capture(doc);

    // then
    assertTrue(again.getBoolean("success"));
    assertEquals(0, again.getInt("storedCount"));
    assertEquals(1, again.getInt("alreadyStoredCount"));
  }

  @Test
  @Tag("EPC-1")
  void withRollbackOneBadEventRejectsTheWholeDocumentNamingTheEvent() {
    // given a good event and one with an unreadable time
    String good = id();
    String bad = id();

    // when
    JsonObject job = capture(document(event(good, "2026-11-27T10:00:00Z"), event(bad, "yesterday")));

    // then
    assertFalse(job.getBoolean("success"));
    JsonObject error = job.getJsonArray("errors").getJsonObject(0);
    assertEquals(1, error.getInt("eventIndex"));
    assertEquals(bad, error.getString("eventID"));
    assertEquals(404, status(good), "nothing may be stored when the behaviour is rollback");
  }

  @Test
  void withProceedTheGoodEventsAreStoredAndTheBadOnesReported() {
    // given
    String good = id();
    String bad = id();
    String doc = document(event(good, "2026-11-27T10:00:00Z"), event(bad, "yesterday"));

    // when
    Api.Reply r =
        ADMIN.postBytesWithHeader("/api/epcis/capture", "application/ld+json", doc.getBytes(StandardCharsets.UTF_8),
            "GS1-Capture-Error-Behaviour", "proceed");
    assertEquals(202, r.status(), r.body());
    await().atMost(Duration.ofSeconds(60)).until(() -> !ADMIN.getUrl(r.header("Location")).json().getBoolean("running"));
    JsonObject job = ADMIN.getUrl(r.header("Location")).json();

    // then
    assertFalse(job.getBoolean("success"));
    assertEquals("proceed", job.getString("captureErrorBehaviour"));
    assertEquals(1, job.getInt("storedCount"));
    assertEquals(200, status(good));
    assertEquals(404, status(bad));
  }

  @Test
  @Tag("SEC-3")
  void malformedJsonEndsTheJobWithAnErrorAndStoresNothing() {
    JsonObject job = capture("{\"type\":\"EPCISDocument\",\"epcisBody\":{\"eventList\":[{\"type\":");
    assertFalse(job.getBoolean("success"));
    assertEquals("unreadable-document", job.getJsonArray("errors").getJsonObject(0).getString("title"));
  }

  @Test
  @Tag("SEC-3")
  void aWrongContentTypeIs415AndOptionsAdvertisesTheLimits() {
    Api.Reply r = ADMIN.postBytes("/api/epcis/capture", "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
    assertEquals(415, r.status());
    Api.Reply o = ADMIN.options("/api/epcis/capture");
    assertEquals(204, o.status());
    assertNotNull(o.header("GS1-EPCIS-Capture-Limit"));
    assertNotNull(o.header("GS1-EPCIS-Capture-File-Size-Limit"));
    assertTrue(o.header("GS1-Capture-Error-Behaviour").contains("proceed"));
  }

  @Test
  @Tag("SEC-1")
  void anOperatorCannotCapture() {
    Api.Reply r = Api.as("operator").postBytes("/api/epcis/capture", "application/json", document().getBytes(StandardCharsets.UTF_8));
    assertEquals(403, r.status());
  }

  @Test
  void capturedEventsAreFoundByEpcAndPagedWithLinkNext() {
    // given three events naming one EPC
    String a = id();
    String b = id();
    String c = id();
    String epc = "urn:epc:id:sgtin:9506000.013435." + a.substring(9, 15);
    String doc = document(event(a, "2026-11-27T10:00:00Z", epc), event(b, "2026-11-27T11:00:00Z", epc),
        event(c, "2026-11-27T12:00:00Z", epc));
    assertTrue(capture(doc).getBoolean("success"));

    // when the EPC's history is read two events a page, oldest first
    Api.Reply first = ADMIN.get("/api/epcis/events?MATCH_epc=" + URLEncoder.encode(epc, StandardCharsets.UTF_8)
        + "&perPage=2&orderDirection=ASC&orderBy=eventTime");
    String link = first.header("Link");
    Api.Reply second = ADMIN.getUrl(link.substring(link.indexOf('<') + 1, link.indexOf('>')));

    // then
    assertEquals(200, first.status(), first.body());
    var page1 = first.json().getJsonObject("epcisBody").getJsonObject("queryResults").getJsonObject("resultsBody").getJsonArray("eventList");
    var page2 = second.json().getJsonObject("epcisBody").getJsonObject("queryResults").getJsonObject("resultsBody").getJsonArray("eventList");
    assertEquals(List.of(a, b), List.of(page1.getJsonObject(0).getString("eventID"), page1.getJsonObject(1).getString("eventID")));
    assertEquals(c, page2.getJsonObject(0).getString("eventID"));
    assertEquals(1, page2.size());
    assertTrue(link.contains("rel=\"next\""));
    assertEquals(null, second.header("Link"));
    assertTrue(page1.getJsonObject(0).containsKey("recordTime"));
  }

  @Test
  @Tag("SEC-3")
  void anUnsupportedQueryParameterIsRefusedByName() {
    Api.Reply r = ADMIN.get("/api/epcis/events?EQ_noSuchThing=1");
    assertEquals(400, r.status());
    assertEquals("EQ_noSuchThing", r.json().getString("field"));
    Api.Reply t = ADMIN.get("/api/epcis/events?GE_eventTime=yesterday");
    assertEquals(400, t.status());
    assertEquals("GE_eventTime", t.json().getString("field"));
  }

  @Test
  @Tag("EPC-3")
  void anErrorDeclarationIsKeptBesideItsEventAndRestoresTheObjectsState() {
    // given a unit commissioned, then shipped by mistake
    String epc = "urn:epc:id:sgtin:9506000.013435.ED" + UUID.randomUUID().toString().substring(0, 8);
    String commissioned = id();
    String shipped = id();
    capture(document("{\"type\":\"ObjectEvent\",\"eventID\":\"" + commissioned + "\",\"eventTime\":"
        + "\"2026-11-27T08:00:00Z\",\"eventTimeZoneOffset\":\"+00:00\",\"action\":\"ADD\",\"bizStep\":"
        + "\"commissioning\",\"disposition\":\"active\",\"epcList\":[\"" + epc + "\"]}",
        event(shipped, "2026-11-27T10:00:00+01:00", epc)));

    // when the shipment is declared erroneous: the same event, with its eventID and an errorDeclaration
    String declaration = event(shipped, "2026-11-27T10:00:00+01:00", epc);
    declaration = declaration.substring(0, declaration.length() - 1)
        + ",\"errorDeclaration\":{\"declarationTime\":\"2026-11-27T12:00:00Z\",\"reason\":\"did_not_occur\"}}";
    JsonObject job = capture(document(declaration));

    // then the declaration is stored beside the event: both come back for the eventID
    assertTrue(job.getBoolean("success"), job.toString());
    assertEquals(1, job.getInt("storedCount"));
    List<JsonObject> both = ADMIN.get("/api/epcis/events?EQ_eventID=" + URLEncoder.encode(shipped, StandardCharsets.UTF_8))
        .json().getJsonObject("epcisBody").getJsonObject("queryResults").getJsonObject("resultsBody")
        .getJsonArray("eventList").getValuesAs(JsonObject.class);
    assertEquals(2, both.size());
    assertEquals(1, both.stream().filter(e -> e.containsKey("errorDeclaration")).count());
    // the event read by its ID shows the declaration
    assertTrue(ADMIN.get("/api/epcis/events/" + URLEncoder.encode(shipped, StandardCharsets.UTF_8)).json()
        .containsKey("errorDeclaration"));
    // and sending the declaration again stores nothing
    assertEquals(0, capture(document(declaration)).getInt("storedCount"));
  }
}
