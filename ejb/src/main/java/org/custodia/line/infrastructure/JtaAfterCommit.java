package org.custodia.line.infrastructure;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custodia.line.application.AfterCommit;

/**
 * Runs work after the JTA transaction commits, through an interposed synchronization; at once when no
 * transaction is active; never when it rolls back. Failures are logged: the transaction is already
 * committed, and what was not sent shows as units on the way that close settles.
 */
@ApplicationScoped
public class JtaAfterCommit implements AfterCommit {

  private static final Logger LOG = Logger.getLogger(JtaAfterCommit.class.getName());

  @Resource TransactionSynchronizationRegistry registry;

  @Override
  public void run(Runnable work) {
    if (registry.getTransactionStatus() != Status.STATUS_ACTIVE) {
      work.run();
      return;
    }
    registry.registerInterposedSynchronization(new Synchronization() {
      @Override
      public void beforeCompletion() {}

      @Override
      public void afterCompletion(int status) {
        if (status == Status.STATUS_COMMITTED) {
          try {
            work.run();
          } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "work after commit failed: " + e.getMessage(), e);
          }
        }
      }
    });
  }
}
