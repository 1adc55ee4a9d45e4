package org.custodia.exceptions.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custodia.audit.application.AuditTrail;
import org.custodia.exceptions.domain.ExceptionStatus;
import org.custodia.exceptions.domain.ExceptionType;
import org.custodia.exceptions.domain.Involved;
import org.custodia.exceptions.domain.Severity;
import org.custodia.exceptions.domain.SupplyException;
import org.custodia.exceptions.domain.SupplyExceptionError;
import org.custodia.exceptions.infrastructure.persistence.JdbcSupplyExceptions;
import org.custodia.platform.DomainException.Kind;
import org.custodia.security.Roles;

/**
 * Supply-chain exceptions for every feature (EXC-1). Any feature raises one with {@link #raise}, in its
 * own transaction, so the exception exists exactly when the work that found the problem commits. QA and
 * compliance (and auditors and administrators, read only) list them; QA or compliance resolve one with its
 * root cause. Raising and resolving are audited.
 */
@Stateless
public class SupplyExceptionService {

  private static final Logger LOG = Logger.getLogger(SupplyExceptionService.class.getName());

  @Inject JdbcSupplyExceptions store;
  @Inject AuditTrail audit;
  @Inject ExceptionAlerts alerts;
  @Resource SessionContext session;

  /** Raises an open exception about one EPC (or none, when {@code epc} is null); returns its id. */
  @PermitAll
  public long raise(ExceptionType type, Severity severity, String epc, String detail) {
    return raise(type, severity, Involved.epc(epc), detail);
  }

  /** Raises an open exception about the objects {@code involved}; returns its id. */
  @PermitAll
  public long raise(ExceptionType type, Severity severity, Involved involved, String detail) {
    SupplyException e = store.insert(SupplyException.raise(type, severity, involved, detail, caller(), now()));
    audit.done("exception.raise", "SupplyException", String.valueOf(e.id()),
        type + " " + severity + ": " + e.detail());
    LOG.log(Level.INFO, "Supply exception {0} raised: {1} {2}", new Object[] {e.id(), type, e.detail()});
    alerts.raised(e);
    return e.id();
  }

  /** The newest exceptions first, optionally filtered by type, status and serial. */
  @RolesAllowed({Roles.QA, Roles.COMPLIANCE, Roles.ADMIN, Roles.AUDITOR})
  public List<SupplyException> list(ExceptionType type, ExceptionStatus status, String serial, int limit) {
    return store.find(type, status, serial, Math.max(1, Math.min(limit, 1000)));
  }

  @RolesAllowed({Roles.QA, Roles.COMPLIANCE, Roles.ADMIN, Roles.AUDITOR})
  public SupplyException get(long id) {
    return store.find(id).orElseThrow(() -> notFound(id));
  }

  /** Resolves an open exception with its root cause (EXC-2). */
  @RolesAllowed({Roles.QA, Roles.COMPLIANCE})
  public SupplyException resolve(long id, String rootCause) {
    SupplyException resolved = store.find(id).orElseThrow(() -> notFound(id)).resolve(caller(), now(), rootCause);
    if (!store.resolve(resolved)) {
      throw new SupplyExceptionError(Kind.CONFLICT, "already-resolved", "id", id,
          "exception " + id + " was resolved by someone else in the meantime");
    }
    audit.done("exception.resolve", "SupplyException", String.valueOf(id), "root cause: " + resolved.rootCause());
    return resolved;
  }

  private static SupplyExceptionError notFound(long id) {
    return new SupplyExceptionError(Kind.NOT_FOUND, "exception-not-found", "id", id, "there is no exception " + id);
  }

  private String caller() {
    return session.getCallerPrincipal().getName();
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }
}
