package org.custodia.aggregation.domain;

import java.util.List;

/**
 * What {@link AggregationRepository#takeOver} recorded: the SSCCs of the containers, outermost first, and
 * how many links to their children.
 */
public record TakenOver(List<String> ssccs, int links) {

  public TakenOver {
    ssccs = List.copyOf(ssccs);
  }
}
