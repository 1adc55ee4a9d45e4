package org.custodia.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The alert message's document (EXC-3): every field, and only the objects that are known. */
@Tag("EXC-3")
class AlertTopicTest {

  @Test
  void theDocumentCarriesTheAlertAndOnlyTheKnownObjects() {
    Map<String, String> objects = new LinkedHashMap<>();
    objects.put("line", "line-2");
    objects.put("workOrderId", "41");
    objects.put("epc", null);
    AlertTopic.Alert alert = new AlertTopic.Alert("line", 17, "REJECT_NOT_CONFIRMED", "HIGH",
        "the reject station did not confirm unit 12", OffsetDateTime.parse("2026-11-28T03:04:05.123+01:00"),
        "OPERATOR-bean", List.of("OPERATOR", "QA"), objects);

    JsonObject doc = Jsonp.JSON.createReader(new StringReader(AlertTopic.json(alert))).readObject();

    assertEquals("1", doc.getString("schemaVersion"));
    assertEquals("line", doc.getString("kind"));
    assertEquals(17, doc.getJsonNumber("id").longValue());
    assertEquals("REJECT_NOT_CONFIRMED", doc.getString("type"));
    assertEquals("HIGH", doc.getString("severity"));
    assertEquals("the reject station did not confirm unit 12", doc.getString("detail"));
    assertEquals("2026-11-28T03:04:05.123+01:00", doc.getString("raisedAt"));
    assertEquals("OPERATOR-bean", doc.getString("raisedBy"));
    assertEquals(List.of("OPERATOR", "QA"), doc.getJsonArray("roles").getValuesAs(jakarta.json.JsonString::getString));
    assertEquals("line-2", doc.getJsonObject("objects").getString("line"));
    assertEquals("41", doc.getJsonObject("objects").getString("workOrderId"));
    assertFalse(doc.getJsonObject("objects").containsKey("epc"), "an unknown object is left out");
  }
}
