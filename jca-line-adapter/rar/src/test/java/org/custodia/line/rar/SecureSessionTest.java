package org.custodia.line.rar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.ResourceException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.custodia.line.api.LineState;
import org.custodia.line.api.LineStatus;
import org.custodia.line.simulator.LineSimulator;
import org.custodia.line.simulator.SimulatorConfig;
import org.custodia.line.simulator.model.LineSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production setup of the adapter (Basic256Sha256 SignAndEncrypt, a user, certificate trust
 * from the PKI directory) against the simulator's secure endpoint.
 */
class SecureSessionTest {

  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
  private LineSimulator simulator;
  private String url;
  private WorkManagerExecutor executor;

  @TempDir Path pki;

  @BeforeEach
  void start() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    simulator = new LineSimulator(new SimulatorConfig("localhost", "localhost", port,
        List.of("line-9"), LineSettings.defaults(), 1L, "custodia", "s3cret"), pool, scheduler);
    simulator.start();
    url = "opc.tcp://localhost:" + port;
    executor = new WorkManagerExecutor(LineActivationTest.workManager(pool));
  }

  @AfterEach
  void stop() {
    simulator.close();
    scheduler.shutdownNow();
    pool.shutdownNow();
  }

  private MiloSettings settings(String password) {
    return new MiloSettings(url, "Basic256Sha256", "custodia", password, pki.toString(), "ks-pass",
        5000, 500, 1);
  }

  private void trustServer() throws Exception {
    Path certs = pki.resolve("trusted").resolve("certs");
    Files.createDirectories(certs);
    Files.write(certs.resolve("line-simulator.der"), simulator.identity().certificate().getEncoded());
  }

  @Test
  @Tag("LINE-1")
  void connectsSignedAndEncryptedWithAUserToATrustedServer() throws Exception {
    // given the server's certificate in the trusted folder
    trustServer();

    // when a pooled connection is made and used
    LineManagedConnection c = new LineManagedConnection(settings("s3cret"), executor);
    LineStatus status = c.read(cmds -> cmds.readLineState("line-9"));
    c.destroy();

    // then the line answers and the adapter kept its own certificate for the next time
    assertEquals(LineState.STOPPED, status.state());
    assertTrue(Files.exists(pki.resolve("custodia-line-adapter.p12")));
  }

  @Test
  @Tag("LINE-1")
  void refusesAServerWhoseCertificateIsNotTrusted() {
    assertThrows(ResourceException.class, () -> new LineManagedConnection(settings("s3cret"), executor));
  }

  @Test
  @Tag("LINE-1")
  void refusesAWrongPassword() throws Exception {
    trustServer();
    assertThrows(ResourceException.class, () -> new LineManagedConnection(settings("wrong"), executor));
  }
}
