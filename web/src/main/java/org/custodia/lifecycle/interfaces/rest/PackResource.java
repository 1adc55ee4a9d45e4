package org.custodia.lifecycle.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import org.custodia.gs1.Gln;
import org.custodia.lifecycle.application.PackStateService;
import org.custodia.lifecycle.application.PackStates;
import org.custodia.lifecycle.domain.PackChange;
import org.custodia.lifecycle.domain.PackState;
import org.custodia.platform.Jsonp;
import org.custodia.platform.interfaces.rest.Fields;
import org.custodia.platform.interfaces.rest.ProblemDocument;

/**
 * Pack states (LIFE-1 decommissioning handoffs, LIFE-2):
 *
 * <ul>
 *   <li>{@code POST /api/packs/decommissions} {@code {"codes":[…], "state":"SUPPLIED|DESTROYED|STOLEN|SAMPLE|
 *       FREE_SAMPLE|LOCKED|EXPORTED|CHECKED_OUT", "party":GLN, "location":GLN}} → 200 {@code {"eventId", "at",
 *       "state", "packs":[{"code","epc","state"}]}};
 *   <li>{@code POST /api/packs/undo} {@code {"codes", "from", "party", "location"}} → the same, state ACTIVE;
 *   <li>{@code GET /api/packs/{code}} → the pack's state, its batch's state, its last decommissioning (who,
 *       where, when), until when it may be undone (or why not) and its history.
 * </ul>
 *
 * A code is an EPC URI, a Digital Link or an element string of a unit. A request with a refused pack changes
 * nothing and answers 409 {@code application/problem+json}, code {@code pack-state-refused}, with {@code
 * "refusals":[{"code","epc","refusal","nmvsCode","detail"}]} (the refusal is audited by the service); a
 * malformed request 400, naming the field.
 */
@Path("packs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PackResource {

  /** Body of a decommissioning. */
  public record Decommissioning(List<String> codes, String state, String party, String location) {}

  /** Body of an undo. */
  public record Undo(List<String> codes, String from, String party, String location) {}

  @Inject PackStateService service;

  @POST
  @Path("decommissions")
  public Response decommission(Decommissioning body) {
    Decommissioning b = body == null ? new Decommissioning(null, null, null, null) : body;
    PackState state = PackStates.state("state", b.state(), true);
    return answer(service.decommission(b.codes(), state, Fields.required("party", b.party(), Gln::of),
        Fields.required("location", b.location(), Gln::of)));
  }

  @POST
  @Path("undo")
  public Response undo(Undo body) {
    Undo b = body == null ? new Undo(null, null, null, null) : body;
    PackState from = PackStates.state("from", b.from(), true);
    return answer(service.undo(b.codes(), from, Fields.required("party", b.party(), Gln::of),
        Fields.required("location", b.location(), Gln::of)));
  }

  @GET
  @Path("{code: .+}")
  public JsonObject pack(@PathParam("code") String code) {
    PackStates.PackView v = service.pack(code);
    JsonObjectBuilder b = Jsonp.JSON.createObjectBuilder().add("code", code).add("epc", v.epc())
        .add("gtin", v.gtin()).add("serial", v.serial());
    put(b, "lot", v.lot());
    put(b, "expiry", v.expiry() == null ? null : v.expiry().toString());
    b.add("state", v.state().name()).add("decommissioned", v.state().decommissioned())
        .add("batchState", v.batchState().name());
    put(b, "objectStatus", v.objectStatus());
    if (v.lastDecommissioning() != null) {
      b.add("lastDecommissioning", change(v.lastDecommissioning()));
    }
    put(b, "undoAllowedUntil", time(v.undoAllowedUntil()));
    if (v.undoRefusal() != null) {
      b.add("undoRefusal", Jsonp.JSON.createObjectBuilder().add("refusal", v.undoRefusal().name())
          .add("nmvsCode", v.undoRefusal().nmvsCode()).add("detail", v.undoRefusalDetail()));
    }
    JsonArrayBuilder history = Jsonp.JSON.createArrayBuilder();
    v.history().forEach(c -> history.add(change(c).add("from", c.from().name())));
    return b.add("history", history).build();
  }

  private static JsonObjectBuilder change(PackChange c) {
    return Jsonp.JSON.createObjectBuilder().add("state", c.to().name()).add("party", c.partyGln())
        .add("location", c.locationGln()).add("at", c.changedAt().toString()).add("by", c.changedBy())
        .add("eventId", c.eventId());
  }

  /** 200 with the packs' new states, or 409 with each refused pack. */
  static Response answer(PackStates.Result r) {
    if (r.done()) {
      return Response.ok(body(r).toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }
    return Response.status(409).type(ProblemDocument.PROBLEM_JSON).entity(body(r).toString()).build();
  }

  /** The body of the answer: the event and the packs' new states, or the problem listing each refused pack. */
  static JsonObject body(PackStates.Result r) {
    if (r.done()) {
      JsonArrayBuilder packs = Jsonp.JSON.createArrayBuilder();
      for (PackStates.PackResult p : r.packs()) {
        packs.add(Jsonp.JSON.createObjectBuilder().add("code", p.code()).add("epc", p.epc())
            .add("state", p.state().name()));
      }
      return Jsonp.JSON.createObjectBuilder().add("eventId", r.eventId()).add("at", r.at().toString())
          .add("state", r.packs().get(0).state().name()).add("packs", packs).build();
    }
    List<PackStates.PackResult> refused = r.refusals();
    JsonArrayBuilder refusals = Jsonp.JSON.createArrayBuilder();
    for (PackStates.PackResult p : refused) {
      JsonObjectBuilder o = Jsonp.JSON.createObjectBuilder().add("code", p.code()).add("epc", p.epc())
          .add("refusal", p.refusal().name()).add("nmvsCode", p.refusal().nmvsCode()).add("detail", p.detail());
      put(o, "state", p.state() == null ? null : p.state().name());
      refusals.add(o);
    }
    PackStates.PackResult first = refused.get(0);
    String detail = refused.size() + " of " + r.packs().size() + " packs refused, nothing was changed: "
        + first.epc() + ": " + first.detail() + (refused.size() > 1 ? " (and " + (refused.size() - 1) + " more)" : "");
    return Jsonp.JSON.createObjectBuilder()
        .add("type", "https://custodia.dev/problems/pack-state-refused")
        .add("title", "Conflict")
        .add("status", 409)
        .add("detail", detail)
        .add("code", "pack-state-refused")
        .add("field", "codes")
        .add("refusals", refusals)
        .build();
  }

  private static String time(OffsetDateTime t) {
    return t == null ? null : t.toString();
  }

  static void put(JsonObjectBuilder b, String name, String value) {
    if (value != null) {
      b.add(name, value);
    }
  }
}
