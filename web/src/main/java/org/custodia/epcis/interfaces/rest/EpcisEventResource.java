package org.custodia.epcis.interfaces.rest;

import org.custodia.platform.Jsonp;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.custodia.epcis.application.EventQueryParameters;
import org.custodia.epcis.application.EventQueryService;
import org.custodia.epcis.application.EventRepositoryService;
import org.custodia.epcis.domain.EventQuery;
import org.custodia.epcis.infrastructure.json.EpcisJson;

/**
 * The query part of the EPCIS 2.0 REST binding: {@code GET /events} with the standard query parameters,
 * answered as an EPCISQueryDocument page with {@code Link: <…>; rel="next"}; {@code GET /events/{eventID}};
 * and the top-level browsing resources ({@code /eventTypes}, {@code /epcs}, {@code /bizSteps},
 * {@code /bizLocations}, {@code /readPoints}, {@code /dispositions}) with their {@code /{value}/events}.
 */
@Path("epcis")
@Produces({"application/ld+json", "application/json"})
public class EpcisEventResource {

  @Context HttpHeaders headers;

  private static final Set<String> BROWSING =
      Set.of("eventTypes", "epcs", "bizSteps", "bizLocations", "readPoints", "dispositions");

  @Inject EventRepositoryService repository;
  @Inject EventQueryService queries;

  @GET
  @Path("events")
  @Produces({"application/ld+json", "application/json", "application/xml"})
  public Response events(@Context UriInfo uri) {
    return page(uri, uri.getQueryParameters());
  }

  @GET
  @Path("events/{eventID}")
  public String event(@PathParam("eventID") String eventId) {
    return repository.event(eventId).orElseThrow(() -> new NotFoundException("no event " + eventId));
  }

  @GET
  @Path("{resource: eventTypes|epcs|bizSteps|bizLocations|readPoints|dispositions}")
  public JsonObject browse(@PathParam("resource") String resource, @QueryParam("perPage") @DefaultValue("1000") int perPage) {
    JsonArrayBuilder members = Jsonp.JSON.createArrayBuilder();
    queries.browse(resource, Math.max(1, Math.min(perPage, 10_000))).forEach(members::add);
    return Jsonp.JSON.createObjectBuilder()
        .add("@context", Jsonp.JSON.createArrayBuilder().add(EpcisJson.CONTEXT))
        .add("type", "Collection")
        .add("member", members)
        .build();
  }

  @GET
  @Path("{resource: eventTypes|epcs|bizSteps|bizLocations|readPoints|dispositions}/{value}/events")
  public Response browseEvents(
      @PathParam("resource") String resource, @PathParam("value") String value, @Context UriInfo uri) {
    MultivaluedMap<String, String> params = new MultivaluedHashMap<>(uri.getQueryParameters());
    String parameter =
        switch (resource) {
          case "eventTypes" -> "eventType";
          case "epcs" -> "MATCH_anyEPC";
          case "bizSteps" -> "EQ_bizStep";
          case "bizLocations" -> "EQ_bizLocation";
          case "readPoints" -> "EQ_readPoint";
          default -> "EQ_disposition";
        };
    params.put(parameter, List.of(value));
    return page(uri, params);
  }

  private Response page(UriInfo uri, MultivaluedMap<String, String> params) {
    EventQueryService.Page page = queries.query(EventQueryParameters.parse(params, headers.getHeaderString("GS1-Extensions")));
    if (EventExport.wantsXml(headers)) {
      return EventExport.xml(page.events(), EventExport.version(headers), next(uri, page));
    }
    return page(uri, page, "SimpleEventQuery");
  }

  private static String next(UriInfo uri, EventQueryService.Page page) {
    if (page.next() == null) {
      return null;
    }
    return "<" + uri.getRequestUriBuilder().replaceQueryParam("nextPageToken", EventQueryParameters.token(page.next())).build()
        + ">; rel=\"next\"";
  }

  /** A page of events as an EPCISQueryDocument, with {@code Link: <…>; rel="next"} when more follow. */
  static Response page(UriInfo uri, EventQueryService.Page page, String queryName) {
    JsonArrayBuilder list = Jsonp.JSON.createArrayBuilder();
    page.events().forEach(list::add);
    JsonObject doc =
        Jsonp.JSON.createObjectBuilder()
            .add("@context", Jsonp.JSON.createArrayBuilder().add(EpcisJson.CONTEXT))
            .add("type", "EPCISQueryDocument")
            .add("schemaVersion", "2.0")
            .add("creationDate", OffsetDateTime.now(ZoneOffset.UTC).toString())
            .add("epcisBody", Jsonp.JSON.createObjectBuilder().add("queryResults", Jsonp.JSON.createObjectBuilder()
                .add("queryName", queryName)
                .add("resultsBody", Jsonp.JSON.createObjectBuilder().add("eventList", list))))
            .build();
    Response.ResponseBuilder r =
        Response.ok(doc, "application/ld+json").header("GS1-EPCIS-Version", "2.0.0");
    String next = next(uri, page);
    if (next != null) {
      r.header("Link", next);
    }
    return r.build();
  }
}
