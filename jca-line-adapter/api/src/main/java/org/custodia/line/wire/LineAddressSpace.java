package org.custodia.line.wire;

/**
 * The OPC UA address space of a line server: string node IDs in the namespace {@link
 * #NAMESPACE_URI}, one object per line under {@code Objects/Lines}.
 *
 * <p>Per line {@code <line>}: the object {@code <line>} with the variables {@code <line>/State},
 * {@code <line>/Speed}, {@code <line>/Sequence} and {@code <line>/Events} (the message stream),
 * the methods {@code Start}, {@code Stop}, {@code SetSpeed(Int32)} and {@code Resend(Int64)}; the
 * components {@code <line>/Printer} (method {@code PrintLabel}), {@code <line>/Camera}, {@code
 * <line>/RejectStation} (method {@code Reject}), {@code <line>/CasePacker} and {@code
 * <line>/PalletStation} (method {@code PrintLabel} each) and {@code <line>/Simulation} (the
 * simulator's fault injection).
 */
public final class LineAddressSpace {

  /** The namespace of the line nodes. */
  public static final String NAMESPACE_URI = "urn:custodia:packaging-line";

  /** The folder under Objects that holds the lines. */
  public static final String LINES_FOLDER = "Lines";

  /** The object of the server itself (simulator only): method {@link #RESTART}. */
  public static final String SIMULATOR = "Simulator";

  /** Simulator: drop every connection and stay down for the given seconds (Int32). */
  public static final String RESTART = "Restart";

  public static final String STATE = "State";
  public static final String SPEED = "Speed";
  public static final String SEQUENCE = "Sequence";
  public static final String EVENTS = "Events";
  public static final String START = "Start";
  public static final String STOP = "Stop";
  public static final String SET_SPEED = "SetSpeed";
  /**
   * Method of a line, at the end of a work order: the printer drops the labels it has not printed, whatever
   * is past the camera goes on to the case packer, which closes its partial case, and the pallet station
   * closes its partial pallet.
   */
  public static final String END_RUN = "EndRun";
  public static final String RESEND = "Resend";
  public static final String PRINTER = "Printer";
  public static final String CAMERA = "Camera";
  public static final String REJECT_STATION = "RejectStation";
  public static final String CASE_PACKER = "CasePacker";
  public static final String PALLET_STATION = "PalletStation";
  public static final String SIMULATION = "Simulation";
  public static final String PRINT_LABEL = "PrintLabel";
  public static final String REJECT = "Reject";
  public static final String SET_DEFECT_RATES = "SetDefectRates";
  public static final String SET_MISSED_CONFIRMATION_RATE = "SetMissedConfirmationRate";

  private LineAddressSpace() {}

  /** The string node ID of a line's object. */
  public static String line(String lineId) {
    return lineId;
  }

  /** The string node ID of a line's component, variable or method, e.g. {@code line-1/State}. */
  public static String node(String lineId, String... path) {
    return lineId + "/" + String.join("/", path);
  }
}
