package org.custodia.audit.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.custodia.audit.application.AuditTrail;
import org.custodia.audit.domain.AuditRecord;
import org.custodia.platform.interfaces.rest.Fields;

/** {@code GET /api/audit/records?limit=&outcome=DONE|REFUSED}: the newest audit records, for auditors and QA. */
@Path("audit/records")
public class AuditResource {

  @Inject AuditTrail audit;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public List<AuditRecord> recent(
      @QueryParam("limit") @DefaultValue("50") int limit, @QueryParam("outcome") String outcome) {
    return audit.recent(limit, outcome == null ? null : Fields.enumValue("outcome", outcome, AuditTrail.Outcome.class));
  }
}
