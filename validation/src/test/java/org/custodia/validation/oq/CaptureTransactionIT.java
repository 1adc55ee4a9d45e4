package org.custodia.validation.oq;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.custodia.epcis.application.EventCaptureService;
import org.custodia.epcis.application.EventRepositoryService;
import org.custodia.epcis.domain.ObjectEvent;
import org.custodia.platform.Jndi;
import org.custodia.validation.support.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the server, next to the real application: a feature's database change and the event it sends
 * over the capture queue commit together or not at all (XA between the datasource and Artemis), and a
 * message the repository cannot read is redelivered and then kept in the dead-letter queue, not lost.
 */
@ExtendWith(ArquillianExtension.class)
class CaptureTransactionIT {

  @Deployment
  static EnterpriseArchive ear() {
    return Deployments.earWithProbe(CaptureTransactionIT.class);
  }

  @Resource UserTransaction tx;

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

  private static ObjectEvent event(String id) {
    return new ObjectEvent(id, OffsetDateTime.now(), List.of("urn:epc:id:sgtin:9506000.013435." + id.substring(9, 17)),
        "OBSERVE", "inspecting", "active", null, null, Map.of());
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

  private Message deadLetter(String source) throws Exception {
    try (QueueBrowser browser = jms.createBrowser(deadLetters, "source = '" + source + "'")) {
      for (Object m : Collections.list(browser.getEnumeration())) {
        return (Message) m;
      }
      return null;
    }
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
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM company_prefix WHERE prefix = ?")) {
      ps.setString(1, prefix);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1) == 1;
      }
    }
  }
}
