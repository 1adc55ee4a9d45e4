package org.custodia.line.api;

import java.time.Instant;
import java.util.Objects;

/**
 * The reject station confirms that it ejected a unit.
 *
 * @param lineId the line
 * @param sequence the line's sequence number
 * @param unitRef the unit ejected
 * @param timestamp when
 */
public record RejectConfirmed(String lineId, long sequence, String unitRef, Instant timestamp)
    implements LineMessage {

  /** Checks that nothing is missing. */
  public RejectConfirmed {
    Objects.requireNonNull(lineId, "lineId");
    Objects.requireNonNull(unitRef, "unitRef");
    Objects.requireNonNull(timestamp, "timestamp");
  }
}
