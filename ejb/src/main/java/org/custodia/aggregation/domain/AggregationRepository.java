package org.custodia.aggregation.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.custodia.gs1.Sscc;

/** Where SSCC pools, containers and containment are kept; calls join the caller's transaction. */
public interface AggregationRepository {

  /** The work order's line, GTIN and lot. */
  Optional<OrderFacts> order(long workOrderId);

  /** Adds the pool unless one exists for its company prefix; returns whether it was added. */
  boolean definePool(SsccPool pool);

  /**
   * Takes {@code count} SSCCs from the pool of the order's GTIN company prefix under a row lock, and records
   * them as containers of the order at {@code level} (ALLOCATED). Throws {@link AggregationException} {@code
   * no-sscc-pool} or {@code sscc-pool-exhausted}.
   */
  List<Sscc> allocate(OrderFacts order, ContainerLevel level, int count, OffsetDateTime at);

  /** The container of an SSCC as recorded, locked until the transaction ends, with the containers it is in. */
  ParentState parent(Sscc sscc);

  /** The children as recorded, in the order given. */
  List<ChildState> children(List<ChildId> ids);

  /**
   * Records a closed container (marking its allocated row packed, or adding the row of an SSCC the station
   * made) and its children's links. Throws {@link AggregationException} (rolling the
   * caller's transaction back) when another transaction closed the container or linked a child first.
   */
  void record(PackedContainer container);

  /** How many containers of the work order at {@code level} are closed. */
  int count(long workOrderId, ContainerLevel level);

  /** Every descendant of a container, parents before their children. */
  List<Content> descendants(Sscc sscc);
}
