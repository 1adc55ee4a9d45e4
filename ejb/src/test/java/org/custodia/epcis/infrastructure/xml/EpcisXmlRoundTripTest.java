package org.custodia.epcis.infrastructure.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every GS1 example document goes read, write, validate, read again and must give the same JSON-LD
 * events. The CaptureJob examples (root {@code EPCISCaptureJob}) and the CBV master-data examples
 * (root {@code EPCISMasterDataDocument}) are not EPCISDocuments and are skipped; so is the
 * placeholder file.
 */
@Tag("EPC-1")
@Tag("EPC-4")
class EpcisXmlRoundTripTest {

  private static final Set<String> NOT_EPCIS_DOCUMENTS =
      Set.of("EPCISCaptureJob", "EPCISMasterDataDocument");

  @TestFactory
  Stream<DynamicTest> everyGs1ExampleSurvivesA20RoundTrip() throws Exception {
    return examples().stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    "2.0 " + name(f), () -> roundTrip(f, EpcisXmlVersion.V2_0)));
  }

  @TestFactory
  Stream<DynamicTest> everyGs1ExampleSurvivesA12RoundTrip() throws Exception {
    return examples().stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    "1.2 " + name(f), () -> roundTrip(f, EpcisXmlVersion.V1_2)));
  }

  @Test
  void readsAllFiveEventTypesFromTheExamples() throws Exception {
    // given every example document
    Set<String> types = new java.util.TreeSet<>();
    // when they are read
    for (Path f : examples()) {
      TestFiles.read(f).events().forEach(e -> types.add(e.getString("type")));
    }
    // then all five event types were met
    assertEquals(
        Set.of(
            "AggregationEvent",
            "AssociationEvent",
            "ObjectEvent",
            "TransactionEvent",
            "TransformationEvent"),
        types);
  }

  @Test
  void dscsaExampleIn12KeepsHeaderMasterDataAndEventsBothWays() throws Exception {
    // given the GS1 US DSCSA example, an EPCIS 1.2 document
    Path f = TestFiles.testdata().resolve("dscsa/GS1_US_Pharma_Example_2_2_1_1.xml");
    // when it is read
    TestFiles.Read read = TestFiles.read(f);
    // then the header parts DSCSA needs are there
    DocumentHeader h = read.header();
    assertEquals(EpcisXmlVersion.V1_2, h.version());
    assertEquals("1.2", h.schemaVersion());
    assertNotNull(h.standardBusinessDocumentHeader());
    assertNotNull(h.masterData());
    assertFalse(h.masterData().getJsonArray("vocabularyList").isEmpty());
    assertTrue(h.headerExtensions().containsKey("gs1ushc:dscsaTransactionStatement"));
    assertEquals("urn:epcglobal:cbv:mda", h.jsonLdContext().getJsonObject(1).getString("cbvmda"));
    JsonObject first = read.events().get(0);
    assertEquals("A123", first.getJsonObject("ilmd").getString("cbvmda:lotNumber"));

    // and written as 1.2 it validates and reads back the same, header included
    byte[] as12 = TestFiles.write(h, read.events());
    EpcisXsd.validate(new StreamSource(new ByteArrayInputStream(as12)), EpcisXmlVersion.V1_2);
    TestFiles.Read again = TestFiles.read(as12);
    assertEquals(read.events(), again.events());
    assertEquals(
        h.standardBusinessDocumentHeader(), again.header().standardBusinessDocumentHeader());
    assertEquals(h.masterData(), again.header().masterData());
    assertEquals(h.headerExtensions(), again.header().headerExtensions());

    // and as 2.0 it validates and gives the same events
    byte[] as20 = TestFiles.write(h.as(EpcisXmlVersion.V2_0), read.events());
    EpcisXsd.validate(new StreamSource(new ByteArrayInputStream(as20)), EpcisXmlVersion.V2_0);
    TestFiles.Read again20 = TestFiles.read(as20);
    assertEquals(read.events(), again20.events());
    assertEquals(h.masterData(), again20.header().masterData());
  }

  @Test
  void twoPointOhExampleBecomesValid12ForDscsaPartners() throws Exception {
    // given a 2.0 document with sensor data, persistent disposition and certification info
    Path f =
        TestFiles.testdata()
            .resolve("epcis/XML/WithFullCombinationOfFields/object_event_all_possible_fields.xml");
    TestFiles.Read read = TestFiles.read(f);
    // when it is written as 1.2
    byte[] as12 = TestFiles.write(read.header().as(EpcisXmlVersion.V1_2), read.events());
    // then it validates against the 1.2 XSD and the 2.0 fields come back from the extensions
    EpcisXsd.validate(new StreamSource(new ByteArrayInputStream(as12)), EpcisXmlVersion.V1_2);
    JsonObject back = TestFiles.read(as12).events().get(0);
    assertEquals(read.events().get(0), back);
    assertTrue(back.containsKey("sensorElementList"));
    assertTrue(back.containsKey("persistentDisposition"));
  }

  private static void roundTrip(Path file, EpcisXmlVersion target) throws Exception {
    // given an example document
    TestFiles.Read first = TestFiles.read(file);
    assumeTrue(!first.events().isEmpty() || first.header() != null);
    DocumentHeader header = first.header().as(target);
    if (target == EpcisXmlVersion.V1_2
        && header.masterData() != null
        && header.standardBusinessDocumentHeader() == null) {
      // 1.2 carries master data only beside an SBDH: refused by name, events still written
      DocumentHeader withMasterData = header;
      EpcisXmlException refused =
          assertThrows(
              EpcisXmlException.class, () -> TestFiles.write(withMasterData, first.events()));
      assertTrue(refused.getMessage().contains("StandardBusinessDocumentHeader"));
      header =
          new DocumentHeader(
              target, "1.2", header.creationDate(), header.namespaces(), null, null, null);
    }
    // when written in the target version
    byte[] xml = TestFiles.write(header, first.events());
    // then it validates and reads back to the same events
    EpcisXsd.validate(new StreamSource(new ByteArrayInputStream(xml)), target);
    TestFiles.Read second = TestFiles.read(xml);
    assertEquals(target, second.header().version());
    if (target == EpcisXmlVersion.V2_0) {
      assertEquals(first.events(), second.events(), "events of " + name(file));
    } else {
      assertEquals(
          TestFiles.withoutEmptyLists(first.events()),
          TestFiles.withoutEmptyLists(second.events()),
          "events of " + name(file));
    }
    assertEquals(header.masterData(), second.header().masterData());
    assertEquals(
        first.header().standardBusinessDocumentHeader(),
        second.header().standardBusinessDocumentHeader());
  }

  private static List<Path> examples() throws Exception {
    List<Path> files = new ArrayList<>();
    for (Path f : TestFiles.epcisXmlFiles()) {
      if (!NOT_EPCIS_DOCUMENTS.contains(TestFiles.rootName(f))) {
        files.add(f);
      }
    }
    files.add(TestFiles.testdata().resolve("dscsa/GS1_US_Pharma_Example_2_2_1_1.xml"));
    return files;
  }

  private static String name(Path f) {
    return f.getParent().getFileName() + "/" + f.getFileName();
  }
}
