package org.custodia.audit.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.custodia.audit.application.AuditTrail;

/**
 * {@code GET /api/audit/verification}: verifies the whole audit trail's hash chains (AUD-1) and answers how
 * many records were checked, whether the trail is intact, and where it is broken; for auditors, QA,
 * compliance and admin.
 */
@Path("audit/verification")
public class AuditVerificationResource {

  @Inject AuditTrail audit;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public AuditTrail.ChainCheck verify() {
    return audit.verify();
  }
}
