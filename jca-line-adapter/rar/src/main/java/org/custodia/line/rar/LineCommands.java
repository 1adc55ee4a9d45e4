package org.custodia.line.rar;

import static org.custodia.line.wire.LineAddressSpace.*;

import java.util.List;
import org.custodia.line.api.LabelData;
import org.custodia.line.api.LineException;
import org.custodia.line.api.LineState;
import org.custodia.line.api.LineStatus;
import org.custodia.line.api.Station;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UShort;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;

/**
 * The line commands as OPC UA method calls and reads on one connected client. A failure that
 * says the session or connection is gone is reported as {@link BrokenSessionException}, so that
 * the pool discards the connection.
 */
final class LineCommands {

  /** The session cannot be used any more. */
  static final class BrokenSessionException extends LineException {
    private static final long serialVersionUID = 1L;

    BrokenSessionException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final OpcUaClient client;
  private final UShort ns;

  /** For a connected client; reads the namespace index of the line nodes. */
  LineCommands(OpcUaClient client) throws UaException {
    this.client = client;
    UShort index = client.readNamespaceTable().getIndex(NAMESPACE_URI);
    if (index == null) {
      throw new UaException(StatusCodes.Bad_NotFound,
          "the server has no namespace " + NAMESPACE_URI + ": not a Custodia line server");
    }
    this.ns = index;
  }

  OpcUaClient client() {
    return client;
  }

  NodeId nodeId(String id) {
    return new NodeId(ns, id);
  }

  void sendLabel(String lineId, LabelData label) throws LineException {
    call(lineId, node(lineId, PRINTER), node(lineId, PRINTER, PRINT_LABEL), labelArgs(label));
  }

  void sendLabel(String lineId, Station station, LabelData label) throws LineException {
    String st = station == Station.CASE ? CASE_PACKER : PALLET_STATION;
    call(lineId, node(lineId, st), node(lineId, st, PRINT_LABEL), labelArgs(label));
  }

  private static Variant[] labelArgs(LabelData label) {
    return new Variant[] {
      new Variant(label.serial()),
      new Variant(label.elementString()),
      new Variant(label.humanReadable().toArray(String[]::new))
    };
  }

  void reject(String lineId, String unitRef, String reasonCode) throws LineException {
    Variant[] out = call(lineId, node(lineId, REJECT_STATION), node(lineId, REJECT_STATION, REJECT),
        new Variant[] {new Variant(unitRef), new Variant(reasonCode)});
    if (out.length > 0 && Boolean.FALSE.equals(out[0].value())) {
      throw new LineException("line " + lineId + ": unit " + unitRef
          + " is no longer within the reject station's reach");
    }
  }

  void setSpeed(String lineId, int unitsPerMinute) throws LineException {
    call(lineId, line(lineId), node(lineId, SET_SPEED), new Variant[] {new Variant(unitsPerMinute)});
  }

  void start(String lineId) throws LineException {
    call(lineId, line(lineId), node(lineId, START), new Variant[0]);
  }

  void endRun(String lineId) throws LineException {
    call(lineId, line(lineId), node(lineId, END_RUN), new Variant[0]);
  }

  void stop(String lineId) throws LineException {
    call(lineId, line(lineId), node(lineId, STOP), new Variant[0]);
  }

  /** Asks the line to send its messages again from a sequence number; the first it sends. */
  long resend(String lineId, long fromSequence) throws LineException {
    Variant[] out = call(lineId, line(lineId), node(lineId, RESEND),
        new Variant[] {new Variant(fromSequence)});
    return (Long) out[0].value();
  }

  LineStatus readLineState(String lineId) throws LineException {
    try {
      List<DataValue> values = client.readValues(0.0, TimestampsToReturn.Neither, List.of(
          nodeId(node(lineId, STATE)), nodeId(node(lineId, SPEED)), nodeId(node(lineId, SEQUENCE))));
      for (DataValue v : values) {
        if (v.statusCode() != null && v.statusCode().isBad()) {
          throw new LineException("line " + lineId + ": reading its state gave "
              + StatusCodes.lookup(v.statusCode().value()).map(a -> a[0]).orElse("" + v.statusCode()));
        }
      }
      return new LineStatus(lineId, LineState.valueOf((String) values.get(0).value().value()),
          ((Number) values.get(1).value().value()).intValue(),
          ((Number) values.get(2).value().value()).longValue());
    } catch (UaException e) {
      throw failure(lineId, "reading its state", e);
    }
  }

  private Variant[] call(String lineId, String objectId, String methodId, Variant[] in)
      throws LineException {
    try {
      CallMethodResult result = client.call(List.of(
          new CallMethodRequest(nodeId(objectId), nodeId(methodId), in))).getResults()[0];
      StatusCode status = result.getStatusCode();
      if (status.isBad()) {
        throw new LineException("line " + lineId + ": " + methodId + " refused with "
            + StatusCodes.lookup(status.value()).map(a -> a[0]).orElse(status.toString()));
      }
      Variant[] out = result.getOutputArguments();
      return out == null ? new Variant[0] : out;
    } catch (UaException e) {
      throw failure(lineId, methodId, e);
    }
  }

  private static LineException failure(String lineId, String what, UaException e) {
    String message = "line " + lineId + ": " + what + " failed: " + e.getMessage();
    long code = e.getStatusCode().value();
    if (code == StatusCodes.Bad_Timeout || code == StatusCodes.Bad_ConnectionClosed
        || code == StatusCodes.Bad_SessionClosed || code == StatusCodes.Bad_SessionIdInvalid
        || code == StatusCodes.Bad_SecureChannelClosed || code == StatusCodes.Bad_NotConnected
        || code == StatusCodes.Bad_CommunicationError || code == StatusCodes.Bad_RequestTimeout) {
      return new BrokenSessionException(message, e);
    }
    return new LineException(message, e);
  }
}
