package org.custodia.line.domain;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One serial of a work order and what became of it ({@link UnitStatus}): drawn (ALLOCATED), sent to the
 * printer (PRINTED), then judged by the camera — GOOD, or REJECTED with a reason and, later, the reject
 * station's confirmation — or taken as a sample, destroyed, or, never printed, returned unused.
 */
public class WorkOrderUnit {

  private final long workOrderId;
  private final int sequence;
  private final String serial;
  private final long poolId;
  private final OffsetDateTime allocatedAt;
  private UnitStatus status;
  private String reason;
  private String grade;
  private OffsetDateTime printedAt;
  private OffsetDateTime readAt;
  private OffsetDateTime decidedAt;
  private OffsetDateTime rejectConfirmedAt;

  /** Restores a stored unit. */
  public WorkOrderUnit(long workOrderId, int sequence, String serial, long poolId, UnitStatus status,
      String reason, String grade, OffsetDateTime allocatedAt, OffsetDateTime printedAt, OffsetDateTime readAt,
      OffsetDateTime decidedAt, OffsetDateTime rejectConfirmedAt) {
    this.workOrderId = workOrderId;
    this.sequence = sequence;
    this.serial = serial;
    this.poolId = poolId;
    this.status = status;
    this.reason = reason;
    this.grade = grade;
    this.allocatedAt = allocatedAt;
    this.printedAt = printedAt;
    this.readAt = readAt;
    this.decidedAt = decidedAt;
    this.rejectConfirmedAt = rejectConfirmedAt;
  }

  /** A serial just drawn from the pool for unit {@code sequence}. */
  public static WorkOrderUnit allocated(long workOrderId, int sequence, String serial, long poolId,
      OffsetDateTime now) {
    return new WorkOrderUnit(workOrderId, sequence, serial, poolId, UnitStatus.ALLOCATED, null, null, now, null,
        null, null, null);
  }

  /** ALLOCATED → PRINTED: its label data goes to the printer. */
  public void print(OffsetDateTime now) {
    require(UnitStatus.ALLOCATED);
    status = UnitStatus.PRINTED;
    printedAt = now;
  }

  /** PRINTED → GOOD: the camera read the expected code at grade C or better. */
  public void good(PrintGrade g, OffsetDateTime readTime, OffsetDateTime now) {
    require(UnitStatus.PRINTED);
    status = UnitStatus.GOOD;
    grade = g.name();
    readAt = readTime;
    decidedAt = now;
  }

  /**
   * PRINTED → REJECTED with a reason; the reject station's confirmation is awaited.
   *
   * @param ownCodeRead whether the camera read this unit's own code (so a later read of it is a duplicate)
   */
  public void reject(RejectReason why, PrintGrade g, boolean ownCodeRead, OffsetDateTime readTime,
      OffsetDateTime now) {
    require(UnitStatus.PRINTED);
    status = UnitStatus.REJECTED;
    reason = why.name();
    grade = g == null ? null : g.name();
    if (ownCodeRead) {
      readAt = readTime;
    }
    decidedAt = now;
  }

  /** Notes that this unit's code was read on another pack (so its own pack's read will be a duplicate). */
  public void codeSeen(OffsetDateTime readTime) {
    if (readAt == null) {
      readAt = readTime;
    }
  }

  /** The reject station confirmed the pack was taken off; false when there was nothing to confirm. */
  public boolean confirmReject(OffsetDateTime now) {
    if (!awaitsRejectConfirmation()) {
      return false;
    }
    rejectConfirmedAt = now;
    return true;
  }

  /** PRINTED → SAMPLED: taken off the line as a sample before the camera judged it. */
  public void sample(OffsetDateTime now) {
    require(UnitStatus.PRINTED);
    status = UnitStatus.SAMPLED;
    reason = "SAMPLE";
    decidedAt = now;
  }

  /** PRINTED or REJECTED → DESTROYED, with a reason. */
  public void destroy(String why, OffsetDateTime now) {
    require(UnitStatus.PRINTED, UnitStatus.REJECTED);
    status = UnitStatus.DESTROYED;
    reason = why;
    decidedAt = now;
  }

  /** ALLOCATED → UNUSED: never printed, returned to the pool. */
  public void unused(OffsetDateTime now) {
    require(UnitStatus.ALLOCATED);
    status = UnitStatus.UNUSED;
    reason = "NEVER_PRINTED";
    decidedAt = now;
  }

  public boolean awaitsRejectConfirmation() {
    return status == UnitStatus.REJECTED && rejectConfirmedAt == null;
  }

  /** Whether this unit's code has been read by the camera (on its own or another pack). */
  public boolean codeRead() {
    return readAt != null;
  }

  public UnitRef ref() {
    return new UnitRef(workOrderId, sequence);
  }

  private void require(UnitStatus... allowed) {
    for (UnitStatus s : allowed) {
      if (status == s) {
        return;
      }
    }
    throw WorkOrderException.conflict("invalid-unit-transition", "sequence", sequence,
        "unit " + ref() + " is " + status + "; this needs it " + List.of(allowed));
  }

  public long workOrderId() {
    return workOrderId;
  }

  public int sequence() {
    return sequence;
  }

  public String serial() {
    return serial;
  }

  public long poolId() {
    return poolId;
  }

  public UnitStatus status() {
    return status;
  }

  public String reason() {
    return reason;
  }

  public String grade() {
    return grade;
  }

  public OffsetDateTime allocatedAt() {
    return allocatedAt;
  }

  public OffsetDateTime printedAt() {
    return printedAt;
  }

  public OffsetDateTime readAt() {
    return readAt;
  }

  public OffsetDateTime decidedAt() {
    return decidedAt;
  }

  public OffsetDateTime rejectConfirmedAt() {
    return rejectConfirmedAt;
  }
}
