package org.custodia.line.application;

import jakarta.annotation.security.RunAs;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custodia.security.Roles;

/**
 * Looks every two seconds for rejects whose confirmation is overdue (LINE-3): the timeout is the line's
 * {@code reject_timeout_ms}, so the detection lags it by at most two seconds. A non-persistent timer: on a
 * restart it simply runs again, and the check finds what is overdue from the database.
 */
@Singleton
@RunAs(Roles.OPERATOR)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RejectWatchdog {

  private static final Logger LOG = Logger.getLogger(RejectWatchdog.class.getName());

  @Inject WorkOrderService service;

  @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false, info = "line reject watchdog")
  void check() {
    try {
      service.checkRejectTimeouts();
      service.checkMissedReads();
    } catch (RuntimeException e) {
      // the next tick tries again; nothing is lost, the overdue rejects stay in the database
      LOG.log(Level.WARNING, "reject watchdog failed: " + e.getMessage(), e);
    }
  }
}
