package org.custodia.line.application;

import org.custodia.line.domain.LabelData;
import org.custodia.line.domain.RejectReason;
import org.custodia.line.domain.UnitRef;

/**
 * The outbound port to a packaging line (LINE-1): what the work order loop tells printers, reject stations
 * and the line. The OPC UA adapter (jca-line-adapter) implements it; until it is wired, the server binds a
 * recording implementation that sends nothing. The inbound direction — camera reads, reject confirmations,
 * line state, aggregation scans — comes back through {@link WorkOrderService#onCameraRead} and its
 * siblings, called by the adapter's message-driven bean.
 *
 * <p>Calls are made at most once per unit and decision. {@link #sendLabel} is called only after the
 * transaction that marked the unit PRINTED committed, so a label is never printed for a serial the database
 * does not account for; the adapter paces the labels at the line's speed (the loop keeps at most the line's
 * window of units between printer and camera). {@link #reject} and {@link #stop} are called inside the
 * deciding transaction: taking a pack off or stopping the line is the safe side should it roll back.
 */
public interface LineControl {

  /**
   * Queues the label of unit {@code unitSequence} of a work order for the printer of {@code line}. The
   * camera's read of that pack is reported with the same sequence. The labels of an order reach the printer
   * in sequence even when the transactions that drew them call this out of order.
   */
  void sendLabel(String line, long workOrderId, int unitSequence, LabelData label);

  /**
   * Tells the reject station of {@code line} to take the pack of {@code unit} off; its confirmation is
   * reported through {@link WorkOrderService#onRejectConfirmed}.
   */
  void reject(String line, UnitRef unit, RejectReason reason);

  /**
   * Tells the reject station of {@code line} to take off a pack the application did not label, named by the
   * line's own reference {@code lineRef} (a read the order did not expect).
   */
  void rejectPack(String line, String lineRef, RejectReason reason);

  /** Stops {@code line} (a reject not confirmed in time, LINE-3); {@code reason} is for the operator. */
  void stop(String line, String reason);

  /** Starts {@code line}: an order started or resumed on it (called after commit). */
  void start(String line);

  /**
   * Queues the SSCC label of the next case (case packer) or pallet (pallet station) of {@code line}; the
   * station reports the case or pallet it closes under that SSCC (called after commit).
   */
  void sendStationLabel(String line, LineAggregation.Level level, LabelData label);

  /**
   * Ends the order's run on {@code line} (called after the close committed): the printer drops labels not
   * printed, and the case packer and pallet station close their partial case and pallet.
   */
  void endRun(String line);
}
