package org.custodia.lifecycle.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import org.custodia.audit.application.AuditTrail;
import org.custodia.epcis.application.EventCaptureService;
import org.custodia.gs1.Gln;
import org.custodia.lifecycle.domain.PackState;
import org.custodia.lifecycle.infrastructure.persistence.JdbcPackStates;
import org.custodia.masterdata.application.CompanyPrefixes;
import org.custodia.masterdata.application.MasterDataService;
import org.custodia.masterdata.application.TradingPartnerService;
import org.custodia.security.Roles;
import org.custodia.trace.infrastructure.persistence.JdbcTrace;

/**
 * Pack decommissioning and its undo (LIFE-1 handoffs: dispensing, destruction, sampling, theft, export;
 * LIFE-2) inside the server, see {@link PackStates}: each call joins the caller's transaction, so the pack
 * states, their EPCIS ObjectEvent (on the capture queue, XA) and the audit records commit together or not at
 * all. The supply chain side (here also for the pharmacy users, whose dispensing it simulates), QA and
 * administrators change pack states; every role reads them.
 *
 * <p>Party and location must be known: the party a trading partner, the location a master data location
 * and, when the partner lists its sites, one of them.
 */
@Stateless
@DeclareRoles({Roles.OPERATOR, Roles.QA, Roles.SUPPLY_CHAIN, Roles.COMPLIANCE, Roles.ADMIN, Roles.AUDITOR})
public class PackStateService {

  @Inject JdbcPackStates store;
  @Inject JdbcTrace trace;
  @Inject EventCaptureService epcis;
  @Inject AuditTrail audit;
  @Inject CompanyPrefixes prefixes;
  @Inject TradingPartnerService partners;
  @Inject MasterDataService masterData;
  @Resource SessionContext session;

  private PackStates packs;

  @PostConstruct
  void init() {
    packs = create(store, trace, epcis, audit, prefixes, new MasterDataDirectory(partners, masterData),
        () -> session.getCallerPrincipal().getName());
  }

  /** The core wired to the container's beans (shared with {@link BatchStateService}). */
  static PackStates create(JdbcPackStates store, JdbcTrace trace, EventCaptureService epcis, AuditTrail audit,
      CompanyPrefixes prefixes, PackStates.Directory directory, java.util.function.Supplier<String> caller) {
    PackStates.Audit log = new PackStates.Audit() {
      @Override
      public void done(String action, String objectType, String objectId, String detail) {
        audit.done(action, objectType, objectId, detail);
      }

      @Override
      public void refused(String action, String objectType, String objectId, String detail) {
        audit.refused(caller.get(), action, objectType, objectId, detail);
      }
    };
    return new PackStates(store, trace::find, directory, e -> epcis.capture(List.of(e), PackStates.SOURCE), log,
        prefixes::lengthFor, Clock.systemUTC());
  }

  /** See {@link PackStates#decommission}. */
  @RolesAllowed({Roles.SUPPLY_CHAIN, Roles.QA, Roles.ADMIN})
  public PackStates.Result decommission(List<String> codes, PackState target, Gln party, Gln location) {
    return packs.decommission(codes, target, party, location, caller());
  }

  /** See {@link PackStates#undo}. */
  @RolesAllowed({Roles.SUPPLY_CHAIN, Roles.QA, Roles.ADMIN})
  public PackStates.Result undo(List<String> codes, PackState from, Gln party, Gln location) {
    return packs.undo(codes, from, party, location, caller());
  }

  /** See {@link PackStates#view}. */
  @RolesAllowed({Roles.OPERATOR, Roles.QA, Roles.SUPPLY_CHAIN, Roles.COMPLIANCE, Roles.ADMIN, Roles.AUDITOR})
  public PackStates.PackView pack(String code) {
    return packs.view(code);
  }

  private String caller() {
    return session.getCallerPrincipal().getName();
  }
}
