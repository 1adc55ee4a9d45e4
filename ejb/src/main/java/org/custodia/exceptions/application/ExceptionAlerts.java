package org.custodia.exceptions.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custodia.exceptions.domain.SupplyException;
import org.custodia.platform.AlertTopic;
import org.custodia.platform.PerTransaction;
import org.custodia.security.Roles;

/**
 * Alerts to each exception raised (EXC-3). External systems: published on the alert topic ({@link
 * AlertTopic}) in the transaction that raises it. In the application: listeners (the web tier's push
 * channel) hear of it once that transaction has committed: an exception whose work rolled back never
 * existed, so nobody is alerted to it. Without a transaction the listeners hear at once. A failing listener
 * is logged and does not stop the others.
 */
@ApplicationScoped
public class ExceptionAlerts {

  private static final Logger LOG = Logger.getLogger(ExceptionAlerts.class.getName());
  private static final Object KEY = new Object();

  /** The roles that follow supply-chain exceptions up, as the inbox and its push channel have them. */
  static final List<String> ROLES = List.of(Roles.QA, Roles.COMPLIANCE, Roles.ADMIN, Roles.AUDITOR);

  @Resource TransactionSynchronizationRegistry registry;

  @Inject AlertTopic topic;

  private final List<Consumer<SupplyException>> listeners = new CopyOnWriteArrayList<>();

  /** Adds a listener; the returned action removes it. */
  public Runnable subscribe(Consumer<SupplyException> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /**
   * Publishes {@code raised} on the alert topic in the current transaction, and announces it to the
   * listeners after that transaction commits.
   */
  void raised(SupplyException raised) {
    Map<String, String> objects = new LinkedHashMap<>();
    objects.put("epc", raised.involved().epc());
    objects.put("gtin", raised.involved().gtin());
    objects.put("serial", raised.involved().serial());
    objects.put("lot", raised.involved().lot());
    objects.put("requesterGln", raised.involved().requesterGln());
    topic.publish(new AlertTopic.Alert("supply", raised.id(), raised.type().name(), raised.severity().name(),
        raised.detail(), raised.raisedAt(), raised.raisedBy(), ROLES, objects));
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
