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
 * Delivery to a bean that falls behind: what queued up meanwhile, on one line or several, goes over in one
 * call, each line's in order; a failing call is repeated one message at a time, each message taken exactly
 * once; a line does not wait for another line's call.
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
    /** Every call's messages as line:sequence, and what was taken so. */
    final List<List<String>> lineCalls = Collections.synchronizedList(new ArrayList<>());
    final List<String> lineTaken = Collections.synchronizedList(new ArrayList<>());
    final CountDownLatch firstEntered = new CountDownLatch(1);
    final CountDownLatch releaseFirst = new CountDownLatch(1);
    /** Sequence whose first batch fails (-1: none). */
    volatile long failOnceInBatch = -1;
    final AtomicBoolean failed = new AtomicBoolean();

    @Override
    public void onMessages(List<LineMessage> messages) {
      List<Long> seqs = messages.stream().map(LineMessage::sequence).toList();
      List<String> keys = messages.stream().map(LineDeliveryTest::key).toList();
      calls.add(seqs);
      lineCalls.add(keys);
      if (seqs.contains(failOnceInBatch) && failed.compareAndSet(false, true)) {
        throw new IllegalStateException("the transaction of messages " + keys + " rolled back");
      }
      taken.addAll(seqs);
      lineTaken.addAll(keys);
    }

    @Override
    public void onCameraRead(CameraRead read) {
      calls.add(List.of(read.sequence()));
      lineCalls.add(List.of(key(read)));
      if (read.sequence() == 1 && read.lineId().equals("line-1")) {
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
      lineTaken.add(key(read));
    }

    @Override
    public void onRejectConfirmed(RejectConfirmed confirmation) {}

    @Override
    public void onLineState(LineStateChange change) {}

    @Override
    public void onAggregationScan(AggregationScan scan) {}
  }

  private static CameraRead read(long sequence) {
    return read("line-1", sequence);
  }

  private static CameraRead read(String line, long sequence) {
    return new CameraRead(line, sequence, "WO-" + line + "#" + sequence, "(01)09506000134352(21)S" + sequence,
        Grade.A, Instant.parse("2026-11-27T10:00:00Z"), null);
  }

  private static String key(LineMessage m) {
    return m.lineId() + ":" + m.sequence();
  }

  private LineDelivery delivery(Bean bean) {
    return new LineDelivery(List.of("line-1"), LineActivationTest.endpoints(bean),
        LineActivationTest.workManager(pool), timer, 50);
  }

  private LineDelivery delivery(Bean bean, int workers, String... lines) {
    return new LineDelivery(List.of(lines), LineActivationTest.endpoints(bean), LineActivationTest.workManager(pool),
        timer, 50, workers);
  }

  private static void awaitTaken(Bean bean, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (bean.taken.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }

  /** The messages of {@code line} in {@code keys}, in their order there. */
  private static List<String> ofLine(List<String> keys, String line) {
    return keys.stream().filter(k -> k.startsWith(line + ":")).toList();
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

  @Test
  @Tag("LINE-4")
  void messagesOfSeveralLinesThatQueuedUpGoOverInOneCallEachLinesInOrder() throws Exception {
    // given one delivery at a time, busy with line-1's first message
    Bean bean = new Bean();
    LineDelivery delivery = delivery(bean, 1, "line-1", "line-2", "line-3");
    delivery.offer(read("line-1", 1));
    assertTrue(bean.firstEntered.await(20, TimeUnit.SECONDS));

    // when messages of three lines arrive meanwhile, interleaved, and the bean finishes
    delivery.offer(read("line-2", 7));
    delivery.offer(read("line-1", 2));
    delivery.offer(read("line-3", 4));
    delivery.offer(read("line-2", 8));
    delivery.offer(read("line-1", 3));
    delivery.offer(read("line-2", 9));
    bean.releaseFirst.countDown();
    awaitTaken(bean, 7);

    // then the six went over in one call, each line's in its order, and each was taken once
    assertEquals(List.of("line-1:1"), bean.lineCalls.get(0));
    List<String> second = bean.lineCalls.get(1);
    assertEquals(6, second.size(), "one call for the six: " + bean.lineCalls);
    assertEquals(List.of("line-1:2", "line-1:3"), ofLine(second, "line-1"));
    assertEquals(List.of("line-2:7", "line-2:8", "line-2:9"), ofLine(second, "line-2"));
    assertEquals(List.of("line-3:4"), ofLine(second, "line-3"));
    assertEquals(7, bean.lineTaken.size());
    assertEquals(bean.lineTaken.size(), bean.lineTaken.stream().distinct().count(), "taken twice: " + bean.lineTaken);
  }

  @Test
  @Tag("LINE-4")
  void aLineDoesNotWaitForAnotherLinesCall() throws Exception {
    // given two deliveries, one busy with line-1's first message
    Bean bean = new Bean();
    LineDelivery delivery = delivery(bean, 2, "line-1", "line-2");
    delivery.offer(read("line-1", 1));
    assertTrue(bean.firstEntered.await(20, TimeUnit.SECONDS));

    // when line-2 reports, and line-1 once more
    delivery.offer(read("line-2", 1));
    delivery.offer(read("line-1", 2));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!bean.lineTaken.contains("line-2:1") && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }

    // then line-2's message is taken while line-1's call still runs, and line-1's second waits for its first
    assertEquals(List.of("line-2:1"), List.copyOf(bean.lineTaken));
    bean.releaseFirst.countDown();
    awaitTaken(bean, 3);
    assertEquals(List.of("line-1:1", "line-1:2"), ofLine(bean.lineTaken, "line-1"));
  }

  @Test
  @Tag("LINE-4")
  void aFailedCallOfSeveralLinesComesAgainOneMessageAtATimeEachLineInOrder() throws Exception {
    // given one delivery at a time, busy with line-1's first message, and a bean whose call holding
    // sequence 5 fails once
    Bean bean = new Bean();
    bean.failOnceInBatch = 5;
    LineDelivery delivery = delivery(bean, 1, "line-1", "line-2");
    delivery.offer(read("line-1", 1));
    assertTrue(bean.firstEntered.await(20, TimeUnit.SECONDS));
    for (long s = 2; s <= 4; s++) {
      delivery.offer(read("line-1", s));
      delivery.offer(read("line-2", s + 2));
    }

    // when the bean goes on
    bean.releaseFirst.countDown();
    awaitTaken(bean, 7);

    // then the failed call's six messages came again each alone, and each line's were taken once, in order
    assertEquals(6, bean.lineCalls.get(1).size(), "the failed call: " + bean.lineCalls);
    for (String key : bean.lineCalls.get(1)) {
      assertTrue(bean.lineCalls.contains(List.of(key)), key + " alone after the failure: " + bean.lineCalls);
    }
    assertEquals(List.of("line-1:1", "line-1:2", "line-1:3", "line-1:4"), ofLine(bean.lineTaken, "line-1"));
    assertEquals(List.of("line-2:4", "line-2:5", "line-2:6"), ofLine(bean.lineTaken, "line-2"));
    assertEquals(7, bean.lineTaken.size());
  }
}
