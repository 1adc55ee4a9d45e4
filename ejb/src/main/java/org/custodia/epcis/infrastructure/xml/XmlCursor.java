package org.custodia.epcis.infrastructure.xml;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A StAX reader that enforces SEC-3 on every step: no DTD processing, no entities, bounded depth,
 * text length and attribute count. It keeps the current element path so every refusal can say where
 * it happened.
 */
final class XmlCursor implements AutoCloseable {

  private static final XMLInputFactory FACTORY = secureFactory();

  private final XMLStreamReader reader;
  private final XmlLimits limits;
  private final Deque<String> path = new ArrayDeque<>();

  XmlCursor(InputStream in, XmlLimits limits) {
    this.limits = limits;
    try {
      this.reader = FACTORY.createXMLStreamReader(in);
    } catch (XMLStreamException e) {
      throw new EpcisXmlException("malformed XML: " + e.getMessage(), -1, null, null, e);
    }
  }

  static XMLInputFactory secureFactory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, Boolean.FALSE);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.TRUE);
    f.setProperty(XMLInputFactory.IS_COALESCING, Boolean.FALSE);
    f.setXMLResolver(
        (publicId, systemId, baseUri, namespace) -> {
          throw new XMLStreamException("external reference refused: " + systemId);
        });
    trySet(f, XMLConstants.ACCESS_EXTERNAL_DTD, "");
    trySet(f, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    return f;
  }

  private static void trySet(XMLInputFactory f, String name, Object value) {
    if (f.isPropertySupported(name)) {
      f.setProperty(name, value);
    } else {
      try {
        f.setProperty(name, value);
      } catch (IllegalArgumentException ignored) {
        // Not every StAX implementation knows the JAXP access properties; DTDs are off anyway.
      }
    }
  }

  XMLStreamReader reader() {
    return reader;
  }

  /** The element path; very deep paths keep their first four and last two elements. */
  String path() {
    if (path.size() <= 12) {
      return "/" + String.join("/", path);
    }
    java.util.List<String> all = java.util.List.copyOf(path);
    return "/"
        + String.join("/", all.subList(0, 4))
        + "/…("
        + (all.size() - 6)
        + " more)…/"
        + String.join("/", all.subList(all.size() - 2, all.size()));
  }

  int depth() {
    return path.size();
  }

  /** Advances one StAX event, applying the limits. */
  int next() {
    int type;
    try {
      type = reader.next();
    } catch (XMLStreamException e) {
      throw malformed(e);
    } catch (RuntimeException e) {
      // some StAX implementations wrap parse errors in unchecked exceptions
      throw new EpcisXmlException("malformed XML: " + e.getMessage(), -1, null, path(), e);
    }
    switch (type) {
      case XMLStreamConstants.START_ELEMENT -> {
        String name = qname();
        path.addLast(name);
        if (path.size() > limits.maxDepth()) {
          throw refuse("element depth exceeds the limit of " + limits.maxDepth());
        }
        if (reader.getAttributeCount() > limits.maxAttributes()) {
          throw refuse(
              "element has "
                  + reader.getAttributeCount()
                  + " attributes, more than the limit of "
                  + limits.maxAttributes());
        }
      }
      case XMLStreamConstants.END_ELEMENT -> path.pollLast();
      case XMLStreamConstants.DTD -> checkDoctype(reader.getText());
      case XMLStreamConstants.ENTITY_REFERENCE ->
          throw refuse(
              "entity reference &"
                  + reader.getLocalName()
                  + "; refused: entities are not allowed, declared or not");
      case XMLStreamConstants.ENTITY_DECLARATION, XMLStreamConstants.NOTATION_DECLARATION ->
          throw refuse("DTD declarations are refused");
      default -> {
        // text, comments and processing instructions are handled by the caller
      }
    }
    return type;
  }

  /**
   * A DOCTYPE with nothing but a root name (as in the GS1 examples' {@code <!DOCTYPE project>})
   * does no harm and is accepted; any internal subset, entity or external identifier is refused.
   */
  private void checkDoctype(String doctype) {
    String d = doctype == null ? "" : doctype;
    String upper = d.toUpperCase(Locale.ROOT);
    if (upper.contains("<!ENTITY")) {
      throw refuse("DOCTYPE declares entities; DTDs and entities are refused");
    }
    // the JDK may hand over a DOCTYPE with its subset cut short ("<!DOCTYPE]>"), so either bracket
    // counts as an internal subset
    if (d.contains("[") || d.contains("]")) {
      throw refuse("DOCTYPE has an internal subset; DTDs are refused");
    }
    if (upper.matches("(?s).*\\b(SYSTEM|PUBLIC)\\b.*")) {
      throw refuse("DOCTYPE refers to an external DTD; external references are refused");
    }
  }

  /** Moves to the next start element or to the end of the current element, skipping text. */
  int nextTag() {
    while (true) {
      int t = next();
      switch (t) {
        case XMLStreamConstants.START_ELEMENT,
            XMLStreamConstants.END_ELEMENT,
            XMLStreamConstants.END_DOCUMENT -> {
          return t;
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
          if (!reader.isWhiteSpace()) {
            throw refuse("unexpected text '" + abbreviate(reader.getText()) + "'");
          }
        }
        default -> {
          // whitespace, comments, processing instructions
        }
      }
    }
  }

  /**
   * Reads the element the cursor stands on (a START_ELEMENT) with all its content into a node, and
   * leaves the cursor on its END_ELEMENT.
   */
  XNode readTree() {
    XNode node = startNode();
    while (true) {
      int t = next();
      switch (t) {
        case XMLStreamConstants.START_ELEMENT -> node.children.add(readTree());
        case XMLStreamConstants.END_ELEMENT -> {
          return node;
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (node.text.length() + reader.getTextLength() > limits.maxTextLength()) {
            throw refuse("text longer than the limit of " + limits.maxTextLength() + " characters");
          }
          node.text.append(
              reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
        }
        case XMLStreamConstants.END_DOCUMENT -> throw refuse("document ends inside an element");
        default -> {
          // comments and processing instructions carry no data
        }
      }
    }
  }

  /** Skips the element the cursor stands on, still applying the limits. */
  void skipElement() {
    int level = 1;
    while (level > 0) {
      int t = next();
      if (t == XMLStreamConstants.START_ELEMENT) {
        level++;
      } else if (t == XMLStreamConstants.END_ELEMENT) {
        level--;
      } else if (t == XMLStreamConstants.END_DOCUMENT) {
        throw refuse("document ends inside an element");
      }
    }
  }

  private XNode startNode() {
    XNode node =
        new XNode(reader.getNamespaceURI(), reader.getPrefix(), reader.getLocalName(), path());
    for (int i = 0; i < reader.getNamespaceCount(); i++) {
      String p = reader.getNamespacePrefix(i);
      node.declared.put(p == null ? "" : p, reader.getNamespaceURI(i));
    }
    for (int i = 0; i < reader.getAttributeCount(); i++) {
      String value = reader.getAttributeValue(i);
      if (value.length() > limits.maxTextLength()) {
        throw refuse(
            "attribute longer than the limit of " + limits.maxTextLength() + " characters");
      }
      node.attributes.add(
          new XNode.Attr(
              reader.getAttributeNamespace(i) == null ? "" : reader.getAttributeNamespace(i),
              reader.getAttributePrefix(i) == null ? "" : reader.getAttributePrefix(i),
              reader.getAttributeLocalName(i),
              value));
    }
    return node;
  }

  String qname() {
    String p = reader.getPrefix();
    return p == null || p.isEmpty() ? reader.getLocalName() : p + ':' + reader.getLocalName();
  }

  EpcisXmlException refuse(String problem) {
    return new EpcisXmlException(problem + where(), -1, null, path());
  }

  private EpcisXmlException malformed(XMLStreamException e) {
    String msg = e.getMessage() == null ? "" : e.getMessage();
    // the JDK prefixes its messages with "ParseError at [row,col]:..."; keep only the reason
    int nl = msg.lastIndexOf("Message:");
    String reason = nl >= 0 ? msg.substring(nl + 8).trim() : msg;
    return new EpcisXmlException("malformed XML: " + reason + where(), -1, null, path(), e);
  }

  private String where() {
    Location l = reader.getLocation();
    return l == null ? "" : " (line " + l.getLineNumber() + ", column " + l.getColumnNumber() + ")";
  }

  static String abbreviate(String s) {
    String t = s.strip();
    return t.length() > 40 ? t.substring(0, 40) + "…" : t;
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (XMLStreamException e) {
      // nothing to release beyond the reader itself
    }
  }
}
