package org.custodia.validation.oq;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.logging.Logger;
import org.custodia.line.api.CameraRead;
import org.custodia.line.api.LabelData;
import org.custodia.line.api.LineConnection;
import org.custodia.line.api.LineConnectionFactory;
import org.custodia.line.api.LineJndi;
import org.custodia.line.api.LineMessage;
import org.custodia.line.api.LineState;
import org.custodia.line.api.LineStateChange;
import org.custodia.line.api.LineStatus;
import org.custodia.line.api.RejectConfirmed;
import org.custodia.line.simulator.ejb.EmbeddedLineSimulator;
import org.custodia.validation.oq.line.LineEventRecorder;
import org.custodia.validation.oq.line.RecordedLineEvents;
import org.custodia.validation.oq.line.RecordedLineEvents.Arrival;
import org.custodia.validation.support.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the server, on the embedded default: the line adapter (RAR in the EAR) against the
 * in-process simulator on opc.tcp://localhost:4840. Label data goes out through the pooled
 * connection factory from JNDI; camera reads, reject confirmations and state changes come back to a
 * message-driven bean, per line in sequence; a lost server is reported within 5 s and the adapter
 * reconnects and catches up. Also measures the round trip and the sustained rate (no asserts on
 * them; FIGURE lines in the server log).
 */
@ExtendWith(ArquillianExtension.class)
class LineAdapterIT {

  private static final Logger LOG = Logger.getLogger(LineAdapterIT.class.getName());

  private static final String JBOSS_EJB3 = """
      <?xml version="1.0" encoding="UTF-8"?>
      <jboss:ejb-jar xmlns:jboss="http://www.jboss.com/xml/ns/javaee" xmlns="https://jakarta.ee/xml/ns/jakartaee"
          xmlns:r="urn:resource-adapter-binding" version="4.0" impl-version="2.0">
        <assembly-descriptor>
          <r:resource-adapter-binding>
            <ejb-name>LineEventRecorder</ejb-name>
            <r:resource-adapter-name>%s</r:resource-adapter-name>
          </r:resource-adapter-binding>
        </assembly-descriptor>
      </jboss:ejb-jar>
      """.formatted(LineJndi.RESOURCE_ADAPTER);

  @Deployment
  static EnterpriseArchive ear() {
    return Deployments.earWithProbe(
        war -> war.addAsWebInfResource(new StringAsset(JBOSS_EJB3), "jboss-ejb3.xml"),
        LineAdapterIT.class, LineEventRecorder.class, RecordedLineEvents.class,
        RecordedLineEvents.Arrival.class);
  }

  @Resource(lookup = LineJndi.CONNECTION_FACTORY)
  LineConnectionFactory lines;

  @EJB RecordedLineEvents recorded;

  @EJB EmbeddedLineSimulator simulator;

  @Resource ManagedExecutorService executor;

  private static List<LabelData> labels(int n) {
    String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    List<LabelData> labels = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String serial = run + String.format("%05d", i);
      labels.add(new LabelData(serial, "0109506000134352\u001D21" + serial, List.of("SN " + serial)));
    }
    return labels;
  }

  private List<CameraRead> readsOf(String line, List<LabelData> labels) {
    var codes = new java.util.HashSet<String>();
    labels.forEach(l -> codes.add(l.elementString()));
    return recorded.arrivals().stream().map(Arrival::message)
        .filter(m -> m instanceof CameraRead r && r.lineId().equals(line) && codes.contains(r.elementString()))
        .map(CameraRead.class::cast).toList();
  }

  private List<LineStateChange> statesOf(String line, int from) {
    List<Arrival> all = recorded.arrivals();
    return all.subList(Math.min(from, all.size()), all.size()).stream().map(Arrival::message)
        .filter(m -> m instanceof LineStateChange s && s.lineId().equals(line))
        .map(LineStateChange.class::cast).toList();
  }

  /** The line's own messages after index {@code from} are consecutive (adapter notices left out). */
  private void assertConsecutive(String line, int from) {
    List<Arrival> all = recorded.arrivals();
    List<Long> seqs = new ArrayList<>();
    long max = Long.MIN_VALUE;
    for (Arrival a : all.subList(from, all.size())) {
      LineMessage m = a.message();
      if (!m.lineId().equals(line) || (m instanceof LineStateChange && m.sequence() <= max)) {
        continue;
      }
      seqs.add(m.sequence());
      max = Math.max(max, m.sequence());
    }
    for (int i = 1; i < seqs.size(); i++) {
      assertEquals(seqs.get(i - 1) + 1, seqs.get(i), "gap or duplicate at " + i);
    }
  }

  private void awaitConnected(String line) {
    await().atMost(Duration.ofSeconds(60)).until(() -> recorded.arrivals().stream()
        .anyMatch(a -> a.message() instanceof LineStateChange s && s.lineId().equals(line)
            && s.state() != LineState.DISCONNECTED));
  }

  @Test
  @Tag("LINE-1")
  @Tag("LINE-3")
  @Tag("LINE-5")
  void labelsSentThroughThePoolComeBackAsCameraReadsInSequenceAndARejectIsConfirmed()
      throws Exception {
    // given line-8 of the in-process simulator running, the MDB connected
    awaitConnected("line-8");
    int from = recorded.size();
    List<LabelData> labels = labels(200);
    try (LineConnection c = lines.getConnection()) {
      c.setSpeed("line-8", 6000);
      c.start("line-8");

      // when 200 units' label data is sent
      for (LabelData label : labels) {
        c.sendLabel("line-8", label);
      }
    }

    // then 200 camera reads of exactly those codes arrive in the order sent, numbers consecutive
    await().atMost(Duration.ofSeconds(60)).until(() -> readsOf("line-8", labels).size() >= 200);
    List<CameraRead> reads = readsOf("line-8", labels);
    assertEquals(200, reads.size());
    for (int i = 0; i < 200; i++) {
      assertEquals(labels.get(i).elementString(), reads.get(i).elementString());
    }
    assertConsecutive("line-8", from);

    // and a reject of the latest unit is confirmed by the reject station
    String unitRef = reads.get(199).unitRef();
    try (LineConnection c = lines.getConnection()) {
      c.reject("line-8", unitRef, "TEST");
      LineStatus status = c.readLineState("line-8");
      assertEquals(LineState.RUNNING, status.state());
      assertEquals(6000, status.unitsPerMinute());
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> recorded.arrivals().stream()
        .anyMatch(a -> a.message() instanceof RejectConfirmed r && r.unitRef().equals(unitRef)));
  }

  @Test
  @Tag("LINE-4")
  void aLostServerIsReportedWithinFiveSecondsThenTheAdapterReconnectsAndDeliveryResumes()
      throws Exception {
    // given line-9 running
    awaitConnected("line-9");
    try (LineConnection c = lines.getConnection()) {
      c.setSpeed("line-9", 6000);
      c.start("line-9");
    }
    List<LabelData> before = labels(20);
    try (LineConnection c = lines.getConnection()) {
      for (LabelData l : before) {
        c.sendLabel("line-9", l);
      }
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> readsOf("line-9", before).size() == 20);
    int from = recorded.size();

    // when the simulator's server stops (every connection cut) while the line goes on
    long cut = System.nanoTime();
    simulator.stopServer();

    // then DISCONNECTED arrives within 5 s
    await().atMost(Duration.ofSeconds(5)).until(() -> statesOf("line-9", from).stream()
        .anyMatch(s -> s.state() == LineState.DISCONNECTED));
    long detectedMs = (System.nanoTime() - cut) / 1_000_000;
    List<LabelData> during = labels(20);
    during.forEach(l -> simulator.line("line-9").print(l));

    // and when the server is back, the adapter reconnects: RUNNING, then the reads made meanwhile
    simulator.startServer();
    await().atMost(Duration.ofSeconds(30)).until(() -> statesOf("line-9", from).stream()
        .anyMatch(s -> s.state() == LineState.RUNNING));
    await().atMost(Duration.ofSeconds(30)).until(() -> readsOf("line-9", during).size() == 20);
    List<LabelData> after = labels(20);
    try (LineConnection c = lines.getConnection()) {
      for (LabelData l : after) {
        c.sendLabel("line-9", l);
      }
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> readsOf("line-9", after).size() == 20);
    List<CameraRead> reads = readsOf("line-9", during);
    for (int i = 0; i < 20; i++) {
      assertEquals(during.get(i).elementString(), reads.get(i).elementString());
    }
    assertConsecutive("line-9", from);
    LOG.info("FIGURE line_disconnect_detected_ms=" + detectedMs + " ms");
  }

  private Void send(String line, List<LabelData> labels) throws Exception {
    try (LineConnection c = lines.getConnection()) {
      for (LabelData l : labels) {
        c.sendLabel(line, l);
      }
    }
    return null;
  }

  @Test
  @Tag("LINE-4")
  void measuresTheRoundTripAndTheSustainedRate() throws Exception {
    // given both lines running as fast as the simulator goes
    awaitConnected("line-8");
    awaitConnected("line-9");
    try (LineConnection c = lines.getConnection()) {
      for (String line : List.of("line-8", "line-9")) {
        c.setSpeed(line, 600_000);
        c.start(line);
      }
    }

    // round trip: one unit at a time, send -> camera read delivered to the MDB
    List<LabelData> one = labels(2000);
    long[] roundTrips = new long[one.size()];
    Map<String, Long> sentAt = new HashMap<>();
    try (LineConnection c = lines.getConnection()) {
      for (int i = 0; i < one.size(); i++) {
        LabelData l = one.get(i);
        int from = recorded.size();
        long t0 = System.nanoTime();
        sentAt.put(l.elementString(), t0);
        c.sendLabel("line-8", l);
        await().pollInterval(Duration.ofMillis(1)).atMost(Duration.ofSeconds(10)).until(() -> {
          List<Arrival> all = recorded.arrivals();
          return all.subList(from, all.size()).stream().anyMatch(
              a -> a.message() instanceof CameraRead r && l.elementString().equals(r.elementString()));
        });
        Arrival arrival = recorded.arrivals().stream()
            .filter(a -> a.message() instanceof CameraRead r && l.elementString().equals(r.elementString()))
            .findFirst().orElseThrow();
        roundTrips[i] = arrival.nanoTime() - t0;
      }
    }
    Arrays.sort(roundTrips);
    double p50 = roundTrips[roundTrips.length / 2] / 1e6;
    double p99 = roundTrips[(int) (roundTrips.length * 0.99)] / 1e6;

    // sustained: 2 x 1000 units sent back to back, one sender (and pooled connection) per line,
    // until every read is delivered
    List<LabelData> burst1 = labels(1000);
    List<LabelData> burst2 = labels(1000);
    long t0 = System.nanoTime();
    Future<?> sender1 = executor.submit(() -> send("line-8", burst1));
    Future<?> sender2 = executor.submit(() -> send("line-9", burst2));
    sender1.get();
    sender2.get();
    long sentNanos = System.nanoTime() - t0;
    await().atMost(Duration.ofSeconds(120)).until(
        () -> readsOf("line-8", burst1).size() == 1000 && readsOf("line-9", burst2).size() == 1000);
    long allNanos = System.nanoTime() - t0;
    double rate = 2000 / (allNanos / 1e9);
    LOG.info(String.format("FIGURE line_roundtrip_p50_ms=%.2f ms", p50));
    LOG.info(String.format("FIGURE line_roundtrip_p99_ms=%.2f ms", p99));
    LOG.info(String.format("FIGURE line_send_rate=%.0f calls/s (two senders)", 2000 / (sentNanos / 1e9)));
    LOG.info(String.format("FIGURE line_sustained_rate=%.0f units/s (%.0f units/min per line)",
        rate, rate * 60 / 2));
    List<CameraRead> r1 = readsOf("line-8", burst1);
    List<CameraRead> r2 = readsOf("line-9", burst2);
    for (int i = 0; i < 1000; i++) {
      assertEquals(burst1.get(i).elementString(), r1.get(i).elementString());
      assertEquals(burst2.get(i).elementString(), r2.get(i).elementString());
    }
    assertTrue(p50 > 0);
    try (LineConnection c = lines.getConnection()) {
      for (String line : List.of("line-8", "line-9")) {
        c.setSpeed(line, 400);
      }
    }
  }
}
