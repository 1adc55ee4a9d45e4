package org.custodia.aggregation.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.custodia.aggregation.application.Distribution;
import org.custodia.aggregation.application.DistributionService;
import org.custodia.aggregation.domain.ContainerLevel;
import org.custodia.aggregation.domain.ScannedCodes;
import org.custodia.gs1.Gln;
import org.custodia.gs1.Sscc;
import org.custodia.gs1.epc.EpcUris;
import org.custodia.platform.interfaces.rest.Fields;

/**
 * Cases and pallets at a distribution point (AGG-2, AGG-3). Writes take {@code "location"}, the GLN (or
 * SGLN EPC URI) of a site in the master data, and answer what changed ({@code sscc}, {@code epc}, {@code
 * eventIds}, {@code children}):
 *
 * <ul>
 *   <li>{@code POST /api/aggregation/containers} {@code {"level":"CASE|PALLET","children":[…],"location"}} →
 *       201, a new SSCC from the site's pool;
 *   <li>{@code POST …/{sscc}/add} {@code {"children":[…],"location"}} — into an existing container;
 *   <li>{@code POST …/{sscc}/unpack} {@code {"location"}} — every child out;
 *   <li>{@code POST …/{sscc}/remove} {@code {"children":[…],"location"}} — the children named out;
 *   <li>{@code POST …/{sscc}/replace} {@code {"old","new","reason","damaged":true,"location"}};
 *   <li>{@code GET …/{sscc}} — level, status, children, history.
 * </ul>
 *
 * Codes are EPC URIs, element strings ({@code (01)…(21)…}, {@code (00)…}), GS1 Digital Links or the 18
 * digits of an SSCC. Bad input is a 400 naming the field and value, an unknown SSCC a 404, a rule broken a
 * 409 naming the child; every refusal is audited and nothing of a refused request is recorded.
 */
@Path("aggregation/containers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContainerResource {

  /** Body of packing a new container. */
  public record NewContainer(String level, List<String> children, String location) {}

  /** Body of adding or removing children. */
  public record Children(List<String> children, String location) {}

  /** Body of unpacking. */
  public record Site(String location) {}

  /** Body of a replacement; {@code damaged} defaults to true. */
  public record Replacement(String old, @jakarta.json.bind.annotation.JsonbProperty("new") String replacement,
      String reason, Boolean damaged, String location) {}

  @Inject DistributionService service;

  @POST
  public Response pack(NewContainer body, @Context UriInfo uri) {
    NewContainer b = body == null ? new NewContainer(null, null, null) : body;
    Distribution.Changed done = service.pack(Fields.enumValue("level", b.level(), ContainerLevel.class),
        Fields.list("children", b.children(), ScannedCodes::code), site(b.location()));
    return Response.created(uri.getAbsolutePathBuilder().path(done.sscc()).build()).entity(done).build();
  }

  @POST
  @Path("{sscc}/add")
  public Distribution.Changed add(@PathParam("sscc") String sscc, Children body) {
    Children b = body == null ? new Children(null, null) : body;
    return service.add(sscc(sscc), Fields.list("children", b.children(), ScannedCodes::code), site(b.location()));
  }

  @POST
  @Path("{sscc}/unpack")
  public Distribution.Changed unpack(@PathParam("sscc") String sscc, Site body) {
    return service.unpack(sscc(sscc), site(body == null ? null : body.location()));
  }

  @POST
  @Path("{sscc}/remove")
  public Distribution.Changed remove(@PathParam("sscc") String sscc, Children body) {
    Children b = body == null ? new Children(null, null) : body;
    return service.remove(sscc(sscc), Fields.list("children", b.children(), ScannedCodes::code), site(b.location()));
  }

  @POST
  @Path("{sscc}/replace")
  public Distribution.Changed replace(@PathParam("sscc") String sscc, Replacement body) {
    Replacement b = body == null ? new Replacement(null, null, null, null, null) : body;
    return service.replace(sscc(sscc), Fields.required("old", b.old(), ScannedCodes::code),
        Fields.required("new", b.replacement(), ScannedCodes::code), b.reason(), b.damaged() == null || b.damaged(),
        site(b.location()));
  }

  @GET
  @Path("{sscc}")
  public Distribution.ContainerView get(@PathParam("sscc") String sscc) {
    return service.container(sscc(sscc));
  }

  private static Sscc sscc(String value) {
    return Fields.required("sscc", value, ScannedCodes::sscc);
  }

  private static Gln site(String value) {
    return Fields.required("location", value, ContainerResource::gln);
  }

  /** A GLN, or the GLN of an SGLN EPC URI. */
  static Gln gln(String value) {
    String v = value.strip();
    return v.startsWith("urn:") ? EpcUris.parseSgln(v).identifier().gln() : Gln.of(v);
  }
}
