package org.custodia.line.infrastructure.line;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs each line's commands one at a time, in the order they were handed over, on an executor's threads,
 * so that whoever hands them over does not wait for them. The work order loop sends a transaction's labels
 * and rejects after it commits, on the committing thread; the line bean's transactions run back to back on
 * the adapter's delivery thread, so each OPC UA round trip there (tens of milliseconds under load) held back
 * the next transaction and every read waiting for it. Different lines' commands run side by side.
 *
 * <p>A command that fails is logged and the next one runs. When the executor refuses work (the application
 * stops), the commands run on the caller's thread instead, still in order: none is dropped.
 */
final class LineCommandQueues {

  private static final Logger LOG = Logger.getLogger(LineCommandQueues.class.getName());

  private final Executor executor;
  private final Map<String, LineQueue> lines = new ConcurrentHashMap<>();

  LineCommandQueues(Executor executor) {
    this.executor = executor;
  }

  /** Runs {@code command} after the line's earlier commands, on the executor. */
  void submit(String line, Runnable command) {
    LineQueue queue = lines.computeIfAbsent(line, id -> new LineQueue(id, executor));
    queue.commands.add(command);
    queue.drainIfIdle();
  }

  /** How many commands of {@code line} wait or run (for tests and diagnostics). */
  int pending(String line) {
    LineQueue queue = lines.get(line);
    return queue == null ? 0 : queue.commands.size();
  }

  private static final class LineQueue {
    final String line;
    final Executor executor;
    final Queue<Runnable> commands = new ConcurrentLinkedQueue<>();
    /** A drain is scheduled or running; only its owner takes commands off the queue. */
    final AtomicBoolean draining = new AtomicBoolean();

    LineQueue(String line, Executor executor) {
      this.line = line;
      this.executor = executor;
    }

    void drainIfIdle() {
      if (!draining.compareAndSet(false, true)) {
        return;
      }
      try {
        executor.execute(this::drain);
      } catch (RejectedExecutionException e) {
        drain();
      }
    }

    private void drain() {
      boolean ended = false;
      try {
        while (true) {
          Runnable command;
          while ((command = commands.peek()) != null) {
            try {
              command.run();
            } catch (RuntimeException e) {
              LOG.log(Level.WARNING, "line " + line + ": a command failed: " + e.getMessage(), e);
            } finally {
              commands.poll();
            }
          }
          draining.set(false);
          // a command added after the last peek, whose submitter saw the drain still running, is ours again
          if (commands.isEmpty() || !draining.compareAndSet(false, true)) {
            ended = true;
            return;
          }
        }
      } finally {
        if (!ended) {
          // an Error left a command: the drain is over, and the commands after it get a new one
          draining.set(false);
          if (!commands.isEmpty()) {
            drainIfIdle();
          }
        }
      }
    }
  }
}
