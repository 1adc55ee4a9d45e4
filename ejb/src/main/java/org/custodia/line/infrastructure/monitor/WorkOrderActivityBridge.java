package org.custodia.line.infrastructure.monitor;

import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import java.util.Set;
import org.custodia.line.application.AfterCommit;
import org.custodia.line.application.ExceptionView;
import org.custodia.line.application.LineActivity;
import org.custodia.line.application.WorkOrderView;

/**
 * Interim: tells {@link LineActivity} of the work order and exception changes made through {@code
 * WorkOrderService}'s commands (create, release, start, pause, resume, close, sample, destroy,
 * resolveException), after their transaction commits, until {@code WorkOrders} tells it itself. Bound in
 * {@code META-INF/ejb-jar.xml}; delete both once the line is wired (a change told twice is harmless: the
 * monitor coalesces signals).
 */
public class WorkOrderActivityBridge {

  @Inject LineActivity activity;
  @Inject AfterCommit afterCommit;

  /** The commands; the reads (workOrder, exceptions) change nothing and are not told. */
  static final Set<String> COMMANDS = Set.of("create", "release", "start", "pause", "resume", "close", "sample",
      "destroy", "resolveException");

  @AroundInvoke
  Object tell(InvocationContext ctx) throws Exception {
    Object result = ctx.proceed();
    if (!COMMANDS.contains(ctx.getMethod().getName())) {
      return result;
    }
    if (result instanceof WorkOrderView w) {
      afterCommit.run(() -> activity.workOrderChanged(w.line(), w.id()));
    } else if (result instanceof ExceptionView e && e.line() != null) {
      afterCommit.run(() -> activity.exceptionChanged(e.line(), e.id()));
    }
    return result;
  }
}
