package org.custodia.line.infrastructure.line;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import org.custodia.line.api.AggregationScan;
import org.custodia.line.api.CameraRead;
import org.custodia.line.api.LineEventListener;
import org.custodia.line.api.LineMessage;
import org.custodia.line.api.LineStateChange;
import org.custodia.line.api.RejectConfirmed;
import org.custodia.line.application.LineAggregation;
import org.custodia.line.application.WorkOrderService;
import org.custodia.line.domain.LineState;
import org.custodia.security.Roles;

/**
 * What the packaging lines report (LINE-1, LINE-3), from the OPC UA resource adapter to the work order
 * loop: the lines of {@code custodia.line.ids}, bound to the adapter by {@code jboss-ejb3.xml}. Each call —
 * one message, or the messages of several lines that waited ({@link #onMessages}) — is one container
 * transaction (the database and, when units are commissioned, the EPCIS capture queue: XA), in which each
 * line's sequence number is recorded as processed and the good units of all its camera reads are
 * commissioned together at its end; the adapter delivers a line's messages in order and delivers them again,
 * one at a time, when this bean throws. After a crash the adapter asks
 * {@link #lastProcessed} where to resume. The adapter calls it with no caller identity (permitted); it calls the work order service
 * as the operator role, whose rights the inbound methods need.
 */
@MessageDriven(
    name = "LineEvents",
    activationConfig = @ActivationConfigProperty(propertyName = "lineIds", propertyValue = "${custodia.line.ids}"))
@PermitAll
@RunAs(Roles.OPERATOR)
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class LineEventsBean implements LineEventListener {

  @Inject WorkOrderService workOrders;

  /** A camera read alone: its good unit, if any, commissioned before the transaction ends. */
  @Override
  public void onCameraRead(CameraRead read) {
    handle(read);
    workOrders.commissionPending();
  }

  // a reject confirmation, a line state or a scan alone holds no unit for commissioning (a scan commissions
  // what its own transaction held before aggregation judges it)

  @Override
  public void onRejectConfirmed(RejectConfirmed confirmation) {
    handle(confirmation);
  }

  @Override
  public void onLineState(LineStateChange change) {
    handle(change);
  }

  @Override
  public void onAggregationScan(AggregationScan scan) {
    handle(scan);
  }

  /**
   * Messages of one or more lines that waited while the beans were busy: one transaction for all, the good
   * units of all the camera reads commissioned together at the end (one serialization call, one
   * commissioning event per work order).
   */
  @Override
  public void onMessages(List<LineMessage> messages) {
    messages.forEach(this::handle);
    workOrders.commissionPending();
  }

  private void handle(LineMessage message) {
    if (message instanceof CameraRead read) {
      workOrders.onCameraRead(read.lineId(), read.sequence(), read.unitRef(), read.elementString(),
          read.grade().name(), read.timestamp());
    } else if (message instanceof RejectConfirmed confirmation) {
      workOrders.onRejectConfirmed(confirmation.lineId(), confirmation.sequence(), confirmation.unitRef());
    } else if (message instanceof LineStateChange change) {
      workOrders.onLineState(change.lineId(), LineState.valueOf(change.state().name()),
          change.timestamp(), change.report());
    } else if (message instanceof AggregationScan scan) {
      workOrders.onAggregationScan(scan.lineId(), scan.sequence(),
          LineAggregation.Level.valueOf(scan.station().name()), scan.parentCode(), scan.childCodes(), scan.timestamp());
    }
  }

  @Override
  public long lastProcessed(String lineId) {
    return workOrders.processedUpTo(lineId);
  }
}
