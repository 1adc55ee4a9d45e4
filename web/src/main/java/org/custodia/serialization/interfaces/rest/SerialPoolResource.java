package org.custodia.serialization.interfaces.rest;

import org.custodia.platform.Jsonp;
import jakarta.inject.Inject;
import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.custodia.gs1.Gtin;
import org.custodia.gs1.SerialNumber;
import org.custodia.platform.interfaces.rest.Fields;
import org.custodia.serialization.application.Allocation;
import org.custodia.serialization.application.PoolSpec;
import org.custodia.serialization.application.PoolView;
import org.custodia.serialization.application.SerializationService;
import org.custodia.serialization.domain.SerialCharset;
import org.custodia.serialization.domain.SerialOrder;

/**
 * Serial pools (SER-1 to SER-4): {@code POST /api/serialization/pools} → 201 {@code {"id":…}}; {@code POST
 * /api/serialization/pools/{id}/allocations} {@code {"count":n}} → {@code {"serials":[…]}}; imports and
 * unused marks.
 */
@Path("serialization")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SerialPoolResource {

  /** Body of a pool creation. */
  public record CreatePool(String gtin, String charset, Integer length, String order, Long capacity, List<String> markets) {}

  /** Body of an allocation. */
  public record AllocateSerials(Integer count, String purpose) {}

  /** Body of an import of externally issued serials. */
  public record ImportSerials(String gtin, List<String> serials, List<String> markets) {}

  /** Body of an unused mark. */
  public record MarkUnused(String gtin, List<String> serials, String reason) {}

  @Inject SerializationService service;

  @GET
  @Path("pools")
  public List<PoolView> list() {
    return service.listPools();
  }

  @GET
  @Path("pools/{id}")
  public PoolView get(@PathParam("id") long id) {
    return service.pool(id);
  }

  @POST
  @Path("pools")
  public Response create(CreatePool body, @Context UriInfo uri) {
    CreatePool b = body == null ? new CreatePool(null, null, null, null, null, null) : body;
    PoolSpec spec =
        new PoolSpec(
            Fields.required("gtin", b.gtin(), Gtin::of),
            Fields.enumValue("charset", b.charset(), SerialCharset.class),
            Fields.required("length", b.length() == null ? null : b.length().toString(), Integer::valueOf),
            Fields.enumValue("order", b.order(), SerialOrder.class),
            b.capacity(),
            b.markets());
    PoolView pool = service.createPool(spec);
    return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(pool.id())).build()).entity(pool).build();
  }

  /**
   * Allocates serials. The answer is written with a streaming JSON generator: ranges of 10,000 serials are
   * common, and reflective binding of the list costs more than the allocation itself.
   */
  @POST
  @Path("pools/{id}/allocations")
  public StreamingOutput allocate(@PathParam("id") long id, AllocateSerials body) {
    Integer count = body == null ? null : body.count();
    Allocation a = service.allocate(id, Fields.required("count", count == null ? null : count.toString(), Integer::valueOf),
        body == null ? null : body.purpose());
    return out -> {
      try (JsonGenerator g = Jsonp.JSON.createGenerator(out)) {
        g.writeStartObject()
            .write("poolId", a.poolId())
            .write("allocationId", a.allocationId())
            .write("count", a.serials().size())
            .writeStartArray("serials");
        a.serials().forEach(g::write);
        g.writeEnd().writeEnd();
      }
    };
  }

  @POST
  @Path("imports")
  public Response importSerials(ImportSerials body, @Context UriInfo uri) {
    ImportSerials b = body == null ? new ImportSerials(null, null, null) : body;
    PoolView pool =
        service.importSerials(
            Fields.required("gtin", b.gtin(), Gtin::of),
            Fields.list("serials", b.serials(), SerialNumber::of),
            b.markets() == null ? List.of() : b.markets());
    return Response.created(uri.getBaseUriBuilder().path("serialization/pools").path(Long.toString(pool.id())).build())
        .entity(pool)
        .build();
  }

  @POST
  @Path("unused")
  public Response markUnused(MarkUnused body) {
    MarkUnused b = body == null ? new MarkUnused(null, null, null) : body;
    service.markUnused(
        Fields.required("gtin", b.gtin(), Gtin::of), Fields.list("serials", b.serials(), SerialNumber::of), b.reason());
    return Response.noContent().build();
  }
}
