package org.custodia.lifecycle.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.custodia.audit.application.AuditTrail;
import org.custodia.epcis.application.EventCaptureService;
import org.custodia.lifecycle.domain.BatchState;
import org.custodia.lifecycle.infrastructure.persistence.JdbcPackStates;
import org.custodia.masterdata.application.CompanyPrefixes;
import org.custodia.security.Roles;
import org.custodia.trace.infrastructure.persistence.JdbcTrace;

/**
 * Batch states (LIFE-2): QA (and administrators) withdraw or recall a batch and lift the block again, with
 * a reason, audited; a recall of lots started in the recall workspace marks them RECALLED in its signed
 * transaction. Every role reads a batch's state. No EPCIS event records a batch state: a recall's
 * quarantine events name its units.
 */
@Stateless
@DeclareRoles({Roles.OPERATOR, Roles.QA, Roles.SUPPLY_CHAIN, Roles.COMPLIANCE, Roles.ADMIN, Roles.AUDITOR})
public class BatchStateService {

  @Inject JdbcPackStates store;
  @Inject JdbcTrace trace;
  @Inject EventCaptureService epcis;
  @Inject AuditTrail audit;
  @Inject CompanyPrefixes prefixes;
  @Resource SessionContext session;

  private PackStates packs;

  @PostConstruct
  void init() {
    PackStates.Directory none = (party, location) -> {
      throw new IllegalStateException("batch states need no party");
    };
    packs = PackStateService.create(store, trace, epcis, audit, prefixes, none,
        () -> session.getCallerPrincipal().getName());
  }

  /** See {@link PackStates#batch}. */
  @RolesAllowed({Roles.OPERATOR, Roles.QA, Roles.SUPPLY_CHAIN, Roles.COMPLIANCE, Roles.ADMIN, Roles.AUDITOR})
  public PackStates.BatchView batch(String gtin, String lot) {
    return packs.batch(gtin, lot);
  }

  /** See {@link PackStates#setBatch}. */
  @RolesAllowed({Roles.QA, Roles.ADMIN})
  public PackStates.BatchView set(String gtin, String lot, BatchState state, String reason) {
    return packs.setBatch(gtin, lot, state, reason, session.getCallerPrincipal().getName());
  }

  /** Marks the lots of a recall RECALLED, in the recall's signed transaction (the caller starts the recall). */
  @RolesAllowed({Roles.QA, Roles.ADMIN})
  public void recalled(long recallId, String gtin, List<String> lots) {
    for (String lot : lots) {
      packs.setBatch(gtin, lot, BatchState.RECALLED, "recall " + recallId, session.getCallerPrincipal().getName());
    }
  }
}
