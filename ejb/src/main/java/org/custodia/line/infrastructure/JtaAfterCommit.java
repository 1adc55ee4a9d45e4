package org.custodia.line.infrastructure;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custodia.line.application.AfterCommit;

/**
 * Runs work after the JTA transaction commits, in the order it was handed over, through one interposed
 * synchronization per transaction (the transaction manager calls several synchronizations in the reverse
 * order of their registration, which sent a batch's labels to the printer last first); at once when no
 * transaction is active; never when it rolls back. Failures are logged: the transaction is already
 * committed, and what was not sent shows as units on the way that close settles.
 */
@ApplicationScoped
public class JtaAfterCommit implements AfterCommit {

  private static final Logger LOG = Logger.getLogger(JtaAfterCommit.class.getName());
  private static final Object KEY = new Object();

  @Resource TransactionSynchronizationRegistry registry;

  @Override
  public void run(Runnable work) {
    if (registry.getTransactionStatus() != Status.STATUS_ACTIVE) {
      work.run();
      return;
    }
    @SuppressWarnings("unchecked")
    List<Runnable> pending = (List<Runnable>) registry.getResource(KEY);
    if (pending == null) {
      List<Runnable> works = new ArrayList<>();
      registry.putResource(KEY, works);
      registry.registerInterposedSynchronization(new Synchronization() {
        @Override
        public void beforeCompletion() {}

        @Override
        public void afterCompletion(int status) {
          if (status != Status.STATUS_COMMITTED) {
            return;
          }
          for (Runnable w : works) {
            try {
              w.run();
            } catch (RuntimeException e) {
              LOG.log(Level.SEVERE, "work after commit failed: " + e.getMessage(), e);
            }
          }
        }
      });
      pending = works;
    }
    pending.add(work);
  }
}
