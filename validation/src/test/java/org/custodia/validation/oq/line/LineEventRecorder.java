package org.custodia.validation.oq.line;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import org.custodia.line.api.AggregationScan;
import org.custodia.line.api.CameraRead;
import org.custodia.line.api.LineEventListener;
import org.custodia.line.api.LineStateChange;
import org.custodia.line.api.RejectConfirmed;

/**
 * A message-driven bean on the line adapter (bound by the probe's jboss-ejb3.xml) that records what it is
 * given, listening to line-8 and line-9: lines the OQ server's simulator adds (arquillian.xml) and the
 * application's own line bean does not listen to, so the adapter is tested without work orders reacting.
 */
@MessageDriven(
    name = "LineEventRecorder",
    activationConfig = @ActivationConfigProperty(propertyName = "lineIds", propertyValue = "line-8,line-9"))
public class LineEventRecorder implements LineEventListener {

  @EJB private RecordedLineEvents recorded;

  @Override
  public void onCameraRead(CameraRead read) {
    recorded.add(read);
  }

  @Override
  public void onRejectConfirmed(RejectConfirmed confirmation) {
    recorded.add(confirmation);
  }

  @Override
  public void onLineState(LineStateChange change) {
    recorded.add(change);
  }

  @Override
  public void onAggregationScan(AggregationScan scan) {
    recorded.add(scan);
  }
}
