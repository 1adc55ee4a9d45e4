package org.custodia.validation.oq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.UserTransaction;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.naming.InitialContext;
import org.custodia.exceptions.application.SupplyExceptionService;
import org.custodia.exceptions.domain.ExceptionType;
import org.custodia.exceptions.domain.Involved;
import org.custodia.exceptions.domain.Severity;
import org.custodia.platform.Jndi;
import org.custodia.validation.support.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the server: each exception raised is published on the alert topic for external systems when, and
 * only when, the transaction that raised it commits (EXC-3), with the properties subscribers select on.
 */
@ExtendWith(ArquillianExtension.class)
@Tag("EXC-3")
class ExceptionAlertTopicIT {

  @Deployment
  static EnterpriseArchive ear() {
    return Deployments.earWithProbe(ExceptionAlertTopicIT.class);
  }

  @Resource UserTransaction tx;

  @Resource(lookup = "java:/ConnectionFactory")
  ConnectionFactory factory;

  @Resource(lookup = Jndi.EXCEPTION_ALERTS_TOPIC)
  Topic alerts;

  @EJB SupplyExceptionService exceptions;

  @Test
  void anExceptionIsAlertedOnTheTopicWhenItsTransactionCommitsAndNeverWhenItRollsBack() throws Exception {
    String run = UUID.randomUUID().toString();
    try (JMSContext jms = factory.createContext();
        JMSConsumer qa = jms.createConsumer(alerts, "kind = 'supply' AND roles LIKE '%,QA,%' AND type = 'SUSPECT_PRODUCT'")) {
      // given a subscriber for QA's supply-chain alerts

      // when one exception is raised in a transaction that rolls back, then another in one that commits
      tx.begin();
      exceptions.raise(ExceptionType.SUSPECT_PRODUCT, Severity.HIGH,
          new Involved("09506000134352", "ROLLED" + run.substring(0, 8), "L1", null, "4012345000009"),
          "rolled back " + run);
      tx.rollback();
      tx.begin();
      long id = exceptions.raise(ExceptionType.SUSPECT_PRODUCT, Severity.HIGH,
          new Involved("09506000134352", "KEPT" + run.substring(0, 8), "L1", null, "4012345000009"),
          "committed " + run);
      tx.commit();

      // then the subscriber gets the committed one, with its fields, and nothing of the rolled-back one
      List<String> details = new ArrayList<>();
      JsonObject found = null;
      while (found == null) {
        Message m = qa.receive(30_000);
        assertNotNull(m, "no alert within 30 s; seen: " + details);
        JsonObject doc = Json.createReader(new StringReader(((TextMessage) m).getText())).readObject();
        details.add(doc.getString("detail"));
        if (doc.getString("detail").equals("committed " + run)) {
          found = doc;
          assertEquals("HIGH", m.getStringProperty("severity"));
          assertEquals("1", m.getStringProperty("schemaVersion"));
        }
      }
      assertTrue(details.stream().noneMatch(d -> d.equals("rolled back " + run)), "alerted a rolled-back exception: " + details);
      assertEquals(id, found.getJsonNumber("id").longValue());
      assertEquals("supply", found.getString("kind"));
      assertEquals("SUSPECT_PRODUCT", found.getString("type"));
      assertEquals("KEPT" + run.substring(0, 8), found.getJsonObject("objects").getString("serial"));
      assertEquals("4012345000009", found.getJsonObject("objects").getString("requesterGln"));
      assertTrue(found.getJsonArray("roles").getValuesAs(jakarta.json.JsonString::getString).contains("COMPLIANCE"));
    }
  }

  @Test
  void theTopicIsExportedForRemoteJmsClients() throws Exception {
    assertInstanceOf(Topic.class, new InitialContext().lookup(Jndi.EXCEPTION_ALERTS_TOPIC_EXPORTED));
  }
}
