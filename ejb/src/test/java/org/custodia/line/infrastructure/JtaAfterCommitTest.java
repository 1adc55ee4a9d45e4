package org.custodia.line.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Label data leaves only after the transaction that marked its units PRINTED committed (LINE-4: no label for
 * a serial the database does not account for, e.g. when the server dies before the commit).
 */
@Tag("LINE-4")
class JtaAfterCommitTest {

  /** A registry with one transaction, completed by the test. */
  static final class Registry implements TransactionSynchronizationRegistry {
    int status = Status.STATUS_ACTIVE;
    final List<Synchronization> syncs = new ArrayList<>();

    void complete(int outcome) {
      syncs.forEach(Synchronization::beforeCompletion);
      status = outcome;
      syncs.forEach(s -> s.afterCompletion(outcome));
    }

    @Override
    public void registerInterposedSynchronization(Synchronization sync) {
      syncs.add(sync);
    }

    @Override
    public int getTransactionStatus() {
      return status;
    }

    @Override
    public Object getTransactionKey() {
      return this;
    }

    @Override
    public void putResource(Object key, Object value) {}

    @Override
    public Object getResource(Object key) {
      return null;
    }

    @Override
    public void setRollbackOnly() {}

    @Override
    public boolean getRollbackOnly() {
      return false;
    }
  }

  final Registry registry = new Registry();
  final JtaAfterCommit afterCommit = new JtaAfterCommit();
  final List<String> sent = new ArrayList<>();

  JtaAfterCommitTest() {
    afterCommit.registry = registry;
  }

  @Test
  void runsTheWorkOnlyOnceTheTransactionCommitted() {
    afterCommit.run(() -> sent.add("label"));
    assertEquals(List.of(), sent);
    registry.complete(Status.STATUS_COMMITTED);
    assertEquals(List.of("label"), sent);
  }

  @Test
  void dropsTheWorkWhenTheTransactionRollsBack() {
    afterCommit.run(() -> sent.add("label"));
    registry.complete(Status.STATUS_ROLLEDBACK);
    assertEquals(List.of(), sent);
  }

  @Test
  void runsAtOnceWithoutATransaction() {
    registry.status = Status.STATUS_NO_TRANSACTION;
    afterCommit.run(() -> sent.add("label"));
    assertEquals(List.of("label"), sent);
  }

  @Test
  void aFailureAfterCommitDoesNotReachTheCommitter() {
    afterCommit.run(() -> {
      throw new IllegalStateException("printer gone");
    });
    afterCommit.run(() -> sent.add("next"));
    registry.complete(Status.STATUS_COMMITTED);
    assertEquals(List.of("next"), sent);
  }
}
