package org.custodia.validation.crash;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.custodia.validation.support.Api;
import org.custodia.validation.support.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * WildFly killed with SIGKILL in the middle of a work order and started again (issue 4, LINE-4): after
 * recovery the order runs to its end and reconciles exactly — no serial lost, none commissioned twice, every
 * commissioned unit with exactly one EPCIS commissioning event (one JTA transaction over the database and
 * Artemis, the embedded H2 committing last as the commit-markable resource; the
 * line adapter resumes after the last line message whose processing committed).
 *
 * <p>And serials issued over REST right before such a kill are not issued again after it (SER-2): the
 * database's one-phase commits are on disk before their answers leave (the embedded H2's {@code
 * WRITE_DELAY=0}).
 *
 * <p>Not an Arquillian test: each test starts the build's configured server itself, twice, on the same
 * fresh base directory under target/crash-server with the EAR in its deployments, and kills it in between;
 * so it runs in a failsafe execution of its own, after the Arquillian suite has stopped its server
 * (validation/pom.xml). After the work order's run it stops the server and reads the H2 file directly.
 */
class CrashRecoveryIT {

  private static final Logger LOG = Logger.getLogger(CrashRecoveryIT.class.getName());
  private static final Api QA = Api.as("qa");
  private static final Api OPERATOR = Api.as("operator");
  private static final int QUANTITY = 400;

  private static Path home;
  private static Path base;
  private static Process launcher;

  @BeforeAll
  static void prepare() throws IOException {
    home = Path.of(System.getProperty("jboss.home"));
    base = Path.of("target", "crash-server").toAbsolutePath();
    delete(base);
    Files.createDirectories(base.resolve("deployments"));
    copy(home.resolve("standalone/configuration"), base.resolve("configuration"));
    delete(base.resolve("configuration/standalone_xml_history"));
    Files.copy(Path.of(System.getProperty("custodia.ear")), base.resolve("deployments/custodia.ear"));
  }

  @AfterEach
  void stop() throws Exception {
    stopServer(false);
  }

  @Test
  @Tag("SER-2")
  void serialsIssuedJustBeforeAKillAreNeverIssuedAgain() throws Exception {
    // given a sequential pool of a fresh GTIN and 20 ranges issued from it, each answered
    startServer();
    Api.Reply pool = QA.postJson("/api/serialization/pools", "{\"gtin\":\"" + TestData.newGtin()
        + "\",\"charset\":\"NUMERIC\",\"length\":12,\"order\":\"SEQUENTIAL\",\"markets\":[\"US\"]}");
    assertEquals(201, pool.status(), pool.body());
    long id = pool.json().getJsonNumber("id").longValue();
    List<String> issued = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      issued.addAll(allocate(id, 50));
    }
    assertEquals(1_000, new HashSet<>(issued).size());

    // when the server is killed (SIGKILL) right after the last answer, and started again. These
    // transactions have the database as their only resource, so it commits them alone (one phase): the
    // answer may only be sent once the commit is on disk, whatever the database's write-behind would allow
    stopServer(true);
    startServer();

    // then the pool goes on after the last serial it issued: none of the 1,000 comes out again
    List<String> after = allocate(id, 1_000);
    List<String> again = new ArrayList<>(after);
    again.retainAll(new HashSet<>(issued));
    assertTrue(again.isEmpty(), again.size() + " serials issued again after the restart, the first "
        + again.subList(0, Math.min(5, again.size())));
  }

  private static List<String> allocate(long pool, int count) {
    Api.Reply r = QA.postJson("/api/serialization/pools/" + pool + "/allocations", "{\"count\":" + count + "}");
    assertEquals(200, r.status(), r.body());
    return r.json().getJsonArray("serials").getValuesAs(JsonString::getString);
  }

  @Test
  @Tag("LINE-4")
  @Tag("LINE-2")
  void aServerKilledMidRunRecoversAndTheOrderStillReconcilesExactly() throws Exception {
    // given a work order of 400 units running on line-1 at 600 units a minute
    startServer();
    Api.Reply created = QA.postJson("/api/line/workorders", "{\"line\":\"line-1\",\"gtin\":\"09506000134352\",\"lot\":\""
        + TestData.newLot() + "\",\"expiry\":\"281231\",\"quantity\":" + QUANTITY + ",\"markets\":[\"US\",\"EU\"]}");
    assertEquals(201, created.status(), created.body());
    long id = created.json().getJsonNumber("id").longValue();
    assertEquals(200, OPERATOR.postJson("/api/line/workorders/" + id + "/start", "").status());
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
        .until(() -> order(id).getInt("good") >= 120);

    // when the server is killed (SIGKILL: no shutdown, transactions in flight) and started again
    int goodBefore = order(id).getInt("good");
    stopServer(true);
    LOG.info("killed with " + goodBefore + " units good; starting again");
    startServer();

    // then the line (in the same JVM, so restarted with it) comes back stopped and the order waits, paused,
    // for the operator; resumed, it goes on from where the database says it was, to the end. The database
    // holds no prepared transaction after the kill (it commits last, locally, as the commit-markable
    // resource), so no row stays locked until the transaction manager's periodic recovery
    await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(500))
        .until(() -> order(id).getString("status").equals("PAUSED"));
    Api.Reply resumed = OPERATOR.postJson("/api/line/workorders/" + id + "/resume", "");
    assertEquals(200, resumed.status(), resumed.body());
    await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofSeconds(1))
        .until(() -> order(id).getInt("good") == QUANTITY);
    Api.Reply closed = QA.postJson("/api/line/workorders/" + id + "/close", "");
    assertEquals(200, closed.status(), closed.body());
    JsonObject s = order(id);
    LOG.info("closed after the crash: " + s);
    assertTrue(s.getBoolean("reconciled"), s.toString());
    assertEquals(QUANTITY, s.getInt("good"));
    assertEquals(s.getInt("printed"), s.getInt("good") + s.getInt("rejected") + s.getInt("sampled")
        + s.getInt("destroyed"), s.toString());
    assertEquals(s.getInt("serialsAllocated"), s.getInt("printed") + s.getInt("unused"), s.toString());
    // the EPCIS capture is asynchronous (the capture queue): the server stops once every commissioning of
    // this fresh database reached the repository — the commissioning events name as many EPCs as units good
    // (a line transaction commissions its units together, one event per work order, so an event may name
    // several). The event of a transaction the kill caught between the database's commit and the queue's is
    // delivered only when the transaction manager's periodic recovery (every 2 minutes) finds the
    // transaction's marker in the database and commits the queue's prepared branch: wait for two periods
    await().atMost(Duration.ofSeconds(360)).pollInterval(Duration.ofSeconds(1))
        .until(() -> commissionedEpcs() >= QUANTITY);
    stopServer(false);

    // and, in the database itself: every serial accounted for once
    try (Connection c = DriverManager.getConnection("jdbc:h2:" + base.resolve("data/custodia/custodia")
        + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH", "sa", "sa")) {
      String wo = "WO-" + id;
      assertEquals(QUANTITY, count(c, "SELECT COUNT(*) FROM commissioned_unit WHERE work_order = ?", wo));
      assertEquals(QUANTITY, count(c, "SELECT COUNT(DISTINCT serial) FROM commissioned_unit WHERE work_order = ?", wo));
      assertEquals(QUANTITY, count(c, "SELECT COUNT(*) FROM work_order_unit u WHERE u.work_order_id = ?"
          + " AND u.status = 'GOOD' AND EXISTS (SELECT 1 FROM commissioned_unit x WHERE x.work_order = ?"
          + " AND x.serial = u.serial)", id, wo));
      assertEquals(0, count(c, "SELECT COUNT(*) FROM work_order_unit u WHERE u.work_order_id = ?"
          + " AND u.status <> 'GOOD' AND EXISTS (SELECT 1 FROM commissioned_unit x WHERE x.work_order = ?"
          + " AND x.serial = u.serial)", id, wo));
      // one commissioning event per unit: no EPC of the order without one, none with two
      assertEquals(0, count(c, "SELECT COUNT(*) FROM commissioned_unit x WHERE x.work_order = ? AND (SELECT COUNT(*)"
          + " FROM epcis_event_epc e JOIN epcis_event v ON v.id = e.event_pk WHERE e.epc = x.epc"
          + " AND v.biz_step LIKE '%commissioning') <> 1", wo));
      LOG.info("FIGURE crash_units_good_before_kill=" + goodBefore);
    }
  }

  /** The EPCs the repository's commissioning events name, counted once each. */
  private static int commissionedEpcs() {
    Api.Reply r = QA.get("/api/epcis/events?EQ_bizStep=commissioning&perPage=1000");
    assertEquals(200, r.status(), r.body());
    Set<String> epcs = new HashSet<>();
    r.json().getJsonObject("epcisBody").getJsonObject("queryResults").getJsonObject("resultsBody")
        .getJsonArray("eventList").forEach(e -> e.asJsonObject().getJsonArray("epcList")
            .forEach(epc -> epcs.add(((JsonString) epc).getString())));
    return epcs.size();
  }

  private static JsonObject order(long id) {
    return QA.get("/api/line/workorders/" + id).json();
  }

  private static long count(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  // ---- the server ----

  private static void startServer() throws Exception {
    ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/standalone.sh").toString(), "-c", "standalone-full.xml",
        "-Djboss.server.base.dir=" + base, "-Dcustodia.line.simulator.speed=600")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(base.resolve("console.log").toFile()));
    Map<String, String> env = pb.environment();
    env.put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
    env.put("JBOSS_PIDFILE", base.resolve("server.pid").toString());
    env.put("JBOSS_JAVA_SIZING", "-Xms512m -Xmx1536m");
    Files.deleteIfExists(base.resolve("server.pid"));
    launcher = pb.start();
    long started = System.nanoTime();
    await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofSeconds(1)).until(() -> {
      if (!launcher.isAlive()) {
        throw new IllegalStateException("the server ended during start; see " + base.resolve("console.log"));
      }
      try {
        return Api.anonymous().get("/api/serialization/pools").status() == 401;
      } catch (java.io.UncheckedIOException e) {
        return false;
      }
    });
    LOG.info("server up after " + (System.nanoTime() - started) / 1_000_000 + " ms");
  }

  /** Stops the server: SIGKILL to its java process when {@code kill}, else SIGTERM (graceful shutdown). */
  private static void stopServer(boolean kill) throws Exception {
    Path pidFile = base.resolve("server.pid");
    if (Files.exists(pidFile)) {
      long pid = Long.parseLong(Files.readString(pidFile).trim());
      ProcessHandle.of(pid).ifPresent(p -> {
        if (kill) {
          p.destroyForcibly();
        } else {
          p.destroy();
        }
        p.onExit().orTimeout(90, java.util.concurrent.TimeUnit.SECONDS).exceptionally(t -> {
          p.destroyForcibly();
          return p;
        }).join();
      });
      Files.deleteIfExists(pidFile);
    }
    if (launcher != null) {
      launcher.destroy();
      launcher.waitFor();
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
