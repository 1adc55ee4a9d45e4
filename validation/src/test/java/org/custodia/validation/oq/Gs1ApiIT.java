package org.custodia.validation.oq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
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

/** {@code POST /api/gs1/parse} and {@code /analyse} as DESIGN.md describes them. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class Gs1ApiIT {

  private static final Api USER = Api.as("operator");

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.ear();
  }

  @Test
  @Tag("ID-2")
  @Tag("ID-3")
  void everyInputFormGivesTheSameElementsDigitalLinkAndEpc() {
    // given the same data as bracketed text, scanner output with ]d2 and GS, and a Digital Link
    String[] forms = {
      "(01)09506000134352(17)281231(10)ABC123(21)SN0001234567",
      "]d2010950600013435217281231" + "10ABC123\u001d21SN0001234567",
      "https://example.com/01/09506000134352/10/ABC123/21/SN0001234567?17=281231"
    };
    for (String form : forms) {
      // when
      Api.Reply r = USER.postText("/api/gs1/parse", form);

      // then
      assertEquals(200, r.status(), form + " -> " + r.body());
      JsonObject j = r.json();
      assertEquals(4, j.getJsonArray("elements").size(), form);
      assertEquals("https://id.gs1.org/01/09506000134352/10/ABC123/21/SN0001234567?17=281231", j.getString("digitalLink"));
      assertEquals("urn:epc:id:sgtin:9506000.013435.SN0001234567", j.getString("epc"));
    }
  }

  @Test
  @Tag("ID-3")
  void noEpcWhereTheCompanyPrefixLengthIsUnknown() {
    Api.Reply r = USER.postText("/api/gs1/parse", "(01)" + TestData.foreignGtin() + "(21)A1");
    assertEquals(200, r.status(), r.body());
    assertFalse(r.json().containsKey("epc"));
    assertTrue(r.json().containsKey("digitalLink"));
  }

  @Test
  @Tag("ID-2")
  void aBrokenRuleIsA400ProblemNamingTheAiAndTheLinter() {
    Api.Reply r = USER.postText("/api/gs1/parse", "(01)09506000134352(17)281332(21)X");
    assertEquals(400, r.status());
    assertTrue(r.header("Content-Type").startsWith("application/problem+json"));
    assertEquals("17", r.json().getString("ai"));
    assertEquals("yymmd0", r.json().getString("rule"));
    Api.Reply missing = USER.postText("/api/gs1/parse", "(21)X123");
    assertEquals(400, missing.status());
    assertEquals("req", missing.json().getString("rule"));
  }

  @Test
  @Tag("ID-2")
  void analysisListsEveryProblemAtOnce() {
    Api.Reply r = USER.postText("/api/gs1/analyse", "(01)09506000134353(17)281332(10)ABC");
    assertEquals(200, r.status(), r.body());
    JsonObject j = r.json();
    assertFalse(j.getBoolean("valid"));
    assertTrue(j.getJsonArray("problems").size() >= 2, r.body());
    assertEquals(3, j.getJsonArray("elements").size());
  }
}
