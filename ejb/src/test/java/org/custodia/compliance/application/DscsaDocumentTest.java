package org.custodia.compliance.application;

import static org.custodia.compliance.application.DscsaFixtures.CASE_GTIN;
import static org.custodia.compliance.application.DscsaFixtures.PLANT;
import static org.custodia.compliance.application.DscsaFixtures.PLANT_SGLN;
import static org.custodia.compliance.application.DscsaFixtures.UNIT_GTIN;
import static org.custodia.compliance.application.DscsaFixtures.WHOLESALER;
import static org.custodia.compliance.application.DscsaFixtures.WHOLESALER_SGLN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.custodia.compliance.domain.DscsaException;
import org.custodia.epcis.infrastructure.xml.EpcisXmlReader;
import org.custodia.epcis.infrastructure.xml.EpcisXmlVersion;
import org.custodia.epcis.infrastructure.xml.EpcisXsd;
import org.custodia.gs1.Gln;
import org.custodia.masterdata.domain.Location;
import org.custodia.masterdata.domain.Product;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The DSCSA document: valid EPCIS 1.2 with the header layout of GS1 US's example 2.2.1.1 (EPC-4). */
@Tag("EPC-4")
class DscsaDocumentTest {

  private static final String EPCIS_12 = "urn:epcglobal:epcis:xsd:1";
  private static final String SBDH = DscsaDocument.SBDH;
  private static final String HC = DscsaDocument.GS1USHC;

  private static byte[] shipmentDocument() {
    List<JsonObject> events = DscsaFixtures.shipment();
    DscsaDocument.References refs = DscsaDocument.references(events);
    Map<String, Product> products = new TreeMap<>();
    refs.products().forEach((id, gtin) ->
        products.put(id, gtin.equals(UNIT_GTIN) ? DscsaFixtures.unitProduct() : DscsaFixtures.caseProduct()));
    Map<String, Location> locations = new TreeMap<>();
    refs.locations().forEach((id, gln) ->
        locations.put(id, gln.equals(PLANT) ? DscsaFixtures.plant() : DscsaFixtures.wholesaler()));
    List<JsonObject> prepared = new ArrayList<>();
    events.forEach(e -> prepared.add(DscsaDocument.prepare(e, false)));
    return DscsaDocument.write(
        DscsaDocument.header(
            new DscsaDocument.Party(PLANT_SGLN, DscsaFixtures.plant()),
            new DscsaDocument.Party(WHOLESALER_SGLN, DscsaFixtures.wholesaler()),
            products, locations, OffsetDateTime.parse("2026-11-21T14:00:00Z"), "doc-1"),
        prepared);
  }

  private static Document dom(byte[] xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
  }

  private static Path example() {
    String shared = System.getProperty("custodia.shared");
    assumeTrue(shared != null, "system property custodia.shared not set");
    Path p = Path.of(shared, "testdata", "dscsa", "GS1_US_Pharma_Example_2_2_1_1.xml");
    assumeTrue(Files.isRegularFile(p), "no GS1 US example at " + p);
    return p;
  }

  @Test
  void commissionAggregationAndShippingMakeAValidEpcis12Document() throws Exception {
    // when
    byte[] xml = shipmentDocument();

    // then it validates against the bundled schema, and against GS1's copy where the shared data is
    EpcisXsd.validate(new StreamSource(new ByteArrayInputStream(xml)), EpcisXmlVersion.V1_2);
    String shared = System.getProperty("custodia.shared");
    Path xsd = shared == null ? null : Path.of(shared, "testdata", "epcis", "XSD-1.2", "EPCglobal-epcis-1_2.xsd");
    if (xsd != null && Files.isRegularFile(xsd)) {
      SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      sf.newSchema(xsd.toFile()).newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
    }
    Document d = dom(xml);
    assertEquals(EPCIS_12, d.getDocumentElement().getNamespaceURI());
    assertEquals("1.2", d.getDocumentElement().getAttribute("schemaVersion"));
    assertEquals(3, d.getElementsByTagName("ObjectEvent").getLength());
    assertEquals(1, d.getElementsByTagName("AggregationEvent").getLength());
  }

  @Test
  void headerCarriesSenderReceiverMasterDataAndTheTransactionStatement() throws Exception {
    // when
    Document d = dom(shipmentDocument());

    // then the SBDH names both parties as SGLNs and identifies the document
    Element sbdh = only(d, SBDH, "StandardBusinessDocumentHeader");
    assertEquals("1.0", text(sbdh, SBDH, "HeaderVersion"));
    Element sender = (Element) only(sbdh, SBDH, "Sender").getElementsByTagNameNS(SBDH, "Identifier").item(0);
    assertEquals("GS1", sender.getAttribute("Authority"));
    assertEquals(PLANT_SGLN, sender.getTextContent());
    assertEquals(WHOLESALER_SGLN, text(only(sbdh, SBDH, "Receiver"), SBDH, "Identifier"));
    Element id = only(sbdh, SBDH, "DocumentIdentification");
    assertEquals("EPCglobal", text(id, SBDH, "Standard"));
    assertEquals("Events", text(id, SBDH, "Type"));
    assertEquals("doc-1", text(id, SBDH, "InstanceIdentifier"));
    assertEquals("2026-11-21T14:00:00Z", text(id, SBDH, "CreationDateAndTime"));
    // the EPCClass vocabulary: one idpat per GTIN with its NDC
    Map<String, Map<String, String>> classes = vocabulary(d, "urn:epcglobal:epcis:vtype:EPCClass");
    assertEquals(Set.of("urn:epc:idpat:sgtin:9506000.013435.*", "urn:epc:idpat:sgtin:9506000.113435.*"),
        classes.keySet());
    Map<String, String> unit = classes.get("urn:epc:idpat:sgtin:9506000.013435.*");
    assertEquals("99999-134-52", unit.get("urn:epcglobal:cbv:mda#additionalTradeItemIdentification"));
    assertEquals("US_FDA_NDC", unit.get("urn:epcglobal:cbv:mda#additionalTradeItemIdentificationTypeCode"));
    assertEquals("Custodiamab 100 mg tablets (demo)", unit.get("urn:epcglobal:cbv:mda#regulatedProductName"));
    assertEquals("12 x 30 tablets",
        classes.get("urn:epc:idpat:sgtin:9506000.113435.*").get("urn:epcglobal:cbv:mda#netContentDescription"));
    // the Location vocabulary: every location and party of the events and of the SBDH
    Map<String, Map<String, String>> places = vocabulary(d, "urn:epcglobal:epcis:vtype:Location");
    assertEquals(Set.of(PLANT_SGLN, WHOLESALER_SGLN, "urn:epc:id:pgln:9506000.00001", "urn:epc:id:pgln:9506000.00002"),
        places.keySet());
    assertEquals("Louisville", places.get(WHOLESALER_SGLN).get("urn:epcglobal:cbv:mda#city"));
    assertEquals("US", places.get(PLANT_SGLN).get("urn:epcglobal:cbv:mda#countryCode"));
    // the transaction statement, affirmed
    Element statement = only(d, HC, "dscsaTransactionStatement");
    assertEquals("EPCISHeader", statement.getParentNode().getLocalName());
    assertEquals("true", text(statement, HC, "affirmTransactionStatement"));
    assertEquals(DscsaDocument.LEGAL_NOTICE, text(statement, HC, "legalNotice"));
  }

  @Test
  void eventsCarryCbvUrnsIlmdAndTheDropShipmentFlagOnShippingOnly() throws Exception {
    // when
    Document d = dom(shipmentDocument());

    // then
    NodeList steps = d.getElementsByTagName("bizStep");
    Set<String> values = new TreeSet<>();
    for (int i = 0; i < steps.getLength(); i++) {
      values.add(steps.item(i).getTextContent());
    }
    assertEquals(Set.of("urn:epcglobal:cbv:bizstep:commissioning", "urn:epcglobal:cbv:bizstep:packing",
        "urn:epcglobal:cbv:bizstep:shipping"), values);
    Element po = (Element) d.getElementsByTagName("bizTransaction").item(0);
    assertEquals("urn:epcglobal:cbv:btt:po", po.getAttribute("type"));
    assertEquals("urn:epcglobal:cbv:sdt:owning_party",
        ((Element) d.getElementsByTagName("destination").item(0)).getAttribute("type"));
    assertEquals(2, d.getElementsByTagNameNS(DscsaDocument.CBVMDA, "lotNumber").getLength());
    NodeList drop = d.getElementsByTagNameNS(HC, "dropShipment");
    assertEquals(1, drop.getLength());
    assertEquals("false", drop.item(0).getTextContent());
    assertEquals("ObjectEvent", drop.item(0).getParentNode().getLocalName());
  }

  @Test
  void theDocumentReadsBackAsTheSameEvents() {
    // when
    List<JsonObject> back = new EpcisXmlReader().readAll(new ByteArrayInputStream(shipmentDocument()), h -> {});

    // then
    assertEquals(4, back.size());
    List<String> ids = back.stream().map(e -> e.getString("eventID")).toList();
    assertEquals(DscsaFixtures.shipment().stream().map(e -> e.getString("eventID")).toList(), ids);
    assertEquals("L1", back.get(0).getJsonObject("ilmd").getString("cbvmda:lotNumber"));
  }

  @Test
  void hasTheHeaderStructureOfTheGs1UsExample() throws Exception {
    // given GS1 US's example and ours
    Document gs1 = dom(Files.readAllBytes(example()));
    Document ours = dom(shipmentDocument());

    // then the same header elements appear (the SBDH, the vocabularies, the statement) in the same order
    assertEquals(headerPaths(gs1), headerPaths(ours));
    assertEquals(vocabularyTypes(gs1), vocabularyTypes(ours));
    // every EPCClass attribute GS1 US gives a product, we give ours
    assertEquals(attributeIds(gs1, "urn:epcglobal:epcis:vtype:EPCClass"),
        attributeIds(ours, "urn:epcglobal:epcis:vtype:EPCClass"));
    assertEquals(attributeIds(gs1, "urn:epcglobal:epcis:vtype:Location"),
        attributeIds(ours, "urn:epcglobal:epcis:vtype:Location"));
    assertEquals(text(only(gs1, HC, "dscsaTransactionStatement"), HC, "affirmTransactionStatement"),
        text(only(ours, HC, "dscsaTransactionStatement"), HC, "affirmTransactionStatement"));
    assertEquals(text(only(gs1, HC, "dscsaTransactionStatement"), HC, "legalNotice"),
        text(only(ours, HC, "dscsaTransactionStatement"), HC, "legalNotice"));
    assertEquals(only(gs1, HC, "guidelineVersion").getTextContent(), only(ours, HC, "guidelineVersion").getTextContent());
    // and the shipping event of both carries gs1ushc:dropShipment
    assertEquals(1, gs1.getElementsByTagNameNS(HC, "dropShipment").getLength());
    assertEquals(1, ours.getElementsByTagNameNS(HC, "dropShipment").getLength());
  }

  @Test
  void aLocationThatNamesNoGlnIsRefused() {
    // given a read point that is a geo URI
    JsonObject event = DscsaFixtures.json("{\"type\":\"ObjectEvent\",\"eventTime\":\"2026-11-20T08:00:00Z\","
        + "\"eventTimeZoneOffset\":\"+00:00\",\"epcList\":[],\"action\":\"OBSERVE\","
        + "\"readPoint\":{\"id\":\"geo:22.300000,-118.44444\"}}");

    // when
    DscsaException e = assertThrows(DscsaException.class, () -> DscsaDocument.references(List.of(event)));

    // then
    assertEquals("dscsa-location-not-gln", e.code());
    assertEquals("readPoint", e.field());
    assertEquals("geo:22.300000,-118.44444", e.value());
  }

  @Test
  void digitalLinkIdentifiersAreRecognised() {
    // given an event in GS1 Digital Link form, with an SSCC that names no product
    JsonObject event = DscsaFixtures.json("{\"type\":\"ObjectEvent\",\"eventTime\":\"2026-11-20T08:00:00Z\","
        + "\"eventTimeZoneOffset\":\"+00:00\",\"action\":\"OBSERVE\",\"epcList\":["
        + "\"https://id.gs1.org/01/09506000134352/21/77\",\"https://id.gs1.org/00/095060000000000015\"],"
        + "\"readPoint\":{\"id\":\"https://id.gs1.org/414/9506000000015/254/dock1\"}}");

    // when
    DscsaDocument.References refs = DscsaDocument.references(List.of(event));

    // then
    assertEquals(Map.of("https://id.gs1.org/01/09506000134352", UNIT_GTIN), refs.products());
    assertEquals(Map.of("https://id.gs1.org/414/9506000000015/254/dock1", PLANT), refs.locations());
  }

  @Test
  void productAndLocationReferencesAreCollectedOncePerClassAndId() {
    // when
    DscsaDocument.References refs = DscsaDocument.references(DscsaFixtures.shipment());

    // then
    assertEquals(Map.of("urn:epc:idpat:sgtin:9506000.013435.*", UNIT_GTIN,
        "urn:epc:idpat:sgtin:9506000.113435.*", CASE_GTIN), refs.products());
    assertEquals(Set.of(PLANT, WHOLESALER), new LinkedHashSet<>(refs.locations().values()));
    assertTrue(refs.locations().containsKey("urn:epc:id:pgln:9506000.00002"));
    assertEquals(Gln.of("9506000000022"), refs.locations().get("urn:epc:id:pgln:9506000.00002"));
  }

  // --- DOM helpers

  private static Element only(Node scope, String ns, String local) {
    NodeList l = scope instanceof Document d ? d.getElementsByTagNameNS(ns, local)
        : ((Element) scope).getElementsByTagNameNS(ns, local);
    assertEquals(1, l.getLength(), "exactly one " + local);
    return (Element) l.item(0);
  }

  private static String text(Element scope, String ns, String local) {
    return only(scope, ns, local).getTextContent().trim();
  }

  /** The element paths under EPCISHeader, down to the vocabularies (not their elements). */
  private static List<String> headerPaths(Document d) {
    List<String> out = new ArrayList<>();
    Element header = (Element) d.getElementsByTagName("EPCISHeader").item(0);
    collect(header, "", out);
    return out.stream().distinct().toList();
  }

  private static void collect(Element e, String path, List<String> out) {
    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element child) {
        String p = path + "/" + (child.getNamespaceURI() == null ? "" : "{" + child.getNamespaceURI() + "}")
            + child.getLocalName();
        for (String a : new String[] {"Authority", "type"}) {
          if (child.hasAttribute(a)) {
            p += "[@" + a + "]";
          }
        }
        out.add(p);
        if (!child.getLocalName().equals("VocabularyElementList")) {
          collect(child, p, out);
        }
      }
    }
  }

  private static List<String> vocabularyTypes(Document d) {
    NodeList v = d.getElementsByTagName("Vocabulary");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < v.getLength(); i++) {
      out.add(((Element) v.item(i)).getAttribute("type"));
    }
    return out;
  }

  private static Map<String, Map<String, String>> vocabulary(Document d, String type) {
    Map<String, Map<String, String>> out = new TreeMap<>();
    NodeList v = d.getElementsByTagName("Vocabulary");
    for (int i = 0; i < v.getLength(); i++) {
      Element voc = (Element) v.item(i);
      if (!voc.getAttribute("type").equals(type)) {
        continue;
      }
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
    return out;
  }

  private static Set<String> attributeIds(Document d, String type) {
    Set<String> ids = new TreeSet<>();
    vocabulary(d, type).values().forEach(m -> ids.addAll(m.keySet()));
    return ids;
  }
}
