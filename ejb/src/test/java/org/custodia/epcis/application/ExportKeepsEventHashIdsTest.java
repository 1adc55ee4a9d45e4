package org.custodia.epcis.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.transform.stream.StreamSource;
import org.custodia.epcis.infrastructure.hash.EventHash;
import org.custodia.epcis.infrastructure.json.CbvTerms;
import org.custodia.epcis.infrastructure.json.EpcisJsonStream;
import org.custodia.epcis.infrastructure.xml.DocumentHeader;
import org.custodia.epcis.infrastructure.xml.EpcisXmlReader;
import org.custodia.epcis.infrastructure.xml.EpcisXmlVersion;
import org.custodia.epcis.infrastructure.xml.EpcisXmlWriter;
import org.custodia.epcis.infrastructure.xml.EpcisXsd;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * Every GS1 example event, stored as capture stores it and exported as the events API exports it (EPCIS
 * 2.0 and 1.2 XML), validates against the schema of its version and reads back to the same GS1 event hash
 * ID (EPC-3, EPC-4): a partner recomputing the hash of an exported event gets the ID it was stored under.
 * Compared as pre-hash strings, so a failure shows the field that changed.
 */
@Tag("EPC-4")
@Tag("EPC-3")
class ExportKeepsEventHashIdsTest {

  private record Captured(JsonObject stored, String preHash) {}

  @TestFactory
  Stream<DynamicTest> everyExampleEventKeepsItsHashIdThroughXmlExport() throws Exception {
    Path epcis = testdata().resolve("epcis");
    List<Path> files;
    try (Stream<Path> all = Files.walk(epcis)) {
      files = all.filter(p -> p.toString().matches(".*/(XML|JSON)/.*\\.(xml|json|jsonld)$"))
          .filter(p -> !p.toString().contains("CaptureJob") && !p.getFileName().toString().toLowerCase().contains("masterdata"))
          .filter(p -> !p.toString().contains("/CBV/"))
          .sorted()
          .toList();
    }
    assumeTrue(files.size() > 60, "GS1 examples not found");
    List<DynamicTest> tests = new ArrayList<>();
    for (Path f : files) {
      for (EpcisXmlVersion v : EpcisXmlVersion.values()) {
        tests.add(DynamicTest.dynamicTest(v + " " + epcis.relativize(f), () -> roundTrip(f, v)));
      }
    }
    return tests.stream();
  }

  private static void roundTrip(Path file, EpcisXmlVersion version) throws Exception {
    // given the example's events as capture stores them, with the hash each had at capture
    List<Captured> captured = capture(file);
    assumeTrue(!captured.isEmpty(), "no events in " + file);

    // when exported as the events API exports them
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (EpcisXmlWriter w = EpcisXmlWriter.open(out, DocumentHeader.forExport(version, "2026-11-27T00:00:00Z"))) {
      captured.forEach(c -> w.write(CbvTerms.expand(c.stored())));
    }
    byte[] xml = out.toByteArray();

    // then the document validates and each event read back hashes to the same ID
    EpcisXsd.validate(new StreamSource(new ByteArrayInputStream(xml)), version);
    List<String> before = captured.stream().map(Captured::preHash).toList();
    List<String> after = new ArrayList<>();
    DocumentHeader[] header = new DocumentHeader[1];
    new EpcisXmlReader().read(new ByteArrayInputStream(xml), h -> header[0] = h,
        (i, e) -> after.add(EventHash.preHash(CbvTerms.compact(e), header[0].namespaces())));
    // the one exception, made by the algorithm: an undeclared cbvmda of JSON-LD is the context's IRI
    // urn:epcglobal:cbv:mda: (colon), the XML written declares the namespace urn:epcglobal:cbv:mda
    List<String> expected = before.stream()
        .map(p -> p.replace("{urn:epcglobal:cbv:mda:}", "{urn:epcglobal:cbv:mda}")).toList();
    assertEquals(expected, after, file.getFileName() + " as " + version);
  }

  /** The events of a capture document as stored (eventID, @context of the document's prefixes). */
  private static List<Captured> capture(Path file) throws Exception {
    List<Captured> out = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      if (file.toString().endsWith(".xml")) {
        DocumentHeader[] header = new DocumentHeader[1];
        new EpcisXmlReader().read(in, h -> header[0] = h,
            (i, e) -> out.add(stored(CbvTerms.compact(e), header[0].namespaces())));
      } else {
        Map<String, String> ns;
        try (InputStream head = Files.newInputStream(file)) {
          ns = EpcisJsonStream.header(head).namespaces();
        }
        EpcisJsonStream.events(in, (i, e) -> out.add(stored(e, ns)));
      }
    }
    return out;
  }

  private static Captured stored(JsonObject event, Map<String, String> ns) {
    JsonObject stored = CaptureJobProcessor.withContext(CaptureJobProcessor.withEventId(event, ns), ns);
    return new Captured(stored, EventHash.preHash(event, ns));
  }

  private static Path testdata() {
    String shared = System.getProperty("custodia.shared");
    assumeTrue(shared != null, "system property custodia.shared not set");
    Path p = Path.of(shared, "testdata");
    assumeTrue(Files.isDirectory(p), "no shared test data at " + p);
    return p;
  }
}
