package org.custodia.epcis.infrastructure.xml;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URL;
import java.util.EnumMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.Source;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.ext.DeclHandler;

/**
 * Strict validation against the GS1 EPCIS XSDs bundled under {@code org/custodia/epcis/xsd/}
 * (SEC-3, EPC-4). The schemas are loaded only from the class path through a resource resolver;
 * secure processing is on and no external DTD or schema may be fetched, so validating a document
 * never reaches the network.
 */
public final class EpcisXsd {

  private static final String BASE = "/org/custodia/epcis/xsd/";
  private static final Map<EpcisXmlVersion, Schema> SCHEMAS = new EnumMap<>(EpcisXmlVersion.class);

  private EpcisXsd() {}

  /** The compiled schema of {@code version}, loaded once. */
  public static synchronized Schema schema(EpcisXmlVersion version) {
    return SCHEMAS.computeIfAbsent(version, EpcisXsd::load);
  }

  /**
   * Validates {@code source} against the EPCIS document schema of {@code version}.
   *
   * @throws EpcisXmlException naming the first violation with its line and column
   */
  public static void validate(Source source, EpcisXmlVersion version) {
    Validator validator = schema(version).newValidator();
    try {
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      validator.validate(secure(source));
    } catch (SAXParseException e) {
      throw new EpcisXmlException(
          "not valid EPCIS "
              + version.schemaVersion()
              + " XML (line "
              + e.getLineNumber()
              + ", column "
              + e.getColumnNumber()
              + "): "
              + e.getMessage(),
          -1,
          null,
          null,
          e);
    } catch (SAXException | IOException e) {
      throw new EpcisXmlException(
          "not valid EPCIS " + version.schemaVersion() + " XML: " + e.getMessage(),
          -1,
          null,
          null,
          e);
    }
  }

  /** Stream sources are parsed by a parser that refuses entities and external DTDs. */
  private static Source secure(Source source) throws SAXException {
    if (!(source instanceof StreamSource s)) {
      return source;
    }
    try {
      SAXParserFactory f = SAXParserFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      XMLReader reader = f.newSAXParser().getXMLReader();
      reader.setEntityResolver(
          (publicId, systemId) -> {
            throw new SAXException("external reference refused: " + systemId);
          });
      reader.setProperty("http://xml.org/sax/properties/declaration-handler", new NoEntities());
      InputSource in =
          s.getInputStream() != null
              ? new InputSource(s.getInputStream())
              : s.getReader() != null ? new InputSource(s.getReader()) : new InputSource();
      in.setSystemId(s.getSystemId());
      return new SAXSource(reader, in);
    } catch (ParserConfigurationException e) {
      throw new SAXException(e);
    }
  }

  /** Entity declarations are refused outright rather than silently left unexpanded. */
  private static final class NoEntities implements DeclHandler {
    @Override
    public void elementDecl(String name, String model) {}

    @Override
    public void attributeDecl(String eName, String aName, String type, String mode, String value) {}

    @Override
    public void internalEntityDecl(String name, String value) throws SAXException {
      throw new SAXException("DOCTYPE declares entity " + name + "; entities are refused");
    }

    @Override
    public void externalEntityDecl(String name, String publicId, String systemId)
        throws SAXException {
      throw new SAXException("DOCTYPE declares external entity " + name + "; entities are refused");
    }
  }

  private static Schema load(EpcisXmlVersion version) {
    String dir =
        BASE + version.schemaResource().substring(0, version.schemaResource().indexOf('/') + 1);
    URL root = EpcisXsd.class.getResource(BASE + version.schemaResource());
    if (root == null) {
      throw new IllegalStateException("bundled XSD missing: " + version.schemaResource());
    }
    try (InputStream in = root.openStream()) {
      SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setResourceResolver(new Bundled(dir));
      return f.newSchema(new StreamSource(in, "custodia-xsd:" + dir + fileName(root.getPath())));
    } catch (SAXException | IOException e) {
      throw new IllegalStateException("cannot load bundled XSD " + version.schemaResource(), e);
    }
  }

  private static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** Resolves every schema import or include to a file of the same bundled directory. */
  private record Bundled(String dir) implements LSResourceResolver {
    @Override
    public LSInput resolveResource(
        String type, String namespaceUri, String publicId, String systemId, String baseUri) {
      if (systemId == null) {
        throw new IllegalStateException("schema import without location: " + namespaceUri);
      }
      String name = fileName(systemId);
      InputStream in = EpcisXsd.class.getResourceAsStream(dir + name);
      if (in == null) {
        throw new IllegalStateException("schema " + systemId + " is not bundled");
      }
      return new Input(in, "custodia-xsd:" + dir + name, publicId);
    }
  }

  /** The minimal LSInput the schema loader needs: a byte stream and its ids. */
  private record Input(InputStream stream, String system, String pub) implements LSInput {
    @Override
    public Reader getCharacterStream() {
      return null;
    }

    @Override
    public void setCharacterStream(Reader characterStream) {}

    @Override
    public InputStream getByteStream() {
      return stream;
    }

    @Override
    public void setByteStream(InputStream byteStream) {}

    @Override
    public String getStringData() {
      return null;
    }

    @Override
    public void setStringData(String stringData) {}

    @Override
    public String getSystemId() {
      return system;
    }

    @Override
    public void setSystemId(String systemId) {}

    @Override
    public String getPublicId() {
      return pub;
    }

    @Override
    public void setPublicId(String publicId) {}

    @Override
    public String getBaseURI() {
      return system;
    }

    @Override
    public void setBaseURI(String baseUri) {}

    @Override
    public String getEncoding() {
      return null;
    }

    @Override
    public void setEncoding(String encoding) {}

    @Override
    public boolean getCertifiedText() {
      return false;
    }

    @Override
    public void setCertifiedText(boolean certifiedText) {}
  }
}
