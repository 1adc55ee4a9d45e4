package org.custodia.validation.oq;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.custodia.validation.support.Api;
import org.custodia.validation.support.EpcisCapture;
import org.custodia.validation.support.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Named queries and webhook subscriptions, delivered to a receiver on this machine. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("EPC-2")
class EpcisSubscriptionIT {

  private static final Api ADMIN = Api.as("admin");

  /** What the receiver got: the body, its signature header, and what it answered. */
  record Delivery(String body, String signature, int answered) {}

  private HttpServer receiver;
  private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
  private final AtomicInteger failFirst = new AtomicInteger();

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.ear();
  }

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      int status = failFirst.getAndDecrement() > 0 ? 503 : 200;
      deliveries.add(new Delivery(body, exchange.getRequestHeaders().getFirst("GS1-Signature"), status));
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    receiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.stop(0);
  }

  private String hook() {
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
  }

  private static String event(String id, String epc) {
    return "{\"type\":\"ObjectEvent\",\"eventID\":\"" + id + "\",\"eventTime\":\"2026-11-27T10:00:00Z\","
        + "\"eventTimeZoneOffset\":\"+00:00\",\"action\":\"OBSERVE\",\"bizStep\":\"receiving\",\"epcList\":[\"" + epc + "\"]}";
  }

  private static String hmac(String body, String token) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<String> eventIds(String body) {
    JsonObject doc = Json.createReader(new StringReader(body)).readObject();
    return doc.getJsonObject("epcisBody").getJsonObject("queryResults").getJsonObject("resultsBody")
        .getJsonArray("eventList").getValuesAs(JsonObject.class).stream().map(e -> e.getString("eventID")).toList();
  }

  @Test
  void aStreamSubscriptionDeliversEachNewEventOnceRetryingUntilTheReceiverAcknowledges() throws Exception {
    // given a named query for one EPC and a signed stream subscription whose receiver fails once
    String epc = "urn:epc:id:sgtin:9506000.013435.S" + UUID.randomUUID().toString().substring(0, 8);
    String name = "q-" + UUID.randomUUID();
    assertEquals(201, ADMIN.postJson("/api/epcis/queries",
        "{\"name\":\"" + name + "\",\"query\":{\"MATCH_epc\":[\"" + epc + "\"]}}").status());
    failFirst.set(1);
    Api.Reply sub = ADMIN.postJson("/api/epcis/queries/" + name + "/subscriptions",
        "{\"dest\":\"" + hook() + "\",\"signatureToken\":\"s3cret\",\"stream\":true}");
    assertEquals(201, sub.status(), sub.body());
    assertFalse(sub.body().contains("s3cret"), "the token is never shown again");

    // when three events of that EPC (and one of another) are captured
    String a = "urn:uuid:" + UUID.randomUUID();
    String b = "urn:uuid:" + UUID.randomUUID();
    String c = "urn:uuid:" + UUID.randomUUID();
    EpcisCapture.captured(event(a, epc), event(b, epc), event(c, epc), event("urn:uuid:" + UUID.randomUUID(), epc + "X"));

    // then the receiver is called, refuses once, and the same three events come again and are acknowledged
    await().atMost(Duration.ofSeconds(60)).until(() -> deliveries.stream().anyMatch(d -> d.answered() == 200));
    Delivery refused = deliveries.get(0);
    Delivery accepted = deliveries.stream().filter(d -> d.answered() == 200).findFirst().orElseThrow();
    assertEquals(503, refused.answered());
    assertEquals(List.of(a, b, c), eventIds(refused.body()));
    assertEquals(List.of(a, b, c), eventIds(accepted.body()));
    assertEquals(hmac(accepted.body(), "s3cret"), accepted.signature());

    // and once acknowledged, a later event is delivered alone: the position moved past the first three
    String d = "urn:uuid:" + UUID.randomUUID();
    EpcisCapture.captured(event(d, epc));
    await().atMost(Duration.ofSeconds(60)).until(() -> deliveries.stream().filter(x -> x.answered() == 200).count() >= 2);
    Delivery later = deliveries.stream().filter(x -> x.answered() == 200).skip(1).findFirst().orElseThrow();
    assertEquals(List.of(d), eventIds(later.body()));
    JsonObject shown = ADMIN.get("/api/epcis/queries/" + name + "/subscriptions").json();
    assertTrue(shown.getJsonArray("subscriptions").getJsonObject(0).containsKey("lastNotifiedAt"));
  }

  @Test
  void aNamedQueryAnswersLikeTheEventsEndpointAndRefusesBadDefinitions() {
    String name = "q-" + UUID.randomUUID();
    assertEquals(201, ADMIN.postJson("/api/epcis/queries", "{\"name\":\"" + name + "\",\"query\":{\"eventType\":[\"ObjectEvent\"],\"perPage\":\"2\"}}").status());
    Api.Reply events = ADMIN.get("/api/epcis/queries/" + name + "/events");
    assertEquals(200, events.status(), events.body());
    assertEquals(name, events.json().getJsonObject("epcisBody").getJsonObject("queryResults").getString("queryName"));
    assertEquals(409, ADMIN.postJson("/api/epcis/queries", "{\"name\":\"" + name + "\",\"query\":{}}").status());
    Api.Reply bad = ADMIN.postJson("/api/epcis/queries", "{\"name\":\"x" + name + "\",\"query\":{\"EQ_nothing\":\"1\"}}");
    assertEquals(400, bad.status());
    assertEquals("EQ_nothing", bad.json().getString("field"));
  }

  @Test
  void subscriptionsNeedAStreamOrAScheduleAndAnHttpDestination() {
    String name = "q-" + UUID.randomUUID();
    ADMIN.postJson("/api/epcis/queries", "{\"name\":\"" + name + "\",\"query\":{}}");
    String base = "/api/epcis/queries/" + name + "/subscriptions";
    assertEquals(400, ADMIN.postJson(base, "{\"dest\":\"" + hook() + "\"}").status());
    assertEquals(400, ADMIN.postJson(base, "{\"dest\":\"ftp://example/x\",\"stream\":true}").status());
    Api.Reply scheduled = ADMIN.postJson(base, "{\"dest\":\"" + hook() + "\",\"schedule\":{\"hour\":\"1\",\"minute\":\"5\"}}");
    assertEquals(201, scheduled.status(), scheduled.body());
    String id = scheduled.json().getString("subscriptionID");
    assertEquals(204, ADMIN.delete(base + "/" + id).status());
    assertEquals(404, ADMIN.get(base + "/" + id).status());
  }
}
