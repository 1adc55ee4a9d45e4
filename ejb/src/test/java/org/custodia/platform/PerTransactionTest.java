package org.custodia.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.transaction.Status;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One collection and one synchronization per transaction and key, handled in order at the end. */
class PerTransactionTest {

  private static final Object KEY = new Object();

  @Test
  void itemsCollectedInOneTransactionAreHandledOnceInOrderBeforeAndAfterTheCommit() {
    FakeTransaction tx = new FakeTransaction();
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
    FakeTransaction tx = new FakeTransaction();
    List<String> handled = new ArrayList<>();
    PerTransaction.<List<String>>collection(tx, KEY, ArrayList::new, handled::addAll, handled::addAll).add("a");
    tx.setRollbackOnly();
    tx.commit();
    assertEquals(List.of(), handled);
  }

  @Test
  void withoutAnActiveTransactionThereIsNoCollection() {
    FakeTransaction tx = new FakeTransaction();
    tx.status = Status.STATUS_NO_TRANSACTION;
    assertNull(PerTransaction.collection(tx, KEY, ArrayList::new, c -> { }, c -> { }));
    tx.status = Status.STATUS_ACTIVE;
    Object first = PerTransaction.collection(tx, KEY, ArrayList::new, c -> { }, c -> { });
    assertSame(first, PerTransaction.collection(tx, KEY, ArrayList::new, c -> { }, c -> { }));
  }
}
