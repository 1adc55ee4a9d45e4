package org.custodia.line.infrastructure.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custodia.line.application.LineActivity.Read;
import org.custodia.platform.MovingClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("UI-1")
@Tag("UI-3")
class LineMonitorTest {

  private static final Instant T0 = Instant.parse("2026-11-27T08:00:00Z");


  /** A scheduler that keeps the tasks until the test runs them. */
  private static final class TestScheduler implements LineMonitor.Scheduler {
    final List<Runnable> tasks = new ArrayList<>();
    final List<Duration> delays = new ArrayList<>();

    @Override
    public void schedule(Runnable task, Duration delay) {
      tasks.add(task);
      delays.add(delay);
    }

    void runAll() {
      List<Runnable> now = new ArrayList<>(tasks);
      tasks.clear();
      now.forEach(Runnable::run);
    }
  }

  private MovingClock clock;
  private TestScheduler scheduler;
  private LineMonitor monitor;
  private List<String> signals;

  @BeforeEach
  void setUp() {
    clock = new MovingClock(T0);
    scheduler = new TestScheduler();
    monitor = new LineMonitor(clock, scheduler);
    signals = new ArrayList<>();
    monitor.subscribe(signals::add);
  }

  private static Read good(String line, long order, int seq) {
    return new Read(line, order, seq, "S" + seq, "01095060001343522128123121S" + seq, "A", "GOOD", T0);
  }

  private static Read reject(String line, long order, int seq, String reason) {
    return new Read(line, order, seq, "S" + seq, null, null, reason, T0);
  }

  @Test
  void countsGoodAndRejectedReadsOfTheCurrentOrderByReason() {
    // when
    monitor.read(good("line-1", 7, 1));
    monitor.read(reject("line-1", 7, 2, "UNREADABLE"));
    monitor.read(good("line-1", 7, 3));
    monitor.read(reject("line-1", 7, 4, "LOW_GRADE"));
    monitor.read(reject("line-1", 7, 5, "UNREADABLE"));

    // then
    LineSnapshot s = monitor.snapshot("line-1");
    assertEquals(7, s.workOrderId());
    assertEquals(5, s.readCount());
    assertEquals(2, s.goodCount());
    assertEquals(3, s.rejectCount());
    assertEquals(Map.of("UNREADABLE", 2, "LOW_GRADE", 1), s.rejectReasons());
    assertEquals(List.of(5, 4, 3, 2, 1), s.reads().stream().map(Read::sequence).toList(), "newest first");
    assertEquals(List.of(5, 4, 2), s.rejects().stream().map(Read::sequence).toList());
  }

  @Test
  void theReadsOfANewOrderStartItsCountsAfresh() {
    // given
    monitor.read(good("line-1", 7, 1));
    monitor.read(reject("line-1", 7, 2, "DUPLICATE"));

    // when: another order is created for the line
    monitor.workOrderChanged("line-1", 8);

    // then: the counts stay with the order being read
    assertEquals(7, monitor.snapshot("line-1").workOrderId());
    assertEquals(2, monitor.snapshot("line-1").readCount());

    // when: the new order's first read
    monitor.read(good("line-1", 8, 1));

    // then: the counts are the new order's, the lists still show what the line did
    LineSnapshot s = monitor.snapshot("line-1");
    assertEquals(8, s.workOrderId());
    assertEquals(1, s.readCount());
    assertEquals(1, s.goodCount());
    assertEquals(0, s.rejectCount());
    assertEquals(Map.of(), s.rejectReasons());
    assertEquals(3, s.reads().size());
    assertEquals(1, s.rejects().size());
  }

  @Test
  void keepsTheLatestTwentyReadsAndTwentyRejects() {
    // when: 50 reads, every other one rejected
    for (int i = 1; i <= 50; i++) {
      monitor.read(i % 2 == 0 ? reject("line-1", 7, i, "WRONG_CODE") : good("line-1", 7, i));
    }

    // then
    LineSnapshot s = monitor.snapshot("line-1");
    assertEquals(LineMonitor.HISTORY, s.reads().size());
    assertEquals(50, s.reads().get(0).sequence());
    assertEquals(31, s.reads().get(19).sequence());
    assertEquals(LineMonitor.HISTORY, s.rejects().size());
    assertEquals(50, s.rejects().get(0).sequence());
    assertEquals(12, s.rejects().get(19).sequence());
    assertEquals(50, s.readCount(), "counts are not limited by the history");
    assertEquals(25, s.rejectCount());
  }

  @Test
  void speedIsTheReadsOfTheLastMinute() {
    // given: 10 reads a second for 90 seconds
    for (int sec = 0; sec < 90; sec++) {
      for (int i = 0; i < 10; i++) {
        monitor.read(good("line-1", 7, sec * 10 + i + 1));
        clock.advance(Duration.ofMillis(100));
      }
    }
    clock.now = T0.plusSeconds(89).plusMillis(950);

    // then: the current second and the 59 before it
    assertEquals(600, monitor.snapshot("line-1").unitsPerMinute());

    // when: 30 seconds without reads
    clock.advance(Duration.ofSeconds(30));

    // then
    assertEquals(300, monitor.snapshot("line-1").unitsPerMinute());

    // when: the line stood for more than a minute
    clock.advance(Duration.ofSeconds(31));

    // then
    assertEquals(0, monitor.snapshot("line-1").unitsPerMinute());
  }

  @Test
  void aBurstOfChangesIsSignalledOnceAtOnceAndOnceAfterTheInterval() {
    // when: the first read
    monitor.read(good("line-1", 7, 1));

    // then: a signal is scheduled without delay, not sent on the caller's thread
    assertEquals(List.of(Duration.ZERO), scheduler.delays);
    assertTrue(signals.isEmpty());

    // when: 9 more reads before the executor runs
    for (int i = 2; i <= 10; i++) {
      monitor.read(good("line-1", 7, i));
    }

    // then: still one signal waiting
    assertEquals(1, scheduler.tasks.size());

    // when
    scheduler.runAll();

    // then
    assertEquals(List.of("line-1"), signals);

    // when: 100 ms later, more reads
    clock.advance(Duration.ofMillis(100));
    for (int i = 11; i <= 20; i++) {
      monitor.read(good("line-1", 7, i));
    }

    // then: one signal, held back until the interval since the last has passed
    assertEquals(1, scheduler.tasks.size());
    assertEquals(Duration.ofMillis(150), scheduler.delays.get(1));

    // when
    clock.advance(Duration.ofMillis(150));
    scheduler.runAll();

    // then
    assertEquals(List.of("line-1", "line-1"), signals);
    assertEquals(20, monitor.snapshot("line-1").readCount(), "the snapshot after the signal has every read");

    // when: a change long after
    clock.advance(Duration.ofSeconds(5));
    monitor.lineState("line-1", "STOPPED", clock.instant());

    // then: at once again
    assertEquals(Duration.ZERO, scheduler.delays.get(2));
  }

  @Test
  void linesAreSignalledIndependently() {
    // when
    monitor.read(good("line-1", 7, 1));
    monitor.read(good("line-2", 9, 1));
    monitor.read(good("line-1", 7, 2));
    monitor.exceptionChanged("line-2", 3);

    // then
    assertEquals(2, scheduler.tasks.size());
    scheduler.runAll();
    assertEquals(List.of("line-1", "line-2"), signals);
    assertEquals(1, monitor.snapshot("line-2").exceptionsVersion());
    assertEquals(0, monitor.snapshot("line-1").exceptionsVersion());
  }

  @Test
  void theLineStateAndSinceWhenChangeOnlyWithTheState() {
    // given
    Instant t1 = T0.plusSeconds(10);
    Instant t2 = T0.plusSeconds(20);
    Instant t3 = T0.plusSeconds(30);
    assertNull(monitor.snapshot("line-1").state(), "nothing reported yet");

    // when
    monitor.lineState("line-1", "RUNNING", t1);
    monitor.lineState("line-1", "RUNNING", t2);
    monitor.lineState("line-1", "FAULT", t3);

    // then
    LineSnapshot s = monitor.snapshot("line-1");
    assertEquals("FAULT", s.state());
    assertEquals(t3, s.stateSince());
    assertTrue(s.alarm());
    assertEquals(List.of(new LineSnapshot.StateChange("FAULT", t3), new LineSnapshot.StateChange("RUNNING", t1)),
        s.stateChanges());
    assertTrue(s.stateChanges().get(0).alarm());
    assertFalse(s.stateChanges().get(1).alarm());
  }

  @Test
  void aFailingListenerOrSchedulerNeverReachesTheCaller() {
    // given
    monitor.subscribe(line -> {
      throw new IllegalStateException("browser gone");
    });
    LineMonitor refusing = new LineMonitor(clock, (task, delay) -> {
      throw new IllegalStateException("executor shut down");
    });

    // when
    monitor.read(good("line-1", 7, 1));
    scheduler.runAll();
    refusing.read(good("line-1", 7, 1));
    refusing.read(good("line-1", 7, 2));

    // then: the other listener still heard, and the refused monitor still counts
    assertEquals(List.of("line-1"), signals);
    assertEquals(2, refusing.snapshot("line-1").readCount());
  }

  @Test
  void anUnknownLineHasAnEmptySnapshotAndIsNotRemembered() {
    LineSnapshot s = monitor.snapshot("line-9");
    assertEquals(0, s.readCount());
    assertTrue(s.reads().isEmpty());
    assertFalse(monitor.lines().contains("line-9"));
  }
}
