package org.custodia.serialization.domain;

import org.custodia.platform.DomainException;

/** A refusal about a serial pool: its configuration, its capacity, or a serial it did not issue. */
public class SerialPoolException extends DomainException {

  private static final long serialVersionUID = 1L;

  public SerialPoolException(Kind kind, String code, String field, Object value, String message) {
    super(kind, code, field, value, message);
  }

  static SerialPoolException invalid(String code, String field, Object value, String message) {
    return new SerialPoolException(Kind.INVALID, code, field, value, message);
  }

  static SerialPoolException conflict(String code, String field, Object value, String message) {
    return new SerialPoolException(Kind.CONFLICT, code, field, value, message);
  }
}
