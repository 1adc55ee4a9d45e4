package org.custodia.platform.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custodia.audit.application.AuditTrail;

/**
 * Answers a refused request with its problem document and leaves an audit record of the refusal (who,
 * which request, which field and value, which rule), as REQUIREMENTS.md asks for refused data.
 */
@RequestScoped
public class Refusals {

  private static final Logger LOG = Logger.getLogger(Refusals.class.getName());

  @Inject AuditTrail audit;

  @Inject HttpServletRequest request;

  public Response refuse(ProblemDocument p) {
    String actor = request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName();
    String action = request.getMethod() + " " + request.getRequestURI();
    String detail =
        p.status() + " " + p.code() + (p.field() == null ? "" : " field=" + p.field())
            + (p.value() == null ? "" : " value=" + p.value()) + (p.ai() == null ? "" : " ai=" + p.ai())
            + (p.rule() == null ? "" : " rule=" + p.rule()) + ": " + p.detail();
    try {
      audit.refused(actor, action, "Request", null, detail);
    } catch (RuntimeException e) {
      // the refusal still reaches the caller; the failure to audit it is itself logged for follow-up
      LOG.log(Level.SEVERE, "Could not audit refusal " + detail, e);
    }
    return p.toResponse();
  }
}
