package org.custodia.line.api;

/**
 * The message listener interface of line message-driven beans: what the lines report.
 *
 * <p>Each message carries its line ID and the line's sequence number, which increases by one with
 * every message of that line (over all four kinds). The adapter delivers each line's messages one
 * at a time and in sequence order, skips none and repeats none; a gap the line itself lost (after
 * the line's controller restarted) shows as a jump in the sequence number. An exception thrown by
 * the bean makes the adapter deliver the same message again, so that the order holds.
 */
public interface LineEventListener {

  /** The camera read a unit's printed code (or could not). */
  void onCameraRead(CameraRead read);

  /** The reject station ejected a unit it was told to reject. */
  void onRejectConfirmed(RejectConfirmed confirmation);

  /** The line's state changed, or the adapter lost or regained the connection to it. */
  void onLineState(LineStateChange change);

  /** A case packer or pallet station scanned a full case or pallet. */
  void onAggregationScan(AggregationScan scan);
}
