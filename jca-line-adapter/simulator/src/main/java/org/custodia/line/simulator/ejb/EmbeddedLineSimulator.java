package org.custodia.line.simulator.ejb;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custodia.line.simulator.LineSimulator;
import org.custodia.line.simulator.SimulatorConfig;
import org.custodia.line.simulator.model.LineModel;
import org.custodia.line.simulator.model.LineSettings;

/**
 * Starts the line simulator in-process for the embedded default (DESIGN.md), before the resource
 * adapter connects to it (application.xml initialize-in-order). System properties: {@code
 * custodia.line.simulator.enabled} (default true; the production scripts set false), {@code
 * custodia.line.simulator.port} (4840), {@code custodia.line.simulator.lines} (line-1,line-2),
 * {@code custodia.line.simulator.speed} (400 units/min). Milo comes from the RAR's class loader; the
 * work runs on pools of the server's managed threads
 * (ManagedThreadFactory): the managed executors refuse work while the server suspends for shutdown,
 * which would break the OPC UA server's own shutdown.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class EmbeddedLineSimulator {

  private static final Logger LOG = Logger.getLogger(EmbeddedLineSimulator.class.getName());
  private static final String P = "custodia.line.simulator.";

  @Resource private ManagedThreadFactory threads;

  private ExecutorService executor;
  private ScheduledExecutorService scheduler;

  private LineSimulator simulator;

  @PostConstruct
  void start() {
    if (!Boolean.parseBoolean(System.getProperty(P + "enabled", "true"))) {
      LOG.info("Line simulator disabled (custodia.line.simulator.enabled=false)");
      return;
    }
    SimulatorConfig d = SimulatorConfig.embeddedDefault();
    SimulatorConfig config = new SimulatorConfig(
        System.getProperty(P + "bind", d.bindAddress()),
        System.getProperty(P + "host", d.hostname()),
        Integer.getInteger(P + "port", d.port()),
        SimulatorConfig.lines(System.getProperty(P + "lines", String.join(",", d.lineIds()))),
        LineSettings.defaults().withSpeed(Integer.getInteger(P + "speed", 400)),
        null);
    executor = Executors.newCachedThreadPool(threads);
    scheduler = Executors.newScheduledThreadPool(2, threads);
    simulator = new LineSimulator(config, executor, scheduler);
    try {
      simulator.start();
    } catch (Exception e) {
      LOG.log(Level.SEVERE, "The line simulator did not start on " + config.endpointUrl(), e);
      simulator.close();
      simulator = null;
    }
  }

  @PreDestroy
  void stop() {
    if (simulator != null) {
      simulator.close();
      simulator = null;
    }
    if (scheduler != null) {
      scheduler.shutdownNow();
      executor.shutdownNow();
    }
  }

  /** Whether the simulator runs in this server. */
  public boolean running() {
    return simulator != null;
  }

  /** The lines, e.g. for fault injection in tests. */
  public List<String> lineIds() {
    return simulator == null ? List.of() : List.copyOf(simulator.lines().keySet());
  }

  /** A line's model, to change its settings or inject faults. */
  public LineModel line(String lineId) {
    if (simulator == null || !simulator.lines().containsKey(lineId)) {
      throw new IllegalArgumentException("no simulated line " + lineId);
    }
    return simulator.lines().get(lineId);
  }

  /** Stops the OPC UA server: every client loses its connection; the lines go on. */
  public void stopServer() {
    if (simulator != null) {
      simulator.stopServer();
    }
  }

  /** Starts the OPC UA server again. */
  public void startServer() throws Exception {
    if (simulator != null) {
      simulator.start();
    }
  }

  /** Whether the OPC UA server is up. */
  public boolean serverRunning() {
    return simulator != null && simulator.serverRunning();
  }
}
