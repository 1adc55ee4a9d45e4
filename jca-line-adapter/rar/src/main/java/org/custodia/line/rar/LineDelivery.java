package org.custodia.line.rar;

import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
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
 * Delivers one line's messages to the message endpoint, one at a time and in order: at most one
 * Work of a line is scheduled at once, and it drains the queue. A message the bean fails on stays
 * at the head and is delivered again after the retry interval, so nothing is skipped.
 */
final class LineDelivery implements Work {

  private static final Logger LOG = Logger.getLogger(LineDelivery.class.getName());

  private final String lineId;
  private final MessageEndpointFactory factory;
  private final WorkManager workManager;
  private final Timer timer;
  private final long retryMillis;
  private final ConcurrentLinkedQueue<LineMessage> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private volatile boolean stopped;

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
      LineMessage message;
      while (!stopped && (message = queue.peek()) != null) {
        if (endpoint == null) {
          endpoint = factory.createEndpoint(null);
        }
        try {
          deliver((LineEventListener) endpoint, message);
          queue.poll();
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "line " + lineId + ": the bean failed on message "
              + message.sequence() + "; delivering it again in " + retryMillis + " ms", e);
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
