package org.custodia.aggregation.domain;

import java.time.OffsetDateTime;
import java.util.List;
import org.custodia.gs1.Sscc;

/** A case or pallet the rules accepted, to be recorded with its children and its event's ID. */
public record PackedContainer(Sscc sscc, ContainerLevel level, long workOrderId, List<ChildState> children,
    boolean partial, OffsetDateTime packedAt, String eventId) {

  public PackedContainer {
    children = List.copyOf(children);
  }
}
