package org.custodia.line.wire;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the users of Eclipse Milo's static shared resources (event loop, executors, timers) in one
 * class loader, so that the last to stop releases them: in the EAR the resource adapter and the
 * in-process simulator share the RAR's copy of Milo, and the adapter stops first (STACK.md). Lives
 * here, in the EAR's lib/, because both see it; it knows nothing of Milo.
 */
public final class SharedStackUsers {

  private static final AtomicInteger USERS = new AtomicInteger();

  private SharedStackUsers() {}

  /** One more user. */
  public static void acquire() {
    USERS.incrementAndGet();
  }

  /** One user fewer; true when it was the last, which must then release the shared resources. */
  public static boolean release() {
    return USERS.updateAndGet(n -> Math.max(0, n - 1)) == 0;
  }
}
