package org.custodia.line.infrastructure.monitor;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custodia.line.application.LineActivity;

/**
 * The binding of {@link LineActivity} (UI-1, UI-3): keeps per line in memory the latest reads and rejects,
 * the line state and since when, the read counts of the current order and the speed of the last minute,
 * and tells its listeners which line changed.
 *
 * <p>Reads arrive at up to 10 a second per line on the threads that committed them, so every call only
 * updates the line's tracker and, when no signal of that line is already waiting, schedules one; signals
 * run on the managed scheduled executor, never on the caller's thread, and one line is signalled at most
 * once per {@link #MIN_INTERVAL} however many changes arrive: a burst gives one signal at once and one
 * more after the interval for what came later. The listeners then read a {@link #snapshot}. Nothing here
 * throws to the caller: its transaction is already committed. The memory is lost with a restart; the
 * database stays the record (the dashboard reads orders and exceptions from it).
 */
@ApplicationScoped
public class LineMonitor implements LineActivity {

  /** How many reads and rejects are kept per line. */
  public static final int HISTORY = 20;

  /** How many line state changes are kept per line. */
  public static final int STATE_HISTORY = 10;

  /** The shortest time between two signals of one line. */
  public static final Duration MIN_INTERVAL = Duration.ofMillis(250);

  private static final Logger LOG = Logger.getLogger(LineMonitor.class.getName());

  /** Runs a task after a delay, without blocking the caller. */
  @FunctionalInterface
  interface Scheduler {
    void schedule(Runnable task, Duration delay);
  }

  @Resource ManagedScheduledExecutorService executor;

  private final Clock clock;
  private final Scheduler scheduler;
  private final Map<String, LineTracker> lines = new ConcurrentHashMap<>();
  private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

  /** For the container: the system clock and the default managed scheduled executor. */
  public LineMonitor() {
    this.clock = Clock.systemUTC();
    this.scheduler = (task, delay) -> executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
  }

  LineMonitor(Clock clock, Scheduler scheduler) {
    this.clock = clock;
    this.scheduler = scheduler;
  }

  // ---- LineActivity

  @Override
  public void read(Read read) {
    try {
      LineTracker t = tracker(read.line());
      t.read(read, clock.instant());
      changed(t);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "line monitor dropped a read: " + e.getMessage(), e);
    }
  }

  @Override
  public void workOrderChanged(String line, long workOrderId) {
    try {
      LineTracker t = tracker(line);
      t.workOrderChanged(workOrderId);
      changed(t);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "line monitor dropped an order change: " + e.getMessage(), e);
    }
  }

  @Override
  public void exceptionChanged(String line, long exceptionId) {
    try {
      LineTracker t = tracker(line);
      t.exceptionChanged();
      changed(t);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "line monitor dropped an exception change: " + e.getMessage(), e);
    }
  }

  @Override
  public void lineState(String line, String state, Instant at) {
    try {
      LineTracker t = tracker(line);
      t.state(Objects.requireNonNull(state, "state"), at == null ? clock.instant() : at);
      changed(t);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "line monitor dropped a line state: " + e.getMessage(), e);
    }
  }

  // ---- for the dashboard

  /** What is known of {@code line} now; an empty snapshot for a line nothing was heard from. */
  public LineSnapshot snapshot(String line) {
    LineTracker t = lines.get(line);
    return t == null ? LineSnapshot.empty(line) : t.snapshot(clock.instant());
  }

  /** The lines something was heard from since the server started. */
  public Set<String> lines() {
    return new TreeSet<>(lines.keySet());
  }

  /**
   * Calls {@code listener} with the line's name after the line changed, on an executor thread, at most
   * once per {@link #MIN_INTERVAL} per line; it must return quickly. Returns what unsubscribes it.
   */
  public Runnable subscribe(Consumer<String> listener) {
    listeners.add(Objects.requireNonNull(listener));
    return () -> listeners.remove(listener);
  }

  // ---- coalescing

  private LineTracker tracker(String line) {
    return lines.computeIfAbsent(Objects.requireNonNull(line, "line"),
        l -> new LineTracker(l, HISTORY, STATE_HISTORY));
  }

  private void changed(LineTracker t) {
    Duration delay;
    synchronized (t) {
      if (t.pending) {
        return;
      }
      t.pending = true;
      Instant now = clock.instant();
      delay = t.lastSignal == null ? Duration.ZERO : Duration.between(now, t.lastSignal.plus(MIN_INTERVAL));
      if (delay.isNegative()) {
        delay = Duration.ZERO;
      }
    }
    try {
      scheduler.schedule(() -> signal(t), delay);
    } catch (RuntimeException e) {
      synchronized (t) {
        t.pending = false;
      }
      LOG.log(Level.FINE, "line monitor could not schedule a signal for " + t.line, e);
    }
  }

  private void signal(LineTracker t) {
    synchronized (t) {
      t.pending = false;
      t.lastSignal = clock.instant();
    }
    for (Consumer<String> l : listeners) {
      try {
        l.accept(t.line);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "line monitor listener failed for " + t.line + ": " + e.getMessage(), e);
      }
    }
  }
}
