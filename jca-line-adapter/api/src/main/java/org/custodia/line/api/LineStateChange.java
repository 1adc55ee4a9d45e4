package org.custodia.line.api;

import java.time.Instant;
import java.util.Objects;

/**
 * The line's state changed. {@link LineState#DISCONNECTED} comes from the adapter, not the line, and
 * repeats the sequence number of the line's last message delivered (it is not a line message).
 *
 * @param lineId the line
 * @param sequence the line's sequence number
 * @param state the new state
 * @param timestamp when
 */
public record LineStateChange(String lineId, long sequence, LineState state, Instant timestamp)
    implements LineMessage {

  /** Checks that nothing is missing. */
  public LineStateChange {
    Objects.requireNonNull(lineId, "lineId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(timestamp, "timestamp");
  }
}
