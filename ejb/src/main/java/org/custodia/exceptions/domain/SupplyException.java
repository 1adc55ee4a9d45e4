package org.custodia.exceptions.domain;

import java.time.OffsetDateTime;
import java.util.Objects;
import org.custodia.platform.DomainException.Kind;

/**
 * A supply-chain exception (EXC-1): raised open by a feature that met something wrong, with its type,
 * severity, the objects involved and a detail sentence; closed once, by a person, with the root cause.
 *
 * @param id the record's number, 0 before it is stored
 * @param type what kind of exception it is
 * @param severity how urgent it is
 * @param involved the unit and requester concerned
 * @param detail what happened, in one or two sentences
 * @param raisedAt when it was raised
 * @param raisedBy the user (or system identity) whose action raised it
 * @param status open or resolved
 * @param resolvedBy who resolved it, null while open
 * @param resolvedAt when it was resolved, null while open
 * @param rootCause the root cause given on resolving, null while open
 */
public record SupplyException(
    long id,
    ExceptionType type,
    Severity severity,
    Involved involved,
    String detail,
    OffsetDateTime raisedAt,
    String raisedBy,
    ExceptionStatus status,
    String resolvedBy,
    OffsetDateTime resolvedAt,
    String rootCause) {

  public SupplyException {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(status, "status");
    involved = involved == null ? Involved.NONE : involved;
    if (detail == null || detail.isBlank()) {
      throw new SupplyExceptionError(Kind.INVALID, "detail-required", "detail", detail, "an exception needs a detail text");
    }
    detail = detail.length() > 2000 ? detail.substring(0, 1997) + "..." : detail;
  }

  /** A new open exception. */
  public static SupplyException raise(
      ExceptionType type, Severity severity, Involved involved, String detail, String by, OffsetDateTime at) {
    return new SupplyException(0, type, severity, involved, detail, at, by, ExceptionStatus.OPEN, null, null, null);
  }

  /** This exception with its id. */
  public SupplyException withId(long newId) {
    return new SupplyException(newId, type, severity, involved, detail, raisedAt, raisedBy, status, resolvedBy,
        resolvedAt, rootCause);
  }

  /**
   * Closes the exception with its root cause; refused when it is already resolved or no root cause is
   * given (EXC-2: the root cause is captured on closing).
   */
  public SupplyException resolve(String by, OffsetDateTime at, String cause) {
    if (status == ExceptionStatus.RESOLVED) {
      throw new SupplyExceptionError(Kind.CONFLICT, "already-resolved", "id", id,
          "exception " + id + " was already resolved by " + resolvedBy + " at " + resolvedAt);
    }
    if (cause == null || cause.isBlank()) {
      throw new SupplyExceptionError(Kind.INVALID, "root-cause-required", "rootCause", cause,
          "field \"rootCause\" is required to resolve an exception");
    }
    String c = cause.strip();
    if (c.length() > 2000) {
      throw new SupplyExceptionError(Kind.INVALID, "invalid-field", "rootCause", c.substring(0, 40) + "...",
          "field \"rootCause\" is longer than 2000 characters");
    }
    return new SupplyException(id, type, severity, involved, detail, raisedAt, raisedBy, ExceptionStatus.RESOLVED,
        by, at, c);
  }
}
