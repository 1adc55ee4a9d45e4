package org.custodia.compliance.domain;

import org.custodia.platform.DomainException;

/**
 * A DSCSA document that cannot be made as asked: an unknown sender or receiver, a product or location
 * without the master data the GS1 US guideline requires, or a query that matches no events or too many.
 */
public class DscsaException extends DomainException {

  private static final long serialVersionUID = 1L;

  public DscsaException(Kind kind, String code, String field, Object value, String message) {
    super(kind, code, field, value, message);
  }
}
