package org.custodia.line.application;

import java.time.OffsetDateTime;
import org.custodia.line.domain.ExceptionRecord;

/** A line exception as the API shows it. */
public record ExceptionView(long id, String type, String line, Long workOrderId, Integer sequence,
    OffsetDateTime raisedAt, String status, String detail, String resolvedBy, OffsetDateTime resolvedAt,
    String resolution) {

  static ExceptionView of(ExceptionRecord e) {
    return new ExceptionView(e.id(), e.type().name(), e.line(), e.workOrderId(), e.sequence(), e.raisedAt(),
        e.status().name(), e.detail(), e.resolvedBy(), e.resolvedAt(), e.resolution());
  }
}
