package org.custodia.trace.domain;

import org.custodia.platform.DomainException;

/** A refused trace or recall request, naming the field and value at fault. */
public class RecallException extends DomainException {

  private static final long serialVersionUID = 1L;

  public RecallException(Kind kind, String code, String field, Object value, String message) {
    super(kind, code, field, value, message);
  }
}
