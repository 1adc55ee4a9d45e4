package org.custodia.line.rar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Timer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.custodia.line.api.AggregationScan;
import org.custodia.line.api.CameraRead;
import org.custodia.line.api.Grade;
import org.custodia.line.api.LineEventListener;
import org.custodia.line.api.LineMessage;
import org.custodia.line.api.LineStateChange;
import org.custodia.line.api.RejectConfirmed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One line's delivery to a bean that falls behind: what queued up meanwhile goes over in one call, in
 * order, and a failing call is repeated one message at a time, each message taken exactly once.
 */
class LineDeliveryTest {

  private final ExecutorService pool = Executors.newFixedThreadPool(2);
  private final Timer timer = new Timer(true);

  @AfterEach
  void stop() {
    pool.shutdownNow();
    timer.cancel();
  }

  /** What the bean saw: each call's sequence numbers, and every message it took (in a call that did not fail). */
  private static final class Bean implements LineEventListener {
    final List<List<Long>> calls = Collections.synchronizedList(new ArrayList<>());
    final List<Long> taken = Collections.synchronizedList(new ArrayList<>());
    final CountDownLatch firstEntered = new CountDownLatch(1);
    final CountDownLatch releaseFirst = new CountDownLatch(1);
    /** Sequence whose first batch fails (-1: none). */
    volatile long failOnceInBatch = -1;
    final AtomicBoolean failed = new AtomicBoolean();

    @Override
    public void onMessages(List<LineMessage> messages) {
      List<Long> seqs = messages.stream().map(LineMessage::sequence).toList();
      calls.add(seqs);
      if (seqs.contains(failOnceInBatch) && failed.compareAndSet(false, true)) {
        throw new IllegalStateException("the transaction of messages " + seqs + " rolled back");
      }
      taken.addAll(seqs);
    }

    @Override
    public void onCameraRead(CameraRead read) {
      calls.add(List.of(read.sequence()));
      if (read.sequence() == 1) {
        firstEntered.countDown();
        try {
          releaseFirst.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (read.sequence() == failOnceInBatch && failed.compareAndSet(false, true)) {
        throw new IllegalStateException("message " + read.sequence() + " failed");
      }
      taken.add(read.sequence());
    }

    @Override
    public void onRejectConfirmed(RejectConfirmed confirmation) {}

    @Override
    public void onLineState(LineStateChange change) {}

    @Override
    public void onAggregationScan(AggregationScan scan) {}
  }

  private static CameraRead read(long sequence) {
    return new CameraRead("line-1", sequence, "WO-1#" + sequence, "(01)09506000134352(21)S" + sequence, Grade.A,
        Instant.parse("2026-11-27T10:00:00Z"), null);
  }

  private LineDelivery delivery(Bean bean) {
    return new LineDelivery("line-1", LineActivationTest.endpoints(bean), LineActivationTest.workManager(pool), timer, 50);
  }

  private static void awaitTaken(Bean bean, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (bean.taken.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }

  @Test
  @Tag("LINE-4")
  void messagesThatQueuedUpWhileTheBeanWasBusyGoOverInOneCallInOrder() throws Exception {
    // given a bean still busy with the first message
    Bean bean = new Bean();
    LineDelivery delivery = delivery(bean);
    delivery.offer(read(1));
    assertTrue(bean.firstEntered.await(20, TimeUnit.SECONDS));

    // when ten more arrive meanwhile and the bean finishes
    for (long s = 2; s <= 11; s++) {
      delivery.offer(read(s));
    }
    bean.releaseFirst.countDown();
    awaitTaken(bean, 11);

    // then the ten went over together, after the first, and each was taken once in order
    assertEquals(List.of(1L), bean.calls.get(0));
    assertEquals(LongStream.rangeClosed(2, 11).boxed().toList(), bean.calls.get(1));
    assertEquals(LongStream.rangeClosed(1, 11).boxed().toList(), bean.taken);
  }

  @Test
  @Tag("LINE-4")
  void aFailedCallIsRepeatedOneMessageAtATimeAndNothingIsTakenTwice() throws Exception {
    // given a bean whose call holding message 5 fails once
    Bean bean = new Bean();
    bean.failOnceInBatch = 5;
    LineDelivery delivery = delivery(bean);
    delivery.offer(read(1));
    assertTrue(bean.firstEntered.await(20, TimeUnit.SECONDS));
    for (long s = 2; s <= 8; s++) {
      delivery.offer(read(s));
    }

    // when the bean goes on
    bean.releaseFirst.countDown();
    awaitTaken(bean, 8);

    // then the failed batch came again message by message, and every message was taken exactly once, in order
    assertEquals(LongStream.rangeClosed(2, 8).boxed().toList(), bean.calls.get(1));
    for (long s = 2; s <= 8; s++) {
      assertTrue(bean.calls.contains(List.of(s)), "message " + s + " alone after the failure: " + bean.calls);
    }
    assertEquals(LongStream.rangeClosed(1, 8).boxed().toList(), bean.taken);
  }
}
