package org.custodia.lifecycle.domain;

import org.custodia.platform.DomainException;

/** A pack or batch state request refused as a whole, naming the field and value at fault. */
public class PackStateException extends DomainException {

  private static final long serialVersionUID = 1L;

  public PackStateException(Kind kind, String code, String field, Object value, String message) {
    super(kind, code, field, value, message);
  }
}
