package org.custodia.platform.interfaces.rest;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custodia.gs1.Gs1Exception;
import org.custodia.platform.DomainException;

/** One mapper per exception family, each answering an RFC 9457 problem document. */
public final class ProblemMappers {

  private ProblemMappers() {}

  /** Refusals of the domain: 400, 404 or 409 by kind. */
  @Provider
  public static class Domain implements ExceptionMapper<DomainException> {
    @Inject Refusals refusals;

    @Override
    public Response toResponse(DomainException e) {
      int status =
          switch (e.kind()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
          };
      return refusals.refuse(
          new ProblemDocument(status, e.code(), title(status), e.getMessage(), e.field(), e.value(), null, null));
    }
  }

  /** GS1 data that breaks a rule: 400 naming the AI, the value and the rule. */
  @Provider
  public static class Gs1 implements ExceptionMapper<Gs1Exception> {
    @Inject Refusals refusals;

    @Override
    public Response toResponse(Gs1Exception e) {
      return refusals.refuse(
          new ProblemDocument(400, "invalid-gs1-data", "Invalid GS1 data", e.getMessage(), null, e.value(), e.ai(), e.rule()));
    }
  }

  /** A request field that could not be read: 400 naming the field. */
  @Provider
  public static class InvalidField implements ExceptionMapper<InvalidFieldException> {
    @Inject Refusals refusals;

    @Override
    public Response toResponse(InvalidFieldException e) {
      return refusals.refuse(
          new ProblemDocument(400, "invalid-field", "Invalid request field", e.getMessage(), e.field(), e.value(), e.ai(), e.rule()));
    }
  }

  /** The caller's role does not allow the action: 403. */
  @Provider
  public static class AccessDenied implements ExceptionMapper<EJBAccessException> {
    @Inject Refusals refusals;

    @Override
    public Response toResponse(EJBAccessException e) {
      return refusals.refuse(
          new ProblemDocument(403, "forbidden", "Forbidden", "your role does not allow this action", null, null, null, null));
    }
  }

  /** A body that is not the JSON the endpoint takes: 400. */
  @Provider
  public static class UnreadableBody implements ExceptionMapper<JsonbException> {
    @Inject Refusals refusals;

    @Override
    public Response toResponse(JsonbException e) {
      return refusals.refuse(unreadable(e));
    }
  }

  /** A body the JAX-RS runtime could not read: 400. */
  @Provider
  public static class UnprocessableBody implements ExceptionMapper<ProcessingException> {
    @Inject Refusals refusals;

    @Override
    public Response toResponse(ProcessingException e) {
      return refusals.refuse(unreadable(e));
    }
  }

  /** HTTP-level refusals (404, 405, 406, 415, ...) keep their status and get a problem body. */
  @Provider
  public static class Http implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      int status = e.getResponse().getStatus();
      if (e.getCause() instanceof JsonbException || e.getCause() instanceof ProcessingException) {
        return unreadable(e.getCause()).toResponse();
      }
      return new ProblemDocument(status, "http-" + status, title(status), e.getMessage(), null, null, null, null)
          .toResponse();
    }
  }

  /** Anything unexpected: 500 with an incident id; the stack trace goes to the log, never to the caller. */
  @Provider
  public static class Unexpected implements ExceptionMapper<RuntimeException> {
    private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());

    @Override
    public Response toResponse(RuntimeException e) {
      Throwable cause = e;
      while (cause.getCause() != null && cause != cause.getCause()) {
        if (cause instanceof DomainException d) {
          return new Domain().toResponse(d);
        }
        cause = cause.getCause();
      }
      String incident = UUID.randomUUID().toString();
      LOG.log(Level.SEVERE, "Incident " + incident, e);
      return new ProblemDocument(500, "internal-error", "Internal error",
          "the request failed unexpectedly; incident " + incident + " is logged", null, null, null, null).toResponse();
    }
  }

  private static ProblemDocument unreadable(Throwable e) {
    String msg = e.getMessage() == null ? "" : e.getMessage();
    int cut = msg.indexOf('\n');
    return new ProblemDocument(400, "unreadable-body", "Unreadable request body",
        "the request body is not valid JSON for this endpoint: " + (cut > 0 ? msg.substring(0, cut) : msg),
        null, null, null, null);
  }

  static String title(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 406 -> "Not acceptable";
      case 409 -> "Conflict";
      case 413 -> "Payload too large";
      case 415 -> "Unsupported media type";
      default -> "HTTP " + status;
    };
  }
}
