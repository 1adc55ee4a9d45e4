package org.custodia.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("VER-2")
class GroupCommitTest {

  /** Batches seen by the batch function, each as the list of its items. */
  private final List<List<Integer>> calls = Collections.synchronizedList(new ArrayList<>());

  private List<String> answer(List<Integer> items, long pauseMs) {
    calls.add(List.copyOf(items));
    try {
      Thread.sleep(pauseMs);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return items.stream().map(i -> "answer " + i).toList();
  }

  @Test
  void aCallerAloneRunsAloneAtOnce() {
    // given
    GroupCommit<Integer, String> group = new GroupCommit<>(8, 1, items -> answer(items, 0));

    // when
    String a = group.submit(1);
    String b = group.submit(2);

    // then
    assertEquals("answer 1", a);
    assertEquals("answer 2", b);
    assertEquals(List.of(List.of(1), List.of(2)), calls);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void concurrentCallersShareCallsAndEachGetsItsOwnAnswer(int parallel) throws Exception {
    // given 16 callers of 100 items each, and calls that take 2 ms
    AtomicInteger runningNow = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    GroupCommit<Integer, String> group = new GroupCommit<>(5, parallel, items -> {
      mostAtOnce.accumulateAndGet(runningNow.incrementAndGet(), Math::max);
      try {
        return answer(items, 2);
      } finally {
        runningNow.decrementAndGet();
      }
    });
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      // when
      List<Future<List<String>>> callers = new ArrayList<>();
      for (int c = 0; c < 16; c++) {
        int first = c * 100;
        callers.add(pool.submit(() -> {
          List<String> got = new ArrayList<>();
          for (int i = first; i < first + 100; i++) {
            got.add(group.submit(i));
          }
          return got;
        }));
      }

      // then every caller has the answers to its own items, in its order
      for (int c = 0; c < 16; c++) {
        List<String> got = callers.get(c).get(60, TimeUnit.SECONDS);
        for (int i = 0; i < 100; i++) {
          assertEquals("answer " + (c * 100 + i), got.get(i));
        }
      }
    } finally {
      pool.shutdownNow();
    }
    // each item ran once, in calls of at most 5, and calls carried several items
    List<Integer> ran = calls.stream().flatMap(List::stream).sorted().toList();
    assertEquals(1_600, ran.size());
    assertEquals(1_600, ran.stream().distinct().count());
    assertTrue(calls.stream().allMatch(c -> !c.isEmpty() && c.size() <= 5), calls.toString());
    assertTrue(calls.size() < 1_600 / 2, calls.size() + " calls for 1,600 items");
    // and as many calls ran at once as allowed, never more
    assertEquals(parallel, mostAtOnce.get());
  }

  @Test
  void aFailedCallRunsItsItemsAloneAndTheFailureReachesItsOwnCallerOnly() throws Exception {
    // given a batch that fails whenever it holds item 13, and 13 submitted while item 0's call runs, with 12
    // and 14 behind it
    CountDownLatch firstRunning = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    GroupCommit<Integer, String> group = new GroupCommit<>(8, 1, items -> {
      if (items.contains(0)) {
        firstRunning.countDown();
        await(release);
      }
      if (items.contains(13)) {
        calls.add(List.copyOf(items));
        throw new IllegalArgumentException("item 13 refused");
      }
      return answer(items, 0);
    });
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Future<String> zero = pool.submit(() -> group.submit(0));
      firstRunning.await(10, TimeUnit.SECONDS);
      Future<String> twelve = pool.submit(() -> group.submit(12));
      Future<String> thirteen = pool.submit(() -> group.submit(13));
      Future<String> fourteen = pool.submit(() -> group.submit(14));
      waitUntilQueued(group, twelve, thirteen, fourteen);

      // when the first call ends, the three run together, fail, and run again one by one
      release.countDown();

      // then
      assertEquals("answer 0", zero.get(10, TimeUnit.SECONDS));
      assertEquals("answer 12", twelve.get(10, TimeUnit.SECONDS));
      assertEquals("answer 14", fourteen.get(10, TimeUnit.SECONDS));
      java.util.concurrent.ExecutionException e =
          assertThrows(java.util.concurrent.ExecutionException.class, () -> thirteen.get(10, TimeUnit.SECONDS));
      assertEquals("item 13 refused", e.getCause().getMessage());
      assertTrue(calls.stream().anyMatch(c -> c.size() == 3 && c.containsAll(List.of(12, 13, 14))), calls.toString());
      assertTrue(calls.contains(List.of(13)), calls.toString());
      assertTrue(calls.contains(List.of(12)), calls.toString());
      assertTrue(calls.contains(List.of(14)), calls.toString());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anErrorInACallFailsItsCallersAndLeavesNoneWaiting() {
    // given a call that ends with an Error
    AssertionError boom = new AssertionError("boom");
    GroupCommit<Integer, String> group = new GroupCommit<>(4, 1, items -> {
      if (items.contains(1)) {
        throw boom;
      }
      return answer(items, 0);
    });

    // when / then: its caller gets the Error, and the next caller runs (no batch is left "running")
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      assertSame(boom, assertThrows(AssertionError.class, () -> group.submit(1)));
      assertEquals("answer 2", group.submit(2));
    });
  }

  @Test
  void aCallThatAnswersTooFewIsAFailure() {
    // given a batch function that loses an answer
    GroupCommit<Integer, String> group = new GroupCommit<>(4, 1, items -> List.of());

    // when / then
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> group.submit(7));
    assertEquals("a call for 1 item gave 0 answers", e.getMessage());
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits until the three callers are blocked in submit, their items queued behind the running call. */
  private static void waitUntilQueued(GroupCommit<Integer, String> group, Future<?>... callers) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (group.waiting() == callers.length) {
        return;
      }
      Thread.sleep(5);
    }
    throw new AssertionError("the callers did not queue: " + group.waiting());
  }
}
