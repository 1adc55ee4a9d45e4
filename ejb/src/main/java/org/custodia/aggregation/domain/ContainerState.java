package org.custodia.aggregation.domain;

import java.util.List;
import org.custodia.gs1.Sscc;

/**
 * A case or pallet as recorded, for a change at a distribution point (AGG-2): its level, its row status
 * ({@code ALLOCATED}, {@code PACKED} or {@code OPEN}), the GTIN and lot it holds (null when mixed or not
 * known), the containers it is in (nearest first), the children it holds now and its state in the EPCIS
 * repository's object state (null when the repository has not seen it).
 *
 * @param recorded false when no container has this SSCC
 * @param epc the EPC its events name it by when it was taken over from another party's events (see {@link
 *     AggregationRepository#takeOver}); null for a container made here, whose EPC the registered prefixes give
 */
public record ContainerState(Sscc sscc, boolean recorded, ContainerLevel level, String status, String gtin,
    String lot, List<String> ancestors, List<ChildId> children, String objectStatus, String epc) {

  /** Status of a container whose SSCC was handed to a line but not closed yet. */
  public static final String ALLOCATED = "ALLOCATED";

  /** Status of a closed container nobody changed since. */
  public static final String PACKED = "PACKED";

  /** Status of a container whose children were changed at a distribution point. */
  public static final String OPEN = "OPEN";

  public ContainerState {
    ancestors = List.copyOf(ancestors);
    children = List.copyOf(children);
  }

  /** A container made here. */
  public ContainerState(Sscc sscc, boolean recorded, ContainerLevel level, String status, String gtin, String lot,
      List<String> ancestors, List<ChildId> children, String objectStatus) {
    this(sscc, recorded, level, status, gtin, lot, ancestors, children, objectStatus, null);
  }

  /** The same container with the repository's state of it. */
  public ContainerState withObjectStatus(String state) {
    return new ContainerState(sscc, recorded, level, status, gtin, lot, ancestors, children, state, epc);
  }

  /** No container has this SSCC. */
  public static ContainerState unknown(Sscc sscc) {
    return new ContainerState(sscc, false, null, null, null, null, List.of(), List.of(), null);
  }

  /** {@code case (00)…} or {@code pallet (00)…}. */
  public String describe() {
    return (level == null ? "container" : level.noun()) + " " + sscc.toElementString();
  }
}
