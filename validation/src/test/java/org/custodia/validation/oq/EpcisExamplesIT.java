package org.custodia.validation.oq;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
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
 * Every EPCIS example document GS1 publishes (../shared/testdata/epcis, XML 2.0 and 1.2, JSON-LD) is
 * captured through the REST binding; skipped where ../shared is absent.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EpcisExamplesIT {

  private static final Api ADMIN = Api.as("admin");

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.ear();
  }

  private static Path testdata() {
    Path p = Path.of(System.getProperty("custodia.shared", "../../shared"), "testdata", "epcis");
    assumeTrue(Files.isDirectory(p), "../shared/testdata is not present");
    return p;
  }

  private static JsonObject capture(Path file) throws IOException {
    String type = file.toString().endsWith(".xml") ? "application/xml" : "application/ld+json";
    Api.Reply r = ADMIN.postBytes("/api/epcis/capture", type, Files.readAllBytes(file));
    assertEquals(202, r.status(), file + ": " + r.body());
    String job = r.header("Location");
    await().atMost(Duration.ofSeconds(60)).until(() -> !ADMIN.getUrl(job).json().getBoolean("running"));
    return ADMIN.getUrl(job).json();
  }

  @Test
  @Tag("EPC-1")
  void everyGs1ExampleEventDocumentIsCaptured() throws IOException {
    // given every example that is an EPCIS event document (not capture-job or master-data samples)
    List<Path> files;
    try (Stream<Path> all = Files.walk(testdata())) {
      files = all.filter(p -> p.toString().matches(".*\\.(xml|json|jsonld)$"))
          .filter(p -> p.toString().contains("/XML/") || p.toString().contains("/JSON/"))
          .filter(p -> !p.toString().contains("CaptureJob") && !p.toString().contains("/CBV/"))
          .filter(p -> !p.getFileName().toString().contains("masterData"))
          // the hash-ID variants belong to the test below, which needs to capture them first
          .filter(p -> !p.toString().contains("WithEventHashID"))
          .sorted()
          .toList();
    }
    List<String> failed = new ArrayList<>();

    // when each is captured
    int events = 0;
    for (Path f : files) {
      JsonObject job = capture(f);
      if (!job.getBoolean("success")) {
        failed.add(testdata().relativize(f) + " " + job.getJsonArray("errors"));
      }
      events += job.getInt("eventCount", 0);
    }

    // then all succeed
    assertTrue(files.size() > 60, "expected the GS1 examples, found " + files.size());
    assertTrue(failed.isEmpty(), failed.size() + " of " + files.size() + " refused: " + failed);
    assertTrue(events > 100, "events captured: " + events);
  }

  @Test
  @Tag("EPC-3")
  void theSameEventWrittenDifferentlyGetsOneHashIdAndIsStoredOnce() throws IOException {
    // given the GS1 variants of one event in different XML and JSON spellings, without eventIDs
    Path dir = testdata().resolve("XML/WithEventHashID");

    // when the first is captured, then the others
    JsonObject first = capture(dir.resolve("event_with_identical_hash_id_1.xml"));
    List<JsonObject> others = new ArrayList<>();
    for (String f : List.of("event_with_identical_hash_id_3.xml", "event_with_identical_hash_id_4.xml",
        "event_with_identical_hash_id_5.xml", "event_with_identical_hash_id_6.xml", "event_with_identical_hash_id_7.json")) {
      others.add(capture(dir.resolve(f)));
    }

    // then each later spelling is recognised as the event already stored
    assertTrue(first.getBoolean("success"), first.toString());
    for (JsonObject job : others) {
      assertTrue(job.getBoolean("success"), job.toString());
      assertEquals(0, job.getInt("storedCount"), job.toString());
      assertEquals(1, job.getInt("alreadyStoredCount"), job.toString());
    }
    // variant 2 declares eventTimeZoneOffset -05:00, which the CBV 2.0 hash covers: a different event
    JsonObject two = capture(dir.resolve("event_with_identical_hash_id_2.xml"));
    assertEquals(1, two.getInt("storedCount"), two.toString());
    Api.Reply hashed = ADMIN.get("/api/epcis/events?EQ_bizStep=receiving&eventType=ObjectEvent&perPage=1000");
    assertFalse(hashed.body().isEmpty());
    assertTrue(hashed.body().contains("ni:///sha-256;"), "events without eventID are stored under their hash ID");
  }

  @Test
  @Tag("EPC-4")
  void queryResultsExportAsValidEpcis20And12XmlWithTheSameEvents() throws Exception {
    // given GS1's 1.2-style DSCSA document captured
    JsonObject job = capture(testdata().getParent().resolve("dscsa/GS1_US_Pharma_Example_2_2_1_1.xml"));
    assertTrue(job.getBoolean("success"), job.toString());
    String query = "/api/epcis/events?EQ_bizStep=shipping,commissioning,packing&MATCH_anyEPC="
        + "urn:epc:idpat:sgtin:030001.0012345.*&perPage=100";

    // when the same query is read as JSON-LD, EPCIS 2.0 XML and EPCIS 1.2 XML
    List<String> json = ADMIN.get(query).json().getJsonObject("epcisBody").getJsonObject("queryResults")
        .getJsonObject("resultsBody").getJsonArray("eventList").getValuesAs(JsonObject.class).stream()
        .map(e -> e.getString("eventID")).sorted().toList();
    Api.Reply xml20 = ADMIN.getWithHeaders(query, "Accept", "application/xml");
    Api.Reply xml12 = ADMIN.getWithHeaders(query, "Accept", "application/xml", "GS1-EPCIS-Version", "1.2");

    // then both XML documents validate against GS1's schemas and carry the same events
    assertFalse(json.isEmpty());
    assertEquals(200, xml20.status(), xml20.body());
    assertEquals(200, xml12.status(), xml12.body());
    validate(xml20.body(), testdata().resolve("XSD/EPCglobal-epcis-2_0.xsd"));
    validate(xml12.body(), testdata().resolve("XSD-1.2/EPCglobal-epcis-1_2.xsd"));
    assertEquals(json, eventIds(xml20.body()));
    assertEquals(json, eventIds(xml12.body()));
  }

  private static void validate(String xml, Path xsd) throws Exception {
    javax.xml.validation.SchemaFactory f =
        javax.xml.validation.SchemaFactory.newInstance(javax.xml.XMLConstants.W3C_XML_SCHEMA_NS_URI);
    f.newSchema(xsd.toFile()).newValidator()
        .validate(new javax.xml.transform.stream.StreamSource(new java.io.StringReader(xml)));
  }

  private static List<String> eventIds(String xml) throws Exception {
    javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    org.w3c.dom.NodeList ids = f.newDocumentBuilder()
        .parse(new org.xml.sax.InputSource(new java.io.StringReader(xml))).getElementsByTagName("eventID");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < ids.getLength(); i++) {
      out.add(ids.item(i).getTextContent().trim());
    }
    return out.stream().sorted().toList();
  }
}
