package org.custodia.compliance.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodia.compliance.application.DscsaExportService;
import org.custodia.gs1.Gln;
import org.custodia.platform.interfaces.rest.Fields;
import org.custodia.platform.interfaces.rest.InvalidFieldException;

/**
 * The DSCSA export profile (EPC-4, MKT-1 US), beside the EPCIS query binding and leaving it unchanged:
 *
 * <p>{@code GET /api/epcis/export/dscsa?sender=<GLN>&receiver=<GLN>[&dropShipment=true|false]&<standard
 * EPCIS query parameters>} answers {@code 200 application/xml}: one EPCIS 1.2 document with the GS1 US
 * healthcare header (SBDH with sender and receiver as SGLNs, EPCClass and Location master data, the
 * DSCSA transaction statement) holding every event the query selects, in event-time order unless
 * {@code orderBy}/{@code orderDirection} say otherwise; {@code GS1-EPCIS-Version: 1.2} and {@code
 * X-Custodia-Document-Id} (the SBDH instance identifier) as headers. The query parameters are those of
 * {@code GET /api/epcis/events} (e.g. {@code MATCH_anyEPC}, {@code EQ_bizStep}, {@code GE_eventTime});
 * paging parameters are not needed, the document holds all pages. {@code dropShipment}, when given, is
 * written as {@code gs1ushc:dropShipment} on shipping events that do not state it.
 *
 * <p>Refusals (RFC 9457): sender or receiver missing, not a GLN or without location master data → 400
 * naming the field; a product (GTIN) without product master data or NDC, or a location (GLN) without
 * location master data → 409 naming the GTINs or GLNs; no matching event → 404; more than 50,000
 * events → 413; a bad query parameter → 400 as for the event query.
 */
@Path("epcis/export/dscsa")
public class DscsaExportResource {

  @Inject DscsaExportService service;

  @GET
  @Produces(MediaType.APPLICATION_XML)
  public Response export(@Context UriInfo uri) {
    MultivaluedMap<String, String> params = uri.getQueryParameters();
    Gln sender = Fields.required("sender", single(params, "sender"), Gln::of);
    Gln receiver = Fields.required("receiver", single(params, "receiver"), Gln::of);
    String drop = single(params, "dropShipment");
    if (drop != null && !drop.equals("true") && !drop.equals("false")) {
      throw new InvalidFieldException("dropShipment", drop, null, "one-of",
          "field \"dropShipment\" must be true or false, was \"" + drop + "\"");
    }
    Map<String, List<String>> query = new LinkedHashMap<>(params);
    query.remove("sender");
    query.remove("receiver");
    query.remove("dropShipment");
    DscsaExportService.Export export =
        service.export(sender, receiver, query, drop == null ? null : Boolean.valueOf(drop));
    return Response.ok(export.xml(), MediaType.APPLICATION_XML_TYPE)
        .header("GS1-EPCIS-Version", "1.2")
        .header("X-Custodia-Document-Id", export.instanceId())
        .build();
  }

  private static String single(MultivaluedMap<String, String> params, String name) {
    List<String> v = params.get(name);
    if (v == null || v.isEmpty()) {
      return null;
    }
    if (v.size() > 1) {
      throw new InvalidFieldException(name, String.join(",", v), null, "single",
          "field \"" + name + "\" takes one value, was given " + v.size());
    }
    return v.get(0);
  }
}
