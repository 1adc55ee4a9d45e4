package org.custodia.line.rar;

import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custodia.line.api.AggregationScan;
import org.custodia.line.api.CameraRead;
import org.custodia.line.api.LineEventListener;
import org.custodia.line.api.LineMessage;
import org.custodia.line.api.LineStateChange;
import org.custodia.line.api.RejectConfirmed;

/**
 * Delivers the messages of an activation's lines to message endpoints, each line's in order: a line is
 * taken by one delivery at a time, and its messages leave its queue only when the call that carried them
 * returned. Up to {@link #WORKERS} deliveries (Work on the container's WorkManager) run at once. Each
 * takes what is waiting on every line no other delivery holds, up to {@link #MAX_BATCH} messages: a single
 * message goes to its own listener method; several, of one line or of several, go together to {@link
 * LineEventListener#onMessages}, one transaction for all. A busy system thus commits the reads of many
 * lines at once, instead of paying a transaction (on the embedded database, a two-phase commit that writes
 * a store chunk) per read. When a call fails, the lines it carried wait the retry interval and their
 * messages up to the failed ones then go one at a time, each alone, so nothing is skipped and one bad
 * message cannot keep a batch failing.
 */
final class LineDelivery {

  private static final Logger LOG = Logger.getLogger(LineDelivery.class.getName());

  /** The most messages handed to the bean in one call; system property {@code custodia.line.max-batch}. */
  static final int MAX_BATCH = Math.max(1, Integer.getInteger("custodia.line.max-batch", 64));

  /**
   * The most deliveries running at once; system property {@code custodia.line.delivery-workers}. One on the
   * embedded default: the deliveries run back to back, so more of them make more, smaller transactions
   * (each a two-phase commit whose H2 prepare writes a store chunk), not more throughput. With four, 20 lines
   * at 600 units/min fell behind; with two they kept up with the machine 86 – 93 % busy at every level; with
   * one, 79 – 82 % busy and a lower latency (validation/pq/README.md, line-throughput). A database that
   * prepares transactions side by side (Oracle) may do better with more.
   */
  static final int WORKERS = Math.max(1, Integer.getInteger("custodia.line.delivery-workers", 1));

  /** One line's queue and delivery state; the fields but the queue are guarded by the delivery's lock. */
  private static final class Line {
    final String id;
    final ConcurrentLinkedQueue<LineMessage> queue = new ConcurrentLinkedQueue<>();
    /** A delivery holds the line. */
    boolean held;
    /** After a failure: the sequence up to which the line's messages go one at a time, alone. */
    long singlyUpTo = Long.MIN_VALUE;
    /** After a failure: not delivered before this time ({@link System#nanoTime}, whose origin is arbitrary). */
    long notBefore = System.nanoTime();

    Line(String id) {
      this.id = id;
    }
  }

  /** What one call carries: the lines it holds, with how many messages of each. */
  private static final class Batch {
    final List<LineMessage> messages = new ArrayList<>();
    final Map<Line, Integer> taken = new LinkedHashMap<>();
  }

  private final Map<String, Line> lines = new LinkedHashMap<>();
  private final List<Line> order;
  private final MessageEndpointFactory factory;
  private final WorkManager workManager;
  private final Timer timer;
  private final long retryMillis;
  private final int workers;
  private final Object lock = new Object();
  /** Deliveries scheduled or running; guarded by lock. */
  private int running;
  /** Where the next delivery starts looking, so that every line gets its turn first; guarded by lock. */
  private int start;
  private volatile boolean stopped;

  LineDelivery(List<String> lineIds, MessageEndpointFactory factory, WorkManager workManager, Timer timer,
      long retryMillis) {
    this(lineIds, factory, workManager, timer, retryMillis, WORKERS);
  }

  LineDelivery(List<String> lineIds, MessageEndpointFactory factory, WorkManager workManager, Timer timer,
      long retryMillis, int workers) {
    this.workers = Math.max(1, workers);
    for (String id : lineIds) {
      lines.put(id, new Line(id));
    }
    this.order = List.copyOf(lines.values());
    this.factory = factory;
    this.workManager = workManager;
    this.timer = timer;
    this.retryMillis = retryMillis;
  }

  void offer(LineMessage message) {
    Line line = lines.get(message.lineId());
    if (line == null) {
      throw new IllegalArgumentException("line " + message.lineId() + " is not one of " + lines.keySet());
    }
    line.queue.add(message);
    schedule();
  }

  void stop() {
    stopped = true;
  }

  private void schedule() {
    synchronized (lock) {
      if (stopped || running >= workers) {
        return;
      }
      long wait = untilReady(System.nanoTime());
      if (wait != 0) {
        // a delivery that ends with nothing ready arms the timer for a line waiting after a failure, so
        // that it is never forgotten; while others run, they call this again when they end
        if (wait > 0 && running == 0) {
          retryIn(wait / 1_000_000L + 1);
        }
        return;
      }
      running++;
    }
    try {
      workManager.scheduleWork(new Delivery());
    } catch (WorkException e) {
      synchronized (lock) {
        running--;
      }
      retryLater();
    }
  }

  /**
   * 0 when a line no delivery holds has messages it may deliver now; else the nanoseconds until the first
   * line with messages that waits after a failure may go again; -1 when no such line has messages.
   */
  private long untilReady(long now) {
    long wait = -1;
    for (Line line : order) {
      if (line.held || line.queue.isEmpty()) {
        continue;
      }
      long left = line.notBefore - now;
      if (left <= 0) {
        return 0;
      }
      wait = wait < 0 ? left : Math.min(wait, left);
    }
    return wait;
  }

  private void retryLater() {
    retryIn(retryMillis);
  }

  private void retryIn(long millis) {
    try {
      timer.schedule(new TimerTask() {
        @Override
        public void run() {
          schedule();
        }
      }, millis);
    } catch (IllegalStateException e) {
      // the timer is cancelled: the adapter stops
    }
  }

  /**
   * The messages to deliver next, without taking them off their queues: from each line no delivery holds
   * and not waiting after a failure, its first messages, the lines taken in turn; a message of a line
   * within its after-failure range goes alone.
   */
  private Batch next() {
    Batch batch = new Batch();
    long now = System.nanoTime();
    synchronized (lock) {
      int n = order.size();
      for (int i = 0; i < n && batch.messages.size() < MAX_BATCH; i++) {
        Line line = order.get((start + i) % n);
        LineMessage head = line.queue.peek();
        if (line.held || head == null || now - line.notBefore < 0) {
          continue;
        }
        if (head.sequence() <= line.singlyUpTo) {
          if (batch.messages.isEmpty()) {
            line.held = true;
            batch.messages.add(head);
            batch.taken.put(line, 1);
            break;
          }
          continue;
        }
        int count = 0;
        for (LineMessage m : line.queue) {
          if (batch.messages.size() == MAX_BATCH) {
            break;
          }
          batch.messages.add(m);
          count++;
        }
        line.held = true;
        batch.taken.put(line, count);
      }
      start = n == 0 ? 0 : (start + 1) % n;
    }
    return batch;
  }

  /** No call was made: the lines are free, their messages still first on their queues. */
  private void untouched(Batch batch) {
    synchronized (lock) {
      batch.taken.keySet().forEach(line -> line.held = false);
    }
  }

  /** The call returned: its messages leave their queues, and its lines are free. */
  private void delivered(Batch batch) {
    synchronized (lock) {
      batch.taken.forEach((line, count) -> {
        for (int i = 0; i < count; i++) {
          line.queue.poll();
        }
        line.held = false;
      });
    }
  }

  /** The call failed: its lines wait the retry interval, then go one message at a time up to the failed ones. */
  private void failed(Batch batch) {
    long notBefore = System.nanoTime() + retryMillis * 1_000_000L;
    synchronized (lock) {
      int index = 0;
      for (Map.Entry<Line, Integer> e : batch.taken.entrySet()) {
        Line line = e.getKey();
        index += e.getValue();
        line.singlyUpTo = Math.max(line.singlyUpTo, batch.messages.get(index - 1).sequence());
        line.notBefore = notBefore;
        line.held = false;
      }
    }
  }

  /** One delivery: takes batches and hands them to one endpoint until nothing is ready or a call fails. */
  private final class Delivery implements Work {

    @Override
    public void run() {
      boolean noEndpoint = false;
      MessageEndpoint endpoint = null;
      try {
        Batch batch;
        while (!stopped && !(batch = next()).messages.isEmpty()) {
          if (endpoint == null) {
            try {
              endpoint = factory.createEndpoint(null);
            } catch (Exception e) {
              untouched(batch);
              LOG.log(Level.WARNING, "no message endpoint; trying again in " + retryMillis + " ms", e);
              noEndpoint = true;
              break;
            }
          }
          try {
            deliver((LineEventListener) endpoint, batch.messages);
            delivered(batch);
          } catch (RuntimeException e) {
            failed(batch);
            LineMessage first = batch.messages.get(0);
            LOG.log(Level.WARNING, "lines " + batch.taken.keySet().stream().map(l -> l.id).toList()
                + ": the bean failed on " + batch.messages.size() + " message(s) from " + first.lineId() + " "
                + first.sequence() + "; delivering again in " + retryMillis + " ms", e);
            // a new endpoint for what comes next; the failed lines wait (schedule arms the timer for them)
            break;
          }
        }
      } finally {
        if (endpoint != null) {
          endpoint.release();
        }
        synchronized (lock) {
          running--;
        }
        if (noEndpoint) {
          retryLater();
        } else {
          schedule();
        }
      }
    }

    @Override
    public void release() {}
  }

  private static void deliver(LineEventListener listener, List<LineMessage> batch) {
    if (batch.size() == 1) {
      deliver(listener, batch.get(0));
    } else {
      listener.onMessages(batch);
    }
  }

  private static void deliver(LineEventListener listener, LineMessage message) {
    if (message instanceof CameraRead r) {
      listener.onCameraRead(r);
    } else if (message instanceof RejectConfirmed c) {
      listener.onRejectConfirmed(c);
    } else if (message instanceof LineStateChange s) {
      listener.onLineState(s);
    } else if (message instanceof AggregationScan a) {
      listener.onAggregationScan(a);
    }
  }
}
