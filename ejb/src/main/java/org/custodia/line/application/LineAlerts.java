package org.custodia.line.application;

import org.custodia.line.domain.ExceptionRecord;

/**
 * Alerts to external systems of each line exception raised (EXC-3), in the transaction that raises it:
 * in the server, the exception alert topic.
 */
@FunctionalInterface
public interface LineAlerts {

  /** Nobody is told. */
  LineAlerts NONE = e -> { };

  void raised(ExceptionRecord raised);
}
