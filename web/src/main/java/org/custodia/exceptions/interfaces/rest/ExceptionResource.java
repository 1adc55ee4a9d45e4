package org.custodia.exceptions.interfaces.rest;

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
import java.time.OffsetDateTime;
import java.util.List;
import org.custodia.exceptions.application.SupplyExceptionService;
import org.custodia.exceptions.domain.ExceptionStatus;
import org.custodia.exceptions.domain.ExceptionType;
import org.custodia.exceptions.domain.SupplyException;
import org.custodia.platform.interfaces.rest.Fields;

/**
 * Supply-chain exceptions (EXC-1): {@code GET /api/exceptions?type=&status=OPEN|RESOLVED&serial=&limit=n},
 * newest first, and {@code GET /api/exceptions/{id}} for QA, compliance, auditors and administrators;
 * {@code POST /api/exceptions/{id}/resolve} with {@code {"rootCause":"…"}} by QA or compliance.
 */
@Path("exceptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ExceptionResource {

  /** Body of a resolution. */
  public record Resolve(String rootCause) {}

  /** An exception as the API shows it. */
  public record ExceptionJson(
      long id,
      String type,
      String severity,
      String status,
      String gtin,
      String serial,
      String lot,
      String epc,
      String requesterGln,
      String detail,
      OffsetDateTime raisedAt,
      String raisedBy,
      String resolvedBy,
      OffsetDateTime resolvedAt,
      String rootCause) {

    static ExceptionJson of(SupplyException e) {
      return new ExceptionJson(e.id(), e.type().name(), e.severity().name(), e.status().name(), e.involved().gtin(),
          e.involved().serial(), e.involved().lot(), e.involved().epc(), e.involved().requesterGln(), e.detail(),
          e.raisedAt(), e.raisedBy(), e.resolvedBy(), e.resolvedAt(), e.rootCause());
    }
  }

  @Inject SupplyExceptionService service;

  @GET
  public List<ExceptionJson> list(
      @QueryParam("type") String type,
      @QueryParam("status") String status,
      @QueryParam("serial") String serial,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    return service
        .list(Fields.optional("type", type, t -> Fields.enumValue("type", t, ExceptionType.class)),
            Fields.optional("status", status, s -> Fields.enumValue("status", s, ExceptionStatus.class)), serial, limit)
        .stream()
        .map(ExceptionJson::of)
        .toList();
  }

  @GET
  @Path("{id}")
  public ExceptionJson get(@PathParam("id") long id) {
    return ExceptionJson.of(service.get(id));
  }

  @POST
  @Path("{id}/resolve")
  public ExceptionJson resolve(@PathParam("id") long id, Resolve body) {
    return ExceptionJson.of(service.resolve(id, body == null ? null : body.rootCause()));
  }
}
