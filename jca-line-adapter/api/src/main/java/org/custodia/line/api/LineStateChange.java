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
 * @param report true when the adapter reports it rather than the line sending it: {@link
 *     LineState#DISCONNECTED}, and the state the adapter reads from the line on each (re)connect. A report
 *     tells what the line is in, not that it just changed: a STOPPED read at connect may predate a start
 *     command still on its way.
 */
public record LineStateChange(String lineId, long sequence, LineState state, Instant timestamp, boolean report)
    implements LineMessage {

  /** Checks that nothing is missing. */
  public LineStateChange {
    Objects.requireNonNull(lineId, "lineId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(timestamp, "timestamp");
  }

  /** A change the line itself made and sent ({@code report} false). */
  public LineStateChange(String lineId, long sequence, LineState state, Instant timestamp) {
    this(lineId, sequence, state, timestamp, false);
  }
}
