package org.custodia.exceptions.domain;

import org.custodia.platform.DomainException;

/** A refused action on a supply-chain exception: an unknown id, a second resolution, a missing root cause. */
public class SupplyExceptionError extends DomainException {

  private static final long serialVersionUID = 1L;

  public SupplyExceptionError(Kind kind, String code, String field, Object value, String message) {
    super(kind, code, field, value, message);
  }

  static String fit(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (v.length() > max) {
      throw new SupplyExceptionError(Kind.INVALID, "invalid-field", field, v,
          "field \"" + field + "\" is longer than " + max + " characters");
    }
    return v;
  }
}
