package org.custodia.aggregation.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import org.custodia.aggregation.domain.AggregationRepository;
import org.custodia.aggregation.domain.ChildId;
import org.custodia.aggregation.domain.ContainerLevel;
import org.custodia.aggregation.domain.PackingPolicy;
import org.custodia.audit.application.AuditTrail;
import org.custodia.epcis.application.EventCaptureService;
import org.custodia.gs1.Gln;
import org.custodia.gs1.Sscc;
import org.custodia.masterdata.application.CompanyPrefixes;
import org.custodia.masterdata.application.MasterDataService;
import org.custodia.security.Roles;

/**
 * Disaggregation and re-aggregation at a distribution point (AGG-2, AGG-3) inside the server: each call is
 * one transaction (the caller's, or its own) in which the containment tables change and the events go on
 * the EPCIS capture queue (XA), so a change is recorded whole or not at all; a refusal (an {@link
 * org.custodia.aggregation.domain.AggregationException}) rolls it back. Supply chain, operators, QA and
 * administrators change containers; every role reads them. Policy as for the line ({@link PackingPolicy}).
 */
@Stateless
@DeclareRoles({Roles.OPERATOR, Roles.QA, Roles.SUPPLY_CHAIN, Roles.COMPLIANCE, Roles.ADMIN, Roles.AUDITOR})
public class DistributionService {

  /** Events this feature sends from distribution points carry this capture source. */
  static final String SOURCE = "aggregation-distribution";

  @Inject AggregationRepository repository;
  @Inject EventCaptureService epcis;
  @Inject AuditTrail audit;
  @Inject CompanyPrefixes prefixes;
  @Inject MasterDataService masterData;
  @Resource SessionContext context;

  private Distribution distribution;

  @PostConstruct
  void init() {
    Aggregation.Audit log = new Aggregation.Audit() {
      @Override
      public void done(String action, String objectType, String objectId, String detail) {
        audit.done(action, objectType, objectId, detail);
      }

      @Override
      public void refused(String action, String objectType, String objectId, String detail) {
        // refusals are exceptions here; the REST layer audits them with the request
      }
    };
    Distribution.Events events = new Distribution.Events() {
      @Override
      public void aggregations(List<org.custodia.epcis.domain.AggregationEvent> list) {
        epcis.captureAggregations(list, SOURCE);
      }

      @Override
      public void objects(List<org.custodia.epcis.domain.ObjectEvent> list) {
        epcis.capture(list, SOURCE);
      }
    };
    distribution = new Distribution(repository, PackingPolicy.fromSystemProperties(), events, log,
        prefixes::lengthFor, gln -> masterData.location(gln).isPresent(), Clock.systemUTC());
  }

  /** See {@link Distribution#unpack}. */
  @RolesAllowed({Roles.SUPPLY_CHAIN, Roles.OPERATOR, Roles.QA, Roles.ADMIN})
  public Distribution.Changed unpack(Sscc sscc, Gln site) {
    return distribution.unpack(sscc, site);
  }

  /** See {@link Distribution#remove}. */
  @RolesAllowed({Roles.SUPPLY_CHAIN, Roles.OPERATOR, Roles.QA, Roles.ADMIN})
  public Distribution.Changed remove(Sscc sscc, List<ChildId> children, Gln site) {
    return distribution.remove(sscc, children, site);
  }

  /** See {@link Distribution#replace}. */
  @RolesAllowed({Roles.SUPPLY_CHAIN, Roles.OPERATOR, Roles.QA, Roles.ADMIN})
  public Distribution.Changed replace(Sscc sscc, ChildId old, ChildId replacement, String reason, boolean damaged,
      Gln site) {
    return distribution.replace(sscc, old, replacement, reason, damaged, site);
  }

  /** See {@link Distribution#pack}. */
  @RolesAllowed({Roles.SUPPLY_CHAIN, Roles.OPERATOR, Roles.QA, Roles.ADMIN})
  public Distribution.Changed pack(ContainerLevel level, List<ChildId> children, Gln site) {
    return distribution.pack(level, children, site);
  }

  /** See {@link Distribution#add}. */
  @RolesAllowed({Roles.SUPPLY_CHAIN, Roles.OPERATOR, Roles.QA, Roles.ADMIN})
  public Distribution.Changed add(Sscc sscc, List<ChildId> children, Gln site) {
    return distribution.add(sscc, children, site);
  }

  /**
   * See {@link Distribution#container}. A read: a container another party made is shown as it would be taken
   * over, and the take-over is rolled back with the rest of this transaction, its own (readers change
   * nothing).
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  @RolesAllowed({Roles.OPERATOR, Roles.QA, Roles.SUPPLY_CHAIN, Roles.COMPLIANCE, Roles.ADMIN, Roles.AUDITOR})
  public Distribution.ContainerView container(Sscc sscc) {
    try {
      return distribution.container(sscc);
    } finally {
      context.setRollbackOnly();
    }
  }
}
