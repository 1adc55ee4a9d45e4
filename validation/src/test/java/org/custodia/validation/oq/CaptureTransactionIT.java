package org.custodia.validation.oq;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.UserTransaction;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.custodia.epcis.application.EventCaptureService;
import org.custodia.epcis.application.EventRepositoryService;
import org.custodia.epcis.domain.ObjectEvent;
import org.custodia.epcis.infrastructure.json.EpcisJson;
import org.custodia.platform.Jndi;
import org.custodia.validation.support.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the server, next to the real application: a feature's database change and the event it sends
 * over the capture queue commit together or not at all (one JTA transaction: Artemis prepared by XA, the
 * embedded H2 committed last as the commit-markable resource with the transaction's marker), and a
 * message the repository cannot read is redelivered and then kept in the dead-letter queue, not lost. The
 * embedded default's database taking part is the project's H2, not the older module WildFly ships.
 */
@ExtendWith(ArquillianExtension.class)
class CaptureTransactionIT {

  @Deployment
  static EnterpriseArchive ear() {
    // the build's h2.version, read by the deployment here and by the test in the server from the probe
    String h2 = Objects.requireNonNull(System.getProperty("custodia.h2.version"), "custodia.h2.version");
    return Deployments.earWithProbe(
        war -> war.addAsResource(new StringAsset(h2), H2_VERSION_RESOURCE), CaptureTransactionIT.class);
  }

  @Resource UserTransaction tx;

  @Resource TransactionSynchronizationRegistry registry;

  @Resource(lookup = Jndi.DATASOURCE)
  DataSource dataSource;

  @EJB EventCaptureService capture;

  @EJB EventRepositoryService repository;

  @Inject
  @JMSConnectionFactory("java:/ConnectionFactory")
  JMSContext jms;

  @Resource(lookup = Jndi.EPCIS_CAPTURE_QUEUE)
  Queue captureQueue;

  @Resource(lookup = Jndi.DEAD_LETTER_QUEUE)
  Queue deadLetters;

  @Resource(lookup = Jndi.JMS_XA_FACTORY)
  ConnectionFactory xaFactory;

  private static ObjectEvent event(String id) {
    return new ObjectEvent(id, OffsetDateTime.now(), List.of("urn:epc:id:sgtin:9506000.013435." + id.substring(9, 17)),
        "OBSERVE", "inspecting", "active", null, null, Map.of());
  }

  /**
   * The probe's copy of the root pom's {@code h2.version}. WildFly ships H2 2.2.224, which failed the
   * commit of a prepared transaction with an internal error under load (validation/pq/README.md);
   * wildfly-config puts the project's driver in a module that the server finds first.
   */
  private static final String H2_VERSION_RESOURCE = "custodia-h2.version";

  @Test
  @Tag("OPS-1")
  void theDatasourceRunsOnTheProjectsH2NotOnTheModuleTheServerShips() throws Exception {
    String expected;
    try (InputStream in = CaptureTransactionIT.class.getClassLoader().getResourceAsStream(H2_VERSION_RESOURCE)) {
      expected = new String(Objects.requireNonNull(in, H2_VERSION_RESOURCE).readAllBytes(), StandardCharsets.UTF_8);
    }
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      assertEquals("H2", meta.getDatabaseProductName());
      assertTrue(meta.getDatabaseProductVersion().startsWith(expected + " "),
          "H2 " + meta.getDatabaseProductVersion() + ", expected " + expected);
    }
  }

  @Test
  @Tag("SER-5")
  void databaseWorkAndTheEventSentInOneTransactionCommitOrRollBackTogether() throws Exception {
    // given two units of work, each a database row plus an event
    String lostId = "urn:uuid:" + UUID.randomUUID();
    String keptId = "urn:uuid:" + UUID.randomUUID();
    String lostRow = prefix();
    String keptRow = prefix();

    // when the first transaction rolls back and the second commits
    tx.begin();
    insertRow(lostRow);
    capture.capture(List.of(event(lostId)), "xa-test");
    tx.rollback();
    tx.begin();
    insertRow(keptRow);
    capture.capture(List.of(event(keptId)), "xa-test");
    tx.commit();

    // then the committed event reaches the repository with its row, the rolled-back one never does
    await().atMost(Duration.ofSeconds(30)).until(() -> repository.event(keptId).isPresent());
    assertTrue(rowExists(keptRow));
    assertTrue(!rowExists(lostRow), "the rolled-back row must not exist");
    assertTrue(repository.event(lostId).isEmpty(), "an event sent in a rolled-back transaction was stored");
  }

  @Test
  @Tag("SER-5")
  void theDatabaseCommitsLastWithTheTransactionsMarkerWhenTheQueueTakesPart() throws Exception {
    // given a transaction with a database row and an event on the capture queue, and one with a row only
    String withEvent = prefix();
    String rowOnly = prefix();
    tx.begin();
    insertRow(withEvent);
    capture.capture(List.of(event("urn:uuid:" + UUID.randomUUID())), "cmr-test");
    byte[] twoResources = transactionUid();
    tx.commit();
    tx.begin();
    insertRow(rowOnly);
    byte[] oneResource = transactionUid();
    tx.commit();

    // then the first committed its row together with its marker in the recovery table, which the transaction
    // manager's recovery reads to finish the queue's prepared branch after a crash (the embedded H2 takes part
    // as Narayana's commit-markable resource, configure-datasource-h2.cli); the second, committed in one phase,
    // needs none. (The transaction manager deletes a completed marker at its next periodic recovery, every
    // 2 minutes, so the first could only be missed by a recovery pass in the milliseconds since the commit.)
    assertTrue(rowExists(withEvent) && rowExists(rowOnly));
    assertEquals(1, markers(twoResources), "markers of the two-resource transaction");
    assertEquals(0, markers(oneResource), "markers of the database-only transaction");
  }

  /** The current transaction's id as Narayana's recovery table stores it ({@code Uid.getBytes()}). */
  private byte[] transactionUid() throws Exception {
    Object key = registry.getTransactionKey();
    return (byte[]) key.getClass().getMethod("getBytes").invoke(key);
  }

  private int markers(byte[] actionUid) throws Exception {
    return count("SELECT COUNT(*) FROM tx_recovery.xids WHERE actionuid = ?", actionUid);
  }

  @Test
  void aMessageTheRepositoryCannotReadIsRedeliveredThenKeptInTheDeadLetterQueue() throws Exception {
    // given a message that is not an EPCIS document
    String source = "poison-" + UUID.randomUUID();
    TextMessage poison = jms.createTextMessage("this is not an EPCIS document");
    poison.setStringProperty(EventCaptureService.SOURCE, source);

    // when it is put on the capture queue
    jms.createProducer().send(captureQueue, poison);

    // then after the redeliveries it is in the dead-letter queue, whole
    await().pollInSameThread().atMost(Duration.ofSeconds(60)).until(() -> deadLetter(source) != null);
    Message dead = deadLetter(source);
    assertEquals("this is not an EPCIS document", ((TextMessage) dead).getText());
    // Artemis moves it after the delivery attempts the address settings allow, noting where it came from
    assertEquals("jms.queue.custodia.EpcisCapture", dead.getStringProperty("_AMQ_ORIG_ADDRESS"));
  }

  @Test
  @Tag("SER-5")
  @Tag("LINE-4")
  void commissioningDocumentsWaitingTogetherAreAllStoredAndOneUnreadableAmongThemFailsAlone() throws Exception {
    // given thirty commissioning documents and, among them, one the repository cannot read, all put on the
    // capture queue by one transaction, so that the queue's consumers take them side by side
    String run = UUID.randomUUID().toString();
    List<String> ids = new ArrayList<>();
    tx.begin();
    try (JMSContext xa = xaFactory.createContext()) {
      JMSProducer producer = xa.createProducer();
      for (int i = 0; i < 30; i++) {
        if (i == 10) {
          producer.send(captureQueue, commissioningMessage(xa, "{\"not\": \"an EPCIS document\"}", run));
        }
        String id = "urn:uuid:" + UUID.randomUUID();
        ids.add(id);
        producer.send(captureQueue,
            commissioningMessage(xa, EpcisJson.document(List.of(event(id)), OffsetDateTime.now()), run));
      }
    }
    tx.commit();

    // then every readable document is stored, and only the unreadable one ends in the dead-letter queue
    await().pollInSameThread().atMost(Duration.ofSeconds(90))
        .until(() -> ids.stream().allMatch(id -> repository.event(id).isPresent()));
    await().pollInSameThread().atMost(Duration.ofSeconds(90)).until(() -> deadLetters("run = '" + run + "'").size() == 1);
    assertEquals("{\"not\": \"an EPCIS document\"}", ((TextMessage) deadLetters("run = '" + run + "'").get(0)).getText());
  }

  private static TextMessage commissioningMessage(JMSContext context, String body, String run) throws Exception {
    TextMessage m = context.createTextMessage(body);
    m.setStringProperty(EventCaptureService.TYPE, "EPCISDocument");
    m.setStringProperty(EventCaptureService.SCHEMA_VERSION, "2.0");
    m.setStringProperty(EventCaptureService.SOURCE, EventCaptureService.COMMISSIONING_SOURCE);
    m.setStringProperty("run", run);
    return m;
  }

  private List<Message> deadLetters(String selector) throws Exception {
    try (QueueBrowser browser = jms.createBrowser(deadLetters, selector)) {
      List<Message> found = new ArrayList<>();
      for (Object m : Collections.list(browser.getEnumeration())) {
        found.add((Message) m);
      }
      return found;
    }
  }

  private Message deadLetter(String source) throws Exception {
    List<Message> found = deadLetters("source = '" + source + "'");
    return found.isEmpty() ? null : found.get(0);
  }

  private static String prefix() {
    return String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
  }

  private void insertRow(String prefix) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("INSERT INTO company_prefix (prefix, name) VALUES (?, ?)")) {
      ps.setString(1, prefix);
      ps.setString(2, "XA test");
      ps.executeUpdate();
    }
  }

  private boolean rowExists(String prefix) throws Exception {
    return count("SELECT COUNT(*) FROM company_prefix WHERE prefix = ?", prefix) == 1;
  }

  /** The count a {@code SELECT COUNT(*)} with one parameter answers. */
  private int count(String sql, Object parameter) throws Exception {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, parameter);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
