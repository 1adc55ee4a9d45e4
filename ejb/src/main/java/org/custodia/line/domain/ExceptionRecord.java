package org.custodia.line.domain;

import java.time.OffsetDateTime;

/**
 * A line exception as a first-class record (EXC-1): its type, the line, work order and unit, when it was
 * raised, and whether it is OPEN or RESOLVED (by whom, when, how). The general exception workflow of EXC-2
 * (severity, owner, configurable states, e-signature) will build on these records.
 */
public class ExceptionRecord {

  /** OPEN until resolved. */
  public enum Status {
    OPEN,
    RESOLVED
  }

  private final long id;
  private final ExceptionType type;
  private final String line;
  private final Long workOrderId;
  private final Integer sequence;
  private final OffsetDateTime raisedAt;
  private final String detail;
  private Status status;
  private String resolvedBy;
  private OffsetDateTime resolvedAt;
  private String resolution;

  public ExceptionRecord(long id, ExceptionType type, String line, Long workOrderId, Integer sequence,
      OffsetDateTime raisedAt, String detail, Status status, String resolvedBy, OffsetDateTime resolvedAt,
      String resolution) {
    this.id = id;
    this.type = type;
    this.line = line;
    this.workOrderId = workOrderId;
    this.sequence = sequence;
    this.raisedAt = raisedAt;
    this.detail = detail.length() > 1000 ? detail.substring(0, 1000) : detail;
    this.status = status;
    this.resolvedBy = resolvedBy;
    this.resolvedAt = resolvedAt;
    this.resolution = resolution;
  }

  /** A new OPEN exception. */
  public static ExceptionRecord raise(long id, ExceptionType type, String line, Long workOrderId,
      Integer sequence, OffsetDateTime now, String detail) {
    return new ExceptionRecord(id, type, line, workOrderId, sequence, now, detail, Status.OPEN, null, null, null);
  }

  /** OPEN → RESOLVED; a resolution text is required. */
  public void resolve(String by, String how, OffsetDateTime now) {
    if (how == null || how.isBlank()) {
      throw WorkOrderException.invalid("resolution-required", "resolution", how,
          "field \"resolution\" must say how exception " + id + " was resolved");
    }
    if (status != Status.OPEN) {
      throw WorkOrderException.conflict("exception-resolved", "id", id, "exception " + id + " is already resolved");
    }
    status = Status.RESOLVED;
    resolvedBy = by;
    resolvedAt = now;
    resolution = how.length() > 1000 ? how.substring(0, 1000) : how;
  }

  public long id() {
    return id;
  }

  public ExceptionType type() {
    return type;
  }

  public String line() {
    return line;
  }

  public Long workOrderId() {
    return workOrderId;
  }

  public Integer sequence() {
    return sequence;
  }

  public OffsetDateTime raisedAt() {
    return raisedAt;
  }

  public String detail() {
    return detail;
  }

  public Status status() {
    return status;
  }

  public String resolvedBy() {
    return resolvedBy;
  }

  public OffsetDateTime resolvedAt() {
    return resolvedAt;
  }

  public String resolution() {
    return resolution;
  }
}
