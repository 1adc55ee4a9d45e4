package org.custodia.line.infrastructure.monitor;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.custodia.line.application.LineActivity.Read;

/**
 * One line's recent activity. Every method holds the tracker's lock for a few field updates only; the
 * reads per second of one line never wait on another line.
 */
final class LineTracker {

  private static final int SECONDS = 60;

  final String line;
  private final int history;
  private final int stateHistory;
  private final ArrayDeque<Read> reads;
  private final ArrayDeque<Read> rejects;
  private final ArrayDeque<LineSnapshot.StateChange> stateChanges;
  /** Reads per second of the last minute: the count of second {@code second[i]} is {@code count[i]}. */
  private final long[] second = new long[SECONDS];
  private final int[] count = new int[SECONDS];
  private final Map<String, Integer> rejectReasons = new TreeMap<>();
  private String state;
  private Instant stateSince;
  private long workOrderId;
  private int readCount;
  private int goodCount;
  private int rejectCount;
  private long version;
  private long exceptionsVersion;

  /** Whether a signal is scheduled and not yet sent (coalescing, see {@link LineMonitor}). */
  boolean pending;
  /** When the last signal was sent, null before the first. */
  Instant lastSignal;

  LineTracker(String line, int history, int stateHistory) {
    this.line = line;
    this.history = history;
    this.stateHistory = stateHistory;
    this.reads = new ArrayDeque<>(history);
    this.rejects = new ArrayDeque<>(history);
    this.stateChanges = new ArrayDeque<>(stateHistory);
    Arrays.fill(second, Long.MIN_VALUE);
  }

  synchronized void read(Read r, Instant now) {
    if (r.workOrderId() != 0 && r.workOrderId() != workOrderId) {
      newOrder(r.workOrderId());
    }
    push(reads, r, history);
    readCount++;
    if (LineSnapshot.GOOD.equals(r.outcome())) {
      goodCount++;
    } else {
      push(rejects, r, history);
      rejectCount++;
      rejectReasons.merge(r.outcome() == null ? "UNKNOWN" : r.outcome(), 1, Integer::sum);
    }
    long s = now.getEpochSecond();
    int i = (int) Math.floorMod(s, (long) SECONDS);
    if (second[i] != s) {
      second[i] = s;
      count[i] = 0;
    }
    count[i]++;
    version++;
  }

  /** Counts stay with the order of the reads: another order changing (created, closed) does not reset them. */
  synchronized void workOrderChanged(long id) {
    version++;
  }

  synchronized void exceptionChanged() {
    exceptionsVersion++;
    version++;
  }

  synchronized void state(String newState, Instant at) {
    if (!newState.equals(state)) {
      state = newState;
      stateSince = at;
      push(stateChanges, new LineSnapshot.StateChange(newState, at), stateHistory);
    }
    version++;
  }

  synchronized LineSnapshot snapshot(Instant now) {
    return new LineSnapshot(line, state, stateSince, unitsPerMinute(now), workOrderId, List.copyOf(reads),
        List.copyOf(rejects), readCount, goodCount, rejectCount,
        Collections.unmodifiableMap(new TreeMap<>(rejectReasons)), List.copyOf(stateChanges), version,
        exceptionsVersion);
  }

  /** Reads in the minute up to {@code now}, in whole seconds: the current second and the 59 before. */
  private int unitsPerMinute(Instant now) {
    long s = now.getEpochSecond();
    int sum = 0;
    for (int i = 0; i < SECONDS; i++) {
      if (second[i] <= s && second[i] > s - SECONDS) {
        sum += count[i];
      }
    }
    return sum;
  }

  private void newOrder(long id) {
    workOrderId = id;
    readCount = 0;
    goodCount = 0;
    rejectCount = 0;
    rejectReasons.clear();
  }

  /** Adds newest first, dropping the oldest beyond {@code limit}. */
  private static <T> void push(ArrayDeque<T> deque, T item, int limit) {
    deque.addFirst(item);
    while (deque.size() > limit) {
      deque.removeLast();
    }
  }

  @Override
  public String toString() {
    return "LineTracker[" + line + "]";
  }
}
