package org.custodia.epcis.infrastructure.messaging;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import org.custodia.epcis.application.CaptureJobProcessor;
import org.custodia.epcis.application.CaptureService;
import org.custodia.platform.Jndi;

/**
 * Consumes capture job references from the capture queue. A job can hold hundreds of thousands of
 * events, so it does not run in the message's transaction: the processor commits batch by batch, and if
 * this node dies the unacknowledged message is redelivered and the job resumes, skipping what was stored.
 */
@PermitAll
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = Jndi.EPCIS_CAPTURE_QUEUE),
      @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(propertyName = "messageSelector", propertyValue = "type = '" + CaptureService.CAPTURE_JOB + "'"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")
    })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CaptureJobConsumer implements MessageListener {

  @Inject CaptureJobProcessor processor;

  @Override
  public void onMessage(Message message) {
    try {
      processor.process(((TextMessage) message).getText());
    } catch (JMSException e) {
      throw new IllegalStateException("cannot read capture job message", e);
    }
  }
}
