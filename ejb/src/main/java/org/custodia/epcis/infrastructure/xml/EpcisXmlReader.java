package org.custodia.epcis.infrastructure.xml;

import org.custodia.platform.Jsonp;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an EPCIS 2.0 or 1.2 XML document as a stream of EPCIS 2.0 JSON-LD events (EPC-1).
 *
 * <p>The document is never held whole: the header is handed over once the {@code EPCISBody} begins,
 * then each event is built, handed to the sink and dropped. A capture of a hundred thousand events
 * therefore costs the memory of one event. Every step runs under {@link XmlLimits} with DTDs,
 * entities and external references refused (SEC-3).
 *
 * <p>Mapping decisions, chosen so that XML to JSON-LD to XML loses nothing the XSD cares about:
 *
 * <ul>
 *   <li>Standard fields take their JSON-LD names and places, whatever the binding: 1.2's {@code
 *       baseExtension} ({@code eventID}, {@code errorDeclaration}), the event {@code extension}
 *       ({@code quantityList}, {@code sourceList}, {@code ilmd}, …) and the nested {@code
 *       extension/extension} used for 2.0-only fields are unwrapped; a TransformationEvent under
 *       {@code EventList/extension} and an AssociationEvent under {@code
 *       EventList/extension/extension} are read as events.
 *   <li>bizStep, disposition, the btt/sdt types and {@code sensorReport/@type} keep the form they
 *       arrived in; standard text values are whitespace-trimmed (they are URIs).
 *   <li>Numbers: {@code quantity} and the sensor report values ({@code value}, {@code minValue},
 *       {@code maxValue}, {@code meanValue}, {@code sDev}, {@code percRank}, {@code percValue})
 *       become JSON numbers with their decimal digits kept; {@code booleanValue} a JSON boolean.
 *       Everything else, including extension text that looks numeric or carries an {@code
 *       xsi:type}, stays a string.
 *   <li>User extensions anywhere become {@code prefix:localName} keys with the generic element
 *       mapping of {@link ElementJson}: text-only elements are strings, other elements objects,
 *       attributes {@code @prefix:name} keys (e.g. {@code "@xsi:type"}), repeated siblings arrays.
 *       A standard {@code extension} element inside readPoint, bizLocation, ilmd, sensorElement or
 *       errorDeclaration is kept under the key {@code extension}.
 *   <li>Prefixes are those the document declared on its root; a namespace declared only inside an
 *       event gets a binding in that event's own {@code @context} object.
 * </ul>
 */
public final class EpcisXmlReader {

  private final XmlLimits limits;

  public EpcisXmlReader() {
    this(XmlLimits.DEFAULT);
  }

  public EpcisXmlReader(XmlLimits limits) {
    this.limits = Objects.requireNonNull(limits);
  }

  /**
   * Reads {@code in} to its end. {@code onHeader} is called exactly once, before the first event.
   *
   * @return the number of events read
   * @throws EpcisXmlException when the document is malformed, refused under SEC-3, or not an EPCIS
   *     document; the message names the problem, the element path and the event
   */
  public int read(InputStream in, Consumer<DocumentHeader> onHeader, EventSink sink) {
    try (XmlCursor cursor = new XmlCursor(in, limits)) {
      return new Run(cursor, onHeader, sink).document();
    }
  }

  /** Reads all events of a small document into a list, for tests and tooling. */
  public List<JsonObject> readAll(InputStream in, Consumer<DocumentHeader> onHeader) {
    List<JsonObject> events = new ArrayList<>();
    read(in, onHeader, (i, e) -> events.add(e));
    return events;
  }

  private static final class Run {
    private final XmlCursor cursor;
    private final XMLStreamReader r;
    private final Consumer<DocumentHeader> onHeader;
    private final EventSink sink;
    private EpcisXmlVersion version;
    private String schemaVersion;
    private String creationDate;
    private final Map<String, String> namespaces = new LinkedHashMap<>();
    private XNode headerNode;
    private boolean headerSent;
    private int count;

    Run(XmlCursor cursor, Consumer<DocumentHeader> onHeader, EventSink sink) {
      this.cursor = cursor;
      this.r = cursor.reader();
      this.onHeader = onHeader;
      this.sink = sink;
    }

    int document() {
      if (cursor.nextTag() != XMLStreamConstants.START_ELEMENT) {
        throw cursor.refuse("no root element");
      }
      version = EpcisXmlVersion.ofNamespace(r.getNamespaceURI());
      if (version == null || !r.getLocalName().equals("EPCISDocument")) {
        throw cursor.refuse(
            "not an EPCISDocument: root element {"
                + (r.getNamespaceURI() == null ? "" : r.getNamespaceURI())
                + "}"
                + r.getLocalName());
      }
      schemaVersion = r.getAttributeValue(null, "schemaVersion");
      creationDate = r.getAttributeValue(null, "creationDate");
      for (int i = 0; i < r.getNamespaceCount(); i++) {
        String p = r.getNamespacePrefix(i);
        if (p != null && !p.isEmpty()) {
          namespaces.put(p, r.getNamespaceURI(i));
        }
      }
      while (cursor.nextTag() == XMLStreamConstants.START_ELEMENT) {
        String name = r.getLocalName();
        boolean unqualified = r.getNamespaceURI() == null || r.getNamespaceURI().isEmpty();
        if (unqualified && name.equals("EPCISHeader") && headerNode == null) {
          headerNode = cursor.readTree();
        } else if (unqualified && name.equals("EPCISBody")) {
          sendHeader();
          body();
        } else {
          // document extensions carry no events
          cursor.skipElement();
        }
      }
      sendHeader();
      return count;
    }

    private void sendHeader() {
      if (headerSent) {
        return;
      }
      headerSent = true;
      JsonObject sbdh = null;
      JsonObject masterData = null;
      JsonObjectBuilder extensions = Jsonp.JSON.createObjectBuilder();
      ReadPrefixes prefixes = new ReadPrefixes(namespaces);
      if (headerNode != null) {
        List<XNode> user = new ArrayList<>();
        for (XNode c : headerNode.children) {
          if (c.uri.equals(DocumentHeader.SBDH)
              && c.local.equals("StandardBusinessDocumentHeader")) {
            sbdh = (JsonObject) asObject(ElementJson.toJson(c, prefixes, Set.of()));
          } else if (c.isUnqualified() && c.local.equals("extension")) {
            for (XNode e : c.children) {
              if (e.isUnqualified() && e.local.equals("EPCISMasterData")) {
                masterData = masterData(e, prefixes);
              } else {
                user.add(e);
              }
            }
          } else {
            user.add(c);
          }
        }
        ElementJson.addChildren(extensions, user, prefixes);
      }
      Map<String, String> all = new LinkedHashMap<>(namespaces);
      all.putAll(prefixes.added());
      headerNode = null;
      if (onHeader != null) {
        onHeader.accept(
            new DocumentHeader(
                version, schemaVersion, creationDate, all, sbdh, masterData, extensions.build()));
      }
    }

    private static JsonValue asObject(JsonValue v) {
      return v instanceof JsonObject ? v : JsonValue.EMPTY_JSON_OBJECT;
    }

    private void body() {
      while (cursor.nextTag() == XMLStreamConstants.START_ELEMENT) {
        boolean unqualified = r.getNamespaceURI() == null || r.getNamespaceURI().isEmpty();
        if (unqualified && r.getLocalName().equals("EventList")) {
          eventList();
        } else {
          cursor.skipElement();
        }
      }
    }

    /** Events of an EventList, or of an {@code extension} inside one (1.2). */
    private void eventList() {
      while (cursor.nextTag() == XMLStreamConstants.START_ELEMENT) {
        String name = r.getLocalName();
        boolean unqualified = r.getNamespaceURI() == null || r.getNamespaceURI().isEmpty();
        if (unqualified && EventMapper.EVENT_TYPES.contains(name)) {
          XNode node;
          try {
            node = cursor.readTree();
          } catch (EpcisXmlException e) {
            throw e.inEvent(count);
          }
          int index = count++;
          String eventId = EventMapper.findEventId(node);
          JsonObject event = new EventMapper(namespaces, index, eventId).map(node);
          sink.accept(index, event);
        } else if (unqualified && name.equals("extension")) {
          eventList();
        } else {
          throw new EpcisXmlException(
              "unknown event element <" + cursor.qname() + ">", count, null, cursor.path());
        }
      }
    }

    private JsonObject masterData(XNode md, ReadPrefixes prefixes) {
      JsonArrayBuilder vocabularies = Jsonp.JSON.createArrayBuilder();
      XNode list = md.child("VocabularyList");
      if (list != null) {
        for (XNode v : list.children) {
          JsonObjectBuilder vo = Jsonp.JSON.createObjectBuilder();
          vo.add("type", Objects.requireNonNullElse(v.attribute("type"), ""));
          XNode elements = v.child("VocabularyElementList");
          if (elements != null) {
            JsonArrayBuilder ea = Jsonp.JSON.createArrayBuilder();
            for (XNode e : elements.children) {
              ea.add(vocabularyElement(e, prefixes));
            }
            vo.add("vocabularyElementList", ea);
          }
          List<XNode> user = new ArrayList<>();
          for (XNode c : v.children) {
            if (!c.isUnqualified()) {
              user.add(c);
            }
          }
          ElementJson.addChildren(vo, user, prefixes);
          vocabularies.add(vo);
        }
      }
      return Jsonp.JSON.createObjectBuilder().add("vocabularyList", vocabularies).build();
    }

    private JsonObject vocabularyElement(XNode e, ReadPrefixes prefixes) {
      JsonObjectBuilder o = Jsonp.JSON.createObjectBuilder();
      o.add("id", Objects.requireNonNullElse(e.attribute("id"), ""));
      JsonArrayBuilder attributes = Jsonp.JSON.createArrayBuilder();
      boolean hasAttributes = false;
      JsonArrayBuilder children = null;
      List<XNode> user = new ArrayList<>();
      for (XNode c : e.children) {
        if (c.isUnqualified() && c.local.equals("attribute")) {
          hasAttributes = true;
          JsonValue value;
          if (c.children.isEmpty()) {
            value = Jsonp.JSON.createValue(c.text.toString());
          } else {
            JsonObjectBuilder v = Jsonp.JSON.createObjectBuilder();
            ElementJson.addChildren(v, c.children, prefixes);
            value = v.build();
          }
          attributes.add(
              Jsonp.JSON.createObjectBuilder()
                  .add("id", Objects.requireNonNullElse(c.attribute("id"), ""))
                  .add("attribute", value));
        } else if (c.isUnqualified() && c.local.equals("children")) {
          children = Jsonp.JSON.createArrayBuilder();
          for (XNode id : c.children) {
            children.add(id.trimmedText());
          }
        } else if (!c.isUnqualified()) {
          user.add(c);
        }
      }
      if (hasAttributes) {
        o.add("attributes", attributes);
      }
      if (children != null) {
        o.add("children", children);
      }
      ElementJson.addChildren(o, user, prefixes);
      return o.build();
    }
  }
}
