package org.custodia.platform;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Exception alerts for external systems (EXC-3): each exception raised, supply-chain or line, is published
 * on the topic {@value Jndi#EXCEPTION_ALERTS_TOPIC} (exported for remote clients as {@value
 * Jndi#EXCEPTION_ALERTS_TOPIC_EXPORTED}) in the transaction that raises it, through the XA connection
 * factory: an alert goes out exactly when its exception commits. The message is a JSON document (version
 * {@value #SCHEMA_VERSION}; its fields are in README.md, "What works today", Exceptions) with the
 * properties {@code kind}, {@code type}, {@code severity} and {@code roles} (the roles that follow it up,
 * comma-separated with a comma at each end, so that a subscriber selects its role with {@code roles LIKE
 * '%,QA,%'}).
 */
@PermitAll
@Stateless
public class AlertTopic {

  /** Version of the message's JSON document. */
  public static final String SCHEMA_VERSION = "1";

  /**
   * One alert.
   *
   * @param kind {@code supply} (the exception inbox) or {@code line} (a packaging line's exceptions)
   * @param id the exception's number within its kind
   * @param type the exception type's code
   * @param severity LOW, MEDIUM, HIGH or CRITICAL
   * @param detail what happened
   * @param raisedAt when
   * @param raisedBy the user or system identity that raised it
   * @param roles the roles that follow it up
   * @param objects what it is about (epc, gtin, serial, lot, requesterGln, line, workOrderId, sequence), the
   *     ones known
   */
  public record Alert(String kind, long id, String type, String severity, String detail, OffsetDateTime raisedAt,
      String raisedBy, List<String> roles, Map<String, String> objects) {}

  @Resource(lookup = Jndi.JMS_XA_FACTORY)
  ConnectionFactory factory;

  @Resource(lookup = Jndi.EXCEPTION_ALERTS_TOPIC)
  Topic topic;

  /** Publishes {@code alert} in the caller's transaction. */
  public void publish(Alert alert) {
    try (JMSContext jms = factory.createContext()) {
      TextMessage message = jms.createTextMessage(json(alert));
      message.setStringProperty("schemaVersion", SCHEMA_VERSION);
      message.setStringProperty("kind", alert.kind());
      message.setStringProperty("type", alert.type());
      message.setStringProperty("severity", alert.severity());
      message.setStringProperty("roles", "," + String.join(",", alert.roles()) + ",");
      jms.createProducer().send(topic, message);
    } catch (JMSException e) {
      throw new IllegalStateException("cannot build the alert message of " + alert.kind() + " exception " + alert.id(), e);
    }
  }

  static String json(Alert alert) {
    JsonObjectBuilder objects = Jsonp.JSON.createObjectBuilder();
    alert.objects().forEach((k, v) -> {
      if (v != null) {
        objects.add(k, v);
      }
    });
    JsonArrayBuilder roles = Jsonp.JSON.createArrayBuilder();
    alert.roles().forEach(roles::add);
    return Jsonp.JSON.createObjectBuilder()
        .add("schemaVersion", SCHEMA_VERSION)
        .add("kind", alert.kind())
        .add("id", alert.id())
        .add("type", alert.type())
        .add("severity", alert.severity())
        .add("detail", alert.detail())
        .add("raisedAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(alert.raisedAt()))
        .add("raisedBy", alert.raisedBy() == null ? "" : alert.raisedBy())
        .add("roles", roles)
        .add("objects", objects)
        .build()
        .toString();
  }
}
