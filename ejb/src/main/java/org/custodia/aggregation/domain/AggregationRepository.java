package org.custodia.aggregation.domain;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custodia.gs1.Gln;
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

  /** The children as recorded, in the order given; a unit is recorded when commissioned here. */
  default List<ChildState> children(List<ChildId> ids) {
    return children(ids, false);
  }

  /**
   * The children as recorded, in the order given; with {@code othersUnits}, a unit another party
   * commissioned is recorded too when the EPCIS repository knows it (a distribution point repacks what its
   * suppliers made; a line packs only what it commissioned).
   */
  List<ChildState> children(List<ChildId> ids, boolean othersUnits);

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

  // ---- at a distribution point (AGG-2) ----

  /**
   * The container of an SSCC with its current children, locked until the transaction ends ({@link
   * ContainerState#unknown} when none).
   */
  ContainerState container(Sscc sscc);

  /**
   * Takes over a case or pallet another party made, known here only from the EPCIS repository (its
   * AggregationEvents, captured or received): records the outermost container it is in, and every container
   * inside that one, with their children as the repository's object state has them, each link dated by the
   * event that made it, the containers PACKED under the EPC their events name them by. Empty when the
   * repository knows no contents of the SSCC (nothing is recorded). Throws {@link AggregationException} when
   * that containment cannot be recorded here ({@code mixed-container}, {@code nesting-too-deep}, {@code
   * unsupported-child}, {@code containment-mismatch} when this system's records place a child elsewhere,
   * {@code container-changed} when another transaction recorded it first).
   */
  Optional<TakenOver> takeOver(Sscc sscc, OffsetDateTime at);

  /** The repository's state ({@code active}, {@code in_transit}…) of those of {@code epcs} it knows. */
  Map<String, String> objectStatus(Collection<String> epcs);

  /**
   * Takes one SSCC from the pool of the company prefix that begins the site's GLN, under a row lock, and
   * records it as an (empty) container of {@code level} of that site, not bound to a work order. Throws
   * {@link AggregationException} {@code no-sscc-pool} or {@code sscc-pool-exhausted}.
   */
  Sscc allocateAt(Gln site, ContainerLevel level, OffsetDateTime at);

  /**
   * Links the children to the container; a container allocated just now becomes PACKED (with the GTIN and
   * lot given), one closed before becomes OPEN. Throws {@link AggregationException} {@code child-has-parent}
   * when another transaction linked a child first.
   */
  void add(Addition addition, String gtin, String lot);

  /**
   * Ends the children's links to the container, keeping each in the history; the container becomes OPEN.
   * Throws {@link AggregationException} {@code not-a-child} when another transaction took a child out first.
   */
  void remove(Removal removal);

  /** Every containment of the container, current and ended, oldest first. */
  List<LinkRecord> history(Sscc sscc);
}
