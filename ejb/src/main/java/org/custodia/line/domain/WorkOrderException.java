package org.custodia.line.domain;

import org.custodia.platform.DomainException;

/** A refusal about a work order: bad data at creation, a transition its state forbids, an unknown order. */
public class WorkOrderException extends DomainException {

  private static final long serialVersionUID = 1L;

  public WorkOrderException(Kind kind, String code, String field, Object value, String message) {
    super(kind, code, field, value, message);
  }

  public static WorkOrderException invalid(String code, String field, Object value, String message) {
    return new WorkOrderException(Kind.INVALID, code, field, value, message);
  }

  public static WorkOrderException conflict(String code, String field, Object value, String message) {
    return new WorkOrderException(Kind.CONFLICT, code, field, value, message);
  }

  public static WorkOrderException notFound(String field, Object value, String message) {
    return new WorkOrderException(Kind.NOT_FOUND, "not-found", field, value, message);
  }
}
