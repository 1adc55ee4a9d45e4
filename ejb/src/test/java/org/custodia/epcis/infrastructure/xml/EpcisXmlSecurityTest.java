package org.custodia.epcis.infrastructure.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** SEC-3: what must not get in through an EPCIS XML document, and how it is refused. */
@Tag("SEC-3")
class EpcisXmlSecurityTest {

  private static final String OPEN =
      "<epcis:EPCISDocument xmlns:epcis=\"urn:epcglobal:epcis:xsd:2\" schemaVersion=\"2.0\""
          + " creationDate=\"2024-01-01T00:00:00Z\" xmlns:ex=\"https://example.com/ex\">"
          + "<EPCISBody><EventList>";
  private static final String CLOSE = "</EventList></EPCISBody></epcis:EPCISDocument>";

  private static String event(String extra) {
    return "<ObjectEvent><eventTime>2024-01-01T00:00:00Z</eventTime>"
        + "<eventTimeZoneOffset>+00:00</eventTimeZoneOffset>"
        + "<eventID>urn:uuid:6e8c2f1b-0f5a-4f0e-9d8a-1c2b3d4e5f60</eventID>"
        + "<epcList><epc>urn:epc:id:sgtin:0614141.107346.2018</epc></epcList>"
        + "<action>OBSERVE</action>"
        + extra
        + "</ObjectEvent>";
  }

  private static EpcisXmlException refused(String xml) {
    return assertThrows(EpcisXmlException.class, () -> TestFiles.read(xml));
  }

  @Test
  void refusesEntityBomb() {
    // given a billion-laughs document
    String xml =
        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
            + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
            + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
            + OPEN
            + event("<ex:x>&lol3;</ex:x>")
            + CLOSE;
    // when read, then refused for its entities
    EpcisXmlException e = refused(xml);
    assertTrue(e.getMessage().contains("entit"), e.getMessage());
  }

  @Test
  void refusesEntityDeclarationsEvenWhenUnused() {
    // given a DOCTYPE that declares an entity no element uses
    String xml = "<!DOCTYPE d [<!ENTITY e \"x\">]>" + OPEN + event("") + CLOSE;
    // when read, then refused for the DOCTYPE itself
    EpcisXmlException e = refused(xml);
    assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
  }

  @Test
  void refusesExternalEntity() {
    // given a document that pulls a local file into an extension
    String xml =
        "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
            + OPEN
            + event("<ex:x>&xxe;</ex:x>")
            + CLOSE;
    // when read, then refused, and nothing of the file appears in the message
    EpcisXmlException e = refused(xml);
    assertTrue(e.getMessage().contains("entit"), e.getMessage());
    assertTrue(!e.getMessage().contains("root:"), e.getMessage());
  }

  @Test
  void refusesExternalDtd() {
    // given a DOCTYPE with an external DTD
    String xml =
        "<?xml version=\"1.0\"?><!DOCTYPE d SYSTEM \"http://attacker.example/x.dtd\">"
            + OPEN
            + CLOSE;
    // when read, then refused as an external reference
    EpcisXmlException e = refused(xml);
    assertTrue(e.getMessage().contains("external"), e.getMessage());
  }

  @Test
  void refusesUndeclaredEntity() {
    // given an entity reference that no DTD declares
    String xml = OPEN + event("<ex:x>&undeclared;</ex:x>") + CLOSE;
    // when read, then refused naming the entity
    EpcisXmlException e = refused(xml);
    assertTrue(e.getMessage().contains("entity reference &undeclared; refused"), e.getMessage());
  }

  @Test
  void acceptsTheHarmlessDoctypeOfTheGs1Examples() throws Exception {
    // given a GS1 example that starts with <!DOCTYPE project>
    Path f =
        TestFiles.testdata()
            .resolve("epcis/XML/WithEventHashID/event_with_identical_hash_id_1.xml");
    // when read, then its event comes through
    assertEquals(1, TestFiles.read(f).events().size());
  }

  @Test
  void refusesDepthBombNamingTheLimit() {
    // given an extension nested 200 levels deep
    String deep = "<ex:x>".repeat(200) + "</ex:x>".repeat(200);
    // when read, then refused with the depth limit named
    EpcisXmlException e = refused(OPEN + event(deep) + CLOSE);
    assertTrue(e.getMessage().contains("depth exceeds the limit of 64"), e.getMessage());
    assertEquals(0, e.eventIndex());
  }

  @Test
  void refusesOverlongTextNamingTheLimit() {
    // given an extension with 100,000 characters of text
    String big = "<ex:x>" + "a".repeat(100_000) + "</ex:x>";
    // when read, then refused with the text limit named
    EpcisXmlException e = refused(OPEN + event(big) + CLOSE);
    assertTrue(e.getMessage().contains("limit of 65536 characters"), e.getMessage());
  }

  @Test
  void refusesTooManyAttributesNamingTheLimit() {
    // given an element with 100 attributes
    StringBuilder attrs = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      attrs.append(" a").append(i).append("=\"v\"");
    }
    // when read, then refused with the attribute limit named
    EpcisXmlException e = refused(OPEN + event("<ex:x" + attrs + "/>") + CLOSE);
    assertTrue(e.getMessage().contains("limit of 64"), e.getMessage());
  }

  @Test
  void refusesUnknownEventElementNamingIndexAndPath() {
    // given a valid event followed by an element that is no EPCIS event
    String xml = OPEN + event("") + "<QuantityEvent/>" + CLOSE;
    // when read, then refused naming the element, the event index and the path
    EpcisXmlException e = refused(xml);
    assertTrue(e.getMessage().contains("unknown event element <QuantityEvent>"), e.getMessage());
    assertEquals(1, e.eventIndex());
    assertTrue(e.path().endsWith("EventList/QuantityEvent"), e.path());
  }

  @Test
  void refusesUnknownFieldNamingEventIdAndPath() {
    // given an event with an unqualified element EPCIS does not define
    String xml = OPEN + event("<colour>red</colour>") + CLOSE;
    // when read, then refused naming index, eventID and the element path
    EpcisXmlException e = refused(xml);
    assertEquals(0, e.eventIndex());
    assertEquals("urn:uuid:6e8c2f1b-0f5a-4f0e-9d8a-1c2b3d4e5f60", e.eventId());
    assertTrue(e.getMessage().contains("unknown element <colour>"), e.getMessage());
    assertTrue(e.path().endsWith("/ObjectEvent/colour"), e.path());
  }

  @Test
  void refusesMalformedXml() {
    // given a document whose tags do not match
    String xml = OPEN + event("<ex:x></ex:y>") + CLOSE;
    // when read, then refused as malformed
    EpcisXmlException e = refused(xml);
    assertTrue(e.getMessage().startsWith("malformed XML"), e.getMessage());
  }

  @Test
  void refusesADocumentThatIsNotEpcis() {
    // given a capture job document
    String xml = "<epcis:EPCISCaptureJob xmlns:epcis=\"urn:epcglobal:epcis:xsd:2\"/>";
    // when read, then refused naming what it is
    EpcisXmlException e = refused(xml);
    assertTrue(e.getMessage().contains("not an EPCISDocument"), e.getMessage());
  }

  @Test
  void schemaValidationRejectsAnEventOutOfOrder() {
    // given an event with action before epcList
    String xml =
        OPEN
            + "<ObjectEvent><eventTime>2024-01-01T00:00:00Z</eventTime>"
            + "<eventTimeZoneOffset>+00:00</eventTimeZoneOffset><action>ADD</action>"
            + "<epcList/></ObjectEvent>"
            + CLOSE;
    // when validated, then refused with the position
    EpcisXmlException e =
        assertThrows(
            EpcisXmlException.class,
            () ->
                EpcisXsd.validate(
                    new StreamSource(
                        new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))),
                    EpcisXmlVersion.V2_0));
    assertTrue(e.getMessage().contains("not valid EPCIS 2.0 XML (line"), e.getMessage());
  }

  @Test
  void schemaValidationRefusesEntities() {
    // given a document with an external entity, handed straight to the validator
    String xml =
        "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
            + OPEN
            + event("<ex:x>&xxe;</ex:x>")
            + CLOSE;
    // when validated, then refused without reading the file
    EpcisXmlException e =
        assertThrows(
            EpcisXmlException.class,
            () ->
                EpcisXsd.validate(
                    new StreamSource(
                        new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))),
                    EpcisXmlVersion.V2_0));
    assertTrue(e.getMessage().contains("entities are refused"), e.getMessage());
  }
}
