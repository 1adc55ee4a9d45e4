package org.custodia.exceptions.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custodia.exceptions.domain.SupplyException;
import org.custodia.platform.PerTransaction;

/**
 * Tells listeners (the web tier's push channel, EXC-3) of each exception raised, once the transaction that
 * raised it has committed: an exception whose work rolled back never existed, so nobody is alerted to it.
 * Without a transaction the listeners hear at once. A failing listener is logged and does not stop the
 * others.
 */
@ApplicationScoped
public class ExceptionAlerts {

  private static final Logger LOG = Logger.getLogger(ExceptionAlerts.class.getName());
  private static final Object KEY = new Object();

  @Resource TransactionSynchronizationRegistry registry;

  private final List<Consumer<SupplyException>> listeners = new CopyOnWriteArrayList<>();

  /** Adds a listener; the returned action removes it. */
  public Runnable subscribe(Consumer<SupplyException> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** Announces {@code raised} after the current transaction commits. */
  void raised(SupplyException raised) {
    if (registry.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
      tell(List.of(raised));
      return;
    }
    List<SupplyException> pending =
        PerTransaction.collection(registry, KEY, ArrayList::new, list -> { }, this::tell);
    if (pending != null) {
      pending.add(raised);
    } // else the transaction is ending or marked for rollback: the exception will not exist
  }

  private void tell(List<SupplyException> raised) {
    for (SupplyException e : raised) {
      for (Consumer<SupplyException> l : listeners) {
        try {
          l.accept(e);
        } catch (RuntimeException ex) {
          LOG.log(Level.WARNING, "exception alert listener failed: " + ex.getMessage(), ex);
        }
      }
    }
  }
}
