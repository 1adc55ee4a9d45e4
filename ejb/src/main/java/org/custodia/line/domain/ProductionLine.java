package org.custodia.line.domain;

import java.time.Duration;

/**
 * A configured packaging line.
 *
 * @param id the line's name in the API, e.g. {@code line-1}
 * @param windowSize how many units may be printed and not yet judged by the camera: the label data sent
 *     ahead of the camera, which the adapter paces at the line's speed
 * @param unitsPerCase how many units the case packer puts into a full case (AGG-3)
 * @param casesPerPallet how many cases make a full pallet
 * @param rejectTimeout how long a reject may wait for the reject station's confirmation (LINE-3)
 * @param stopOnUnconfirmedReject whether a missing confirmation stops the line (else it raises an
 *     exception only)
 */
public record ProductionLine(String id, String name, int windowSize, Duration rejectTimeout,
    boolean stopOnUnconfirmedReject, int unitsPerCase, int casesPerPallet) {

  /** A line whose case packer closes cases of 10 units and whose pallet station pallets of 4 cases. */
  public ProductionLine(String id, String name, int windowSize, Duration rejectTimeout,
      boolean stopOnUnconfirmedReject) {
    this(id, name, windowSize, rejectTimeout, stopOnUnconfirmedReject, 10, 4);
  }
}
