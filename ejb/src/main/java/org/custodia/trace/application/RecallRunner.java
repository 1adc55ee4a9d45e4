package org.custodia.trace.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custodia.trace.domain.RecallCriteria;
import org.custodia.trace.domain.ScopeObject;

/**
 * Runs a started recall in the background: gathers the scope, then quarantines it a part at a time, each
 * part in a transaction of its own with its ObjectEvent, so progress shows while it runs and a big recall
 * never holds one long transaction. Only {@link RecallService#start} calls it, after its commit.
 */
@Stateless
@PermitAll
public class RecallRunner {

  private static final Logger LOG = Logger.getLogger(RecallRunner.class.getName());

  /** Units per part: one ObjectEvent and one transaction each. */
  static final int PART = 500;

  @Inject RecallSteps steps;

  @Asynchronous
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void run(long id, RecallCriteria criteria) {
    try {
      List<ScopeObject> scope = steps.gather(id, criteria);
      List<ScopeObject> units = new ArrayList<>();
      List<ScopeObject> containers = new ArrayList<>();
      for (ScopeObject o : scope) {
        (o.kind() == ScopeObject.Kind.UNIT ? units : containers).add(o);
      }
      steps.store(id, containers);
      for (int i = 0; i < units.size(); i += PART) {
        steps.quarantine(id, units.subList(i, Math.min(units.size(), i + PART)));
      }
      steps.finish(id);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "recall " + id + " failed", e);
      steps.fail(id, e);
    }
  }
}
