package org.custodia.epcis.infrastructure.xml;

import org.custodia.platform.Jsonp;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Everything of an EPCIS document that is not an event: it travels beside the event stream because
 * DSCSA needs the SBDH, the master data and the GS1 US transaction statement of a document, and
 * because the namespace prefixes are what give the {@code prefix:localName} keys of the events
 * their meaning.
 *
 * @param version the XML binding the document came in (or is to be written in)
 * @param schemaVersion the {@code schemaVersion} attribute as sent
 * @param creationDate the {@code creationDate} attribute as sent, or {@code null}
 * @param namespaces prefix to namespace URI for every prefix declared on the root element or added
 *     for header content, in document order; the JSON-LD {@code @context} is built from it
 * @param standardBusinessDocumentHeader the {@code sbdh:StandardBusinessDocumentHeader} in the
 *     generic element mapping (see {@link EpcisXmlReader}), or {@code null}
 * @param masterData {@code EPCISMasterData} as the JSON-LD {@code epcisMasterData} object ({@code
 *     vocabularyList}), or {@code null}
 * @param headerExtensions user elements of {@code EPCISHeader} as {@code prefix:localName} keys
 *     (for DSCSA: {@code gs1ushc:dscsaTransactionStatement}); empty when there are none
 */
public record DocumentHeader(
    EpcisXmlVersion version,
    String schemaVersion,
    String creationDate,
    Map<String, String> namespaces,
    JsonObject standardBusinessDocumentHeader,
    JsonObject masterData,
    JsonObject headerExtensions) {

  /** The GS1 EPCIS 2.0 JSON-LD context every document refers to. */
  public static final String EPCIS_CONTEXT =
      "https://ref.gs1.org/standards/epcis/epcis-context.jsonld";

  static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
  static final String SBDH =
      "http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader";

  private static final Set<String> NOT_IN_CONTEXT =
      Set.of(EpcisXmlVersion.V1_2.namespace(), EpcisXmlVersion.V2_0.namespace(), XSI);

  public DocumentHeader {
    namespaces = Collections.unmodifiableMap(new LinkedHashMap<>(namespaces));
    headerExtensions = headerExtensions == null ? JsonObject.EMPTY_JSON_OBJECT : headerExtensions;
  }

  /** A header for writing events that carry no header content of their own. */
  public static DocumentHeader of(
      EpcisXmlVersion version, String creationDate, Map<String, String> namespaces) {
    return new DocumentHeader(
        version, version.schemaVersion(), creationDate, namespaces, null, null, null);
  }

  /**
   * The header of an export of stored events: {@code of} with the prefixes the EPCIS 2.0 JSON-LD context
   * itself defines for master-data attributes ({@code cbvmda}), which stored events may use without a
   * {@code @context} of their own (the commissioning events of the line do, for lot and expiry).
   */
  public static DocumentHeader forExport(EpcisXmlVersion version, String creationDate) {
    return of(version, creationDate, Map.of("cbvmda", "urn:epcglobal:cbv:mda"));
  }

  /** The same header, to be written as {@code target}. */
  public DocumentHeader as(EpcisXmlVersion target) {
    return new DocumentHeader(
        target,
        target.schemaVersion(),
        creationDate,
        namespaces,
        standardBusinessDocumentHeader,
        masterData,
        headerExtensions);
  }

  /**
   * The JSON-LD {@code @context} of the document: the GS1 context, then one object with the
   * prefixes the extensions use (the EPCIS XML namespaces and {@code xsi} left out, as they name no
   * data).
   */
  public JsonArray jsonLdContext() {
    JsonObjectBuilder prefixes = Jsonp.JSON.createObjectBuilder();
    namespaces.forEach(
        (prefix, uri) -> {
          if (!prefix.isEmpty() && !NOT_IN_CONTEXT.contains(uri)) {
            prefixes.add(prefix, uri);
          }
        });
    JsonObject p = prefixes.build();
    return p.isEmpty()
        ? Jsonp.JSON.createArrayBuilder().add(EPCIS_CONTEXT).build()
        : Jsonp.JSON.createArrayBuilder().add(EPCIS_CONTEXT).add(p).build();
  }
}
