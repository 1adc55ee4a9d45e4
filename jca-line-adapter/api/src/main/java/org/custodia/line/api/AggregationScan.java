package org.custodia.line.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A case packer or pallet station closed a case or pallet and scanned its label and contents.
 *
 * @param lineId the line
 * @param sequence the line's sequence number
 * @param station which station
 * @param parentCode the element string of the case or pallet label (an SSCC, AI 00)
 * @param childCodes the element strings of what is inside: units in a case, cases on a pallet
 * @param timestamp when
 */
public record AggregationScan(
    String lineId,
    long sequence,
    Station station,
    String parentCode,
    List<String> childCodes,
    Instant timestamp)
    implements LineMessage {

  /** Checks that nothing is missing and freezes the children. */
  public AggregationScan {
    Objects.requireNonNull(lineId, "lineId");
    Objects.requireNonNull(station, "station");
    Objects.requireNonNull(parentCode, "parentCode");
    Objects.requireNonNull(timestamp, "timestamp");
    childCodes = List.copyOf(childCodes);
  }
}
