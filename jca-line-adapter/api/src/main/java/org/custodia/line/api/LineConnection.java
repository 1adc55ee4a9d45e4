package org.custodia.line.api;

/**
 * Commands to one OPC UA server's lines: label data to printers, rejects, speed and start/stop.
 *
 * <p>An OPC UA method call is never rolled back on the line: the adapter takes no part in the JTA
 * transaction. A call that times out or loses the session throws {@link LineException} and the
 * connection is discarded from the pool.
 */
public interface LineConnection extends AutoCloseable {

  /** Sends the label data of one unit to the line's unit printer. */
  void sendLabel(String lineId, LabelData label) throws LineException;

  /** Sends an SSCC label to the case packer's or the pallet station's label printer. */
  void sendLabel(String lineId, Station station, LabelData label) throws LineException;

  /** Tells the reject station to eject a unit; the confirmation comes inbound. */
  void reject(String lineId, String unitRef, String reasonCode) throws LineException;

  /** Sets the line's speed in units per minute. */
  void setSpeed(String lineId, int unitsPerMinute) throws LineException;

  /** Starts the line. */
  void start(String lineId) throws LineException;

  /**
   * Ends a work order's run on the line: the printer drops the labels it has not printed, what is past the
   * camera goes on to the case packer, which closes its partial case, and the pallet station closes its
   * partial pallet; both are reported as aggregation scans.
   */
  void endRun(String lineId) throws LineException;

  /** Stops the line. */
  void stop(String lineId) throws LineException;

  /** The line's state, speed and its last inbound sequence number, read now. */
  LineStatus readLineState(String lineId) throws LineException;

  /** Returns the connection to the pool. */
  @Override
  void close();
}
