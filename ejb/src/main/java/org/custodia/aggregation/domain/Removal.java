package org.custodia.aggregation.domain;

import java.time.OffsetDateTime;
import java.util.List;
import org.custodia.gs1.Sscc;

/**
 * Children taken out of a container by one AggregationEvent DELETE: their links end, and are kept in the
 * history with the event, the operation ({@code UNPACK}, {@code REMOVE}, {@code REPLACE}), the site and
 * (for a replacement) the reason.
 */
public record Removal(Sscc parent, List<ChildState> children, OffsetDateTime at, String eventId, String operation,
    String siteGln, String reason) {

  public Removal {
    children = List.copyOf(children);
  }
}
