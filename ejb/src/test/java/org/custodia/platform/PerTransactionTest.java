package org.custodia.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One collection and one synchronization per transaction and key, handled in order at the end. */
class PerTransactionTest {

  /** A transaction as the registry shows it: its status, resources and synchronizations. */
  private static final class Tx implements TransactionSynchronizationRegistry {
    int status = Status.STATUS_ACTIVE;
    boolean rollbackOnly;
    final Map<Object, Object> resources = new HashMap<>();
    final List<Synchronization> syncs = new ArrayList<>();

    void commit() {
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

  private static final Object KEY = new Object();

  @Test
  void itemsCollectedInOneTransactionAreHandledOnceInOrderBeforeAndAfterTheCommit() {
    Tx tx = new Tx();
    List<String> before = new ArrayList<>();
    List<String> after = new ArrayList<>();
    for (String item : List.of("a", "b", "c")) {
      List<String> c = PerTransaction.collection(tx, KEY, ArrayList::new, before::addAll, after::addAll);
      c.add(item);
    }
    assertEquals(1, tx.syncs.size());
    tx.commit();
    assertEquals(List.of("a", "b", "c"), before);
    assertEquals(List.of("a", "b", "c"), after);
  }

  @Test
  void aTransactionMarkedForRollbackHandlesNothing() {
    Tx tx = new Tx();
    List<String> handled = new ArrayList<>();
    PerTransaction.<List<String>>collection(tx, KEY, ArrayList::new, handled::addAll, handled::addAll).add("a");
    tx.setRollbackOnly();
    tx.commit();
    assertEquals(List.of(), handled);
  }

  @Test
  void withoutAnActiveTransactionThereIsNoCollection() {
    Tx tx = new Tx();
    tx.status = Status.STATUS_NO_TRANSACTION;
    assertNull(PerTransaction.collection(tx, KEY, ArrayList::new, c -> { }, c -> { }));
    tx.status = Status.STATUS_ACTIVE;
    Object first = PerTransaction.collection(tx, KEY, ArrayList::new, c -> { }, c -> { });
    assertSame(first, PerTransaction.collection(tx, KEY, ArrayList::new, c -> { }, c -> { }));
  }
}
