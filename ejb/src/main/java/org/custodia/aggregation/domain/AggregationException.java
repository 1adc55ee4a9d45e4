package org.custodia.aggregation.domain;

import org.custodia.platform.DomainException;

/** A refusal of an aggregation request that is not a station's report: allocation, look-ups, races. */
public class AggregationException extends DomainException {

  private static final long serialVersionUID = 1L;

  public AggregationException(Kind kind, String code, String field, Object value, String message) {
    super(kind, code, field, value, message);
  }
}
