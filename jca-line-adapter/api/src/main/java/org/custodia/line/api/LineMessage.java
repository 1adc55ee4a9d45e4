package org.custodia.line.api;

import java.time.Instant;

/** What every inbound message has: the line, the line's sequence number and when it happened. */
public sealed interface LineMessage
    permits CameraRead, RejectConfirmed, LineStateChange, AggregationScan {

  /** The line ID, e.g. {@code line-1}. */
  String lineId();

  /** The line's sequence number of this message; one more than the line's previous message. */
  long sequence();

  /** When the line saw it. */
  Instant timestamp();
}
