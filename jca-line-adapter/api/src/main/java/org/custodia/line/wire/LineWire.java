package org.custodia.line.wire;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.custodia.line.api.AggregationScan;
import org.custodia.line.api.CameraRead;
import org.custodia.line.api.Grade;
import org.custodia.line.api.LineMessage;
import org.custodia.line.api.LineState;
import org.custodia.line.api.LineStateChange;
import org.custodia.line.api.RejectConfirmed;
import org.custodia.line.api.Station;

/**
 * A line message as the value of a line's {@code Events} variable: an OPC UA String array {@code
 * [kind, lineId, sequence, timestamp, fields...]}. An array needs no escaping (element strings
 * carry GS characters) and one variable per line keeps the line's messages in one ordered stream.
 * The kinds borrow OPEN-SCS event names where one fits.
 */
public final class LineWire {

  /** A camera read: {@code unitRef, elementString ("" unreadable), grade, imageRef}. */
  public static final String LABELS_INSPECTING = "LabelsInspectingEvent";

  /** A reject confirmed: {@code unitRef}. */
  public static final String LABELS_SCRAPPING = "LabelsScrappingEvent";

  /** A state change: {@code state}. */
  public static final String LINE_STATE = "LineStateEvent";

  /** An aggregation scan: {@code station, parent, children...}. */
  public static final String AGGREGATION_PACKING = "AggregationPackingEvent";

  private LineWire() {}

  /** The array form of a message. */
  public static String[] encode(LineMessage message) {
    List<String> out = new ArrayList<>();
    if (message instanceof CameraRead r) {
      head(out, LABELS_INSPECTING, r);
      out.add(r.unitRef());
      out.add(r.elementString() == null ? "" : r.elementString());
      out.add(r.grade().name());
      out.add(r.imageRef() == null ? "" : r.imageRef());
    } else if (message instanceof RejectConfirmed c) {
      head(out, LABELS_SCRAPPING, c);
      out.add(c.unitRef());
    } else if (message instanceof LineStateChange s) {
      head(out, LINE_STATE, s);
      out.add(s.state().name());
    } else if (message instanceof AggregationScan a) {
      head(out, AGGREGATION_PACKING, a);
      out.add(a.station().name());
      out.add(a.parentCode());
      out.addAll(a.childCodes());
    } else {
      throw new IllegalArgumentException("unknown line message " + message);
    }
    return out.toArray(String[]::new);
  }

  private static void head(List<String> out, String kind, LineMessage m) {
    out.add(kind);
    out.add(m.lineId());
    out.add(Long.toString(m.sequence()));
    out.add(m.timestamp().toString());
  }

  /**
   * The message of an array form.
   *
   * @throws IllegalArgumentException naming what is wrong, when it is not a line message
   */
  public static LineMessage decode(String[] value) {
    if (value == null || value.length < 5) {
      throw new IllegalArgumentException(
          "a line message has at least 5 fields, got " + Arrays.toString(value));
    }
    String line = value[1];
    long seq = Long.parseLong(value[2]);
    Instant at = Instant.parse(value[3]);
    return switch (value[0]) {
      case LABELS_INSPECTING -> {
        need(value, 8);
        yield new CameraRead(
            line,
            seq,
            value[4],
            value[5].isEmpty() ? null : value[5],
            Grade.valueOf(value[6]),
            at,
            value[7].isEmpty() ? null : value[7]);
      }
      case LABELS_SCRAPPING -> new RejectConfirmed(line, seq, value[4], at);
      case LINE_STATE -> new LineStateChange(line, seq, LineState.valueOf(value[4]), at);
      case AGGREGATION_PACKING -> {
        need(value, 6);
        yield new AggregationScan(
            line,
            seq,
            Station.valueOf(value[4]),
            value[5],
            Arrays.asList(value).subList(6, value.length),
            at);
      }
      default -> throw new IllegalArgumentException("unknown line message kind " + value[0]);
    };
  }

  private static void need(String[] value, int n) {
    if (value.length < n) {
      throw new IllegalArgumentException(
          value[0] + " has " + n + " fields, got " + Arrays.toString(value));
    }
  }
}
