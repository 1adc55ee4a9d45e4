package org.custodia.line.infrastructure.line;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custodia.line.api.LineConnection;
import org.custodia.line.api.LineConnectionFactory;
import org.custodia.line.api.LineException;
import org.custodia.line.api.LineJndi;
import org.custodia.line.api.Station;
import org.custodia.line.application.LineAggregation;
import org.custodia.line.application.LineControl;
import org.custodia.line.domain.LabelData;
import org.custodia.line.domain.RejectReason;
import org.custodia.line.domain.UnitRef;

/**
 * The work order loop's commands to the packaging lines through the OPC UA resource adapter (LINE-1): label
 * data to the printer keyed by the unit's {@link UnitRef} (the line reports the pack by it), rejects, start
 * and stop. Selected over {@link RecordingLineControl} wherever the adapter is deployed.
 *
 * <p>A command that does not reach the line is logged and not retried here: a label that never printed
 * leaves its unit PRINTED until the camera reads a later unit or the missed-read watchdog gives it up (both
 * destroy it, never commission it); a reject that never reached the station is never confirmed, which
 * raises REJECT_NOT_CONFIRMED and stops the line (LINE-3); a lost connection is reported by the adapter as
 * DISCONNECTED and pauses the order. Labels reach each line in the order of their unit sequence ({@link
 * LabelSequencer}), though the transactions that drew them send them after they commit, on their own threads.
 * Every command goes to the line through its {@link LineCommandQueues} queue, on the default managed
 * executor's threads: the transaction that hands it over (the line bean's, on the adapter's delivery
 * thread) does not wait for the OPC UA round trip, and a line's commands keep their order.
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 10)
public class OpcUaLineControl implements LineControl {

  private static final Logger LOG = Logger.getLogger(OpcUaLineControl.class.getName());
  private static final char GS = '\u001D';

  @Resource(lookup = LineJndi.CONNECTION_FACTORY)
  LineConnectionFactory lines;

  /** Each line's labels in sequence, whichever transaction's after-commit work hands them over first. */
  private final LabelSequencer labels = new LabelSequencer(Duration.ofSeconds(5), Clock.systemUTC());

  @Resource ManagedExecutorService executor;

  /** Each line's commands, in order, off the thread that hands them over. */
  private LineCommandQueues queues;

  @PostConstruct
  void createQueues() {
    queues = new LineCommandQueues(executor);
  }

  @Override
  public void sendLabel(String line, long workOrderId, int unitSequence, LabelData label) {
    String ref = new UnitRef(workOrderId, unitSequence).toString();
    org.custodia.line.api.LabelData data =
        new org.custodia.line.api.LabelData(ref, withoutLeadingFnc1(label.barcodeData()), label.humanReadable());
    labels.send(line, workOrderId, unitSequence, () -> command(line, "label " + ref, c -> c.sendLabel(line, data)));
  }

  @Override
  public void reject(String line, UnitRef unit, RejectReason reason) {
    rejectPack(line, unit.toString(), reason);
  }

  @Override
  public void rejectPack(String line, String lineRef, RejectReason reason) {
    command(line, "reject " + lineRef, c -> c.reject(line, lineRef, reason.name()));
  }

  @Override
  public void stop(String line, String reason) {
    LOG.info(() -> "stopping line " + line + ": " + reason);
    command(line, "stop", c -> c.stop(line));
  }

  @Override
  public void start(String line) {
    command(line, "start", c -> c.start(line));
  }

  @Override
  public void sendStationLabel(String line, LineAggregation.Level level, LabelData label) {
    String sscc = label.elementString().replaceAll("[^0-9]", "").substring(2);
    org.custodia.line.api.LabelData data = new org.custodia.line.api.LabelData(sscc,
        withoutLeadingFnc1(label.barcodeData()), label.humanReadable());
    Station station = level == LineAggregation.Level.CASE ? Station.CASE : Station.PALLET;
    command(line, station + " label " + sscc, c -> c.sendLabel(line, station, data));
  }

  @Override
  public void endRun(String line) {
    command(line, "end of run", c -> c.endRun(line));
  }

  /** The element string as the line's printer takes it: GS-separated, without the leading FNC1. */
  static String withoutLeadingFnc1(String barcodeData) {
    return !barcodeData.isEmpty() && barcodeData.charAt(0) == GS ? barcodeData.substring(1) : barcodeData;
  }

  private interface Command {
    void on(LineConnection c) throws LineException;
  }

  /** Hands the command to the line's queue; it reaches the line after the line's earlier commands. */
  private void command(String line, String what, Command command) {
    queues.submit(line, () -> {
      try (LineConnection c = lines.getConnection()) {
        command.on(c);
      } catch (LineException | RuntimeException e) {
        LOG.log(Level.WARNING, "line " + line + ": " + what + " did not reach the line: " + e.getMessage(), e);
      }
    });
  }
}
