package org.custodia.line.infrastructure;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custodia.line.application.AfterCommit;
import org.custodia.platform.PerTransaction;

/**
 * Runs work after the JTA transaction commits, in the order it was handed over ({@link PerTransaction}:
 * one synchronization per transaction, which kept a batch's labels from going to the printer last first);
 * at once when no transaction is active; never when it rolls back. Failures are logged: the transaction is already
 * committed, and what was not sent shows as units on the way that close settles.
 */
@ApplicationScoped
public class JtaAfterCommit implements AfterCommit {

  private static final Logger LOG = Logger.getLogger(JtaAfterCommit.class.getName());
  private static final Object KEY = new Object();

  @Resource TransactionSynchronizationRegistry registry;

  @Override
  public void run(Runnable work) {
    List<Runnable> pending = PerTransaction.collection(registry, KEY, ArrayList::new, works -> { },
        JtaAfterCommit::runAll);
    if (pending == null) {
      work.run();
    } else {
      pending.add(work);
    }
  }

  private static void runAll(List<Runnable> works) {
    for (Runnable w : works) {
      try {
        w.run();
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "work after commit failed: " + e.getMessage(), e);
      }
    }
  }
}
