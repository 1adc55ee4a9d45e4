package org.custodia.epcis.domain;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A capture job as the GS1 REST binding shows it: running while being processed, success false once any
 * error was found; with {@code rollback} either every event is stored or none, with {@code proceed} the
 * valid events are stored and the invalid ones reported.
 */
public record CaptureJob(
    long id,
    String captureId,
    Status status,
    boolean success,
    String errorBehaviour,
    String mediaType,
    long documentSize,
    Integer eventCount,
    Integer storedCount,
    Integer knownCount,
    List<CaptureError> errors,
    String capturedBy,
    OffsetDateTime createdAt,
    OffsetDateTime finishedAt) {

  /** Where a job is. */
  public enum Status {
    RECEIVED,
    RUNNING,
    DONE
  }

  public boolean running() {
    return status != Status.DONE;
  }
}
