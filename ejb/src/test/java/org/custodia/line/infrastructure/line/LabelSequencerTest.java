package org.custodia.line.infrastructure.line;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A line's labels leave in unit sequence, whichever thread hands them over first (LINE-1). */
@Tag("LINE-1")
class LabelSequencerTest {

  /** A clock the test moves. */
  static final class TestClock extends Clock {
    Instant now = Instant.parse("2026-11-28T08:00:00Z");

    @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
  }

  final TestClock clock = new TestClock();
  final LabelSequencer sequencer = new LabelSequencer(Duration.ofSeconds(5), clock);
  final List<String> printed = Collections.synchronizedList(new ArrayList<>());

  void label(String line, long order, int sequence) {
    sequencer.send(line, order, sequence, () -> printed.add(line + " " + order + "#" + sequence));
  }

  static List<String> labels(String line, long order, int from, int to) {
    return IntStream.rangeClosed(from, to).mapToObj(i -> line + " " + order + "#" + i).toList();
  }

  @Test
  void aLabelHandedOverBeforeItsPredecessorsWaitsForThem() {
    // given the order's start sending labels 1..16, of which 1..13 went out
    for (int i = 1; i <= 13; i++) {
      label("line-1", 7, i);
    }
    // when the transaction of the first read sends label 17 before the start's thread sends 14..16
    label("line-1", 7, 17);

    // then 17 waits
    assertEquals(labels("line-1", 7, 1, 13), printed);
    assertEquals(1, sequencer.waiting("line-1"));

    // and goes out right after 16
    label("line-1", 7, 14);
    label("line-1", 7, 15);
    label("line-1", 7, 16);
    assertEquals(labels("line-1", 7, 1, 17), printed);
    assertEquals(0, sequencer.waiting("line-1"));
  }

  @Test
  void linesAndWorkOrdersAreSequencedApart() {
    label("line-1", 7, 1);
    label("line-2", 8, 5);
    label("line-1", 7, 3);
    label("line-2", 8, 6);
    assertEquals(List.of("line-1 7#1", "line-2 8#5", "line-2 8#6"), printed);

    // a new order on line-1 starts afresh; what waited of the old one goes first
    label("line-1", 9, 1);
    assertEquals(List.of("line-1 7#1", "line-2 8#5", "line-2 8#6", "line-1 7#3", "line-1 9#1"), printed);
    // a label sent again (older than the next expected) goes out at once
    label("line-1", 9, 1);
    assertEquals("line-1 9#1", printed.get(printed.size() - 1));
    assertEquals(6, printed.size());
  }

  @Test
  void aGapNotFilledWithinTheTimeoutIsGivenUpAtTheNextLabel() {
    label("line-1", 7, 1);
    label("line-1", 7, 3);
    clock.now = clock.now.plusSeconds(4);
    label("line-1", 7, 4);
    assertEquals(labels("line-1", 7, 1, 1), printed, "within the timeout the labels still wait for 2");

    clock.now = clock.now.plusSeconds(2);
    label("line-1", 7, 5);
    assertEquals(List.of("line-1 7#1", "line-1 7#3", "line-1 7#4", "line-1 7#5"), printed);
    assertEquals(0, sequencer.waiting("line-1"));
    // and label 2, should it still come, goes out at once
    label("line-1", 7, 2);
    assertEquals("line-1 7#2", printed.get(printed.size() - 1));
  }

  @Test
  void aLabelThatFailedToSendCountsAsSent() {
    sequencer.send("line-1", 7, 1, () -> {
      throw new IllegalStateException("connection lost");
    });
    label("line-1", 7, 2);
    assertEquals(labels("line-1", 7, 2, 2), printed);
  }

  @Test
  void blocksOfLabelsHandedOverByManyThreadsInAnyOrderLeaveInSequence() throws Exception {
    // given 16 transactions, each with a block of 16 labels of one order (as fills draw them), that send
    // after committing on their own threads, started in random order with random pauses between labels
    int blocks = 16;
    int perBlock = 16;
    ExecutorService pool = Executors.newFixedThreadPool(blocks);
    try {
      for (int round = 0; round < 5; round++) {
        printed.clear();
        long order = 100 + round;
        // the order's start sends its first label before any other can exist (the next are drawn after reads)
        label("line-1", order, 1);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        List<Integer> starts = new ArrayList<>(IntStream.range(0, blocks).boxed().toList());
        Collections.shuffle(starts);
        for (int b : starts) {
          done.add(pool.submit(() -> {
            go.await();
            for (int i = b == 0 ? 2 : 1; i <= perBlock; i++) {
              if (ThreadLocalRandom.current().nextInt(4) == 0) {
                Thread.sleep(ThreadLocalRandom.current().nextInt(3));
              }
              label("line-1", order, b * perBlock + i);
            }
            return null;
          }));
        }
        go.countDown();
        for (Future<?> f : done) {
          f.get();
        }
        // then every label left once, in sequence
        assertEquals(labels("line-1", order, 1, blocks * perBlock), printed, "round " + round);
        assertEquals(0, sequencer.waiting("line-1"));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
