package org.custodia.line.simulator;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custodia.line.api.LineMessage;
import org.custodia.line.simulator.model.Camera;
import org.custodia.line.simulator.model.LineModel;
import org.custodia.line.simulator.opcua.LineNamespace;
import org.custodia.line.wire.SharedStackUsers;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfigLimits;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.CompositeValidator;
import org.eclipse.milo.opcua.sdk.server.identity.UsernameIdentityValidator;
import org.eclipse.milo.opcua.stack.core.security.CertificateManager;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultApplicationGroup;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateStore;
import org.eclipse.milo.opcua.stack.core.security.MemoryTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.RsaSha256CertificateFactory;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.eclipse.milo.opcua.stack.core.Stack;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;

/**
 * Several simulated lines behind one OPC UA server (security None, anonymous). The lines live on
 * when the server is stopped or restarted ({@link #restart}): like a line's controller behind a
 * broken network, they keep their state, sequence numbers and the messages to send again.
 *
 * <p>All work runs on the executors given: pools of the application server's managed threads in the
 * embedded default, plain pools when run alone. Milo's own event loop is shared with the resource
 * adapter in the EAR; {@link SharedStackUsers} decides who releases it.
 */
public final class LineSimulator implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(LineSimulator.class.getName());
  private static final long NANOS_PER_MINUTE = 60_000_000_000L;

  private final SimulatorConfig config;
  private final ExecutorService executor;
  private final ScheduledExecutorService scheduler;
  private final Map<String, LineModel> lines = new LinkedHashMap<>();
  private final Map<String, ScheduledFuture<?>> runners = new LinkedHashMap<>();
  private final Map<String, Integer> runnerSpeeds = new LinkedHashMap<>();
  private ScheduledFuture<?> speedWatch;
  private volatile LineNamespace namespace;
  private OpcUaServer server;
  private boolean closed;

  /** The lines, stopped, and no server yet ({@link #start}). */
  public LineSimulator(SimulatorConfig config, ExecutorService executor,
      ScheduledExecutorService scheduler) {
    this.config = config;
    this.executor = executor;
    this.scheduler = scheduler;
    SplittableRandom seeds =
        config.seed() == null ? new SplittableRandom() : new SplittableRandom(config.seed());
    long firstSequence = System.currentTimeMillis() * 1000;
    for (String id : config.lineIds()) {
      lines.put(id, new LineModel(id, config.line(), firstSequence, seeds.split(),
          Clock.systemUTC(), new Camera(), this::publish));
    }
    SharedStackUsers.acquire();
  }

  private void publish(LineMessage message) {
    LineNamespace ns = namespace;
    if (ns != null) {
      ns.publish(message);
    }
  }

  /** The line models by ID. */
  public Map<String, LineModel> lines() {
    return lines;
  }

  public SimulatorConfig config() {
    return config;
  }

  /** Starts the OPC UA server and the lines' clocks. */
  public synchronized void start() throws Exception {
    startServer();
    if (speedWatch == null) {
      speedWatch = scheduler.scheduleWithFixedDelay(this::adjustRunners, 0, 100,
          TimeUnit.MILLISECONDS);
    }
  }

  private synchronized void adjustRunners() {
    if (closed) {
      return;
    }
    for (LineModel line : lines.values()) {
      int speed = line.settings().unitsPerMinute();
      Integer current = runnerSpeeds.get(line.lineId());
      if (current == null || current != speed) {
        ScheduledFuture<?> old = runners.remove(line.lineId());
        if (old != null) {
          old.cancel(false);
        }
        long period = NANOS_PER_MINUTE / speed;
        runners.put(line.lineId(),
            scheduler.scheduleAtFixedRate(() -> step(line), period, period, TimeUnit.NANOSECONDS));
        runnerSpeeds.put(line.lineId(), speed);
      }
    }
  }

  private static void step(LineModel line) {
    try {
      line.step();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "line " + line.lineId() + " failed a step", e);
    }
  }

  private synchronized void startServer() throws Exception {
    if (server != null || closed) {
      return;
    }
    Set<EndpointConfig> endpoints = new java.util.LinkedHashSet<>();
    EndpointConfig endpoint = EndpointConfig.newBuilder()
        .setBindAddress(config.bindAddress())
        .setHostname(config.hostname())
        .setBindPort(config.port())
        .setPath("")
        .setSecurityPolicy(SecurityPolicy.None)
        .setSecurityMode(MessageSecurityMode.None)
        .addTokenPolicies(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS)
        .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
        .build();
    endpoints.add(endpoint);
    boolean secure = !config.username().isEmpty();
    if (secure) {
      endpoints.add(EndpointConfig.newBuilder()
          .setBindAddress(config.bindAddress())
          .setHostname(config.hostname())
          .setBindPort(config.port())
          .setPath("")
          .setCertificate(identity().certificate())
          .setSecurityPolicy(SecurityPolicy.Basic256Sha256)
          .setSecurityMode(MessageSecurityMode.SignAndEncrypt)
          .addTokenPolicies(OpcUaServerConfig.USER_TOKEN_POLICY_USERNAME)
          .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
          .build());
    }
    OpcUaServerConfig serverConfig = OpcUaServerConfig.builder()
        .setApplicationUri("urn:custodia:line-simulator")
        .setProductUri("urn:custodia:line-simulator")
        .setApplicationName(LocalizedText.english("Custodia packaging line simulator"))
        .setEndpoints(endpoints)
        .setCertificateManager(secure ? identity().certificateManager() : null)
        .setIdentityValidator(secure
            ? new CompositeValidator(AnonymousIdentityValidator.INSTANCE,
                new UsernameIdentityValidator(c -> config.username().equals(c.getUsername())
                    && config.password().equals(c.getPassword())))
            : AnonymousIdentityValidator.INSTANCE)
        .setLimits(new OpcUaServerConfigLimits() {
          @Override
          public Double getMinPublishingInterval() {
            return 1.0;
          }

          @Override
          public Double getMinSupportedSampleRate() {
            return 0.0;
          }
        })
        .setExecutor(executor)
        .setScheduledExecutor(scheduler)
        .build();
    OpcUaServer s = new OpcUaServer(serverConfig, profile -> new OpcTcpServerTransport(
        OpcTcpServerTransportConfig.newBuilder().setExecutor(executor).build()));
    LineNamespace ns = new LineNamespace(s, lines, this::restart);
    ns.startup();
    s.startup().get(30, TimeUnit.SECONDS);
    namespace = ns;
    server = s;
    LOG.log(Level.INFO, "Line simulator listening on {0} with lines {1}",
        new Object[] {config.endpointUrl(), config.lineIds()});
  }

  /** The server's certificate and key (made once per simulator) and its certificate manager. */
  public record Identity(X509Certificate certificate, CertificateManager certificateManager) {}

  private Identity identity;

  /**
   * The server's identity for the Basic256Sha256 endpoint: a self-signed certificate made on first
   * use; every client certificate is accepted (a simulator, not a line to protect).
   */
  public synchronized Identity identity() {
    if (identity == null) {
      try {
        KeyPair pair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
        X509Certificate cert = new SelfSignedCertificateBuilder(pair)
            .setCommonName("Custodia line simulator")
            .setOrganization("Custodia")
            .setApplicationUri("urn:custodia:line-simulator")
            .addDnsName(config.hostname())
            .addIpAddress("127.0.0.1")
            .build();
        var trustList = new MemoryTrustListManager();
        var quarantine = new MemoryCertificateQuarantine();
        var factory = new RsaSha256CertificateFactory() {
          @Override
          protected KeyPair createRsaSha256KeyPair() {
            return pair;
          }

          @Override
          protected X509Certificate[] createRsaSha256CertificateChain(KeyPair keyPair) {
            return new X509Certificate[] {cert};
          }
        };
        var group = DefaultApplicationGroup.createAndInitialize(trustList,
            new MemoryCertificateStore(), factory,
            new CertificateValidator.InsecureCertificateValidator());
        identity = new Identity(cert, new DefaultCertificateManager(quarantine, group));
      } catch (Exception e) {
        throw new IllegalStateException("cannot make the simulator's certificate", e);
      }
    }
    return identity;
  }

  /** Stops the OPC UA server (every client loses its connection); the lines go on. */
  public synchronized void stopServer() {
    OpcUaServer s = server;
    LineNamespace ns = namespace;
    server = null;
    namespace = null;
    if (s == null) {
      return;
    }
    try {
      ns.shutdown();
      s.shutdown().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      LOG.log(Level.WARNING, "the line simulator's server did not stop cleanly", e);
    }
    LOG.info("Line simulator server stopped");
  }

  /** Whether the OPC UA server is up. */
  public synchronized boolean serverRunning() {
    return server != null;
  }

  /** Fault injection: drops every connection now and comes back after {@code downSeconds}. */
  public void restart(int downSeconds) {
    scheduler.execute(() -> {
      stopServer();
      scheduler.schedule(() -> {
        try {
          startServer();
        } catch (Exception e) {
          LOG.log(Level.SEVERE, "the line simulator's server did not start again", e);
        }
      }, Math.max(0, downSeconds), TimeUnit.SECONDS);
    });
  }

  /** Stops the lines' clocks and the server; releases Milo's shared resources when last. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (speedWatch != null) {
      speedWatch.cancel(false);
    }
    runners.values().forEach(f -> f.cancel(false));
    runners.clear();
    stopServer();
    if (SharedStackUsers.release()) {
      Stack.releaseSharedResources();
    }
  }
}
