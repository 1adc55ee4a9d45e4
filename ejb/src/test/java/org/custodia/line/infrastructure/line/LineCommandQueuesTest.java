package org.custodia.line.infrastructure.line;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A line's commands run in the order handed over, off the caller's thread, one at a time; none is lost
 * (LINE-1).
 */
@Tag("LINE-1")
class LineCommandQueuesTest {

  final ExecutorService pool = Executors.newFixedThreadPool(4);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void theCallerDoesNotWaitForACommand() throws Exception {
    LineCommandQueues queues = new LineCommandQueues(pool);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch ran = new CountDownLatch(2);
    List<String> order = Collections.synchronizedList(new ArrayList<>());

    // a command that blocks until released, and one after it
    queues.submit("line-1", () -> {
      await(release);
      order.add("label 1");
      ran.countDown();
    });
    queues.submit("line-1", () -> {
      order.add("label 2");
      ran.countDown();
    });

    // the submits returned while the first command still blocks, and the second waits behind it
    assertEquals(List.of(), order);
    assertEquals(2, queues.pending("line-1"));
    release.countDown();
    assertTrue(ran.await(5, TimeUnit.SECONDS));
    assertEquals(List.of("label 1", "label 2"), order);
  }

  @Test
  void eachLinesCommandsRunInOrderOneAtATimeWhileSeveralThreadsSubmit() throws Exception {
    LineCommandQueues queues = new LineCommandQueues(pool);
    int lines = 5;
    int perLine = 400;
    Map<String, List<Integer>> ran = new ConcurrentHashMap<>();
    Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
    AtomicInteger overlaps = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(lines * perLine);
    ExecutorService submitters = Executors.newFixedThreadPool(lines);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int l = 1; l <= lines; l++) {
        String line = "line-" + l;
        ran.put(line, Collections.synchronizedList(new ArrayList<>()));
        running.put(line, new AtomicInteger());
        // one submitter per line, as the label sequencer hands a line's labels over one at a time
        futures.add(submitters.submit(() -> {
          for (int i = 0; i < perLine; i++) {
            int n = i;
            queues.submit(line, () -> {
              if (running.get(line).incrementAndGet() > 1) {
                overlaps.incrementAndGet();
              }
              if (n % 50 == 0) {
                Thread.yield();
              }
              ran.get(line).add(n);
              running.get(line).decrementAndGet();
              done.countDown();
            });
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get(10, TimeUnit.SECONDS);
      }
      assertTrue(done.await(10, TimeUnit.SECONDS), "every command ran");
    } finally {
      submitters.shutdownNow();
    }
    List<Integer> expected = IntStream.range(0, perLine).boxed().toList();
    for (int l = 1; l <= lines; l++) {
      assertEquals(expected, ran.get("line-" + l), "line-" + l + "'s commands in the order handed over");
    }
    assertEquals(0, overlaps.get(), "no two commands of one line at once");
  }

  @Test
  void aFailingCommandDoesNotStopTheOnesAfterIt() throws Exception {
    LineCommandQueues queues = new LineCommandQueues(pool);
    CountDownLatch ran = new CountDownLatch(1);
    queues.submit("line-1", () -> {
      throw new IllegalStateException("the printer did not answer");
    });
    queues.submit("line-1", ran::countDown);
    assertTrue(ran.await(5, TimeUnit.SECONDS));
  }

  @Test
  void aCommandThatThrowsAnErrorDoesNotStrandTheOnesAfterIt() throws Exception {
    LineCommandQueues queues = new LineCommandQueues(pool);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch ran = new CountDownLatch(2);
    queues.submit("line-1", () -> await(release));
    queues.submit("line-1", () -> {
      throw new StackOverflowError("deep");
    });
    queues.submit("line-1", ran::countDown);
    queues.submit("line-1", ran::countDown);
    release.countDown();
    assertTrue(ran.await(5, TimeUnit.SECONDS), "the commands after the Error ran");
    queues.submit("line-1", ran::countDown);
    assertEquals(0, waitForEmpty(queues, "line-1"));
  }

  private static int waitForEmpty(LineCommandQueues queues, String line) throws InterruptedException {
    for (int i = 0; i < 500 && queues.pending(line) > 0; i++) {
      Thread.sleep(10);
    }
    return queues.pending(line);
  }

  @Test
  void whenTheExecutorRefusesWorkTheCommandsRunOnTheCallersThreadInOrder() {
    LineCommandQueues queues = new LineCommandQueues(command -> {
      throw new RejectedExecutionException("shutting down");
    });
    List<String> order = new ArrayList<>();
    Thread caller = Thread.currentThread();
    queues.submit("line-1", () -> order.add("stop " + (Thread.currentThread() == caller)));
    queues.submit("line-1", () -> order.add("label " + (Thread.currentThread() == caller)));
    assertEquals(List.of("stop true", "label true"), order);
    assertEquals(0, queues.pending("line-1"));
  }

  private static void await(CountDownLatch latch) {
    try {
      assertTrue(latch.await(5, TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
