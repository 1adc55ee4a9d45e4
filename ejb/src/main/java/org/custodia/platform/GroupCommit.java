package org.custodia.platform;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Group commit: the items of concurrent callers run together, up to {@code max} at a time, in one call of
 * {@code batch} (one transaction, so one durable commit), and each caller gets its own item's answer once
 * that call has returned. On the embedded H2 every commit writes a store chunk before it returns (the
 * datasource's {@code WRITE_DELAY=0}), so a request that commits alone pays a chunk for itself.
 *
 * <p>No thread of its own: a caller whose item still waits, and who finds fewer than {@code parallel} calls
 * running, takes what waits, its own item included, in arrival order, and runs it; the others wait for
 * their answer or for their turn. A caller alone therefore runs alone, at once. A call that fails is run
 * again one item at a time, so that one item's failure reaches its own caller only (and the others are not
 * refused for it). An item is never run again after its call returned or failed alone.
 *
 * @param <I> an item
 * @param <O> its answer
 */
public final class GroupCommit<I, O> {

  private final int max;
  private final int parallel;
  private final Function<List<I>, List<O>> batch;
  private final Object lock = new Object();
  private final ArrayDeque<Pending<I, O>> waiting = new ArrayDeque<>();
  private int running;

  /**
   * @param max the most items of one call
   * @param parallel the most calls running at once (a call runs its items one after the other, so one at a
   *     time would leave all but one core idle while it runs)
   * @param batch runs the items in one transaction and answers each, in their order (a list as long as its
   *     argument)
   */
  public GroupCommit(int max, int parallel, Function<List<I>, List<O>> batch) {
    if (max < 1 || parallel < 1) {
      throw new IllegalArgumentException("max and parallel must be at least 1, were " + max + " and " + parallel);
    }
    this.max = max;
    this.parallel = parallel;
    this.batch = batch;
  }

  /** Runs {@code item} in the next call and returns its answer, or throws what its call threw. */
  public O submit(I item) {
    Pending<I, O> mine = new Pending<>(item);
    boolean interrupted = false;
    try {
      synchronized (lock) {
        waiting.add(mine);
      }
      while (true) {
        List<Pending<I, O>> taken = new ArrayList<>();
        synchronized (lock) {
          while (!mine.done && (mine.taken || running >= parallel)) {
            try {
              lock.wait();
            } catch (InterruptedException e) {
              // the item is queued or running: its caller waits for its answer, the interrupt is kept
              interrupted = true;
            }
          }
          if (mine.done) {
            return mine.answer();
          }
          // a call may start, and this item still waits in the queue (an item a call has taken is done
          // when that call ends)
          running++;
          while (!waiting.isEmpty() && taken.size() < max) {
            Pending<I, O> p = waiting.poll();
            p.taken = true;
            taken.add(p);
          }
        }
        run(taken);
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void run(List<Pending<I, O>> taken) {
    List<O> answers = null;
    RuntimeException failed = null;
    Throwable fatal = null;
    List<Object> alone = null;
    try {
      try {
        answers = batch.apply(taken.stream().map(p -> p.item).toList());
        if (answers == null || answers.size() != taken.size()) {
          throw tooFew(taken.size(), answers);
        }
      } catch (RuntimeException e) {
        failed = e;
        if (taken.size() > 1) {
          // again one at a time: the failure belongs to one item (or to each that fails alone)
          alone = new ArrayList<>();
          for (Pending<I, O> p : taken) {
            try {
              List<O> one = batch.apply(List.of(p.item));
              alone.add(one != null && one.size() == 1 ? new Answer<>(one.get(0)) : tooFew(1, one));
            } catch (RuntimeException x) {
              alone.add(x);
            }
          }
        }
      }
    } catch (Error e) {
      fatal = e;
      throw e;
    } finally {
      synchronized (lock) {
        for (int i = 0; i < taken.size(); i++) {
          Pending<I, O> p = taken.get(i);
          if (answers != null && failed == null) {
            p.answer = answers.get(i);
          } else if (alone != null && i < alone.size()) {
            Object a = alone.get(i);
            if (a instanceof Answer<?> ok) {
              @SuppressWarnings("unchecked")
              O o = (O) ok.value();
              p.answer = o;
            } else {
              p.failure = (RuntimeException) a;
            }
          } else {
            p.failure = fatal != null ? fatal : failed != null ? failed
                : new IllegalStateException("the batch ended without an answer");
          }
          p.done = true;
        }
        running--;
        lock.notifyAll();
      }
    }
  }

  /** Items waiting for a call (not those of the call running). */
  int waiting() {
    synchronized (lock) {
      return waiting.size();
    }
  }

  private static IllegalStateException tooFew(int items, List<?> answers) {
    return new IllegalStateException("a call for " + items + (items == 1 ? " item" : " items") + " gave "
        + (answers == null ? "no" : Integer.toString(answers.size())) + " answers");
  }

  private record Answer<O>(O value) {}

  private static final class Pending<I, O> {
    final I item;
    boolean taken;
    boolean done;
    O answer;
    Throwable failure;

    Pending(I item) {
      this.item = item;
    }

    O answer() {
      if (failure instanceof RuntimeException e) {
        throw e;
      }
      if (failure instanceof Error e) {
        throw e;
      }
      return answer;
    }
  }
}
