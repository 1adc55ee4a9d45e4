package org.custodia.line.api;

import java.time.Instant;
import java.util.Objects;

/**
 * What the camera read from one unit's printed code.
 *
 * @param lineId the line
 * @param sequence the line's sequence number
 * @param unitRef the line's tracking reference of the physical unit, to reject it by: the key of the
 *     label data printed on it ({@link LabelData#serial()}), so the application knows which of its units
 *     the camera saw even when the code is unreadable or wrong
 * @param elementString the GS1 element string read (GS-separated, no leading FNC1), or {@code null}
 *     when the code was unreadable
 * @param grade the print quality grade (ISO/IEC 15415 letter); {@link Grade#F} when unreadable
 * @param timestamp when the camera took the image
 * @param imageRef where the line keeps the image
 */
public record CameraRead(
    String lineId,
    long sequence,
    String unitRef,
    String elementString,
    Grade grade,
    Instant timestamp,
    String imageRef)
    implements LineMessage {

  /** Checks the fields that are always present. */
  public CameraRead {
    Objects.requireNonNull(lineId, "lineId");
    Objects.requireNonNull(unitRef, "unitRef");
    Objects.requireNonNull(grade, "grade");
    Objects.requireNonNull(timestamp, "timestamp");
  }

  /** Whether a code was read at all. */
  public boolean readable() {
    return elementString != null;
  }
}
