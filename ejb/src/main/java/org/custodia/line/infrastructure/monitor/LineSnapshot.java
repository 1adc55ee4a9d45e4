package org.custodia.line.infrastructure.monitor;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.custodia.line.application.LineActivity.Read;

/**
 * What the monitor knows of one line at one moment, for the dashboard; immutable.
 *
 * @param line the line
 * @param state the state the line last reported, null when it has reported none since the server started
 * @param stateSince when the line entered that state
 * @param unitsPerMinute units the camera read in the last minute (all verdicts), by the server's clock
 * @param workOrderId the order of the latest read, 0 when none was seen
 * @param reads the latest reads, newest first (at most {@link LineMonitor#HISTORY})
 * @param rejects the latest rejected reads, newest first (at most {@link LineMonitor#HISTORY})
 * @param readCount reads of {@code workOrderId} seen by this server since it started
 * @param goodCount of which good
 * @param rejectCount of which rejected
 * @param rejectReasons rejected reads of {@code workOrderId} by reason, in reason order
 * @param stateChanges the latest changes of the line state, newest first (at most {@link
 *     LineMonitor#STATE_HISTORY})
 * @param version grows with every change of the line
 * @param exceptionsVersion grows with every raised or resolved line exception of the line
 */
public record LineSnapshot(String line, String state, Instant stateSince, int unitsPerMinute, long workOrderId,
    List<Read> reads, List<Read> rejects, int readCount, int goodCount, int rejectCount,
    Map<String, Integer> rejectReasons, List<StateChange> stateChanges, long version, long exceptionsVersion) {

  /** The outcome of a good read; any other outcome is a reject reason. */
  public static final String GOOD = "GOOD";

  /** States that are alarms for the operator. */
  public static final List<String> ALARM_STATES = List.of("FAULT", "DISCONNECTED");

  /** A reported change of the line state. */
  public record StateChange(String state, Instant at) {

    public boolean alarm() {
      return ALARM_STATES.contains(state);
    }
  }

  /** Whether the line is in an alarm state now. */
  public boolean alarm() {
    return state != null && ALARM_STATES.contains(state);
  }

  static LineSnapshot empty(String line) {
    return new LineSnapshot(line, null, null, 0, 0, List.of(), List.of(), 0, 0, 0, Map.of(), List.of(), 0, 0);
  }
}
