package org.custodia.validation.oq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
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
 * The audit trail's verification (AUD-1) on the real server: every record the suite's requests wrote so far,
 * spread over the eight hash chains by transactions running side by side, verifies, and a new record is
 * in the next verification.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("AUD-1")
class AuditTrailIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.ear();
  }

  private static JsonObject verification() {
    Api.Reply r = Api.as("auditor").get("/api/audit/verification");
    assertEquals(200, r.status(), r.body());
    return r.json();
  }

  @Test
  void theWholeTrailVerifiesAndGrowsWithEachAuditedRequest() {
    // given
    JsonObject before = verification();
    assertTrue(before.getBoolean("intact"), before.toString());

    // when: a refused request, which is audited in a transaction of its own
    Api.Reply refused = Api.as("qa").postJson("/api/line/workorders", "{\"line\":\"line-1\",\"gtin\":\"09506000134352\","
        + "\"lot\":\"AUDIT-1\",\"expiry\":\"281231\",\"quantity\":10,\"markets\":[\"XX\"]}");
    assertEquals(400, refused.status(), refused.body());

    // then
    JsonObject after = verification();
    assertTrue(after.getBoolean("intact"), after.toString());
    assertTrue(after.getJsonNumber("records").longValue() > before.getJsonNumber("records").longValue(),
        before + " then " + after);
  }

  @Test
  void onlyTheRolesThatReadTheTrailMayVerifyIt() {
    assertEquals(403, Api.as("operator").get("/api/audit/verification").status());
    assertEquals(200, Api.as("compliance").get("/api/audit/verification").status());
  }
}
