package org.custodia.epcis.infrastructure.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** CBV values as 1.2 URNs for EPCIS 1.2 receivers, and back (EPC-4). */
@Tag("EPC-4")
class CbvTermsTest {

  private static JsonObject json(String s) {
    try (var r = Json.createReader(new StringReader(s))) {
      return r.readObject();
    }
  }

  @Test
  void expandsBareWordsAndWebUrisOfEachVocabularyToTheirUrns() {
    // given
    JsonObject e = json("{\"bizStep\":\"shipping\",\"disposition\":\"https://ref.gs1.org/cbv/Disp-in_transit\","
        + "\"bizTransactionList\":[{\"type\":\"po\",\"bizTransaction\":\"urn:epcglobal:cbv:bt:9506000000022:PO-1\"}],"
        + "\"sourceList\":[{\"type\":\"owning_party\",\"source\":\"urn:epc:id:pgln:9506000.00001\"}],"
        + "\"persistentDisposition\":{\"set\":[\"completeness_verified\"]},"
        + "\"errorDeclaration\":{\"reason\":\"incorrect_data\"}}");

    // when
    JsonObject x = CbvTerms.expand(e);

    // then
    assertEquals("urn:epcglobal:cbv:bizstep:shipping", x.getString("bizStep"));
    assertEquals("urn:epcglobal:cbv:disp:in_transit", x.getString("disposition"));
    assertEquals("urn:epcglobal:cbv:btt:po", x.getJsonArray("bizTransactionList").getJsonObject(0).getString("type"));
    assertEquals("urn:epcglobal:cbv:bt:9506000000022:PO-1",
        x.getJsonArray("bizTransactionList").getJsonObject(0).getString("bizTransaction"));
    assertEquals("urn:epcglobal:cbv:sdt:owning_party", x.getJsonArray("sourceList").getJsonObject(0).getString("type"));
    assertEquals("urn:epcglobal:cbv:disp:completeness_verified",
        x.getJsonObject("persistentDisposition").getJsonArray("set").getString(0));
    assertEquals("urn:epcglobal:cbv:er:incorrect_data", x.getJsonObject("errorDeclaration").getString("reason"));
    assertEquals(CbvTerms.compact(e), CbvTerms.compact(x));
  }

  @Test
  void leavesUrnsAndUserVocabularyAlone() {
    // given
    JsonObject e = json("{\"bizStep\":\"urn:epcglobal:cbv:bizstep:receiving\",\"disposition\":\"https://example.com/disp/held\"}");

    // when / then
    assertEquals(e, CbvTerms.expand(e));
  }
}
