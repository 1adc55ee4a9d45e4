package org.custodia.line.rar;

import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custodia.line.api.AggregationScan;
import org.custodia.line.api.CameraRead;
import org.custodia.line.api.LineEventListener;
import org.custodia.line.api.LineMessage;
import org.custodia.line.api.LineStateChange;
import org.custodia.line.api.RejectConfirmed;

/**
 * Delivers one line's messages to the message endpoint in order: at most one Work of a line is scheduled
 * at once, and it drains the queue. A single waiting message goes to its own listener method; when several
 * are waiting (the bean fell behind), up to {@link #MAX_BATCH} go together to {@link
 * LineEventListener#onMessages}, one transaction for all. Messages the bean fails on stay at the head and
 * are delivered again after the retry interval, one at a time until the failed ones are through, so nothing
 * is skipped and one bad message cannot keep a batch failing.
 */
final class LineDelivery implements Work {

  private static final Logger LOG = Logger.getLogger(LineDelivery.class.getName());

  /** The most messages handed to the bean in one call; system property {@code custodia.line.max-batch}. */
  static final int MAX_BATCH = Math.max(1, Integer.getInteger("custodia.line.max-batch", 32));

  private final String lineId;
  private final MessageEndpointFactory factory;
  private final WorkManager workManager;
  private final Timer timer;
  private final long retryMillis;
  private final ConcurrentLinkedQueue<LineMessage> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private volatile boolean stopped;
  /** After a failure: the sequence up to which messages go one at a time. */
  private long singlyUpTo = Long.MIN_VALUE;

  LineDelivery(String lineId, MessageEndpointFactory factory, WorkManager workManager, Timer timer,
      long retryMillis) {
    this.lineId = lineId;
    this.factory = factory;
    this.workManager = workManager;
    this.timer = timer;
    this.retryMillis = retryMillis;
  }

  void offer(LineMessage message) {
    queue.add(message);
    schedule();
  }

  void stop() {
    stopped = true;
  }

  private void schedule() {
    if (stopped || queue.isEmpty() || !scheduled.compareAndSet(false, true)) {
      return;
    }
    try {
      workManager.scheduleWork(this);
    } catch (WorkException e) {
      scheduled.set(false);
      retryLater();
    }
  }

  private void retryLater() {
    try {
      timer.schedule(new TimerTask() {
        @Override
        public void run() {
          schedule();
        }
      }, retryMillis);
    } catch (IllegalStateException e) {
      // the timer is cancelled: the adapter stops
    }
  }

  @Override
  public void run() {
    boolean failed = false;
    MessageEndpoint endpoint = null;
    try {
      List<LineMessage> batch;
      while (!stopped && !(batch = next()).isEmpty()) {
        if (endpoint == null) {
          endpoint = factory.createEndpoint(null);
        }
        try {
          deliver((LineEventListener) endpoint, batch);
          for (int i = 0; i < batch.size(); i++) {
            queue.poll();
          }
        } catch (RuntimeException e) {
          LineMessage last = batch.get(batch.size() - 1);
          singlyUpTo = Math.max(singlyUpTo, last.sequence());
          LOG.log(Level.WARNING, "line " + lineId + ": the bean failed on messages " + batch.get(0).sequence()
              + (batch.size() > 1 ? " to " + last.sequence() : "") + "; delivering again in " + retryMillis
              + " ms", e);
          failed = true;
          break;
        }
      }
    } catch (Exception e) {
      LOG.log(Level.WARNING, "line " + lineId + ": no message endpoint; trying again", e);
      failed = true;
    } finally {
      if (endpoint != null) {
        endpoint.release();
      }
      scheduled.set(false);
      if (failed) {
        retryLater();
      } else {
        schedule();
      }
    }
  }

  /** The messages at the head of the queue to deliver next, without taking them off. */
  private List<LineMessage> next() {
    LineMessage head = queue.peek();
    if (head == null) {
      return List.of();
    }
    if (MAX_BATCH == 1 || head.sequence() <= singlyUpTo) {
      return List.of(head);
    }
    List<LineMessage> batch = new ArrayList<>();
    for (LineMessage m : queue) {
      if (batch.size() == MAX_BATCH || m.sequence() <= singlyUpTo) {
        break;
      }
      batch.add(m);
    }
    return batch;
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

  @Override
  public void release() {}
}
