package org.custodia.verification.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import org.custodia.gs1.ExpiryDate;
import org.custodia.gs1.Gtin;
import org.custodia.gs1.LotNumber;
import org.custodia.gs1.SerialNumber;
import org.custodia.platform.interfaces.rest.Fields;
import org.custodia.verification.application.VerificationResult;
import org.custodia.verification.application.VerificationService;
import org.custodia.verification.domain.Channel;
import org.custodia.verification.domain.VerificationRequest;

/**
 * Product verification for our own users (VER-1): {@code POST /api/verification} with {@code
 * {"gtin","serial","lot","expiry":"YYMMDD"}} (lot and expiry optional) → {@code {"verified", "reason"
 * (UNKNOWN_GTIN, UNKNOWN_SERIAL, LOT_MISMATCH, EXPIRY_MISMATCH, LOT_AND_EXPIRY_MISMATCH, DECOMMISSIONED,
 * RECALLED, EXPIRED; absent when verified), "status", "epc", "verifiedAt", "exceptions":[ids raised]}}.
 */
@Path("verification")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VerificationResource {

  /** Body of a verification request. */
  public record Check(String gtin, String serial, String lot, String expiry) {}

  /** Answer. */
  public record Answer(
      boolean verified,
      String reason,
      String status,
      String epc,
      String gtin,
      String serial,
      OffsetDateTime verifiedAt,
      List<Long> exceptions) {}

  @Inject VerificationService service;

  @POST
  public Answer verify(Check body) {
    Check b = body == null ? new Check(null, null, null, null) : body;
    VerificationRequest request = new VerificationRequest(Fields.required("gtin", b.gtin(), Gtin::of),
        Fields.required("serial", b.serial(), SerialNumber::of), Fields.optional("lot", b.lot(), LotNumber::of),
        Fields.optional("expiry", b.expiry(), ExpiryDate::of));
    VerificationResult r = service.verify(request, Channel.INTERNAL, null, null, null);
    return new Answer(r.verdict().verified(), r.verdict().reason() == null ? null : r.verdict().reason().name(),
        r.verdict().status(), r.verdict().epc(), request.gtin().value(), request.serial().value(), r.at(),
        r.exceptionIds());
  }
}
