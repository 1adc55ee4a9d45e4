package org.custodia.supplychain.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.custodia.supplychain.application.ShipmentService;
import org.custodia.supplychain.domain.ReturnOrder;
import org.custodia.supplychain.domain.ReturnRecord;
import org.custodia.platform.Jsonp;

/**
 * Returns (LIFE-1). {@code POST /api/returns} with {@code {"items":[codes], "fromOwner", "fromLocation",
 * "toOwner", "toLocation", "reason", "saleable": true|false}} → 201 with the return's id, the event and the
 * disposition it recorded ({@code returned} or {@code non_sellable_other}).
 */
@Path("returns")
@Produces(MediaType.APPLICATION_JSON)
public class ReturnResource {

  /** Body of a return. */
  public record NewReturn(List<String> items, String fromOwner, String fromLocation, String toOwner,
      String toLocation, String reason, Boolean saleable) {}

  @Inject ShipmentService service;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response register(NewReturn body) {
    NewReturn b = body == null ? new NewReturn(null, null, null, null, null, null, null) : body;
    ReturnRecord r = service.registerReturn(new ReturnOrder(b.items(), b.fromOwner(), b.fromLocation(), b.toOwner(),
        b.toLocation(), b.reason(), b.saleable()));
    JsonArrayBuilder items = Jsonp.JSON.createArrayBuilder();
    r.items().forEach(items::add);
    return Response.status(201).entity(Jsonp.JSON.createObjectBuilder()
        .add("id", r.id())
        .add("eventId", r.eventId())
        .add("disposition", r.saleable() ? "returned" : "non_sellable_other")
        .add("fromOwner", r.fromOwner())
        .add("toOwner", r.toOwner())
        .add("returnedAt", r.returnedAt().toString())
        .add("items", items)
        .build()).build();
  }
}
