package org.custodia.line.application;

import java.util.ArrayList;
import java.util.List;
import org.custodia.line.domain.LabelData;
import org.custodia.line.domain.RejectReason;
import org.custodia.line.domain.UnitRef;

/** The test double of a packaging line: records what the loop sends, rejects and stops. */
class InMemoryLine implements LineControl {

  record Label(String line, long workOrderId, int sequence, LabelData label) {}

  record Reject(String line, UnitRef unit, RejectReason reason) {}

  final List<Label> labels = new ArrayList<>();
  final List<Reject> rejects = new ArrayList<>();
  final List<String> stops = new ArrayList<>();
  final List<String> starts = new ArrayList<>();
  final List<String> stationLabels = new ArrayList<>();
  final List<String> endRuns = new ArrayList<>();
  final List<String> packRejects = new ArrayList<>();

  @Override
  public void sendLabel(String line, long workOrderId, int unitSequence, LabelData label) {
    labels.add(new Label(line, workOrderId, unitSequence, label));
  }

  @Override
  public void reject(String line, UnitRef unit, RejectReason reason) {
    rejects.add(new Reject(line, unit, reason));
  }

  @Override
  public void rejectPack(String line, String lineRef, RejectReason reason) {
    packRejects.add(lineRef + " " + reason);
  }

  @Override
  public void stop(String line, String reason) {
    stops.add(line);
  }

  @Override
  public void start(String line) {
    starts.add(line);
  }

  @Override
  public void sendStationLabel(String line, LineAggregation.Level level, LabelData label) {
    stationLabels.add(level + " " + label.elementString());
  }

  @Override
  public void endRun(String line) {
    endRuns.add(line);
  }

  Label label(int sequence) {
    return labels.stream().filter(l -> l.sequence() == sequence).findFirst().orElseThrow();
  }
}
