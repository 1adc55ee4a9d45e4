package org.custodia.line.domain;

/**
 * Names one unit on a line: its work order and the sequence number its label data was sent with. The
 * line adapter tracks each pack by this reference from printer to camera to reject station.
 */
public record UnitRef(long workOrderId, int sequence) {

  @Override
  public String toString() {
    return "WO-" + workOrderId + "#" + sequence;
  }
}
