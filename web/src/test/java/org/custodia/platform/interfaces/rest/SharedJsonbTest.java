package org.custodia.platform.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

public class SharedJsonbTest {

  public record Order(long id, String lot, List<Integer> counts, String unset) {}

  @Test
  void everyTypeGetsTheSameInstance() {
    SharedJsonb resolver = new SharedJsonb();
    Jsonb first = resolver.getContext(Order.class);
    assertSame(first, resolver.getContext(ProblemDocument.class));
    assertSame(first, resolver.getContext(String.class));
  }

  @Test
  void bodiesAreWhatAFreshDefaultJsonbWritesAndReadsEvenFromManyThreadsAtOnce() throws Exception {
    Jsonb shared = new SharedJsonb().getContext(Order.class);
    Order order = new Order(42, "L\u00c9-1", List.of(3, 1, 2), null);
    String expected;
    try (Jsonb fresh = JsonbBuilder.create()) {
      expected = fresh.toJson(order);
    }
    assertEquals("{\"counts\":[3,1,2],\"id\":42,\"lot\":\"L\u00c9-1\"}", expected);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> writes = pool.invokeAll(Collections.nCopies(200, () -> {
        Order back = shared.fromJson(shared.toJson(order), Order.class);
        return shared.toJson(back);
      }));
      for (Future<String> w : writes) {
        assertEquals(expected, w.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
