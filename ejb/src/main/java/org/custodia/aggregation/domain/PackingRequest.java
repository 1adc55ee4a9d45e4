package org.custodia.aggregation.domain;

import java.util.List;

/**
 * A station's report with everything the rules need: the order, the line it came from, the container
 * closed and its children as recorded (in the order scanned), the configured count and whether the
 * operator closed it as partial.
 */
public record PackingRequest(OrderFacts order, String line, ContainerLevel level, ParentState parent,
    List<ChildState> children, int configuredCount, boolean partial) {

  public PackingRequest {
    children = List.copyOf(children);
  }
}
