package org.custodia.compliance.application;

import org.custodia.platform.Jsonp;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.xml.transform.stream.StreamSource;
import org.custodia.compliance.domain.DscsaException;
import org.custodia.epcis.infrastructure.json.CbvTerms;
import org.custodia.epcis.infrastructure.json.EpcisJson;
import org.custodia.epcis.infrastructure.xml.DocumentHeader;
import org.custodia.epcis.infrastructure.xml.EpcisXmlException;
import org.custodia.epcis.infrastructure.xml.EpcisXmlVersion;
import org.custodia.epcis.infrastructure.xml.EpcisXmlWriter;
import org.custodia.epcis.infrastructure.xml.EpcisXsd;
import org.custodia.gs1.Gln;
import org.custodia.gs1.Gs1Exception;
import org.custodia.gs1.Gtin;
import org.custodia.gs1.ai.ElementString;
import org.custodia.gs1.dl.DigitalLink;
import org.custodia.gs1.epc.EpcUris;
import org.custodia.gs1.epc.ParsedEpcUri;
import org.custodia.masterdata.domain.Location;
import org.custodia.masterdata.domain.Product;
import org.custodia.platform.DomainException.Kind;

/**
 * The DSCSA document layout of the GS1 US healthcare guideline (modelled on GS1 US's example 2.2.1.1):
 * an EPCIS 1.2 document whose header carries
 *
 * <ul>
 *   <li>an SBDH with sender and receiver as SGLN identifiers (authority GS1) and the document
 *       identification (EPCglobal, Events, an instance identifier, the creation time);
 *   <li>in its {@code extension}, EPCISMasterData with the EPCClass vocabulary (one element per GTIN,
 *       {@code urn:epc:idpat:sgtin:…}: the NDC as additionalTradeItemIdentification of type
 *       US_FDA_NDC, regulatedProductName, manufacturerOfTradeItemPartyName, dosageFormType,
 *       strengthDescription, netContentDescription) and the Location vocabulary (one element per
 *       location or party the events and the SBDH name: name, street address, city, state, postal
 *       code, country code);
 *   <li>the guideline version and the transaction statement ({@code gs1ushc:dscsaTransactionStatement}
 *       with {@code affirmTransactionStatement true} and the statutory legal notice). GS1 US puts the
 *       statement in the header, once for the document, not on the events.
 * </ul>
 *
 * <p>Events keep their content; their CBV values become the 1.2 URNs and, when asked, shipping events
 * get {@code gs1ushc:dropShipment}. Pure functions, no container: the export service feeds it events
 * and master data.
 */
public final class DscsaDocument {

  /** The GS1 US healthcare extension namespace. */
  public static final String GS1USHC = "http://epcis.gs1us.org/hc/ns";

  /** The CBV master data namespace the XML bindings use for ILMD elements. */
  public static final String CBVMDA = "urn:epcglobal:cbv:mda";

  /** The GS1 US guideline the layout follows. */
  public static final String GUIDELINE_VERSION = "GS1 US DSCSA R1.3";

  /** The transaction statement's legal notice, FD&C Act section 581(27). */
  public static final String LEGAL_NOTICE =
      "Seller has complied with each applicable subsection of FDCA Sec. 581(27)(A)-(G).";

  static final String SBDH = "http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader";
  static final String EPC_CLASS = "urn:epcglobal:epcis:vtype:EPCClass";
  static final String LOCATION = "urn:epcglobal:epcis:vtype:Location";
  private static final String MDA = "urn:epcglobal:cbv:mda#";

  private static final List<String> EPC_FIELDS =
      List.of("epcList", "childEPCs", "inputEPCList", "outputEPCList");
  private static final List<String> QUANTITY_FIELDS =
      List.of("quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList");

  private DscsaDocument() {}

  /**
   * What the events refer to that needs master data.
   *
   * @param products EPCClass vocabulary id → its GTIN, sorted by id
   * @param locations Location vocabulary id (as the events write it) → its GLN, sorted by id
   */
  public record References(Map<String, Gtin> products, Map<String, Gln> locations) {}

  /** A sender or receiver: its SGLN URI and its master data. */
  public record Party(String sgln, Location location) {}

  /**
   * The product classes and locations of {@code events}: every SGTIN, SGTIN pattern and LGTIN in the
   * EPC and quantity lists and parent IDs (SSCCs and other logistic identifiers have no product), every
   * read point, business location, source and destination.
   *
   * @throws DscsaException (409) for a location or party identifier that names no GLN
   */
  public static References references(List<JsonObject> events) {
    Map<String, Gtin> products = new TreeMap<>();
    Map<String, Gln> locations = new TreeMap<>();
    for (JsonObject e : events) {
      for (String f : EPC_FIELDS) {
        if (e.get(f) instanceof JsonArray a) {
          for (JsonValue v : a) {
            if (v instanceof JsonString s) {
              productOf(s.getString(), false).ifPresent(p -> products.put(p.getKey(), p.getValue()));
            }
          }
        }
      }
      if (e.get("parentID") instanceof JsonString s) {
        productOf(s.getString(), false).ifPresent(p -> products.put(p.getKey(), p.getValue()));
      }
      for (String f : QUANTITY_FIELDS) {
        if (e.get(f) instanceof JsonArray a) {
          for (JsonValue v : a) {
            if (v instanceof JsonObject q && q.get("epcClass") instanceof JsonString s) {
              productOf(s.getString(), true).ifPresent(p -> products.put(p.getKey(), p.getValue()));
            }
          }
        }
      }
      for (String f : List.of("readPoint", "bizLocation")) {
        if (e.get(f) instanceof JsonObject o && o.get("id") instanceof JsonString s) {
          locations.put(s.getString(), glnOf(s.getString(), f));
        }
      }
      for (String[] f : new String[][] {{"sourceList", "source"}, {"destinationList", "destination"}}) {
        if (e.get(f[0]) instanceof JsonArray a) {
          for (JsonValue v : a) {
            if (v instanceof JsonObject o && o.get(f[1]) instanceof JsonString s) {
              locations.put(s.getString(), glnOf(s.getString(), f[1]));
            }
          }
        }
      }
    }
    return new References(products, locations);
  }

  /** The EPCClass vocabulary id and GTIN of a product identifier; empty for anything else. */
  private static Optional<Map.Entry<String, Gtin>> productOf(String id, boolean isClass) {
    try {
      if (id.startsWith("urn:epc:id:sgtin:")) {
        ParsedEpcUri<org.custodia.gs1.Sgtin> p = EpcUris.parseSgtin(id);
        Gtin gtin = p.identifier().gtin();
        return Optional.of(Map.entry(gtin.toEpcIdPattern(p.companyPrefixLength()), gtin));
      }
      if (id.startsWith("urn:epc:idpat:sgtin:")) {
        ParsedEpcUri<Gtin> p = EpcUris.parseSgtinPattern(id);
        return Optional.of(Map.entry(p.identifier().toEpcIdPattern(p.companyPrefixLength()), p.identifier()));
      }
      if (id.startsWith("urn:epc:class:lgtin:")) {
        return Optional.of(Map.entry(id, EpcUris.parseLgtin(id).identifier().gtin()));
      }
      if (id.startsWith("http://") || id.startsWith("https://")) {
        ElementString es = DigitalLink.parse(id);
        Optional<String> gtin = es.value("01");
        if (gtin.isPresent()) {
          Gtin g = Gtin.of(gtin.get());
          // a class-level DL (GTIN, maybe lot) stands for itself; an instance maps to its GTIN's DL
          return Optional.of(Map.entry(isClass ? id : g.toDigitalLink(), g));
        }
      }
    } catch (Gs1Exception e) {
      throw new DscsaException(Kind.CONFLICT, "dscsa-identifier-invalid", "epc", id,
          "the stored event names \"" + id + "\", which is not a valid GS1 identifier: " + e.getMessage());
    }
    return Optional.empty();
  }

  /** The GLN of an SGLN, PGLN or GS1 Digital Link (414 or 417) location or party identifier. */
  static Gln glnOf(String id, String field) {
    try {
      if (id.startsWith("urn:epc:id:sgln:")) {
        return EpcUris.parseSgln(id).identifier().gln();
      }
      if (id.startsWith("urn:epc:id:pgln:")) {
        String[] f = id.substring("urn:epc:id:pgln:".length()).split("\\.", -1);
        if (f.length == 2 && (f[0] + f[1]).matches("\\d{12}")) {
          return Gln.fromDigitsWithoutCheckDigit(f[0] + f[1]);
        }
      }
      if (id.startsWith("http://") || id.startsWith("https://")) {
        ElementString es = DigitalLink.parse(id);
        Optional<String> gln = es.value("414").or(() -> es.value("417"));
        if (gln.isPresent()) {
          return Gln.of(gln.get());
        }
      }
    } catch (Gs1Exception e) {
      // falls through to the refusal naming the identifier
    }
    throw new DscsaException(Kind.CONFLICT, "dscsa-location-not-gln", field, id,
        "the " + field + " \"" + id + "\" of a matching event names no GLN (SGLN, PGLN or Digital Link"
            + " 414/417); a DSCSA file needs location master data, which is kept by GLN");
  }

  /**
   * The document header: SBDH, master data and transaction statement.
   *
   * @param products EPCClass vocabulary id → product master data (with an NDC)
   * @param locations Location vocabulary id → location master data; the sender and receiver are
   *     added under their SGLNs
   */
  public static DocumentHeader header(Party sender, Party receiver, Map<String, Product> products,
      Map<String, Location> locations, OffsetDateTime created, String instanceId) {
    String time = created.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    JsonObject sbdh =
        Jsonp.JSON.createObjectBuilder()
            .add("sbdh:HeaderVersion", "1.0")
            .add("sbdh:Sender", identifier(sender.sgln()))
            .add("sbdh:Receiver", identifier(receiver.sgln()))
            .add("sbdh:DocumentIdentification", Jsonp.JSON.createObjectBuilder()
                .add("sbdh:Standard", "EPCglobal")
                .add("sbdh:TypeVersion", "1.0")
                .add("sbdh:InstanceIdentifier", instanceId)
                .add("sbdh:Type", "Events")
                .add("sbdh:CreationDateAndTime", time))
            .build();
    JsonArrayBuilder classes = Jsonp.JSON.createArrayBuilder();
    products.forEach((id, p) -> classes.add(element(id, productAttributes(p))));
    Map<String, Location> all = new TreeMap<>(locations);
    all.put(sender.sgln(), sender.location());
    all.put(receiver.sgln(), receiver.location());
    JsonArrayBuilder places = Jsonp.JSON.createArrayBuilder();
    all.forEach((id, l) -> places.add(element(id, locationAttributes(l))));
    JsonObject masterData =
        Jsonp.JSON.createObjectBuilder()
            .add("vocabularyList", Jsonp.JSON.createArrayBuilder()
                .add(Jsonp.JSON.createObjectBuilder().add("type", EPC_CLASS).add("vocabularyElementList", classes))
                .add(Jsonp.JSON.createObjectBuilder().add("type", LOCATION).add("vocabularyElementList", places)))
            .build();
    JsonObject statement =
        Jsonp.JSON.createObjectBuilder()
            .add("gs1ushc:guidelineVersion", GUIDELINE_VERSION)
            .add("gs1ushc:dscsaTransactionStatement", Jsonp.JSON.createObjectBuilder()
                .add("gs1ushc:affirmTransactionStatement", "true")
                .add("gs1ushc:legalNotice", LEGAL_NOTICE))
            .build();
    Map<String, String> namespaces = new LinkedHashMap<>();
    namespaces.put("cbvmda", CBVMDA);
    namespaces.put("sbdh", SBDH);
    namespaces.put("gs1ushc", GS1USHC);
    return new DocumentHeader(EpcisXmlVersion.V1_2, EpcisXmlVersion.V1_2.schemaVersion(), time, namespaces,
        sbdh, masterData, statement);
  }

  private static JsonObject identifier(String sgln) {
    return Jsonp.JSON.createObjectBuilder()
        .add("sbdh:Identifier", Jsonp.JSON.createObjectBuilder().add("@Authority", "GS1").add("#text", sgln))
        .build();
  }

  private static Map<String, String> productAttributes(Product p) {
    Map<String, String> a = new LinkedHashMap<>();
    a.put("additionalTradeItemIdentification", p.ndc());
    a.put("additionalTradeItemIdentificationTypeCode", "US_FDA_NDC");
    a.put("regulatedProductName", p.regulatedProductName());
    a.put("manufacturerOfTradeItemPartyName", p.manufacturerName());
    a.put("dosageFormType", p.dosageFormType());
    a.put("strengthDescription", p.strengthDescription());
    a.put("netContentDescription", p.netContentDescription());
    return a;
  }

  private static Map<String, String> locationAttributes(Location l) {
    Map<String, String> a = new LinkedHashMap<>();
    a.put("name", l.name());
    a.put("streetAddressOne", l.streetAddressOne());
    a.put("streetAddressTwo", l.streetAddressTwo());
    a.put("city", l.city());
    a.put("state", l.state());
    a.put("postalCode", l.postalCode());
    a.put("countryCode", l.countryCode());
    return a;
  }

  private static JsonObjectBuilder element(String id, Map<String, String> attributes) {
    JsonArrayBuilder list = Jsonp.JSON.createArrayBuilder();
    attributes.forEach((name, value) -> {
      if (value != null) {
        list.add(Jsonp.JSON.createObjectBuilder().add("id", MDA + name).add("attribute", value));
      }
    });
    return Jsonp.JSON.createObjectBuilder().add("id", id).add("attributes", list);
  }

  /**
   * The event as the DSCSA document carries it: CBV values as 1.2 URNs and, when {@code dropShipment}
   * is given, {@code gs1ushc:dropShipment} on a shipping event that does not state it already.
   */
  public static JsonObject prepare(JsonObject event, Boolean dropShipment) {
    JsonObject e = CbvTerms.expand(event);
    boolean shipping = event.get("bizStep") instanceof JsonString s
        && "shipping".equals(EpcisJson.shortName(s.getString()));
    if (dropShipment != null && shipping && !event.containsKey("gs1ushc:dropShipment")) {
      e = Jsonp.JSON.createObjectBuilder(e).add("gs1ushc:dropShipment", dropShipment.toString()).build();
    }
    return e;
  }

  /**
   * Writes the document and checks it against the bundled EPCIS 1.2 schema before anyone sees it.
   *
   * @throws DscsaException (409) for an event that has no EPCIS 1.2 XML form
   */
  public static byte[] write(DocumentHeader header, List<JsonObject> events) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (EpcisXmlWriter w = EpcisXmlWriter.open(out, header)) {
      events.forEach(w::write);
    } catch (EpcisXmlException e) {
      throw new DscsaException(Kind.CONFLICT, "dscsa-event-not-writable", "eventID", e.eventId(),
          "a matching event cannot be written as EPCIS 1.2 XML: " + e.getMessage());
    }
    byte[] xml = out.toByteArray();
    try {
      EpcisXsd.validate(new StreamSource(new ByteArrayInputStream(xml)), EpcisXmlVersion.V1_2);
    } catch (EpcisXmlException e) {
      throw new IllegalStateException("the DSCSA document written is not valid EPCIS 1.2: " + e.getMessage(), e);
    }
    return xml;
  }
}
