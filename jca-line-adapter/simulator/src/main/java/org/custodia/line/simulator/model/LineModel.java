package org.custodia.line.simulator.model;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.custodia.line.api.AggregationScan;
import org.custodia.line.api.CameraRead;
import org.custodia.line.api.Grade;
import org.custodia.line.api.LabelData;
import org.custodia.line.api.LineMessage;
import org.custodia.line.api.LineState;
import org.custodia.line.api.LineStateChange;
import org.custodia.line.api.RejectConfirmed;
import org.custodia.line.api.Station;

/**
 * One simulated packaging line: the printer queues label data, the camera reads each printed unit
 * in turn ({@link #step}), the reject station ejects units it is told to while they are within its
 * reach, and the rest go to the case packer and on to the pallet station, which scan each full case
 * or pallet.
 *
 * <p>Every message the line reports gets the next sequence number and goes to the sink in that
 * order (under this object's lock), and is kept ({@link LineSettings#history} messages) so that it
 * can be sent again ({@link #resend}) after a client lost its connection. The defects are drawn from
 * the given random generator, so a fixed seed gives a repeatable run.
 */
public final class LineModel {

  private record Unit(String unitRef, LabelData label, String printed, boolean smeared) {}

  private final String lineId;
  private final RandomGenerator random;
  private final Clock clock;
  private final Camera camera;
  private final Consumer<LineMessage> sink;
  private final Deque<LabelData> printQueue = new ArrayDeque<>();
  private final Deque<Unit> inReach = new ArrayDeque<>();
  private final List<Unit> caseContents = new ArrayList<>();
  private final List<String> palletContents = new ArrayList<>();
  private final Deque<LabelData> caseLabels = new ArrayDeque<>();
  private final Deque<LabelData> palletLabels = new ArrayDeque<>();
  private final Deque<LineMessage> history = new ArrayDeque<>();
  private LineSettings settings;
  private LineState state = LineState.STOPPED;
  private long sequence;
  private long unitCounter;
  private long ssccCounter;
  private LabelData previousLabel;

  /**
   * A stopped line.
   *
   * @param firstSequence the sequence number of the line's first message
   */
  public LineModel(
      String lineId,
      LineSettings settings,
      long firstSequence,
      RandomGenerator random,
      Clock clock,
      Camera camera,
      Consumer<LineMessage> sink) {
    this.lineId = Objects.requireNonNull(lineId, "lineId");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.sequence = firstSequence - 1;
    this.random = random;
    this.clock = clock;
    this.camera = camera;
    this.sink = sink;
  }

  public String lineId() {
    return lineId;
  }

  public synchronized LineSettings settings() {
    return settings;
  }

  public synchronized void settings(LineSettings newSettings) {
    this.settings = Objects.requireNonNull(newSettings, "settings");
  }

  public synchronized LineState state() {
    return state;
  }

  /** The sequence number of the line's latest message. */
  public synchronized long lastSequence() {
    return sequence;
  }

  /** Label data waiting for a unit. */
  public synchronized int queued() {
    return printQueue.size();
  }

  /** The printer takes the label data of the next unit. */
  public synchronized void print(LabelData label) {
    printQueue.addLast(Objects.requireNonNull(label, "label"));
  }

  /** A station's SSCC printer takes the label of its next case or pallet. */
  public synchronized void printStationLabel(Station station, LabelData label) {
    (station == Station.CASE ? caseLabels : palletLabels).addLast(label);
  }

  public synchronized void start() {
    changeState(LineState.RUNNING);
  }

  public synchronized void stop() {
    changeState(LineState.STOPPED);
  }

  /** The line stops on a fault (simulation). */
  public synchronized void fault() {
    changeState(LineState.FAULT);
  }

  private void changeState(LineState next) {
    if (state != next) {
      state = next;
      emit(new LineStateChange(lineId, ++sequence, next, clock.instant()));
    }
  }

  /**
   * One unit passes the camera, if the line runs and label data waits: the camera reads what was
   * printed and the line reports it; the oldest unit beyond the reject window moves on to the case
   * packer.
   *
   * @return whether a unit passed
   */
  public synchronized boolean step() {
    if (state != LineState.RUNNING || printQueue.isEmpty()) {
      return false;
    }
    LabelData label = printQueue.pollFirst();
    Unit unit = printUnit(label);
    String read = camera.read(unit.printed(), unit.smeared());
    Grade grade = grade(read, unit);
    emit(new CameraRead(lineId, ++sequence, unit.unitRef(), read, grade, clock.instant(),
        "sim://" + lineId + "/" + unit.unitRef() + ".png"));
    inReach.addLast(unit);
    while (inReach.size() > settings.rejectWindow()) {
      pack(inReach.pollFirst());
    }
    return true;
  }

  private Unit printUnit(LabelData label) {
    // the line tracks each pack by the key its label data came with (the application's reference of the
    // unit), as a line controller passes the print job's ID through to the inspection result
    ++unitCounter;
    String unitRef = label.serial();
    double r = random.nextDouble();
    boolean smeared = false;
    String printed = label.elementString();
    if (r < settings.unreadableRate()) {
      smeared = true;
    } else if (r < settings.unreadableRate() + settings.wrongCodeRate()) {
      printed = altered(printed);
    } else if (r < settings.unreadableRate() + settings.wrongCodeRate() + settings.duplicateRate()
        && previousLabel != null) {
      printed = previousLabel.elementString();
    }
    previousLabel = label;
    return new Unit(unitRef, label, printed, smeared);
  }

  private Grade grade(String read, Unit unit) {
    if (read == null) {
      return Grade.F;
    }
    if (random.nextDouble() < settings.lowGradeRate()) {
      return random.nextBoolean() ? Grade.C : Grade.D;
    }
    return random.nextDouble() < 0.7 ? Grade.A : Grade.B;
  }

  /** The element string with its last character changed: a misprint that still parses. */
  static String altered(String elementString) {
    char last = elementString.charAt(elementString.length() - 1);
    char changed;
    if (Character.isDigit(last)) {
      changed = (char) ('0' + (last - '0' + 1) % 10);
    } else if (last >= 'A' && last < 'Z' || last >= 'a' && last < 'z') {
      changed = (char) (last + 1);
    } else {
      changed = last == 'Z' ? 'A' : '0';
    }
    return elementString.substring(0, elementString.length() - 1) + changed;
  }

  /**
   * The reject station ejects a unit if it is still within reach, and confirms unless this is one
   * of the confirmations it misses.
   *
   * @return whether the unit was within reach (ejected)
   */
  public synchronized boolean reject(String unitRef, String reasonCode) {
    Unit unit = inReach.stream().filter(u -> u.unitRef().equals(unitRef)).findFirst().orElse(null);
    if (unit == null) {
      return false;
    }
    inReach.remove(unit);
    if (random.nextDouble() >= settings.missedConfirmationRate()) {
      emit(new RejectConfirmed(lineId, ++sequence, unitRef, clock.instant()));
    }
    return true;
  }

  /**
   * End of a work order's run: the printer drops the labels it has not printed, everything past the camera
   * moves on to the case packer, which closes the case it holds (fewer units than a full one), and the
   * pallet station closes the pallet it holds; each is scanned and reported like a full one. Then both
   * stations drop the SSCC labels left over: they were the order's.
   */
  public synchronized void endRun() {
    printQueue.clear();
    flush();
    if (!caseContents.isEmpty()) {
      closeCase();
    }
    if (!palletContents.isEmpty()) {
      closePallet();
    }
    // the stations' labels not used belong to the order that ended
    caseLabels.clear();
    palletLabels.clear();
  }

  /** How many SSCC labels a station holds for its next cases or pallets. */
  public synchronized int stationLabels(Station station) {
    return (station == Station.CASE ? caseLabels : palletLabels).size();
  }

  /** Everything still within the reject station's reach moves on (end of a run). */
  public synchronized void flush() {
    while (!inReach.isEmpty()) {
      pack(inReach.pollFirst());
    }
  }

  private void pack(Unit unit) {
    caseContents.add(unit);
    if (caseContents.size() >= settings.unitsPerCase()) {
      closeCase();
      if (palletContents.size() >= settings.casesPerPallet()) {
        closePallet();
      }
    }
  }

  private void closeCase() {
    String sscc = stationCode(caseLabels);
    emit(new AggregationScan(lineId, ++sequence, Station.CASE, sscc,
        caseContents.stream().map(Unit::printed).toList(), clock.instant()));
    caseContents.clear();
    palletContents.add(sscc);
  }

  private void closePallet() {
    String palletSscc = stationCode(palletLabels);
    emit(new AggregationScan(lineId, ++sequence, Station.PALLET, palletSscc, List.copyOf(palletContents),
        clock.instant()));
    palletContents.clear();
  }

  private String stationCode(Deque<LabelData> labels) {
    LabelData label = labels.pollFirst();
    return label != null ? label.elementString() : "00" + sscc(settings.ssccPrefix(), ++ssccCounter);
  }

  /** An SSCC (18 digits) from an extension digit + company prefix and a serial reference. */
  static String sscc(String prefix, long serialReference) {
    int width = 17 - prefix.length();
    String body = prefix + String.format("%0" + width + "d", serialReference % pow10(width));
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int digit = body.charAt(16 - i) - '0';
      sum += digit * (i % 2 == 0 ? 3 : 1);
    }
    return body + (10 - sum % 10) % 10;
  }

  private static long pow10(int n) {
    long p = 1;
    for (int i = 0; i < n; i++) {
      p *= 10;
    }
    return p;
  }

  /**
   * Sends again the kept messages from {@code fromSequence} on, in order.
   *
   * @return the first sequence number sent again; greater than asked when older ones are no longer
   *     kept, {@link #lastSequence()} + 1 when there is nothing to send
   */
  public synchronized long resend(long fromSequence) {
    long first = -1;
    for (LineMessage m : history) {
      if (m.sequence() >= fromSequence) {
        if (first < 0) {
          first = m.sequence();
        }
        sink.accept(m);
      }
    }
    return first < 0 ? sequence + 1 : first;
  }

  private void emit(LineMessage message) {
    history.addLast(message);
    while (history.size() > settings.history()) {
      history.pollFirst();
    }
    sink.accept(message);
  }
}
