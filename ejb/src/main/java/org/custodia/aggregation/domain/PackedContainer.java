package org.custodia.aggregation.domain;

import java.time.OffsetDateTime;
import java.util.List;
import org.custodia.gs1.Sscc;

/**
 * A case or pallet the rules accepted, to be recorded with its children and its event's ID; {@code
 * allocated} tells whether its SSCC came from the pool (its row exists) or was made by the station.
 */
public record PackedContainer(Sscc sscc, ContainerLevel level, OrderFacts order, String line, boolean allocated,
    List<ChildState> children, boolean partial, OffsetDateTime packedAt, String eventId) {

  public PackedContainer {
    children = List.copyOf(children);
  }

  public long workOrderId() {
    return order.id();
  }
}
