package org.custodia.epcis.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.annotation.Resource;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.custodia.epcis.domain.AggregationEvent;
import org.custodia.epcis.domain.ObjectEvent;
import org.custodia.epcis.infrastructure.json.EpcisJson;
import org.custodia.platform.Jndi;

/**
 * The single entrance to the repository for events made inside Custodia: puts them on the capture queue
 * in the caller's transaction (XA with the caller's database work), so a feature's state change and its
 * event commit together or not at all (DESIGN.md "Flow").
 */
@PermitAll
@Stateless
public class EventCaptureService {

  /** Message property: what the payload is. */
  public static final String TYPE = "type";

  /** Message property: version of the payload format. */
  public static final String SCHEMA_VERSION = "schemaVersion";

  /** Message property: who captured the document. */
  public static final String SOURCE = "source";

  @Inject
  @JMSConnectionFactory(Jndi.JMS_XA_FACTORY)
  JMSContext jms;

  @Resource(lookup = Jndi.EPCIS_CAPTURE_QUEUE)
  Queue captureQueue;

  /** Sends ObjectEvents as one EPCIS document. */
  public void capture(List<ObjectEvent> events, String source) {
    send(EpcisJson.document(events, OffsetDateTime.now(ZoneOffset.UTC)), source);
  }

  /** Sends AggregationEvents as one EPCIS document. */
  public void captureAggregations(List<AggregationEvent> events, String source) {
    send(EpcisJson.aggregationDocument(events, OffsetDateTime.now(ZoneOffset.UTC)), source);
  }

  private void send(String document, String source) {
    TextMessage message = jms.createTextMessage(document);
    try {
      message.setStringProperty(TYPE, "EPCISDocument");
      message.setStringProperty(SCHEMA_VERSION, "2.0");
      message.setStringProperty(SOURCE, source);
    } catch (jakarta.jms.JMSException e) {
      throw new IllegalStateException("cannot set message properties", e);
    }
    jms.createProducer().send(captureQueue, message);
  }
}
