package org.custodia.serialization.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import org.custodia.gs1.ExpiryDate;
import org.custodia.gs1.Gln;
import org.custodia.gs1.Gtin;
import org.custodia.gs1.LotNumber;
import org.custodia.gs1.SerialNumber;
import org.custodia.platform.interfaces.rest.Fields;
import org.custodia.serialization.application.Commissioning;
import org.custodia.serialization.application.SerializationService;
import org.custodia.serialization.domain.CommissionOrder;

/**
 * {@code POST /api/serialization/commissions} with {@code {"gtin","lot","expiry":"YYMMDD","serials":[…]}}
 * (and optionally productionDate, site GLN, line, workOrder) → 201 with the EPCs (SER-5). A serial already
 * commissioned, never issued or marked unused is a 409 and nothing is written.
 */
@Path("serialization/commissions")
public class CommissionResource {

  /** Body of a commissioning request. */
  public record Commission(
      String gtin,
      String lot,
      String expiry,
      List<String> serials,
      String productionDate,
      String site,
      String line,
      String workOrder) {}

  /** Answer: the EPCs, in the order of the serials, and the ID of the EPCIS event that records them. */
  public record Commissioned(int count, String eventId, List<String> epcs) {}

  @Inject SerializationService service;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response commission(Commission body) {
    Commission b = body == null ? new Commission(null, null, null, null, null, null, null, null) : body;
    CommissionOrder order =
        new CommissionOrder(
            Fields.required("gtin", b.gtin(), Gtin::of),
            Fields.required("lot", b.lot(), LotNumber::of),
            Fields.required("expiry", b.expiry(), ExpiryDate::of),
            Fields.list("serials", b.serials(), SerialNumber::of),
            Fields.optional("productionDate", b.productionDate(), LocalDate::parse),
            Fields.optional("site", b.site(), Gln::of),
            b.line(),
            b.workOrder());
    Commissioning done = service.commission(order);
    return Response.status(Response.Status.CREATED)
        .entity(new Commissioned(done.epcs().size(), done.eventId(), done.epcs()))
        .build();
  }
}
