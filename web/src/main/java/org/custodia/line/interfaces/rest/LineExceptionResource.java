package org.custodia.line.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.custodia.line.application.ExceptionView;
import org.custodia.line.application.WorkOrderService;
import org.custodia.line.domain.ExceptionRecord;
import org.custodia.platform.interfaces.rest.Fields;

/**
 * Line exceptions (EXC-1): {@code GET /api/line/exceptions?status=OPEN|RESOLVED&workOrder={id}&limit=n},
 * newest first; {@code POST /api/line/exceptions/{id}/resolve} {@code {"resolution":"…"}} by QA.
 */
@Path("line/exceptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LineExceptionResource {

  /** Body of a resolution. */
  public record Resolve(String resolution) {}

  @Inject WorkOrderService service;

  @GET
  public List<ExceptionView> list(@QueryParam("status") String status, @QueryParam("workOrder") Long workOrder,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    return service.exceptions(Fields.optional("status", status, s -> Fields.enumValue("status", s,
        ExceptionRecord.Status.class)), workOrder, limit);
  }

  @POST
  @Path("{id}/resolve")
  public ExceptionView resolve(@PathParam("id") long id, Resolve body) {
    return service.resolveException(id, body == null ? null : body.resolution());
  }
}
