package org.custodia.validation.oq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** Authentication and role checks on the API (SEC-1), and TLS redirection. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("SEC-1")
class SecurityIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.ear();
  }

  @Test
  void anApiCallWithoutCredentialsIs401WithABasicChallenge() {
    Api.Reply r = Api.anonymous().get("/api/serialization/pools");
    assertEquals(401, r.status());
    assertNotNull(r.header("WWW-Authenticate"));
    assertTrue(r.header("WWW-Authenticate").startsWith("Basic"));
  }

  @Test
  void aWrongPasswordIsRefused() {
    Api.Reply r = Api.as("nobody").get("/api/serialization/pools");
    assertEquals(401, r.status());
  }

  @Test
  void eachDemoUserCanCallTheApi() {
    for (String user : new String[] {"operator", "qa", "supply", "compliance", "admin", "auditor"}) {
      assertEquals(200, Api.as(user).get("/api/serialization/pools").status(), user);
    }
  }

  @Test
  void anAuditorCannotCreateAPoolOrCommission() {
    Api.Reply r =
        Api.as("auditor").postJson("/api/serialization/pools",
            "{\"gtin\":\"" + TestData.newGtin() + "\",\"charset\":\"NUMERIC\",\"length\":12,\"order\":\"RANDOM\"}");
    assertEquals(403, r.status());
    assertEquals("forbidden", r.json().getString("code"));
    Api.Reply c =
        Api.as("supply").postJson("/api/serialization/commissions",
            "{\"gtin\":\"09506000134352\",\"lot\":\"L\",\"expiry\":\"281231\",\"serials\":[\"1\"]}");
    assertEquals(403, c.status());
  }

  @Test
  void plainHttpRedirectsToHttps() {
    Api.Reply r = Api.anonymous().getUrl("http://localhost:8080/custodia/");
    assertTrue(r.status() == 302 || r.status() == 301, "status " + r.status());
    assertTrue(r.header("Location").startsWith("https://"), r.header("Location"));
  }

  @Test
  void theUiAsksForALoginPage() {
    Api.Reply r = Api.anonymous().get("/pools.xhtml");
    assertEquals(200, r.status());
    assertTrue(r.body().contains("j_security_check"));
  }
}
