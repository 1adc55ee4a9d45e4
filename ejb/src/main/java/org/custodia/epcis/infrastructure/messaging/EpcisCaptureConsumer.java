package org.custodia.epcis.infrastructure.messaging;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custodia.epcis.application.CaptureService;
import org.custodia.epcis.application.EventCaptureService;
import org.custodia.epcis.application.EventRepositoryService;
import org.custodia.platform.Jndi;

/**
 * Consumes EPCIS documents from the capture queue and stores them, in the message's JTA transaction. On
 * any failure it rethrows, so Artemis redelivers with back-off and finally moves the message to the
 * dead-letter queue; nothing is swallowed.
 *
 * <p>Sessions: {@code custodia.epcis.capture.sessions}, default 2 (each a transaction at a time). On the
 * embedded H2, which then prepared one XA transaction at a time for the whole database, four consumers beside
 * the line deliveries only made more transactions run at once, competing for the prepare: with two, the line
 * benchmark's machine was 71 – 74 % busy instead of 79 – 82 %, and 20 lines' read-to-event p50 / p99 fell
 * from 74 – 84 / 308 – 330 ms to 60 / 269 ms (validation/pq/README.md, line-throughput). With H2 as the
 * commit-markable resource (one local commit, no prepare), four were still no better than two (20 lines
 * p99 140 ms against 128 – 132 ms, 2026-11-29). Partners' captures over REST are capture jobs, which another
 * consumer runs.
 */
@PermitAll
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = Jndi.EPCIS_CAPTURE_QUEUE),
      @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(propertyName = "messageSelector", propertyValue = "type IS NULL OR type <> '" + CaptureService.CAPTURE_JOB + "'"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "${custodia.epcis.capture.sessions:2}")
    })
public class EpcisCaptureConsumer implements MessageListener {

  private static final Logger LOG = Logger.getLogger(EpcisCaptureConsumer.class.getName());

  @Inject EventRepositoryService repository;

  @Override
  public void onMessage(Message message) {
    try {
      if (!(message instanceof TextMessage text)) {
        throw new IllegalArgumentException("capture queue takes TextMessages with an EPCIS document");
      }
      String source = message.getStringProperty(EventCaptureService.SOURCE);
      int stored = repository.store(text.getText(), source == null ? "unknown" : source);
      LOG.log(Level.FINE, "Stored {0} new events from {1}", new Object[] {stored, source});
    } catch (JMSException e) {
      throw new IllegalStateException("cannot read capture message", e);
    }
  }
}
