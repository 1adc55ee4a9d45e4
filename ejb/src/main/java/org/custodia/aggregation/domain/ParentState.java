package org.custodia.aggregation.domain;

import java.util.List;
import org.custodia.gs1.Sscc;

/**
 * The container a station closes, as recorded: whether its SSCC was allocated, to which order and level,
 * whether it is packed already, and the containers it is itself in (nearest first).
 *
 * @param allocated whether the SSCC came from the pool (there is a container row)
 * @param workOrderId the order it was allocated to, when allocated
 * @param level the level it was allocated for, when allocated
 * @param packed whether it was closed already
 * @param ancestors the SSCCs of the containers it is in, nearest first (empty when none)
 */
public record ParentState(Sscc sscc, boolean allocated, Long workOrderId, ContainerLevel level, boolean packed,
    List<String> ancestors) {

  public ParentState {
    ancestors = List.copyOf(ancestors);
  }

  /** An SSCC the pool never handed out. */
  public static ParentState unknown(Sscc sscc) {
    return new ParentState(sscc, false, null, null, false, List.of());
  }
}
