package org.custodia.line.infrastructure.line;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.logging.Logger;
import org.custodia.line.application.LineControl;
import org.custodia.line.domain.LabelData;
import org.custodia.line.domain.RejectReason;
import org.custodia.line.domain.UnitRef;

/**
 * The LineControl bound in the server until the OPC UA adapter (jca-line-adapter) is wired: it reaches no
 * printer, reject station or line, and only records the last 1,000 commands (and logs them at FINE). No
 * camera read ever follows, so work orders run up to their window of printed units and stay there; the
 * adapter-backed implementation replaces this bean by being a CDI {@code @Alternative} with a
 * {@code @Priority} (or by this class being removed).
 */
@ApplicationScoped
public class RecordingLineControl implements LineControl {

  private static final Logger LOG = Logger.getLogger(RecordingLineControl.class.getName());
  private static final int KEEP = 1000;

  private final Deque<String> commands = new ArrayDeque<>();

  @Override
  public void sendLabel(String line, long workOrderId, int unitSequence, LabelData label) {
    record("label " + line + " WO-" + workOrderId + "#" + unitSequence + " " + label.elementString());
  }

  @Override
  public void reject(String line, UnitRef unit, RejectReason reason) {
    record("reject " + line + " " + unit + " " + reason);
  }

  @Override
  public void rejectPack(String line, String lineRef, RejectReason reason) {
    record("reject " + line + " " + lineRef + " " + reason);
  }

  @Override
  public void stop(String line, String reason) {
    record("stop " + line + ": " + reason);
  }

  @Override
  public void start(String line) {
    record("start " + line);
  }

  @Override
  public void sendStationLabel(String line, org.custodia.line.application.LineAggregation.Level level,
      LabelData label) {
    record("label " + line + " " + level + " " + label.elementString());
  }

  @Override
  public void endRun(String line) {
    record("end run " + line);
  }

  /** The commands recorded, oldest first. */
  public synchronized List<String> commands() {
    return new ArrayList<>(commands);
  }

  private synchronized void record(String command) {
    if (commands.size() == KEEP) {
      commands.removeFirst();
    }
    commands.addLast(command);
    LOG.fine(command);
  }
}
