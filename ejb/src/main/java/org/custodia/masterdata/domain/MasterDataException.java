package org.custodia.masterdata.domain;

import org.custodia.platform.DomainException;

/** Master data that breaks a rule, or a product or location that is not known. */
public class MasterDataException extends DomainException {

  private static final long serialVersionUID = 1L;

  public MasterDataException(Kind kind, String code, String field, Object value, String message) {
    super(kind, code, field, value, message);
  }

  static MasterDataException invalid(String field, Object value, String message) {
    return new MasterDataException(Kind.INVALID, "invalid-master-data", field, value, message);
  }

  static String required(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw invalid(field, value, "field \"" + field + "\" is required");
    }
    return optional(field, value, max);
  }

  static String optional(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (v.length() > max) {
      throw invalid(field, v, "field \"" + field + "\" is longer than " + max + " characters");
    }
    return v;
  }
}
