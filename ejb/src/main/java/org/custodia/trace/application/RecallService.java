package org.custodia.trace.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.custodia.audit.application.AuditTrail;
import org.custodia.lifecycle.application.BatchStateService;
import org.custodia.platform.DomainException.Kind;
import org.custodia.security.Roles;
import org.custodia.trace.domain.LocationCount;
import org.custodia.trace.domain.Recall;
import org.custodia.trace.domain.RecallCriteria;
import org.custodia.trace.domain.RecallException;
import org.custodia.trace.domain.RecallRules;
import org.custodia.trace.domain.ScopePreview;
import org.custodia.trace.domain.RecallExceptionRecord;
import org.custodia.trace.domain.ScopeObject;
import org.custodia.trace.infrastructure.persistence.JdbcRecalls;

/**
 * Recalls (RCL-3): QA starts one with an electronic signature (AUD-2: the password entered again, the
 * meaning recorded in the audit trail); the scope is gathered and quarantined in the background (RUNNING →
 * DONE), and its completion follows the units' state.
 */
@Stateless
@DeclareRoles({Roles.QA, Roles.SUPPLY_CHAIN, Roles.COMPLIANCE, Roles.ADMIN, Roles.AUDITOR})
public class RecallService {

  /** The meaning recorded when the signer gives none. */
  public static final String DEFAULT_MEANING = "recall initiated";

  @Inject JdbcRecalls recalls;
  @Inject AuditTrail audit;
  @Inject PasswordCheck passwords;
  @Inject RecallRunner runner;
  @Inject BatchStateService batches;
  @Inject RecallSteps steps;
  @Resource SessionContext session;
  @Resource TransactionSynchronizationRegistry registry;

  /**
   * Starts a recall signed by the caller, who gives the password again; returns its id. The run starts
   * once this transaction has committed.
   */
  @RolesAllowed(Roles.QA)
  public long start(RecallCriteria criteria, String reason, String meaning, char[] password) {
    String user = session.getCallerPrincipal().getName();
    if (password == null || password.length == 0) {
      throw new RecallException(Kind.INVALID, "signature-required", "password", null,
          "starting a recall is signed: enter your password again (AUD-2)");
    }
    if (!passwords.verify(user, password)) {
      audit.refused(user, "recall.sign", "Recall", null, "signature refused: wrong password for " + criteria.describe());
      throw new RecallException(Kind.INVALID, "signature-refused", "password", null,
          "the password entered for the signature is not " + user + "'s password");
    }
    String signedMeaning = meaning == null || meaning.isBlank() ? DEFAULT_MEANING : meaning.strip();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    long id = recalls.create(criteria, reason, user, now, signedMeaning);
    audit.done("e-signature", "Recall", String.valueOf(id),
        "signed by " + user + " at " + now + ", meaning: " + signedMeaning);
    audit.done("recall.start", "Recall", String.valueOf(id),
        criteria.describe() + (reason == null || reason.isBlank() ? "" : ", reason: " + reason));
    if (criteria.byLots()) {
      // LIFE-2: the recalled lots' packs are blocked at once (no undo, no dispensing, verification fails)
      batches.recalled(id, criteria.gtin(), criteria.lots());
    }
    afterCommit(() -> runner.run(id, criteria));
    return id;
  }

  /**
   * What a recall of {@code criteria} would cover now, its units counted by location and owner: the scope
   * the run gathers, read without starting (or signing, or recording) anything.
   */
  @RolesAllowed({Roles.QA, Roles.SUPPLY_CHAIN, Roles.COMPLIANCE, Roles.ADMIN, Roles.AUDITOR})
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public ScopePreview preview(RecallCriteria criteria) {
    List<ScopeObject> scope = steps.scope(criteria);
    int units = (int) scope.stream().filter(o -> o.kind() == ScopeObject.Kind.UNIT).count();
    return new ScopePreview(criteria, units, scope.size() - units, RecallRules.byLocation(scope));
  }

  @RolesAllowed({Roles.QA, Roles.SUPPLY_CHAIN, Roles.COMPLIANCE, Roles.ADMIN, Roles.AUDITOR})
  public Recall recall(long id) {
    return recalls.find(id).orElseThrow(() -> notFound(id));
  }

  @RolesAllowed({Roles.QA, Roles.SUPPLY_CHAIN, Roles.COMPLIANCE, Roles.ADMIN, Roles.AUDITOR})
  public List<Recall> recent(int limit) {
    return recalls.recent(Math.max(1, Math.min(limit, 500)));
  }

  @RolesAllowed({Roles.QA, Roles.SUPPLY_CHAIN, Roles.COMPLIANCE, Roles.ADMIN, Roles.AUDITOR})
  public List<LocationCount> byLocation(long id) {
    recall(id);
    return recalls.byLocation(id);
  }

  /** One page of the affected objects, units first; {@code page} counts from 1. */
  @RolesAllowed({Roles.QA, Roles.SUPPLY_CHAIN, Roles.COMPLIANCE, Roles.ADMIN, Roles.AUDITOR})
  public List<ScopeObject> objects(long id, int page, int size) {
    recall(id);
    if (page < 1) {
      throw new RecallException(Kind.INVALID, "page", "page", page, "page counts from 1, was " + page);
    }
    if (size < 1 || size > 10_000) {
      throw new RecallException(Kind.INVALID, "size", "size", size, "size must be 1 to 10000, was " + size);
    }
    return recalls.objects(id, (page - 1) * size, size);
  }

  @RolesAllowed({Roles.QA, Roles.SUPPLY_CHAIN, Roles.COMPLIANCE, Roles.ADMIN, Roles.AUDITOR})
  public List<RecallExceptionRecord> exceptions(long id) {
    recall(id);
    return recalls.exceptions(id);
  }

  /** Whether a recall exists, for screens that take an id from the address. */
  @RolesAllowed({Roles.QA, Roles.SUPPLY_CHAIN, Roles.COMPLIANCE, Roles.ADMIN, Roles.AUDITOR})
  public Optional<Recall> find(long id) {
    return recalls.find(id);
  }

  private void afterCommit(Runnable work) {
    if (registry.getTransactionStatus() != Status.STATUS_ACTIVE) {
      work.run();
      return;
    }
    registry.registerInterposedSynchronization(new Synchronization() {
      @Override
      public void beforeCompletion() {}

      @Override
      public void afterCompletion(int status) {
        if (status == Status.STATUS_COMMITTED) {
          work.run();
        }
      }
    });
  }

  private static RecallException notFound(long id) {
    return new RecallException(Kind.NOT_FOUND, "unknown-recall", "id", id, "no recall " + id);
  }
}
