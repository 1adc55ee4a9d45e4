package org.custodia.epcis.interfaces.rest;

import org.custodia.platform.Jsonp;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.Map;
import org.custodia.epcis.application.EventQueryService;
import org.custodia.epcis.application.SubscriptionService;
import org.custodia.epcis.domain.Subscription;
import org.custodia.platform.interfaces.rest.Fields;

/**
 * Named queries and their subscriptions, as GS1's REST binding has them: {@code POST /queries} with
 * {@code {"name", "query"}}, {@code GET /queries/{name}/events}, and {@code POST
 * /queries/{name}/subscriptions} with {@code dest}, {@code signatureToken}, and {@code "stream": true} or a
 * {@code schedule}.
 */
@Path("epcis/queries")
@Produces(MediaType.APPLICATION_JSON)
public class QueryResource {

  @Inject SubscriptionService subscriptions;
  @Inject EventQueryService queries;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(JsonObject body, @Context UriInfo uri) {
    String name = body == null ? null : body.getString("name", null);
    subscriptions.createQuery(name, body == null ? null : body.getJsonObject("query"));
    return Response.created(uri.getAbsolutePathBuilder().path(name).build()).build();
  }

  @GET
  public JsonObject list() {
    JsonArrayBuilder list = Jsonp.JSON.createArrayBuilder();
    subscriptions.queries().forEach((name, q) -> list.add(Jsonp.JSON.createObjectBuilder().add("name", name).add("query", q)));
    return Jsonp.JSON.createObjectBuilder().add("queries", list).build();
  }

  @GET
  @Path("{name}")
  public JsonObject get(@PathParam("name") String name) {
    JsonObject q = subscriptions.queries().get(name);
    if (q == null) {
      throw new NotFoundException("no query " + name);
    }
    return Jsonp.JSON.createObjectBuilder().add("name", name).add("query", q).build();
  }

  @DELETE
  @Path("{name}")
  public Response delete(@PathParam("name") String name) {
    subscriptions.deleteQuery(name);
    return Response.noContent().build();
  }

  @GET
  @Path("{name}/events")
  @Produces({"application/ld+json", "application/json"})
  public Response events(@PathParam("name") String name, @Context UriInfo uri) {
    var q = subscriptions.query(name, Map.copyOf(uri.getQueryParameters()))
        .orElseThrow(() -> new NotFoundException("no query " + name));
    EventQueryService.Page page = queries.query(q);
    return EpcisEventResource.page(uri, page, name);
  }

  @POST
  @Path("{name}/subscriptions")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response subscribe(@PathParam("name") String name, JsonObject body, @Context UriInfo uri) {
    JsonObject b = body == null ? JsonObject.EMPTY_JSON_OBJECT : body;
    OffsetDateTime initial =
        Fields.optional("initialRecordTime", b.get("initialRecordTime") instanceof JsonString s ? s.getString() : null,
            OffsetDateTime::parse);
    Subscription s = subscriptions.subscribe(name, b.getString("dest", null), b.getString("signatureToken", null),
        b.containsKey("stream") ? b.getBoolean("stream", false) : null, b.getJsonObject("schedule"),
        b.getBoolean("reportIfEmpty", false), initial);
    return Response.created(uri.getAbsolutePathBuilder().path(s.id()).build()).entity(toJson(s)).build();
  }

  @GET
  @Path("{name}/subscriptions")
  public JsonObject subscriptions(@PathParam("name") String name) {
    JsonArrayBuilder list = Jsonp.JSON.createArrayBuilder();
    subscriptions.subscriptions(name).forEach(s -> list.add(toJson(s)));
    return Jsonp.JSON.createObjectBuilder().add("subscriptions", list).build();
  }

  @GET
  @Path("{name}/subscriptions/{id}")
  public JsonObject subscription(@PathParam("name") String name, @PathParam("id") String id) {
    return toJson(subscriptions.subscription(name, id).orElseThrow(() -> new NotFoundException("no subscription " + id)));
  }

  @DELETE
  @Path("{name}/subscriptions/{id}")
  public Response unsubscribe(@PathParam("name") String name, @PathParam("id") String id) {
    subscriptions.unsubscribe(name, id);
    return Response.noContent().build();
  }

  /** A subscription as the binding shows it; the signature token is never revealed. */
  static JsonObject toJson(Subscription s) {
    JsonObjectBuilder b =
        Jsonp.JSON.createObjectBuilder()
            .add("subscriptionID", s.id())
            .add("queryName", s.queryName())
            .add("dest", s.dest())
            .add("stream", s.stream())
            .add("reportIfEmpty", s.reportIfEmpty())
            .add("createdAt", s.createdAt().toString())
            .add("failures", s.failures());
    if (s.schedule() != null) {
      b.add("schedule", Jsonp.JSON.createReader(new java.io.StringReader(s.schedule())).readObject());
    }
    if (s.lastNotifiedAt() != null) {
      b.add("lastNotifiedAt", s.lastNotifiedAt().toString());
    }
    return b.build();
  }
}
