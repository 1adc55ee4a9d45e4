package org.custodia.trace.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.custodia.audit.application.AuditTrail;
import org.custodia.epcis.application.EventCaptureService;
import org.custodia.epcis.domain.ObjectEvent;
import org.custodia.exceptions.application.SupplyExceptionService;
import org.custodia.exceptions.domain.ExceptionType;
import org.custodia.exceptions.domain.Involved;
import org.custodia.exceptions.domain.Severity;
import org.custodia.lifecycle.application.PackStatusLookup;
import org.custodia.lifecycle.domain.PackKey;
import org.custodia.trace.domain.Recall;
import org.custodia.trace.domain.RecallCriteria;
import org.custodia.trace.domain.RecallRules;
import org.custodia.trace.domain.ScopeObject;
import org.custodia.trace.domain.TracedObject;
import org.custodia.trace.infrastructure.persistence.JdbcRecalls;
import org.custodia.trace.infrastructure.persistence.JdbcTrace;

/** The steps of a recall run, each one transaction (see {@link RecallRunner}). */
@Stateless
@PermitAll
public class RecallSteps {

  /** The capture source the recall's events carry. */
  static final String SOURCE = "recall";

  @Inject JdbcRecalls recalls;
  @Inject JdbcTrace trace;
  @Inject EventCaptureService epcis;
  @Inject AuditTrail audit;
  @Inject SupplyExceptionService supplyExceptions;
  @Inject PackStatusLookup packs;

  /** The units the criteria name, with the cases and pallets containing them; records the size. */
  public List<ScopeObject> gather(long id, RecallCriteria criteria) {
    List<ScopeObject> scope = scope(criteria);
    int units = (int) scope.stream().filter(o -> o.kind() == ScopeObject.Kind.UNIT).count();
    recalls.sized(id, units, scope.size() - units);
    return scope;
  }

  /**
   * The units the criteria name, with the cases and pallets containing them, as a recall would gather them
   * now; reads only (a recall's preview, and what {@link #gather} records).
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<ScopeObject> scope(RecallCriteria criteria) {
    List<TracedObject> units =
        criteria.byLots()
            ? recalls.unitsOfLots(criteria.gtin(), criteria.lots(), trace)
            : recalls.unitsOfLineWindow(criteria.line(), criteria.from(), criteria.to(), trace);
    Map<String, TracedObject> states = new HashMap<>();
    Set<String> wanted = new LinkedHashSet<>();
    for (TracedObject u : units) {
      addContainers(wanted, u);
    }
    for (int depth = 0; depth < 16 && !wanted.isEmpty(); depth++) {
      Map<String, TracedObject> found = trace.states(wanted);
      states.putAll(found);
      wanted = new LinkedHashSet<>();
      for (TracedObject c : found.values()) {
        addContainers(wanted, c);
      }
      wanted.removeAll(states.keySet());
    }
    return RecallRules.scope(units, states);
  }

  private static void addContainers(Set<String> wanted, TracedObject o) {
    if (o.parentEpc() != null) {
      wanted.add(o.parentEpc());
    }
    if (o.topParentEpc() != null) {
      wanted.add(o.topParentEpc());
    }
  }

  /** Stores objects that need no event (the containers). */
  public void store(long id, List<ScopeObject> objects) {
    recalls.storeScope(id, objects, 0, List.of(), now());
  }

  /**
   * Quarantines a part of the units: one ObjectEvent (OBSERVE, holding, recalled) for all of them that the
   * recall can reach, through the repository's capture queue in this transaction; the others become
   * exceptions or stay as they are (see {@link RecallRules}).
   */
  public void quarantine(long id, List<ScopeObject> units) {
    List<ScopeObject> stored = new ArrayList<>(units.size());
    List<ScopeObject> exceptions = new ArrayList<>();
    List<String> epcs = new ArrayList<>();
    // a decommissioned pack (LIFE-2) is where its pack state says, whatever the disposition of its last event
    Map<PackKey, String> decommissioned = packs.decommissioned(units.stream()
        .filter(u -> u.gtin() != null && u.serial() != null).map(u -> new PackKey(u.gtin(), u.serial())).toList());
    for (ScopeObject scoped : units) {
      String packState = scoped.gtin() == null || scoped.serial() == null ? null
          : decommissioned.get(new PackKey(scoped.gtin(), scoped.serial()));
      ScopeObject u = packState == null ? scoped : scoped.withStatus(packState);
      switch (RecallRules.actionFor(u.status())) {
        case QUARANTINE -> {
          epcs.add(u.epc());
          stored.add(u.withQuarantined(true));
        }
        case EXCEPTION -> {
          exceptions.add(u);
          stored.add(u);
        }
        default -> stored.add(u);
      }
    }
    OffsetDateTime now = now();
    if (!epcs.isEmpty()) {
      epcis.capture(List.of(new ObjectEvent("urn:uuid:" + UUID.randomUUID(), now, epcs, "OBSERVE", "holding",
          "recalled", null, null, Map.of())), SOURCE);
    }
    recalls.storeScope(id, stored, epcs.size(), exceptions, now);
    for (ScopeObject u : exceptions) {
      supplyExceptions.raise(ExceptionType.RECALLED_UNIT_OUT_OF_REACH, Severity.HIGH,
          new Involved(u.gtin(), u.serial(), u.lot(), u.epc(), null),
          "recall " + id + ": " + u.epc() + " is " + u.status() + " and cannot be quarantined; follow it up where it went");
    }
  }

  /** Marks the recall DONE and audits what it did. */
  public void finish(long id) {
    recalls.finish(id, "DONE", null, now());
    Recall r = recalls.find(id).orElseThrow();
    audit.done("recall.quarantine", "Recall", String.valueOf(id),
        r.total() + " units in scope (" + r.containers() + " containers), " + r.quarantined() + " quarantined, "
            + r.exceptions() + " exceptions");
  }

  /** Marks the recall FAILED with the reason. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void fail(long id, RuntimeException e) {
    recalls.finish(id, "FAILED", "the recall run failed: " + e.getMessage(), now());
    audit.done("recall.failed", "Recall", String.valueOf(id), String.valueOf(e.getMessage()));
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }
}
