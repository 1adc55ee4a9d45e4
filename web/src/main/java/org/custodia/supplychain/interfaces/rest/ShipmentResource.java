package org.custodia.supplychain.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import org.custodia.supplychain.application.ShipmentService;
import org.custodia.supplychain.domain.ExpectedItem;
import org.custodia.supplychain.domain.HandoffException;
import org.custodia.supplychain.domain.ReceiptLine;
import org.custodia.supplychain.domain.Shipment;
import org.custodia.supplychain.domain.ShipmentOrder;
import org.custodia.supplychain.domain.ShipmentStatus;
import org.custodia.platform.Jsonp;

/**
 * Shipments (LIFE-1). {@code POST /api/shipments} with {@code {"items":[codes], "purchaseOrder",
 * "despatchAdvice", "sourceOwner", "sourceLocation", "destinationOwner", "destinationLocation"}} (GLNs) →
 * 201 with the shipment; {@code GET /api/shipments?status=} the newest first; {@code GET
 * /api/shipments/{id}} with the expected objects, the receipt and its exceptions; {@code POST
 * /api/shipments/{id}/receipt} with {@code {"items":[scanned codes], "damaged":[codes]}} → the received
 * shipment. Codes are EPC URIs, Digital Links, element strings or SSCCs.
 */
@Path("shipments")
@Produces(MediaType.APPLICATION_JSON)
public class ShipmentResource {

  /** Body of a shipment request. */
  public record NewShipment(
      List<String> items, String purchaseOrder, String despatchAdvice, String sourceOwner, String sourceLocation,
      String destinationOwner, String destinationLocation) {}

  /** Body of a receipt. */
  public record Receipt(List<String> items, List<String> damaged) {}

  @Inject ShipmentService service;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response ship(NewShipment body, @Context UriInfo uri) {
    NewShipment b = body == null ? new NewShipment(null, null, null, null, null, null, null) : body;
    Shipment s = service.ship(new ShipmentOrder(b.items(), b.purchaseOrder(), b.despatchAdvice(), b.sourceOwner(),
        b.sourceLocation(), b.destinationOwner(), b.destinationLocation()));
    return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(s.id())).build())
        .entity(full(s)).build();
  }

  @GET
  public JsonObject list(@QueryParam("status") String status, @QueryParam("limit") @DefaultValue("100") int limit) {
    ShipmentStatus st = null;
    if (status != null && !status.isBlank()) {
      try {
        st = ShipmentStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw HandoffException.invalid("invalid-status", "status", status,
            "query parameter \"status\" must be IN_TRANSIT, RECEIVED or RECEIVED_WITH_DISCREPANCIES, was \""
                + status + "\"");
      }
    }
    JsonArrayBuilder a = Jsonp.JSON.createArrayBuilder();
    service.list(st, limit).forEach(s -> a.add(summary(s)));
    return Jsonp.JSON.createObjectBuilder().add("shipments", a).build();
  }

  @GET
  @Path("{id}")
  public JsonObject shipment(@PathParam("id") long id) {
    return full(service.shipment(id));
  }

  @POST
  @Path("{id}/receipt")
  @Consumes(MediaType.APPLICATION_JSON)
  public JsonObject receive(@PathParam("id") long id, Receipt body) {
    Receipt b = body == null ? new Receipt(null, null) : body;
    return full(service.receive(id, b.items(), b.damaged()));
  }

  static JsonObjectBuilder summary(Shipment s) {
    JsonObjectBuilder b = Jsonp.JSON.createObjectBuilder()
        .add("id", s.id())
        .add("status", s.status().name())
        .add("purchaseOrder", s.purchaseOrder());
    put(b, "despatchAdvice", s.despatchAdvice());
    b.add("sourceOwner", s.sourceOwner())
        .add("sourceLocation", s.sourceLocation())
        .add("destinationOwner", s.destinationOwner())
        .add("destinationLocation", s.destinationLocation())
        .add("shippedAt", s.shippedAt().toString())
        .add("shippedBy", s.shippedBy())
        .add("shipEventId", s.shipEventId());
    put(b, "receivedAt", s.receivedAt() == null ? null : s.receivedAt().toString());
    put(b, "receivedBy", s.receivedBy());
    return b;
  }

  static JsonObject full(Shipment s) {
    JsonArrayBuilder named = Jsonp.JSON.createArrayBuilder();
    JsonArrayBuilder items = Jsonp.JSON.createArrayBuilder();
    for (ExpectedItem i : s.items()) {
      if (i.named()) {
        named.add(i.epc());
      }
      JsonObjectBuilder ib = Jsonp.JSON.createObjectBuilder().add("epc", i.epc())
          .add("kind", i.container() ? "CONTAINER" : "UNIT");
      put(ib, "gtin", i.gtin());
      put(ib, "serial", i.serial());
      put(ib, "lot", i.lot());
      put(ib, "parent", i.parentEpc());
      items.add(ib.add("named", i.named()));
    }
    JsonArrayBuilder receipt = Jsonp.JSON.createArrayBuilder();
    JsonArrayBuilder exceptions = Jsonp.JSON.createArrayBuilder();
    for (ReceiptLine l : s.receipt()) {
      JsonObjectBuilder lb = Jsonp.JSON.createObjectBuilder().add("epc", l.epc()).add("outcome", l.outcome().name());
      if (l.exceptionId() != null) {
        lb.add("exceptionId", l.exceptionId());
        exceptions.add(Jsonp.JSON.createObjectBuilder().add("id", l.exceptionId()).add("epc", l.epc())
            .add("outcome", l.outcome().name()).add("covers", l.covered()));
      }
      receipt.add(lb);
    }
    return summary(s).add("named", named).add("itemCount", s.items().size()).add("items", items)
        .add("receipt", receipt).add("exceptions", exceptions).build();
  }

  static void put(JsonObjectBuilder b, String name, String value) {
    if (value == null) {
      b.addNull(name);
    } else {
      b.add(name, value);
    }
  }
}
