package org.custodia.epcis.interfaces.web;

import org.custodia.platform.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import org.custodia.epcis.infrastructure.xml.DocumentHeader;
import org.custodia.epcis.infrastructure.xml.EpcisXmlVersion;
import org.custodia.epcis.infrastructure.xml.EpcisXmlWriter;

/**
 * One event written out for reading: its stored JSON-LD pretty-printed, and the EPCIS 2.0 XML
 * document the export API would give for it ({@link EpcisXmlWriter}), indented.
 */
final class EventDocuments {

  private static final JsonWriterFactory PRETTY =
      Jsonp.JSON.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

  private EventDocuments() {}

  static String json(JsonObject event) {
    StringWriter out = new StringWriter();
    try (JsonWriter w = PRETTY.createWriter(out)) {
      w.writeObject(event);
    }
    return out.toString().strip();
  }

  /** The event as an EPCIS 2.0 XML document holding it alone. */
  static String xml(JsonObject event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DocumentHeader header =
        DocumentHeader.of(
            EpcisXmlVersion.V2_0, OffsetDateTime.now(ZoneOffset.UTC).toString(), Map.of());
    try (EpcisXmlWriter w = EpcisXmlWriter.open(out, header)) {
      w.write(event);
    }
    return indent(out.toString(StandardCharsets.UTF_8));
  }

  private static String indent(String xml) {
    try {
      TransformerFactory f = TransformerFactory.newInstance();
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
      Transformer t = f.newTransformer();
      t.setOutputProperty(OutputKeys.INDENT, "yes");
      // the declaration is written by hand: the JDK's serializer puts the root element on its line
      t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
      StringWriter s = new StringWriter();
      t.transform(new StreamSource(new StringReader(xml)), new StreamResult(s));
      return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + s.toString().strip();
    } catch (TransformerException | IllegalArgumentException e) {
      // the document is still right, only not indented
      return xml;
    }
  }
}
