package org.custodia.line.infrastructure.line;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends each line's unit labels in the order of their unit sequence, whichever thread hands them over
 * first. The labels of a work order are drawn in sequence under the order's row lock, but each transaction
 * sends its labels after it committed: the transaction that started an order may still be sending labels 14
 * to 16 when the next one, which the camera read of unit 1 started, already sends label 17. The printer
 * prints in the order labels arrive, so 17 would pass 14 to 16, and the loop would take them for packs the
 * camera missed (destroyed, never commissioned). Here a label that comes before its predecessor waits; the
 * thread that sends the predecessor sends it next.
 *
 * <p>A label a sender failed to deliver counts as sent (the loop settles it as a missed read). A gap that is
 * not filled within {@code gapTimeout} — a sender that never came — is given up when the next label of the
 * line arrives: the waiting labels go out in order, with a warning. The first label seen of a work order
 * sets where its sequence starts (an order's start sends its first labels before any later ones can be
 * drawn, which takes the camera's reads of them); a label of another order starts that order afresh (what
 * still waits of the old one goes first); one older than the next expected (sent again) goes out at once.
 */
final class LabelSequencer {

  private static final Logger LOG = Logger.getLogger(LabelSequencer.class.getName());

  private final Map<String, LineLabels> lines = new ConcurrentHashMap<>();
  private final Duration gapTimeout;
  private final Clock clock;

  LabelSequencer(Duration gapTimeout, Clock clock) {
    this.gapTimeout = gapTimeout;
    this.clock = clock;
  }

  /** Sends (by {@code send}) unit {@code sequence}'s label of {@code workOrder} on {@code line} in its turn. */
  void send(String line, long workOrder, int sequence, Runnable send) {
    lines.computeIfAbsent(line, LineLabels::new).send(workOrder, sequence, send);
  }

  /** How many labels of {@code line} wait for an earlier one (for tests and diagnostics). */
  int waiting(String line) {
    LineLabels l = lines.get(line);
    return l == null ? 0 : l.waitingCount();
  }

  private final class LineLabels {
    private final String line;
    private long workOrder = -1;
    private int next;
    private final TreeMap<Integer, Runnable> waiting = new TreeMap<>();
    private Instant waitingSince;

    LineLabels(String line) {
      this.line = line;
    }

    synchronized int waitingCount() {
      return waiting.size();
    }

    // sends under the line's monitor: the line's labels leave one at a time, in order
    synchronized void send(long order, int sequence, Runnable send) {
      if (order != workOrder) {
        flushWaiting();
        workOrder = order;
        next = sequence;
      }
      if (sequence < next) {
        run(send);
        return;
      }
      if (sequence > next) {
        waiting.put(sequence, send);
        if (waitingSince == null) {
          waitingSince = clock.instant();
        } else if (Duration.between(waitingSince, clock.instant()).compareTo(gapTimeout) > 0) {
          LOG.warning(() -> "line " + line + ": label " + next + " of work order " + workOrder + " did not come within "
              + gapTimeout.toMillis() + " ms; sending the " + waiting.size() + " label(s) after it");
          flushWaiting();
        }
        return;
      }
      run(send);
      next = sequence + 1;
      while (!waiting.isEmpty() && waiting.firstKey() <= next) {
        Map.Entry<Integer, Runnable> e = waiting.pollFirstEntry();
        run(e.getValue());
        next = Math.max(next, e.getKey() + 1);
      }
      waitingSince = waiting.isEmpty() ? null : clock.instant();
    }

    private void flushWaiting() {
      List<Map.Entry<Integer, Runnable>> all = new ArrayList<>(waiting.entrySet());
      waiting.clear();
      waitingSince = null;
      for (Map.Entry<Integer, Runnable> e : all) {
        run(e.getValue());
        next = Math.max(next, e.getKey() + 1);
      }
    }

    private void run(Runnable send) {
      try {
        send.run();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "line " + line + ": a label was not sent: " + e.getMessage(), e);
      }
    }
  }
}
