package org.custodia.validation.pq;

import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.custodia.serialization.domain.SerialCharset;
import org.custodia.serialization.domain.SerialSpace;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The peer of serial-allocation: the raw cost of the keyed permutation that renders each serial of
 * a random pool. An allocation can never be faster than this, so the gap between the two figures is
 * what the transaction, the row locks and Hibernate cost.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SerialPermutationBenchmark {

  private SerialSpace space;
  private char[] buffer;
  private long counter;

  /** A random-order NUMERIC length-12 space, the shape the REST benchmarks allocate from. */
  @Setup(Level.Trial)
  public void space() {
    byte[] key = new byte[16];
    new SecureRandom().nextBytes(key);
    space = new SerialSpace(SerialCharset.NUMERIC, 12, key);
    buffer = new char[12];
  }

  /** Writes one serial into a buffer held by the state, which the JIT cannot prove dead. */
  @Benchmark
  public char[] serialAt() {
    space.serialAt(counter, buffer);
    counter = counter == 99_999_999L ? 0 : counter + 1;
    return buffer;
  }
}
