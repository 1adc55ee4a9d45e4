package org.custodia.platform;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Something collected while a JTA transaction runs and handled once at its end, in the order it was
 * collected: written just before the transaction commits (still inside it) or run after it committed. One
 * interposed synchronization per transaction and key — the transaction manager calls several
 * synchronizations in the reverse order of their registration, so one per item would reverse them.
 */
public final class PerTransaction {

  private PerTransaction() {}

  /**
   * The current transaction's collection under {@code key}, made by {@code create} on first use, when
   * {@code beforeCommit} (unless the transaction is marked for rollback) and {@code afterCommit} (only once
   * it committed) are registered for it; null when no transaction is active.
   */
  public static <R> R collection(TransactionSynchronizationRegistry registry, Object key, Supplier<R> create,
      Consumer<R> beforeCommit, Consumer<R> afterCommit) {
    if (registry.getTransactionStatus() != Status.STATUS_ACTIVE) {
      return null;
    }
    @SuppressWarnings("unchecked")
    R existing = (R) registry.getResource(key);
    if (existing != null) {
      return existing;
    }
    R fresh = create.get();
    registry.putResource(key, fresh);
    registry.registerInterposedSynchronization(new Synchronization() {
      @Override
      public void beforeCompletion() {
        if (!registry.getRollbackOnly()) {
          beforeCommit.accept(fresh);
        }
      }

      @Override
      public void afterCompletion(int status) {
        if (status == Status.STATUS_COMMITTED) {
          afterCommit.accept(fresh);
        }
      }
    });
    return fresh;
  }
}
