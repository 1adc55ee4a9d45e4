package org.custodia.line.rar;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.ExecutionContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkListener;
import jakarta.resource.spi.work.WorkManager;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Timer;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import javax.transaction.xa.XAResource;
import org.custodia.line.api.CameraRead;
import org.custodia.line.api.LabelData;
import org.custodia.line.api.LineEventListener;
import org.custodia.line.api.LineMessage;
import org.custodia.line.api.LineState;
import org.custodia.line.api.LineStateChange;
import org.custodia.line.api.LineStatus;
import org.custodia.line.api.RejectConfirmed;
import org.custodia.line.simulator.LineSimulator;
import org.custodia.line.simulator.SimulatorConfig;
import org.custodia.line.simulator.model.LineSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The adapter's inbound and outbound halves against the simulator in the same JVM, with a
 * WorkManager and message endpoints played by plain Java (no container): order, rejects, and a
 * server that goes away and comes back.
 */
class LineActivationTest {

  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
  private final Timer timer = new Timer(true);
  private final List<LineMessage> received = new CopyOnWriteArrayList<>();
  private LineSimulator simulator;
  private LineActivation activation;
  private LineManagedConnection connection;
  private MiloSettings settings;
  private WorkManagerExecutor executor;

  @BeforeEach
  void start() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    simulator = new LineSimulator(new SimulatorConfig("localhost", "localhost", port,
        List.of("line-1", "line-2"), LineSettings.defaults().withSpeed(30_000), 7L), pool, scheduler);
    simulator.start();
    settings = new MiloSettings("opc.tcp://localhost:" + port, "None", "", "", "", "", 5000, 500, 1);
    WorkManager workManager = workManager(pool);
    executor = new WorkManagerExecutor(workManager);
    LineActivationSpec spec = new LineActivationSpec();
    spec.setLineIds("line-1,line-2");
    activation = new LineActivation(endpoints(received), spec.lines(), settings, spec, workManager,
        executor, timer, 300);
    activation.start();
    connection = new LineManagedConnection(settings, executor);
  }

  @AfterEach
  void stop() {
    activation.stop();
    connection.destroy();
    simulator.close();
    timer.cancel();
    scheduler.shutdownNow();
    pool.shutdownNow();
  }

  private static LabelData label(String line, int i) {
    return new LabelData(line + "-" + i,
        "0109506000134352\u001D21" + line.replace("line-", "L") + "X" + i, List.of());
  }

  private List<CameraRead> reads(String line) {
    return received.stream().filter(m -> m instanceof CameraRead && m.lineId().equals(line))
        .map(CameraRead.class::cast).toList();
  }

  private List<LineState> states(String line) {
    return received.stream().filter(m -> m instanceof LineStateChange && m.lineId().equals(line))
        .map(m -> ((LineStateChange) m).state()).toList();
  }

  @Test
  @Tag("LINE-1")
  void cameraReadsOfTwoLinesArriveInOrderWithoutGapsAndARejectIsConfirmed() throws Exception {
    // given both lines running
    await().until(() -> states("line-1").contains(LineState.STOPPED)
        && states("line-2").contains(LineState.STOPPED));
    connection.run(c -> c.start("line-1"));
    connection.run(c -> c.start("line-2"));

    // when 300 labels go to each line
    for (int i = 0; i < 300; i++) {
      int n = i;
      connection.run(c -> c.sendLabel("line-1", label("line-1", n)));
      connection.run(c -> c.sendLabel("line-2", label("line-2", n)));
    }

    // then each line's 300 reads come in the order sent, numbers one apart
    await().atMost(Duration.ofSeconds(60)).until(
        () -> reads("line-1").size() == 300 && reads("line-2").size() == 300);
    for (String line : List.of("line-1", "line-2")) {
      List<CameraRead> reads = reads(line);
      for (int i = 0; i < 300; i++) {
        assertEquals(label(line, i).elementString(), reads.get(i).elementString());
      }
      assertNoGapsOrDuplicates(line);
    }

    // and a reject of the latest unit is confirmed
    CameraRead last = reads("line-1").get(299);
    connection.run(c -> c.reject("line-1", last.unitRef(), "TEST"));
    await().until(() -> received.stream().anyMatch(
        m -> m instanceof RejectConfirmed r && r.unitRef().equals(last.unitRef())));
    LineStatus status = connection.read(c -> c.readLineState("line-1"));
    assertEquals(LineState.RUNNING, status.state());
    assertEquals(30_000, status.unitsPerMinute());
  }

  @Test
  @Tag("LINE-4")
  void aLostServerIsReportedThenTheAdapterReconnectsAndCatchesUpWithoutGaps() throws Exception {
    // given line-1 running with reads coming in
    await().until(() -> states("line-1").contains(LineState.STOPPED));
    simulator.lines().get("line-1").start();
    for (int i = 0; i < 20; i++) {
      simulator.lines().get("line-1").print(label("line-1", i));
    }
    await().until(() -> reads("line-1").size() == 20);

    // when the server goes away while the line goes on reading 20 more units
    long stoppedAt = System.nanoTime();
    simulator.stopServer();
    await().atMost(Duration.ofSeconds(30)).until(() -> states("line-1").contains(LineState.DISCONNECTED));
    long detectedMillis = (System.nanoTime() - stoppedAt) / 1_000_000;
    for (int i = 20; i < 40; i++) {
      simulator.lines().get("line-1").print(label("line-1", i));
    }
    await().until(() -> simulator.lines().get("line-1").queued() == 0);
    simulator.start();

    // then it is RUNNING again and the 20 reads made meanwhile arrive, in order, no gaps
    await().atMost(Duration.ofSeconds(30)).until(() -> reads("line-1").size() == 40);
    List<LineState> states = states("line-1");
    assertEquals(LineState.RUNNING, states.get(states.size() - 1));
    for (int i = 0; i < 40; i++) {
      assertEquals(label("line-1", i).elementString(), reads("line-1").get(i).elementString());
    }
    assertNoGapsOrDuplicates("line-1");
    assertTrue(!connection.usable(), "the pooled connection must count as broken");
    System.out.println("FIGURE line_disconnect_detected_ms=" + detectedMillis + " ms");
  }

  @Test
  @Tag("LINE-1")
  void readsComeInSequenceWhenTheContainerRunsCallbacksInAnyOrder() throws Exception {
    // given an activation on a WorkManager that starts each task after a random pause of up to 15 ms,
    // so that two tasks handed over in one order may run in the other (as on a busy container)
    activation.stop();
    received.clear();
    WorkManager jittery = workManager(jittered(pool));
    LineActivationSpec spec = new LineActivationSpec();
    spec.setLineIds("line-1,line-2");
    activation = new LineActivation(endpoints(received), spec.lines(), settings, spec, jittery,
        new WorkManagerExecutor(jittery), timer, 300);
    activation.start();
    await().until(() -> states("line-1").contains(LineState.STOPPED)
        && states("line-2").contains(LineState.STOPPED));
    simulator.lines().get("line-1").start();
    simulator.lines().get("line-2").start();

    // when 1000 labels go to each line
    for (int i = 0; i < 1000; i++) {
      simulator.lines().get("line-1").print(label("line-1", i));
      simulator.lines().get("line-2").print(label("line-2", i));
    }

    // then the reads arrive in order, and none of them came out of sequence on the way: no
    // notification of the subscription overtook an earlier one (which would cost a resend from the
    // line, or lose the reads if the line no longer had them)
    await().atMost(Duration.ofSeconds(60)).until(
        () -> reads("line-1").size() == 1000 && reads("line-2").size() == 1000);
    for (String line : List.of("line-1", "line-2")) {
      for (int i = 0; i < 1000; i++) {
        assertEquals(label(line, i).elementString(), reads(line).get(i).elementString());
      }
      assertNoGapsOrDuplicates(line);
    }
    assertEquals(0, activation.outOfSequence(), "messages out of sequence");
  }

  /** Runs each task on {@code pool} after a random pause of up to 15 ms. */
  private static Executor jittered(ExecutorService pool) {
    return task -> pool.execute(() -> {
      LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(15_000_000));
      task.run();
    });
  }

  /**
   * The line's own messages are consecutive; the adapter's state notices (which repeat the number
   * of the last message) are left out.
   */
  private void assertNoGapsOrDuplicates(String line) {
    List<Long> seqs = new ArrayList<>();
    long max = Long.MIN_VALUE;
    for (LineMessage m : received) {
      if (!m.lineId().equals(line) || (m instanceof LineStateChange && m.sequence() <= max)) {
        continue;
      }
      seqs.add(m.sequence());
      max = Math.max(max, m.sequence());
    }
    for (int i = 1; i < seqs.size(); i++) {
      assertEquals(seqs.get(i - 1) + 1, seqs.get(i), "gap or duplicate at " + i + ": " + seqs);
    }
  }

  static WorkManager workManager(Executor pool) {
    return new WorkManager() {
      @Override
      public void doWork(Work work) {
        work.run();
      }

      @Override
      public void doWork(Work work, long timeout, ExecutionContext ctx, WorkListener l) {
        work.run();
      }

      @Override
      public long startWork(Work work) {
        pool.execute(work);
        return 0;
      }

      @Override
      public long startWork(Work work, long timeout, ExecutionContext ctx, WorkListener l) {
        pool.execute(work);
        return 0;
      }

      @Override
      public void scheduleWork(Work work) {
        pool.execute(work);
      }

      @Override
      public void scheduleWork(Work work, long timeout, ExecutionContext ctx, WorkListener l) {
        pool.execute(work);
      }
    };
  }

  static MessageEndpointFactory endpoints(List<LineMessage> sink) {
    LineEventListener listener = new LineEventListener() {
      @Override
      public void onCameraRead(CameraRead read) {
        sink.add(read);
      }

      @Override
      public void onRejectConfirmed(RejectConfirmed confirmation) {
        sink.add(confirmation);
      }

      @Override
      public void onLineState(LineStateChange change) {
        sink.add(change);
      }

      @Override
      public void onAggregationScan(org.custodia.line.api.AggregationScan scan) {
        sink.add(scan);
      }
    };
    return endpoints(listener);
  }

  /** Endpoints that pass the listener methods to {@code listener} (its exceptions unwrapped). */
  static MessageEndpointFactory endpoints(LineEventListener listener) {
    return new MessageEndpointFactory() {
      @Override
      public MessageEndpoint createEndpoint(XAResource xa) {
        return (MessageEndpoint) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {LineEventListener.class, MessageEndpoint.class},
            (proxy, method, args) -> {
              if (method.getDeclaringClass() != LineEventListener.class) {
                return null;
              }
              try {
                return method.invoke(listener, args);
              } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
              }
            });
      }

      @Override
      public MessageEndpoint createEndpoint(XAResource xa, long timeout) {
        return createEndpoint(xa);
      }

      @Override
      public boolean isDeliveryTransacted(Method method) {
        return false;
      }

      @Override
      public String getActivationName() {
        return "test";
      }

      @Override
      public Class<?> getEndpointClass() {
        return LineEventListener.class;
      }
    };
  }
}
