package org.custodia.lifecycle.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.custodia.gs1.Gtin;
import org.custodia.gs1.LotNumber;
import org.custodia.lifecycle.application.BatchStateService;
import org.custodia.lifecycle.application.PackStates;
import org.custodia.lifecycle.domain.BatchState;
import org.custodia.platform.Jsonp;
import org.custodia.platform.interfaces.rest.Fields;

/**
 * Batch states (LIFE-2): {@code GET /api/batches/{gtin}/{lot}} → {@code {"gtin","lot","state" (RELEASED,
 * EXPIRED, RECALLED, WITHDRAWN: the effective one), "storedState", "reason", "changedAt", "changedBy",
 * "expiry", "known"}}; {@code POST /api/batches/{gtin}/{lot}/state} {@code {"state":"RECALLED|WITHDRAWN|
 * RELEASED", "reason"}} (QA, administrators) sets or lifts the block. EXPIRED follows from the expiry date.
 */
@Path("batches")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BatchResource {

  /** Body of a batch state change. */
  public record Change(String state, String reason) {}

  @Inject BatchStateService service;

  @GET
  @Path("{gtin}/{lot}")
  public JsonObject batch(@PathParam("gtin") String gtin, @PathParam("lot") String lot) {
    return json(service.batch(Fields.required("gtin", gtin, Gtin::of).value(),
        Fields.required("lot", lot, LotNumber::of).value()));
  }

  @POST
  @Path("{gtin}/{lot}/state")
  public JsonObject change(@PathParam("gtin") String gtin, @PathParam("lot") String lot, Change body) {
    Change b = body == null ? new Change(null, null) : body;
    BatchState state = Fields.enumValue("state", b.state(), BatchState.class);
    return json(service.set(Fields.required("gtin", gtin, Gtin::of).value(),
        Fields.required("lot", lot, LotNumber::of).value(), state, b.reason()));
  }

  static JsonObject json(PackStates.BatchView v) {
    JsonObjectBuilder b = Jsonp.JSON.createObjectBuilder().add("gtin", v.gtin()).add("lot", v.lot())
        .add("state", v.state().name()).add("storedState", v.storedState().name());
    PackResource.put(b, "reason", v.reason());
    PackResource.put(b, "changedAt", v.changedAt() == null ? null : v.changedAt().toString());
    PackResource.put(b, "changedBy", v.changedBy());
    PackResource.put(b, "expiry", v.expiry() == null ? null : v.expiry().toString());
    return b.add("known", v.known()).build();
  }
}
