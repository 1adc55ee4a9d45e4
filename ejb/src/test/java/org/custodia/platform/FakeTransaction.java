package org.custodia.platform;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A transaction as the registry shows it to code under test: its status, resources and synchronizations,
 * ended by {@link #commit} (which rolls back when marked so), as Narayana would call them.
 */
public final class FakeTransaction implements TransactionSynchronizationRegistry {
  public int status = Status.STATUS_ACTIVE;
  public boolean rollbackOnly;
  public final Map<Object, Object> resources = new HashMap<>();
  public final List<Synchronization> syncs = new ArrayList<>();

  /** Ends the transaction: before-completion callbacks, then committed (or rolled back) after-completion. */
  public void commit() {
    syncs.forEach(Synchronization::beforeCompletion);
    status = rollbackOnly ? Status.STATUS_ROLLEDBACK : Status.STATUS_COMMITTED;
    syncs.forEach(s -> s.afterCompletion(status));
  }

  @Override public Object getTransactionKey() { return this; }
  @Override public void putResource(Object key, Object value) { resources.put(key, value); }
  @Override public Object getResource(Object key) { return resources.get(key); }
  @Override public void registerInterposedSynchronization(Synchronization sync) { syncs.add(sync); }
  @Override public int getTransactionStatus() { return status; }
  @Override public void setRollbackOnly() { rollbackOnly = true; }
  @Override public boolean getRollbackOnly() { return rollbackOnly; }
}
