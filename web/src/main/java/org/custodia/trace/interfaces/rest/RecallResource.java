package org.custodia.trace.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import org.custodia.gs1.Gtin;
import org.custodia.gs1.LotNumber;
import org.custodia.platform.Jsonp;
import org.custodia.platform.interfaces.rest.Fields;
import org.custodia.trace.application.RecallService;
import org.custodia.trace.domain.LocationCount;
import org.custodia.trace.domain.Recall;
import org.custodia.trace.domain.RecallCriteria;
import org.custodia.trace.domain.RecallExceptionRecord;
import org.custodia.trace.domain.ScopeObject;
import org.custodia.trace.domain.ScopePreview;
import org.custodia.trace.infrastructure.report.RecallReports;

/**
 * Recalls (RCL-3). {@code POST /api/recalls} with {@code {"gtin","lots":[…]}} or {@code {"line","from","to"}}
 * (ISO date-times; the window is [from, to)), optionally {@code "reason"} and {@code "meaning"} → 201 with
 * {@code {"id","status"}}. Starting a recall is an electronic signature by QA (AUD-2): the password is
 * entered again in that very request — the HTTP Basic credentials the request carries, or a {@code
 * "password"} field. {@code GET /api/recalls/{id}} → status, counts, progress, completion and the units by
 * location; {@code /objects?page=&size=} the affected objects page by page; {@code /exceptions} the units
 * not quarantined; {@code /export.csv} and {@code /export.pdf} the scope as reports.
 */
@Path("recalls")
@Produces(MediaType.APPLICATION_JSON)
public class RecallResource {

  /** Body of a recall request. */
  public record NewRecall(
      String gtin, List<String> lots, String line, String from, String to, String reason, String meaning,
      String password) {}

  /** Objects of a page when the caller names no size. */
  static final int PAGE_SIZE = 100;

  @Inject RecallService service;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response start(NewRecall body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @Context UriInfo uri) {
    NewRecall b = body == null ? new NewRecall(null, null, null, null, null, null, null, null) : body;
    RecallCriteria criteria;
    if (b.line() != null || b.gtin() == null && (b.from() != null || b.to() != null)) {
      criteria = RecallCriteria.ofLineWindow(b.line(),
          Fields.required("from", b.from(), OffsetDateTime::parse), Fields.required("to", b.to(), OffsetDateTime::parse));
    } else {
      String gtin = Fields.required("gtin", b.gtin(), Gtin::of).value();
      List<String> lots = Fields.list("lots", b.lots(), LotNumber::of).stream().map(LotNumber::value).toList();
      criteria = RecallCriteria.ofLots(gtin, lots);
    }
    char[] password = b.password() != null ? b.password().toCharArray() : basicPassword(authorization);
    long id = service.start(criteria, b.reason(), b.meaning(), password);
    return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(id)).build())
        .entity(Jsonp.JSON.createObjectBuilder().add("id", id).add("status", "RUNNING").build())
        .build();
  }

  @GET
  public JsonObject list(@QueryParam("limit") @DefaultValue("50") int limit) {
    JsonArrayBuilder a = Jsonp.JSON.createArrayBuilder();
    service.recent(limit).forEach(r -> a.add(summary(r)));
    return Jsonp.JSON.createObjectBuilder().add("recalls", a).build();
  }

  /**
   * {@code GET /api/recalls/scope?gtin=…&lot=…[&lot=…]} or {@code ?line=…&from=…&to=…}: what a recall of those
   * criteria would cover now — {@code {"units","containers","byLocation":[{"location","owner","count"}]}} —
   * without starting one (no signature, nothing recorded).
   */
  @GET
  @Path("scope")
  public JsonObject scope(@QueryParam("gtin") String gtin, @QueryParam("lot") List<String> lots,
      @QueryParam("line") String line, @QueryParam("from") String from, @QueryParam("to") String to) {
    RecallCriteria criteria;
    if (line != null || gtin == null && (from != null || to != null)) {
      criteria = RecallCriteria.ofLineWindow(line, Fields.required("from", from, OffsetDateTime::parse),
          Fields.required("to", to, OffsetDateTime::parse));
    } else {
      String g = Fields.required("gtin", gtin, Gtin::of).value();
      criteria = RecallCriteria.ofLots(g, Fields.list("lot", lots, LotNumber::of).stream().map(LotNumber::value).toList());
    }
    ScopePreview p = service.preview(criteria);
    return Jsonp.JSON.createObjectBuilder()
        .add("criteria", criteria.describe())
        .add("units", p.units())
        .add("containers", p.containers())
        .add("byLocation", groups(p.byLocation()))
        .build();
  }

  private static JsonArrayBuilder groups(List<LocationCount> counts) {
    JsonArrayBuilder groups = Jsonp.JSON.createArrayBuilder();
    for (LocationCount g : counts) {
      JsonObjectBuilder gb = Jsonp.JSON.createObjectBuilder();
      if (g.location() == null) {
        gb.addNull("location");
      } else {
        gb.add("location", g.location());
      }
      if (g.owner() == null) {
        gb.addNull("owner");
      } else {
        gb.add("owner", g.owner());
      }
      groups.add(gb.add("count", g.count()));
    }
    return groups;
  }

  @GET
  @Path("{id}")
  public JsonObject recall(@PathParam("id") long id) {
    Recall r = service.recall(id);
    return summary(r).add("byLocation", groups(service.byLocation(id)))
        .add("objects", "recalls/" + id + "/objects?page=1&size=" + PAGE_SIZE)
        .build();
  }

  @GET
  @Path("{id}/objects")
  public Response objects(@PathParam("id") long id, @QueryParam("page") @DefaultValue("1") int page,
      @QueryParam("size") @DefaultValue("100") int size, @Context UriInfo uri) {
    Recall r = service.recall(id);
    List<ScopeObject> objects = service.objects(id, page, size);
    JsonArrayBuilder a = Jsonp.JSON.createArrayBuilder();
    for (ScopeObject o : objects) {
      JsonObjectBuilder ob = Jsonp.JSON.createObjectBuilder().add("epc", o.epc()).add("kind", o.kind().name());
      put(ob, "gtin", o.gtin());
      put(ob, "serial", o.serial());
      put(ob, "lot", o.lot());
      put(ob, "status", o.status());
      put(ob, "location", o.location());
      put(ob, "owner", o.owner());
      put(ob, "parent", o.parentEpc());
      a.add(ob.add("quarantined", o.quarantined()));
    }
    int all = r.total() + r.containers();
    boolean more = (long) page * size < all;
    Response.ResponseBuilder rb = Response.ok(Jsonp.JSON.createObjectBuilder().add("id", id).add("page", page)
        .add("size", size).add("totalObjects", all).add("objects", a).build());
    if (more) {
      rb.link(uri.getRequestUriBuilder().replaceQueryParam("page", page + 1).build(), "next");
    }
    return rb.build();
  }

  @GET
  @Path("{id}/exceptions")
  public JsonObject exceptions(@PathParam("id") long id) {
    JsonArrayBuilder a = Jsonp.JSON.createArrayBuilder();
    for (RecallExceptionRecord e : service.exceptions(id)) {
      JsonObjectBuilder b = Jsonp.JSON.createObjectBuilder().add("id", e.id()).add("epc", e.epc())
          .add("reason", e.reason()).add("raisedAt", e.raisedAt().toString());
      put(b, "status", e.status());
      put(b, "location", e.location());
      put(b, "owner", e.owner());
      a.add(b);
    }
    return Jsonp.JSON.createObjectBuilder().add("id", id).add("exceptions", a).build();
  }

  @GET
  @Path("{id}/export.csv")
  @Produces("text/csv")
  public Response csv(@PathParam("id") long id) {
    service.recall(id);
    StreamingOutput body = out -> {
      Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      RecallReports.csv(w, page -> service.objects(id, page, 1000));
    };
    return Response.ok(body, "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"recall-" + id + ".csv\"").build();
  }

  @GET
  @Path("{id}/export.pdf")
  @Produces("application/pdf")
  public Response pdf(@PathParam("id") long id) {
    Recall r = service.recall(id);
    List<LocationCount> groups = service.byLocation(id);
    StreamingOutput body = out -> RecallReports.pdf(out, r, groups, page -> service.objects(id, page, 1000));
    return Response.ok(body, "application/pdf")
        .header("Content-Disposition", "attachment; filename=\"recall-" + id + ".pdf\"").build();
  }

  private static JsonObjectBuilder summary(Recall r) {
    JsonObjectBuilder c = Jsonp.JSON.createObjectBuilder();
    put(c, "gtin", r.criteria().gtin());
    if (!r.criteria().lots().isEmpty()) {
      JsonArrayBuilder lots = Jsonp.JSON.createArrayBuilder();
      r.criteria().lots().forEach(lots::add);
      c.add("lots", lots);
    }
    put(c, "line", r.criteria().line());
    put(c, "from", r.criteria().from() == null ? null : r.criteria().from().toString());
    put(c, "to", r.criteria().to() == null ? null : r.criteria().to().toString());
    JsonObjectBuilder b = Jsonp.JSON.createObjectBuilder()
        .add("id", r.id())
        .add("status", r.status())
        .add("total", r.total())
        .add("containers", r.containers())
        .add("processed", r.processed())
        .add("quarantined", r.quarantined())
        .add("exceptions", r.exceptions())
        .add("resolved", r.resolved())
        .add("progress", r.progress())
        .add("completion", r.completion())
        .add("criteria", c)
        .add("signedBy", r.signedBy())
        .add("signedAt", r.signedAt().toString())
        .add("meaning", r.meaning());
    put(b, "reason", r.reason());
    put(b, "finishedAt", r.finishedAt() == null ? null : r.finishedAt().toString());
    put(b, "detail", r.detail());
    return b;
  }

  /** The password of HTTP Basic credentials, or null when the request carries none. */
  static char[] basicPassword(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    return colon < 0 ? null : decoded.substring(colon + 1).toCharArray();
  }

  /** Adds the member when it has a value: the answers leave out what an object does not have. */
  private static void put(JsonObjectBuilder b, String name, String value) {
    if (value != null) {
      b.add(name, value);
    }
  }
}
