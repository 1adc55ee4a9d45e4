package org.custodia.aggregation.domain;

import java.time.OffsetDateTime;
import java.util.List;
import org.custodia.gs1.Sscc;

/** Children put into a container at a distribution point by one AggregationEvent ADD. */
public record Addition(Sscc parent, List<ChildState> children, OffsetDateTime at, String eventId,
    String siteGln) {

  public Addition {
    children = List.copyOf(children);
  }
}
