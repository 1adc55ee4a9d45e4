package org.custodia.verification.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.custodia.gs1.ExpiryDate;
import org.custodia.gs1.Gln;
import org.custodia.gs1.Gtin;
import org.custodia.gs1.LotNumber;
import org.custodia.gs1.SerialNumber;
import org.custodia.masterdata.application.TradingPartnerService;
import org.custodia.masterdata.domain.TradingPartner.VerifyPermission;
import org.custodia.platform.Jsonp;
import org.custodia.platform.interfaces.rest.Fields;
import org.custodia.platform.interfaces.rest.ProblemDocument;
import org.custodia.platform.interfaces.rest.Refusals;
import org.custodia.verification.application.VerificationBatches;
import org.custodia.verification.application.VerificationResult;
import org.custodia.verification.application.VerificationService;
import org.custodia.verification.application.VerificationService.VrsAnswer;
import org.custodia.verification.domain.Verdict;
import org.custodia.verification.domain.VerificationRequest;

/**
 * The responder of the GS1 Lightweight Messaging Standard for Verification of Product Identifiers (VER-2,
 * the DSCSA verification router service interface), in GS1 Digital Link path style:
 *
 * <ul>
 *   <li>{@code GET /api/vrs/verify/gtin/{gtin}/lot/{lot}/ser/{ser}?exp=YYMMDD&reqGLN=…&corrUUID=…&context=…}
 *       → 200 {@code {"verificationTimestamp", "responderGLN", "corrUUID", "data":{"verified":true}}}, or
 *       with {@code "verified":false} the {@code verificationFailureReason} (No_match_GTIN_Serial,
 *       No_match_GTIN_Serial_Lot, No_match_GTIN_Serial_Expiry, No_match_GTIN_Serial_Lot_Expiry,
 *       No_reason_provided) and, where one applies, {@code additionalInfo} (Recalled, Expired).
 *   <li>{@code GET /api/vrs/checkConnectivity[?reqGLN=…&corrUUID=…]} → 200 {@code {"responderGLN",
 *       "timestamp", "corrUUID"}}.
 * </ul>
 *
 * The caller authenticates like every API caller; the requester GLN must then be on the allow-list of
 * trading partners: an unknown GLN is refused with 401, a partner not allowed to verify with 403 (problem
 * documents, audited). A malformed GTIN, lot, serial, expiry or GLN is a 400 naming the parameter.
 */
@Path("vrs")
@Produces(MediaType.APPLICATION_JSON)
public class VrsResource {

  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

  @Inject VerificationBatches verification;
  @Inject TradingPartnerService partners;
  @Inject Refusals refusals;

  @GET
  @Path("verify/gtin/{gtin}/lot/{lot}/ser/{ser}")
  public Response verify(
      @PathParam("gtin") String gtin,
      @PathParam("lot") String lot,
      @PathParam("ser") String ser,
      @QueryParam("exp") String exp,
      @QueryParam("reqGLN") String reqGln,
      @QueryParam("corrUUID") String corrUuid,
      @QueryParam("context") String context) {
    VerificationRequest request = new VerificationRequest(Fields.required("gtin", gtin, Gtin::of),
        Fields.required("ser", ser, SerialNumber::of), Fields.required("lot", lot, LotNumber::of),
        Fields.optional("exp", exp, ExpiryDate::of));
    Gln requester = Fields.required("reqGLN", reqGln, Gln::of);
    VrsAnswer answer = verification.answer(request, requester, corrUuid, context);
    Response refused = refusal(requester, answer.permission());
    if (refused != null) {
      return refused;
    }
    VerificationResult r = answer.result();
    Verdict v = r.verdict();
    JsonObjectBuilder data = Jsonp.JSON.createObjectBuilder().add("verified", v.verified());
    if (!v.verified()) {
      data.add("verificationFailureReason", v.reason().vrsFailureReason());
      if (v.reason().vrsAdditionalInfo() != null) {
        data.add("additionalInfo", v.reason().vrsAdditionalInfo());
      }
    }
    JsonObjectBuilder body = Jsonp.JSON.createObjectBuilder()
        .add("verificationTimestamp", TIMESTAMP.format(r.at()))
        .add("responderGLN", VerificationService.responder().value());
    if (corrUuid != null) {
      body.add("corrUUID", corrUuid);
    }
    body.add("data", data);
    return Response.ok(body.build().toString(), MediaType.APPLICATION_JSON_TYPE).build();
  }

  @GET
  @Path("checkConnectivity")
  public Response checkConnectivity(@QueryParam("reqGLN") String reqGln, @QueryParam("corrUUID") String corrUuid) {
    if (reqGln != null) {
      Gln requester = Fields.required("reqGLN", reqGln, Gln::of);
      Response refused = refusal(requester, partners.verifyPermission(requester));
      if (refused != null) {
        return refused;
      }
    }
    JsonObjectBuilder body = Jsonp.JSON.createObjectBuilder()
        .add("responderGLN", VerificationService.responder().value())
        .add("timestamp", TIMESTAMP.format(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS)));
    if (corrUuid != null) {
      body.add("corrUUID", corrUuid);
    }
    return Response.ok(body.build().toString(), MediaType.APPLICATION_JSON_TYPE).build();
  }

  /** The refusal of a requester not on the allow-list, or null when it may verify. */
  private Response refusal(Gln requester, VerifyPermission p) {
    return switch (p) {
      case PERMITTED -> null;
      case UNKNOWN -> refusals.refuse(new ProblemDocument(401, "requester-unknown", "Unauthorized",
          "reqGLN " + requester.value() + " is not a known trading partner", "reqGLN", requester.value(), null, null));
      case NOT_PERMITTED -> refusals.refuse(new ProblemDocument(403, "requester-not-permitted", "Forbidden",
          "trading partner " + requester.value() + " is not allowed to verify product identifiers", "reqGLN",
          requester.value(), null, null));
    };
  }
}
