package org.custodia.epcis.interfaces.rest;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.custodia.epcis.infrastructure.json.CbvTerms;
import org.custodia.epcis.infrastructure.xml.DocumentHeader;
import org.custodia.epcis.infrastructure.xml.EpcisXmlVersion;
import org.custodia.epcis.infrastructure.xml.EpcisXmlWriter;

/**
 * Exports query results in the format the partner asks for (EPC-4): EPCIS 2.0 JSON-LD by default,
 * EPCIS 2.0 XML for {@code Accept: application/xml}, and EPCIS 1.2 XML when the request also says {@code
 * GS1-EPCIS-Version: 1.2}. Every XML document written validates against the GS1 XSD of its version.
 */
final class EventExport {

  private EventExport() {}

  static boolean wantsXml(HttpHeaders headers) {
    for (MediaType m : headers.getAcceptableMediaTypes()) {
      if (m.isWildcardType()) {
        return false;
      }
      if (m.getSubtype().equals("xml")) {
        return true;
      }
      if (m.getSubtype().contains("json")) {
        return false;
      }
    }
    return false;
  }

  static EpcisXmlVersion version(HttpHeaders headers) {
    String v = headers.getHeaderString("GS1-EPCIS-Version");
    return v != null && v.trim().startsWith("1.2") ? EpcisXmlVersion.V1_2 : EpcisXmlVersion.V2_0;
  }

  static Response xml(List<JsonObject> events, EpcisXmlVersion version, String nextLink) {
    DocumentHeader header =
        DocumentHeader.forExport(version, OffsetDateTime.now(ZoneOffset.UTC).toString());
    StreamingOutput body = out -> {
      try (EpcisXmlWriter w = EpcisXmlWriter.open(out, header)) {
        // XML spells standard CBV values as URNs (JSON-LD stores the bare terms)
        events.forEach(e -> w.write(CbvTerms.expand(e)));
      }
    };
    Response.ResponseBuilder r =
        Response.ok(body, MediaType.APPLICATION_XML_TYPE).header("GS1-EPCIS-Version", version.schemaVersion());
    if (nextLink != null) {
      r.header("Link", nextLink);
    }
    return r.build();
  }
}
