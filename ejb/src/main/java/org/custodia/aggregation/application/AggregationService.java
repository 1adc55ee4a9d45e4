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
import java.time.Instant;
import java.util.List;
import org.custodia.aggregation.domain.AggregationRepository;
import org.custodia.aggregation.domain.ContainerLevel;
import org.custodia.aggregation.domain.Content;
import org.custodia.aggregation.domain.PackingPolicy;
import org.custodia.audit.application.AuditTrail;
import org.custodia.epcis.application.EventCaptureService;
import org.custodia.gs1.Gln;
import org.custodia.masterdata.application.CompanyPrefixes;
import org.custodia.security.Roles;

/**
 * Aggregation (AGG-1, AGG-3) inside the server: every call but an SSCC allocation joins the caller's
 * transaction, so a closed case, its links and its AggregationEvent (on the EPCIS capture queue, XA) commit
 * together or not at all. The
 * line's stations call it through the line adapter as the operator; everyone may read contents.
 *
 * <p>Configuration (system properties): {@code custodia.site.gln}, the packing site (read point and business
 * location; default the demo plant 9506000000015, as commissioning); {@code custodia.aggregation.same-product}
 * and {@code custodia.aggregation.same-lot} (default true), see {@link PackingPolicy}.
 */
@Stateless
@DeclareRoles({Roles.OPERATOR, Roles.QA, Roles.SUPPLY_CHAIN, Roles.COMPLIANCE, Roles.ADMIN, Roles.AUDITOR})
public class AggregationService {

  static final String SITE = System.getProperty("custodia.site.gln", "9506000000015");

  @Inject AggregationRepository repository;
  @Inject EventCaptureService epcis;
  @Inject AuditTrail audit;
  @Inject CompanyPrefixes prefixes;
  @Resource SessionContext session;

  private Aggregation aggregation;

  @PostConstruct
  void init() {
    Aggregation.Audit log = new Aggregation.Audit() {
      @Override
      public void done(String action, String objectType, String objectId, String detail) {
        audit.done(action, objectType, objectId, detail);
      }

      @Override
      public void refused(String action, String objectType, String objectId, String detail) {
        audit.refused(session.getCallerPrincipal().getName(), action, objectType, objectId, detail);
      }
    };
    aggregation = new Aggregation(repository, PackingPolicy.fromSystemProperties(),
        e -> epcis.captureAggregations(List.of(e), "aggregation"), log, prefixes::lengthFor, new Gln(SITE),
        Clock.systemUTC());
  }

  /**
   * See {@link Aggregation#allocate}. In a transaction of its own: the allocation locks the pool's row of
   * the company prefix, which every line packing that prefix's products shares, and in the caller's
   * transaction the lock was held until it committed. A line's bean handles up to 32 messages in one
   * transaction, so with ten lines each case packer's scan kept the others waiting (JFR, 2026-11-27: 262 s of
   * row-lock waits in 45 s, read to decision p99 16 s). Committed at once, the SSCCs stay allocated to the
   * order even when the caller rolls back; they are then never printed, like the labels a station still
   * holds when its order closes, and an SSCC is never issued twice.
   */
  @RolesAllowed({Roles.OPERATOR, Roles.QA, Roles.ADMIN})
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<String> allocateSsccs(long workOrderId, ContainerLevel level, int count) {
    return aggregation.allocate(workOrderId, level, count);
  }

  /** See {@link Aggregation#packed}. */
  @RolesAllowed({Roles.OPERATOR, Roles.QA, Roles.ADMIN})
  public Aggregation.PackOutcome packed(String line, long workOrderId, ContainerLevel level, String parentCode,
      List<String> childCodes, int configuredCount, boolean partial, Instant at) {
    return aggregation.packed(line, workOrderId, level, parentCode, childCodes, configuredCount, partial, at);
  }

  /** See {@link Aggregation#count}. */
  @RolesAllowed({Roles.OPERATOR, Roles.QA, Roles.SUPPLY_CHAIN, Roles.COMPLIANCE, Roles.ADMIN, Roles.AUDITOR})
  public int count(long workOrderId, ContainerLevel level) {
    return aggregation.count(workOrderId, level);
  }

  /** See {@link Aggregation#contents}. */
  @RolesAllowed({Roles.OPERATOR, Roles.QA, Roles.SUPPLY_CHAIN, Roles.COMPLIANCE, Roles.ADMIN, Roles.AUDITOR})
  public List<Content> contents(String sscc) {
    return aggregation.contents(sscc);
  }
}
