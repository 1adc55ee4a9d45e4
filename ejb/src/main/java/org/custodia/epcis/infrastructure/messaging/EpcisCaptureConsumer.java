package org.custodia.epcis.infrastructure.messaging;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custodia.epcis.application.CaptureService;
import org.custodia.epcis.application.EventCaptureService;
import org.custodia.epcis.application.EventRepositoryService;
import org.custodia.platform.Jndi;

/**
 * Consumes EPCIS documents from the capture queue and stores them, in the message's XA transaction. On
 * any failure it rethrows, so Artemis redelivers with back-off and finally moves the message to the
 * dead-letter queue; nothing is swallowed.
 *
 * <p>Stores in batches (DESIGN.md "Flow"): with a commissioning document in hand, it takes up to {@link
 * #MAX_DOCUMENTS} − 1 more that are waiting on the queue into the same transaction, so a backlog of the
 * lines' documents is stored with one commit (one two-phase commit of the database and Artemis) per batch
 * instead of one per document. Only commissioning documents are taken this way: every other internal
 * document belongs to the ordered message group and must be stored one after the other. A message that
 * comes again (its transaction rolled back) takes no others into its transaction, and taking stops after
 * the first one that comes again, so a batch holds at most one document that failed before: a document the
 * repository cannot read fails alone after its first failure and reaches the dead-letter queue, and the
 * documents that failed with it once are stored on a later delivery. The queue's consumers take no
 * messages ahead ({@code consumerWindowSize} 0 here and on the resource adapter's XA connection factory,
 * configure-jms.cli): waiting documents stay on the queue, where this consumer can take them.
 */
@PermitAll
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = Jndi.EPCIS_CAPTURE_QUEUE),
      @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(propertyName = "messageSelector", propertyValue = "type IS NULL OR type <> '" + CaptureService.CAPTURE_JOB + "'"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4"),
      @ActivationConfigProperty(propertyName = "consumerWindowSize", propertyValue = "0")
    })
public class EpcisCaptureConsumer implements MessageListener {

  private static final Logger LOG = Logger.getLogger(EpcisCaptureConsumer.class.getName());

  /** The most documents stored in one transaction; system property {@code custodia.capture.max-batch}. */
  static final int MAX_DOCUMENTS = Math.max(1, Integer.getInteger("custodia.capture.max-batch", 32));

  /** What selects the documents that may join a batch: the commissionings (never in a message group). */
  static final String BATCHABLE = EventCaptureService.SOURCE + " = '" + EventCaptureService.COMMISSIONING_SOURCE
      + "' AND " + EventCaptureService.TYPE + " = 'EPCISDocument'";

  @Inject EventRepositoryService repository;

  @Resource(lookup = Jndi.JMS_XA_FACTORY)
  ConnectionFactory factory;

  @Resource(lookup = Jndi.EPCIS_CAPTURE_QUEUE)
  Queue captureQueue;

  @Override
  public void onMessage(Message message) {
    try {
      store(message);
      if (MAX_DOCUMENTS > 1 && batchable(message) && firstDelivery(message)) {
        int taken = takeWaiting();
        LOG.log(Level.FINE, "Stored {0} more waiting commissioning documents in the same transaction", taken);
      }
    } catch (JMSException e) {
      throw new IllegalStateException("cannot read capture message", e);
    }
  }

  private void store(Message message) throws JMSException {
    if (!(message instanceof TextMessage text)) {
      throw new IllegalArgumentException("capture queue takes TextMessages with an EPCIS document");
    }
    String source = message.getStringProperty(EventCaptureService.SOURCE);
    int stored = repository.store(text.getText(), source == null ? "unknown" : source);
    LOG.log(Level.FINE, "Stored {0} new events from {1}", new Object[] {stored, source});
  }

  /**
   * Receives and stores the commissioning documents waiting on the queue, through the XA connection
   * factory (its session joins this transaction), until none is waiting, the batch is full, or one comes
   * again; returns how many.
   */
  private int takeWaiting() throws JMSException {
    int taken = 0;
    try (JMSContext jms = factory.createContext(); JMSConsumer consumer = jms.createConsumer(captureQueue, BATCHABLE)) {
      while (taken < MAX_DOCUMENTS - 1) {
        Message next = consumer.receiveNoWait();
        if (next == null) {
          break;
        }
        store(next);
        taken++;
        if (!firstDelivery(next)) {
          break;
        }
      }
    }
    return taken;
  }

  private static boolean batchable(Message message) throws JMSException {
    return EventCaptureService.COMMISSIONING_SOURCE.equals(message.getStringProperty(EventCaptureService.SOURCE))
        && "EPCISDocument".equals(message.getStringProperty(EventCaptureService.TYPE));
  }

  private static boolean firstDelivery(Message message) throws JMSException {
    return !message.getJMSRedelivered();
  }
}
