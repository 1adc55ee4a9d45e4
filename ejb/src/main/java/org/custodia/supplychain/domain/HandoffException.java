package org.custodia.supplychain.domain;

import org.custodia.platform.DomainException;

/** A refused shipment, receipt or return, naming the field and value at fault. */
public class HandoffException extends DomainException {

  private static final long serialVersionUID = 1L;

  public HandoffException(Kind kind, String code, String field, Object value, String message) {
    super(kind, code, field, value, message);
  }

  /** A 400 refusal. */
  public static HandoffException invalid(String code, String field, Object value, String message) {
    return new HandoffException(Kind.INVALID, code, field, value, message);
  }

  /** A 409 refusal: the request is well formed but the objects' state forbids it. */
  public static HandoffException conflict(String code, String field, Object value, String message) {
    return new HandoffException(Kind.CONFLICT, code, field, value, message);
  }
}
