package org.custodia.line.domain;

import java.util.List;
import java.util.Optional;

/** Where the configured lines and the line exceptions are kept. */
public interface LineRepository {

  Optional<ProductionLine> line(String id);

  /** The line, its row locked until the transaction ends: orders start on a line one at a time. */
  Optional<ProductionLine> lockLine(String id);

  List<ProductionLine> lines();

  /** Adds the line, or replaces its settings. */
  void save(ProductionLine line);

  /**
   * The line's sequence number of the last message whose processing committed (LINE-1), or -1 when none
   * was recorded.
   */
  long processedUpTo(String line);

  /**
   * Records that the message {@code sequence} of {@code line} is processed, in the caller's transaction;
   * false when a message at or after it was recorded before (a message delivered again: do not process it).
   */
  boolean markProcessed(String line, long sequence, java.time.OffsetDateTime at);

  long nextExceptionId();

  void insert(ExceptionRecord exception);

  void update(ExceptionRecord exception);

  Optional<ExceptionRecord> exception(long id);

  /** Newest first, at most {@code limit}; {@code status} null for all. */
  List<ExceptionRecord> exceptions(ExceptionRecord.Status status, Long workOrderId, int limit);

  /** Open exceptions of an order that stop its line. */
  int openStoppingExceptions(long workOrderId);
}
