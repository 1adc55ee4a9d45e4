package org.custodia.lifecycle.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.List;
import org.custodia.lifecycle.application.PackStates;
import org.custodia.lifecycle.domain.PackState;
import org.custodia.lifecycle.domain.Refusal;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The answers of {@code /api/packs}: the new states, or a problem listing each refused pack (LIFE-2). */
@Tag("LIFE-2")
class PackResourceTest {

  private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-27T09:00:00Z");

  @Test
  void aDoneRequestAnswersTheEventAndEachPacksState() {
    JsonObject b = PackResource.body(new PackStates.Result(true, "urn:uuid:e1", AT, List.of(
        new PackStates.PackResult("c1", "urn:epc:1", "g", "s1", "L1", PackState.DESTROYED, null, null))));

    assertEquals("urn:uuid:e1", b.getString("eventId"));
    assertEquals("DESTROYED", b.getString("state"));
    assertEquals("urn:epc:1", b.getJsonArray("packs").getJsonObject(0).getString("epc"));
  }

  @Test
  void aRefusedRequestIsAProblemListingEachRefusedPackWithItsNmvsCode() {
    JsonObject b = PackResource.body(new PackStates.Result(false, null, AT, List.of(
        new PackStates.PackResult("c1", "urn:epc:1", "g", "s1", "L1", PackState.ACTIVE, null, null),
        new PackStates.PackResult("c2", "urn:epc:2", "g", "s2", "L1", PackState.STOLEN, Refusal.PACK_INACTIVE,
            "the pack is already inactive (stolen)"))));

    assertEquals(409, b.getInt("status"));
    assertEquals("pack-state-refused", b.getString("code"));
    assertEquals("1 of 2 packs refused, nothing was changed: urn:epc:2: the pack is already inactive (stolen)",
        b.getString("detail"));
    assertEquals(1, b.getJsonArray("refusals").size());
    JsonObject refusal = b.getJsonArray("refusals").getJsonObject(0);
    assertEquals("c2", refusal.getString("code"));
    assertEquals("PACK_INACTIVE", refusal.getString("refusal"));
    assertEquals("NMVS_NC_PCK_22", refusal.getString("nmvsCode"));
    assertEquals("STOLEN", refusal.getString("state"));
    assertFalse(b.containsKey("eventId"));
  }
}
