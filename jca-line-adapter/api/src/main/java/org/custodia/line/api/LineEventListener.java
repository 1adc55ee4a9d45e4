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

  /**
   * Messages of one or more lines, each line's in sequence order, handled as one unit of work: one
   * transaction when the bean's delivery is transacted, so the reads that wait while the bean is busy, on
   * all lines, are committed at once instead of paying a transaction per message. The adapter hands over
   * more than one message only when more are waiting; should the call fail, it delivers the same messages
   * again one at a time. The default passes each message to its own method above, in order.
   */
  default void onMessages(java.util.List<LineMessage> messages) {
    for (LineMessage m : messages) {
      if (m instanceof CameraRead r) {
        onCameraRead(r);
      } else if (m instanceof RejectConfirmed c) {
        onRejectConfirmed(c);
      } else if (m instanceof LineStateChange s) {
        onLineState(s);
      } else if (m instanceof AggregationScan a) {
        onAggregationScan(a);
      }
    }
  }

  /**
   * The sequence number of the last message of {@code lineId} whose processing the bean has made durable,
   * or -1 when it keeps no such record. The adapter asks once per line when its activation first connects:
   * it then has the line send again everything after that number (a crash loses no message the bean had not
   * committed), or starts at the line's latest message when the answer is -1. The bean must itself
   * recognise a message it processed before, should one arrive again.
   */
  default long lastProcessed(String lineId) {
    return -1;
  }
}
