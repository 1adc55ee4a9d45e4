package org.custodia.line.simulator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.custodia.line.api.AggregationScan;
import org.custodia.line.api.CameraRead;
import org.custodia.line.api.Grade;
import org.custodia.line.api.LabelData;
import org.custodia.line.api.LineMessage;
import org.custodia.line.api.LineState;
import org.custodia.line.api.LineStateChange;
import org.custodia.line.api.RejectConfirmed;
import org.custodia.line.api.Station;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class LineModelTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T05:00:00Z"), ZoneOffset.UTC);
  private static final Camera CAMERA = new Camera();

  private final List<LineMessage> messages = new ArrayList<>();

  private LineModel line(LineSettings settings, long seed) {
    return new LineModel("line-1", settings, 1, new SplittableRandom(seed), CLOCK, CAMERA,
        messages::add);
  }

  private static LabelData label(int i) {
    return new LabelData("S" + i, "0109506000134352\u001D21S" + String.format("%06d", i), List.of());
  }

  private static String code(int i) {
    return label(i).elementString();
  }

  private List<CameraRead> reads() {
    return messages.stream().filter(CameraRead.class::isInstance).map(CameraRead.class::cast).toList();
  }

  private void run(LineModel line, int units) {
    line.start();
    for (int i = 0; i < units; i++) {
      line.print(label(i));
    }
    while (line.step()) {
      // every unit passes the camera
    }
  }

  @Test
  @Tag("LINE-5")
  void cameraReadsBackEveryGoodCodeInOrderWithIncreasingSequenceNumbers() {
    // given a line without defects
    LineModel line = line(LineSettings.defaults(), 1);

    // when 50 units pass
    run(line, 50);

    // then 50 reads of exactly the codes sent, in order, grades A or B, numbers one apart
    List<CameraRead> reads = reads();
    assertEquals(50, reads.size());
    for (int i = 0; i < 50; i++) {
      assertEquals(code(i), reads.get(i).elementString());
      assertTrue(reads.get(i).grade().atLeast(Grade.B));
    }
    for (int i = 1; i < messages.size(); i++) {
      assertEquals(messages.get(i - 1).sequence() + 1, messages.get(i).sequence());
    }
    assertEquals(LineState.RUNNING, ((LineStateChange) messages.get(0)).state());
  }

  @Test
  @Tag("LINE-5")
  void defectRatesWithAFixedSeedAreRepeatableAndNearTheRatesSet() {
    // given rates of 5 % unreadable, 3 % wrong, 2 % duplicate and 10 % low grade
    LineSettings settings = LineSettings.defaults().withDefects(0.05, 0.03, 0.02, 0.10);

    // when 2,000 units pass
    LineModel line = line(settings, 42);
    run(line, 2000);
    List<CameraRead> reads = reads();

    // then every read is classified by what the camera saw
    int unreadable = 0;
    int wrong = 0;
    int duplicate = 0;
    int lowGrade = 0;
    for (int i = 0; i < reads.size(); i++) {
      CameraRead r = reads.get(i);
      if (r.elementString() == null) {
        unreadable++;
        assertEquals(Grade.F, r.grade());
      } else if (i > 0 && r.elementString().equals(code(i - 1))) {
        duplicate++;
      } else if (!r.elementString().equals(code(i))) {
        wrong++;
        assertEquals(code(i).length(), r.elementString().length());
      }
      if (r.grade() == Grade.C || r.grade() == Grade.D) {
        lowGrade++;
      }
    }
    assertEquals(2000, reads.size());
    assertTrue(unreadable > 60 && unreadable < 140, "unreadable " + unreadable);
    assertTrue(wrong > 30 && wrong < 90, "wrong " + wrong);
    assertTrue(duplicate > 15 && duplicate < 65, "duplicate " + duplicate);
    assertTrue(lowGrade > 130 && lowGrade < 270, "low grade " + lowGrade);

    // and the same seed gives the same run
    List<CameraRead> first = List.copyOf(reads);
    messages.clear();
    run(line(settings, 42), 2000);
    assertEquals(first.stream().map(CameraRead::elementString).toList(),
        reads().stream().map(CameraRead::elementString).toList());
  }

  @Test
  @Tag("LINE-3")
  void aRejectWithinReachIsConfirmedAndTheUnitLeavesTheLine() {
    // given a line with units past the camera
    LineModel line = line(LineSettings.defaults().withAggregation(5, 2), 1);
    run(line, 3);
    String unitRef = reads().get(1).unitRef();

    // when the second is rejected
    boolean inReach = line.reject(unitRef, "UNREADABLE");

    // then it is confirmed with the next sequence number and is not packed
    assertTrue(inReach);
    RejectConfirmed confirmed = (RejectConfirmed) messages.get(messages.size() - 1);
    assertEquals(unitRef, confirmed.unitRef());
    assertEquals(messages.get(messages.size() - 2).sequence() + 1, confirmed.sequence());
    for (int i = 3; i < 6; i++) {
      line.print(label(i));
    }
    while (line.step()) {
      // on
    }
    line.flush();
    AggregationScan scan = messages.stream().filter(AggregationScan.class::isInstance)
        .map(AggregationScan.class::cast).findFirst().orElseThrow();
    assertEquals(List.of(code(0), code(2), code(3), code(4), code(5)), scan.childCodes());
  }

  @Test
  @Tag("LINE-3")
  void missedConfirmationsAndRejectsOutOfReachAreNotConfirmed() {
    // given a station that misses every confirmation
    LineModel line = line(LineSettings.defaults().withMissedConfirmations(1.0), 1);
    run(line, 20);
    int before = messages.size();

    // when a unit within reach and one long gone are rejected
    boolean latest = line.reject(reads().get(19).unitRef(), "WRONG_CODE");
    boolean gone = line.reject(reads().get(0).unitRef(), "WRONG_CODE");

    // then the first is ejected without confirmation, the second cannot be
    assertTrue(latest);
    assertFalse(gone);
    assertEquals(before, messages.size());
  }

  @Test
  @Tag("LINE-5")
  void casePackerAndPalletStationScanFullCasesAndPallets() {
    // given 6 units a case, 3 cases a pallet, a case label sent by the application
    LineModel line = line(LineSettings.defaults().withAggregation(6, 3), 1);
    line.printStationLabel(Station.CASE,
        new LabelData("SSCC1", "00095060000000000017", List.of()));

    // when 40 units pass and leave the reject station's reach
    run(line, 40);
    line.flush();

    // then 6 full cases (4 units wait for the seventh) and 2 pallets
    List<AggregationScan> scans = messages.stream().filter(AggregationScan.class::isInstance)
        .map(AggregationScan.class::cast).toList();
    List<AggregationScan> cases = scans.stream().filter(s -> s.station() == Station.CASE).toList();
    List<AggregationScan> pallets = scans.stream().filter(s -> s.station() == Station.PALLET).toList();
    assertEquals(6, cases.size());
    assertEquals(2, pallets.size());
    cases.forEach(c -> assertEquals(6, c.childCodes().size()));
    assertEquals("00095060000000000017", cases.get(0).parentCode());
    assertEquals(List.of(cases.get(0).parentCode(), cases.get(1).parentCode(),
        cases.get(2).parentCode()), pallets.get(0).childCodes());
    assertTrue(cases.get(1).parentCode().matches("00[0-9]{18}"));
    assertEquals(code(6), cases.get(1).childCodes().get(0));
  }

  @Test
  void ssccsCarryTheirCheckDigit() {
    // GS1 General Specifications example: 0 0614141 123456789 check digit 0
    assertEquals("106141411234567897", LineModel.sscc("10614141", 123456789));
    assertEquals("006141411234567890", LineModel.sscc("00614141", 123456789));
  }

  @Test
  @Tag("LINE-4")
  void resendRepeatsKeptMessagesFromTheNumberAskedAndSaysWhereItStarts() {
    // given a line that kept only its last 10 messages
    LineSettings settings = new LineSettings(400, 0, 0, 0, 0, 0, 8, 100, 4, "09506000", 10);
    LineModel line = line(settings, 1);
    run(line, 30);
    long last = line.lastSequence();
    messages.clear();

    // when asked from 5 messages back, then from long ago
    long from = line.resend(last - 4);
    List<Long> resent = messages.stream().map(LineMessage::sequence).toList();
    messages.clear();
    long oldest = line.resend(1);

    // then the 5 come again in order; from long ago it starts at the oldest kept
    assertEquals(last - 4, from);
    assertEquals(List.of(last - 4, last - 3, last - 2, last - 1, last), resent);
    assertEquals(last - 9, oldest);
    assertEquals(10, messages.size());
    assertEquals(last + 1, line.resend(last + 1));
  }

  @Test
  void aStoppedLineReadsNothing() {
    LineModel line = line(LineSettings.defaults(), 1);
    line.print(label(1));
    assertFalse(line.step());
    assertEquals(1, line.queued());
    assertNull(messages.isEmpty() ? null : messages.get(0));
  }

  @Test
  void aMisprintChangesOnlyTheLastCharacter() {
    assertEquals("21AB1", LineModel.altered("21AB0"));
    assertEquals("21A0", LineModel.altered("21A9"));
    assertEquals("21AC", LineModel.altered("21AB"));
    assertNotEquals("21AZ", LineModel.altered("21AZ"));
  }

  @Test
  @Tag("AGG-3")
  @Tag("LINE-5")
  void theEndOfARunDropsUnprintedLabelsAndClosesThePartialCaseAndPallet() {
    // given 25 units past the camera (10 per case, 4 cases per pallet, 8 within the reject station's reach)
    // and 5 labels still waiting at the printer
    LineModel line = line(LineSettings.defaults(), 1);
    run(line, 25);
    line.stop();
    for (int i = 25; i < 30; i++) {
      line.print(label(i));
    }

    // and the stations hold SSCC labels: one more case label than the run needs
    for (int i = 0; i < 4; i++) {
      line.printStationLabel(Station.CASE, new LabelData("C" + i, "00" + String.format("%018d", i), List.of()));
    }

    // when the run ends
    line.endRun();

    // then the printer is empty and every unit read is in a case: 10 + 10 + 5, on one pallet of 3 cases
    assertEquals(0, line.queued());
    List<AggregationScan> scans = messages.stream().filter(AggregationScan.class::isInstance)
        .map(AggregationScan.class::cast).toList();
    assertEquals(List.of(Station.CASE, Station.CASE, Station.CASE, Station.PALLET),
        scans.stream().map(AggregationScan::station).toList());
    assertEquals(List.of(10, 10, 5, 3), scans.stream().map(a -> a.childCodes().size()).toList());
    assertEquals(List.of(scans.get(0).parentCode(), scans.get(1).parentCode(), scans.get(2).parentCode()),
        scans.get(3).childCodes());
    assertEquals(code(24), scans.get(2).childCodes().get(4));
    assertEquals("00" + String.format("%018d", 1), scans.get(2).parentCode(), "the partial case took a label");
    assertEquals(0, line.stationLabels(Station.CASE), "the label left over is dropped with the run");
  }
}
