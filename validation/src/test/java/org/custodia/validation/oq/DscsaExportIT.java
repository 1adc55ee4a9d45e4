package org.custodia.validation.oq;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
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
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The DSCSA export profile on the real EAR (EPC-4, MKT-1 US): units and a case commissioned over the
 * serialization API, packed and shipped over EPCIS capture, exported as EPCIS 1.2 with the GS1 US
 * header over HTTPS; and the refusals when a party, a product or a location has no master data.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DscsaExportIT {

  private static final Api ADMIN = Api.as("admin");
  private static final Api QA = Api.as("qa");
  private static final Api SUPPLY = Api.as("supply");
  private static final String PLANT = "9506000000015";
  private static final String WHOLESALER = "9506000000022";
  private static final String PLANT_SGLN = "urn:epc:id:sgln:9506000.00001.0";
  private static final String WHOLESALER_SGLN = "urn:epc:id:sgln:9506000.00002.0";
  private static final String SBDH = "http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader";
  private static final String HC = "http://epcis.gs1us.org/hc/ns";
  private static final String MDA = "urn:epcglobal:cbv:mda#";

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.ear();
  }

  /** A unit GTIN and a case GTIN with master data, three units packed into a case and shipped. */
  private record Shipment(String unitGtin, String caseGtin, List<String> units, String caseEpc, String shippingId) {}

  private static Shipment shipment;

  private static synchronized Shipment shipment() {
    if (shipment == null) {
      shipment = ship();
    }
    return shipment;
  }

  private static String product(String ndc, String netContent) {
    return "{\"ndc\":\"" + ndc + "\",\"regulatedProductName\":\"Custodiamab 100 mg tablets (OQ)\","
        + "\"manufacturerName\":\"Custodia Demo Pharma Inc. (demo)\",\"dosageFormType\":\"TABLET\","
        + "\"strengthDescription\":\"100 mg\",\"netContentDescription\":\"" + netContent + "\"}";
  }

  private static List<String> commission(String gtin, String lot, int count) {
    List<String> serials = SerializationApiIT.allocate(SerializationApiIT.createPool(gtin, "NUMERIC", 12, "RANDOM", "[\"US\"]"), count);
    Api.Reply r = SerializationApiIT.commission(gtin, lot, serials);
    assertEquals(201, r.status(), r.body());
    String eventId = r.json().getString("eventId");
    await().atMost(Duration.ofSeconds(30))
        .until(() -> QA.get("/api/epcis/events/" + URLEncoder.encode(eventId, StandardCharsets.UTF_8)).status() == 200);
    return r.json().getJsonArray("epcs").getValuesAs(JsonString::getString);
  }

  private static String quoted(List<String> values) {
    return "\"" + String.join("\",\"", values) + "\"";
  }

  private static Shipment ship() {
    String unitGtin = TestData.newGtin();
    String caseGtin = TestData.newGtin();
    assertEquals(201, ADMIN.putJson("/api/masterdata/products/" + unitGtin, product("99999-201-01", "30 tablets")).status());
    assertEquals(201, ADMIN.putJson("/api/masterdata/products/" + caseGtin, product("99999-201-02", "3 x 30 tablets")).status());
    String lot = TestData.newLot();
    List<String> units = commission(unitGtin, lot, 3);
    String caseEpc = commission(caseGtin, lot, 1).get(0);
    String packing = "urn:uuid:" + UUID.randomUUID();
    String shipping = "urn:uuid:" + UUID.randomUUID();
    OffsetDateTime packed = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).plusMinutes(1);
    EpcisCapture.captured(
        "{\"type\":\"AggregationEvent\",\"eventID\":\"" + packing + "\",\"eventTime\":\"" + packed.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "\","
            + "\"eventTimeZoneOffset\":\"+00:00\",\"parentID\":\"" + caseEpc + "\",\"childEPCs\":[" + quoted(units) + "],"
            + "\"action\":\"ADD\",\"bizStep\":\"packing\",\"disposition\":\"in_progress\","
            + "\"readPoint\":{\"id\":\"" + PLANT_SGLN + "\"},\"bizLocation\":{\"id\":\"" + PLANT_SGLN + "\"}}",
        "{\"type\":\"ObjectEvent\",\"eventID\":\"" + shipping + "\",\"eventTime\":\"" + packed.plusMinutes(1).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "\","
            + "\"eventTimeZoneOffset\":\"+00:00\",\"epcList\":[\"" + caseEpc + "\"],\"action\":\"OBSERVE\","
            + "\"bizStep\":\"shipping\",\"disposition\":\"in_transit\",\"readPoint\":{\"id\":\"" + PLANT_SGLN + "\"},"
            + "\"bizTransactionList\":[{\"type\":\"po\",\"bizTransaction\":\"urn:epcglobal:cbv:bt:" + WHOLESALER + ":PO-"
            + lot + "\"}],"
            + "\"sourceList\":[{\"type\":\"owning_party\",\"source\":\"" + PLANT_SGLN + "\"},"
            + "{\"type\":\"location\",\"source\":\"" + PLANT_SGLN + "\"}],"
            + "\"destinationList\":[{\"type\":\"owning_party\",\"destination\":\"" + WHOLESALER_SGLN + "\"},"
            + "{\"type\":\"location\",\"destination\":\"" + WHOLESALER_SGLN + "\"}]}");
    return new Shipment(unitGtin, caseGtin, units, caseEpc, shipping);
  }

  private static String idpat(String gtin) {
    return "urn:epc:idpat:sgtin:9506000." + gtin.charAt(0) + gtin.substring(8, 13) + ".*";
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String export(String sender, String receiver, String query) {
    return "/api/epcis/export/dscsa?sender=" + sender + "&receiver=" + receiver + "&" + query;
  }

  private static Path xsd12() {
    Path p = Path.of(System.getProperty("custodia.shared", "../../shared"), "testdata", "epcis", "XSD-1.2",
        "EPCglobal-epcis-1_2.xsd");
    assumeTrue(Files.isRegularFile(p), "../shared/testdata is not present");
    return p;
  }

  private static Document dom(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static Map<String, Map<String, String>> vocabulary(Document d, String type) {
    Map<String, Map<String, String>> out = new TreeMap<>();
    NodeList v = d.getElementsByTagName("Vocabulary");
    for (int i = 0; i < v.getLength(); i++) {
      Element voc = (Element) v.item(i);
      if (voc.getAttribute("type").equals(type)) {
        NodeList elements = voc.getElementsByTagName("VocabularyElement");
        for (int j = 0; j < elements.getLength(); j++) {
          Element ve = (Element) elements.item(j);
          Map<String, String> attrs = new TreeMap<>();
          NodeList a = ve.getElementsByTagName("attribute");
          for (int k = 0; k < a.getLength(); k++) {
            attrs.put(((Element) a.item(k)).getAttribute("id"), a.item(k).getTextContent());
          }
          out.put(ve.getAttribute("id"), attrs);
        }
      }
    }
    return out;
  }

  private static List<String> texts(Document d, String ns, String local) {
    NodeList l = ns == null ? d.getElementsByTagName(local) : d.getElementsByTagNameNS(ns, local);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < l.getLength(); i++) {
      out.add(l.item(i).getTextContent().trim());
    }
    return out;
  }

  @Test
  @Tag("EPC-4")
  @Tag("MKT-1")
  void commissionedPackedAndShippedUnitsExportAsAValidDscsaDocument() throws Exception {
    // given
    Shipment s = shipment();
    String query = "dropShipment=false&MATCH_anyEPC=" + enc(idpat(s.unitGtin()) + "," + s.caseEpc());

    // when the supply chain user asks for the DSCSA file of the shipment
    Api.Reply r = SUPPLY.get(export(PLANT, WHOLESALER, query));

    // then it is EPCIS 1.2 XML that validates against GS1's schema
    assertEquals(200, r.status(), r.body());
    assertTrue(r.header("Content-Type").startsWith("application/xml"), r.header("Content-Type"));
    assertEquals("1.2", r.header("GS1-EPCIS-Version"));
    SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    sf.newSchema(xsd12().toFile()).newValidator().validate(new StreamSource(new StringReader(r.body())));
    Document d = dom(r.body());
    // with the commissioning of units and case, the packing and the shipping, in time order
    assertEquals(List.of("urn:epcglobal:cbv:bizstep:commissioning", "urn:epcglobal:cbv:bizstep:commissioning",
        "urn:epcglobal:cbv:bizstep:packing", "urn:epcglobal:cbv:bizstep:shipping"), texts(d, null, "bizStep"));
    assertTrue(texts(d, null, "epc").containsAll(s.units()));
    // the SBDH names sender and receiver as SGLNs
    List<String> ids = texts(d, SBDH, "Identifier");
    assertEquals(List.of(PLANT_SGLN, WHOLESALER_SGLN), ids);
    assertEquals(List.of(r.header("X-Custodia-Document-Id")), texts(d, SBDH, "InstanceIdentifier"));
    // the EPCClass master data of both products, with their NDC
    Map<String, Map<String, String>> classes = vocabulary(d, "urn:epcglobal:epcis:vtype:EPCClass");
    assertEquals(List.of(idpat(s.unitGtin()), idpat(s.caseGtin())).stream().sorted().toList(),
        new ArrayList<>(classes.keySet()));
    assertEquals("99999-201-01", classes.get(idpat(s.unitGtin())).get(MDA + "additionalTradeItemIdentification"));
    assertEquals("US_FDA_NDC", classes.get(idpat(s.unitGtin())).get(MDA + "additionalTradeItemIdentificationTypeCode"));
    assertEquals("3 x 30 tablets", classes.get(idpat(s.caseGtin())).get(MDA + "netContentDescription"));
    // the Location master data of plant and wholesaler, from the demo data
    Map<String, Map<String, String>> places = vocabulary(d, "urn:epcglobal:epcis:vtype:Location");
    assertEquals(List.of(PLANT_SGLN, WHOLESALER_SGLN), new ArrayList<>(places.keySet()));
    assertEquals("Louisville", places.get(WHOLESALER_SGLN).get(MDA + "city"));
    assertEquals("US", places.get(PLANT_SGLN).get(MDA + "countryCode"));
    // the affirmed transaction statement, and the drop shipment flag on the shipping event
    assertEquals(List.of("true"), texts(d, HC, "affirmTransactionStatement"));
    assertEquals(1, texts(d, HC, "legalNotice").size());
    assertEquals(List.of("false"), texts(d, HC, "dropShipment"));
  }

  @Test
  @Tag("EPC-4")
  void aMissingOrUnknownSenderOrReceiverIsRefusedNamingTheField() {
    // given
    String query = "EQ_eventID=" + enc(shipment().shippingId());

    // when
    Api.Reply missing = SUPPLY.get("/api/epcis/export/dscsa?receiver=" + WHOLESALER + "&" + query);
    Api.Reply unknown = SUPPLY.get(export(PLANT, "9506000000046", query));
    Api.Reply malformed = SUPPLY.get(export("9506000000016", WHOLESALER, query));

    // then
    assertEquals(400, missing.status(), missing.body());
    assertTrue(missing.header("Content-Type").startsWith("application/problem+json"));
    assertEquals("sender", missing.json().getString("field"));
    assertEquals(400, unknown.status(), unknown.body());
    assertEquals("dscsa-party-unknown", unknown.json().getString("code"));
    assertEquals("receiver", unknown.json().getString("field"));
    assertEquals("9506000000046", unknown.json().getString("value"));
    assertEquals(400, malformed.status(), malformed.body());
    assertEquals("sender", malformed.json().getString("field"));
    JsonArray refusals = Api.as("auditor").get("/api/audit/records?outcome=REFUSED&limit=50").jsonStructure().asJsonArray();
    assertTrue(refusals.getValuesAs(JsonObject.class).stream()
            .anyMatch(a -> a.getString("detail", "").contains("dscsa-party-unknown field=receiver value=9506000000046")),
        "the refusal leaves an audit record");
  }

  @Test
  @Tag("EPC-4")
  @Tag("MKT-1")
  void aProductOrLocationWithoutMasterDataIsRefusedNamingTheGtinOrGln() {
    // given units of a product nobody described
    String bare = TestData.newGtin();
    List<String> units = commission(bare, TestData.newLot(), 1);
    // and a pallet seen at a site nobody described
    String pallet = "urn:epc:id:sscc:9506000." + String.format("%010d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000L));
    String unknownSite = "urn:epc:id:sgln:9506000.00009.0";
    String observed = "urn:uuid:" + UUID.randomUUID();
    EpcisCapture.captured("{\"type\":\"ObjectEvent\",\"eventID\":\"" + observed + "\",\"eventTime\":\"2026-11-27T12:00:00Z\","
        + "\"eventTimeZoneOffset\":\"+00:00\",\"epcList\":[\"" + pallet + "\"],\"action\":\"OBSERVE\","
        + "\"bizStep\":\"storing\",\"readPoint\":{\"id\":\"" + unknownSite + "\"}}");

    // when
    Api.Reply product = SUPPLY.get(export(PLANT, WHOLESALER, "MATCH_epc=" + enc(units.get(0))));
    Api.Reply location = SUPPLY.get(export(PLANT, WHOLESALER, "EQ_eventID=" + enc(observed)));
    Api.Reply none = SUPPLY.get(export(PLANT, WHOLESALER, "EQ_eventID=" + enc("urn:uuid:" + UUID.randomUUID())));

    // then
    assertEquals(409, product.status(), product.body());
    assertEquals("dscsa-product-master-data-missing", product.json().getString("code"));
    assertEquals("gtin", product.json().getString("field"));
    assertEquals(bare, product.json().getString("value"));
    assertEquals(409, location.status(), location.body());
    assertEquals("dscsa-location-master-data-missing", location.json().getString("code"));
    assertEquals("9506000000091", location.json().getString("value"));
    assertEquals(404, none.status(), none.body());
  }

  @Test
  @Tag("MKT-1")
  void masterDataIsReadByEveryRoleAndWrittenByTheAdministratorOnly() {
    // when
    Api.Reply demo = Api.as("operator").get("/api/masterdata/products/09506000134352");
    Api.Reply plant = Api.as("auditor").get("/api/masterdata/locations/" + PLANT);
    Api.Reply notAdmin = QA.putJson("/api/masterdata/products/" + TestData.newGtin(), product("99999-201-03", "1"));
    Api.Reply badNdc = ADMIN.putJson("/api/masterdata/products/" + TestData.newGtin(), product("12-34", "1"));
    Api.Reply replaced = ADMIN.putJson("/api/masterdata/products/" + shipment().unitGtin(),
        product("99999-201-01", "30 tablets"));

    // then
    assertEquals(200, demo.status(), demo.body());
    assertEquals("99999-134-52", demo.json().getString("ndc"));
    assertEquals(200, plant.status(), plant.body());
    assertEquals("US", plant.json().getString("countryCode"));
    assertEquals(403, notAdmin.status(), notAdmin.body());
    assertEquals(400, badNdc.status(), badNdc.body());
    assertEquals("ndc", badNdc.json().getString("field"));
    assertEquals(200, replaced.status(), replaced.body());
  }

  @Test
  @Tag("EPC-4")
  void anOperatorMayNotExport() {
    // when
    Api.Reply r = Api.as("operator").get(export(PLANT, WHOLESALER, "EQ_eventID=" + enc(shipment().shippingId())));

    // then
    assertEquals(403, r.status(), r.body());
  }
}
