package org.custodia.line.interfaces.rest;

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
import org.custodia.gs1.ExpiryDate;
import org.custodia.gs1.Gtin;
import org.custodia.gs1.LotNumber;
import org.custodia.line.application.NewWorkOrder;
import org.custodia.line.application.WorkOrderService;
import org.custodia.line.application.WorkOrderView;
import org.custodia.line.domain.Market;
import org.custodia.platform.interfaces.rest.Fields;

/**
 * Work orders (LINE-2): {@code POST /api/line/workorders} with {@code {"line","gtin","lot","expiry":"YYMMDD",
 * "quantity","markets":[…]}} → 201 with the order ({@code "id"}, status, counts); {@code GET
 * /api/line/workorders/{id}} → status and counts ({@code printed, good, rejected, sampled, destroyed, cases,
 * pallets}, and {@code unused, inFlight}); {@code POST …/{id}/release} (QA), {@code …/start}, {@code
 * …/pause}, {@code …/resume} (operator), {@code …/close} (operator or QA) → 200 with the order; {@code POST
 * …/{id}/units/{sequence}/sample} and {@code …/destroy} {@code {"reason"}}. A work order created by QA is
 * released by that act; one created by supply chain or an administrator waits for QA's release. Bad input is
 * a 400 problem naming the field and value, a forbidden transition a 409; every refusal is audited.
 */
@Path("line/workorders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WorkOrderResource {

  /** Body of a work order creation. */
  public record CreateWorkOrder(String line, String gtin, String lot, String expiry, Integer quantity,
      List<String> markets) {}

  /** Body of a unit's destruction. */
  public record DestroyUnit(String reason) {}

  @Inject WorkOrderService service;

  @POST
  public Response create(CreateWorkOrder body, @Context UriInfo uri) {
    CreateWorkOrder b = body == null ? new CreateWorkOrder(null, null, null, null, null, null) : body;
    NewWorkOrder order = new NewWorkOrder(
        Fields.required("line", b.line(), s -> s),
        Fields.required("gtin", b.gtin(), Gtin::of),
        Fields.required("lot", b.lot(), LotNumber::of),
        Fields.required("expiry", b.expiry(), ExpiryDate::of),
        Fields.required("quantity", b.quantity() == null ? null : b.quantity().toString(), Integer::valueOf),
        Market.parse(b.markets()));
    WorkOrderView created = service.create(order);
    return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build())
        .entity(created).build();
  }

  @GET
  @Path("{id}")
  public WorkOrderView get(@PathParam("id") long id) {
    return service.workOrder(id);
  }

  @POST
  @Path("{id}/release")
  public WorkOrderView release(@PathParam("id") long id) {
    return service.release(id);
  }

  @POST
  @Path("{id}/start")
  public WorkOrderView start(@PathParam("id") long id) {
    return service.start(id);
  }

  @POST
  @Path("{id}/pause")
  public WorkOrderView pause(@PathParam("id") long id) {
    return service.pause(id);
  }

  @POST
  @Path("{id}/resume")
  public WorkOrderView resume(@PathParam("id") long id) {
    return service.resume(id);
  }

  @POST
  @Path("{id}/close")
  public WorkOrderView close(@PathParam("id") long id) {
    return service.close(id);
  }

  @POST
  @Path("{id}/units/{sequence}/sample")
  public WorkOrderView sample(@PathParam("id") long id, @PathParam("sequence") int sequence) {
    return service.sample(id, sequence);
  }

  @POST
  @Path("{id}/units/{sequence}/destroy")
  public WorkOrderView destroy(@PathParam("id") long id, @PathParam("sequence") int sequence, DestroyUnit body) {
    return service.destroy(id, sequence, body == null ? null : body.reason());
  }
}
