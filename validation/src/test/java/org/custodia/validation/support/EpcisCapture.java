package org.custodia.validation.support;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Events captured through the EPCIS REST binding as a test's given: the events (JSON-LD objects) wrapped in
 * one EPCIS 2.0 document, posted to {@code /api/epcis/capture} as {@code admin}, and the capture job
 * awaited until it has finished, successfully. The events are then stored and projected; what comes over
 * the capture queue (the server's own events) a test still awaits itself.
 */
public final class EpcisCapture {

  private static final Api ADMIN = Api.as("admin");

  private EpcisCapture() {}

  /** Captures {@code events} in one document and waits until the job has stored them. */
  public static void captured(String... events) {
    String doc = "{\"@context\":[\"https://ref.gs1.org/standards/epcis/epcis-context.jsonld\"],\"type\":\"EPCISDocument\","
        + "\"schemaVersion\":\"2.0\",\"creationDate\":\"2026-11-27T10:00:00Z\",\"epcisBody\":{\"eventList\":["
        + String.join(",", events) + "]}}";
    Api.Reply r = ADMIN.postBytes("/api/epcis/capture", "application/ld+json", doc.getBytes(StandardCharsets.UTF_8));
    assertEquals(202, r.status(), r.body());
    String job = r.header("Location");
    await().atMost(Duration.ofSeconds(60)).until(() -> !ADMIN.getUrl(job).json().getBoolean("running"));
    assertTrue(ADMIN.getUrl(job).json().getBoolean("success"), ADMIN.getUrl(job).body());
  }
}
