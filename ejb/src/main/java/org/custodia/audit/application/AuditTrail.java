package org.custodia.audit.application;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.custodia.platform.Jndi;
import org.custodia.platform.PerTransaction;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import jakarta.annotation.security.RolesAllowed;
import org.custodia.audit.domain.AuditRecord;
import org.custodia.security.Roles;

/**
 * Appends audit records (AUD-1). Each record's hash covers its content and the hash of the record before it
 * in its chain, so any later edit or deletion breaks the chain. A done action is recorded in the caller's transaction (it
 * commits with the change it describes), a refusal in a new one (it must outlive the rolled-back request).
 *
 * <p>A chain's head row orders its records, and whoever holds its lock holds up every other transaction
 * appending to that chain until it commits; there are eight chains ({@link AuditChains}, migration V20),
 * and a transaction appends to one picked at random, so audited transactions commit side by side. And a
 * transaction's records are collected as it runs and written to a chain at its end, just before it commits
 * (an interposed synchronization's {@code beforeCompletion}, on the transaction's own connection): the head
 * is locked last, after every other lock the transaction takes, which keeps audited transactions from
 * deadlocking on it (a packaging-line transaction that locked a serial pool and then the head, against one
 * that had locked the head and waited for the pool), and it is held for the commit only, not for the work
 * before it.
 */
@PermitAll
@Stateless
public class AuditTrail {

  /** Outcome of an audited action. */
  public enum Outcome {
    DONE,
    REFUSED
  }

  @PersistenceContext(unitName = "custodia")
  EntityManager em;

  @Resource SessionContext session;

  @Resource TransactionSynchronizationRegistry registry;

  @Resource(lookup = Jndi.DATASOURCE)
  DataSource dataSource;

  /** The key of the transaction's records waiting for its end, in the registry's resources. */
  private static final Object PENDING = new Object();

  /** Records an action done by the caller, in the caller's transaction. */
  public void done(String action, String objectType, String objectId, String detail) {
    append(caller(), action, objectType, objectId, Outcome.DONE, detail);
  }

  /** Records refused input in a transaction of its own. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void refused(String actor, String action, String objectType, String objectId, String detail) {
    append(actor, action, objectType, objectId, Outcome.REFUSED, detail);
  }

  /** The newest records first, at most {@code limit}, optionally only one outcome. */
  @RolesAllowed({Roles.AUDITOR, Roles.QA, Roles.ADMIN, Roles.COMPLIANCE})
  public List<AuditRecord> recent(int limit, Outcome outcome) {
    jakarta.persistence.Query q =
        em.createNativeQuery(
            "SELECT id, recorded_at, actor, action, object_type, object_id, outcome, detail, prev_hash, hash"
                + " FROM audit_record"
                + (outcome == null ? "" : " WHERE outcome = ?1")
                + " ORDER BY id DESC");
    if (outcome != null) {
      q.setParameter(1, outcome.name());
    }
    List<?> rows = q.setMaxResults(Math.max(1, Math.min(limit, 1000))).getResultList();
    List<AuditRecord> out = new ArrayList<>();
    for (Object r : rows) {
      Object[] c = (Object[]) r;
      out.add(new AuditRecord(((Number) c[0]).longValue(), toOffset(c[1]), (String) c[2], (String) c[3],
          (String) c[4], (String) c[5], (String) c[6], (String) c[7], (String) c[8], (String) c[9]));
    }
    return out;
  }

  private static OffsetDateTime toOffset(Object v) {
    if (v instanceof OffsetDateTime o) {
      return o;
    }
    if (v instanceof java.sql.Timestamp t) {
      return t.toInstant().atOffset(ZoneOffset.UTC);
    }
    if (v instanceof java.time.Instant i) {
      return i.atOffset(ZoneOffset.UTC);
    }
    return OffsetDateTime.parse(v.toString().replace(' ', 'T'));
  }

  private String caller() {
    return session.getCallerPrincipal().getName();
  }

  private void append(
      String actor, String action, String objectType, String objectId, Outcome outcome, String detail) {
    String safeDetail = detail == null ? null : detail.length() > 4000 ? detail.substring(0, 3997) + "..." : detail;
    AuditChains.Entry entry = new AuditChains.Entry(actor, action, objectType, objectId, outcome, safeDetail,
        OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
    List<AuditChains.Entry> pending = PerTransaction.collection(registry, PENDING, ArrayList::new, this::chainOrRollBack, e -> { });
    if (pending == null) {
      throw new IllegalStateException("audit record " + action + " outside an active transaction");
    }
    pending.add(entry);
  }

  private void chainOrRollBack(List<AuditChains.Entry> entries) {
    try {
      chain(entries);
    } catch (SQLException e) {
      registry.setRollbackOnly();
      throw new IllegalStateException("the audit records could not be written: " + e.getMessage(), e);
    }
  }

  /**
   * Appends the transaction's records to one of the chains, picked at random, on the transaction's
   * connection, that chain's head locked until the commit.
   */
  private void chain(List<AuditChains.Entry> entries) throws SQLException {
    int chain = ThreadLocalRandom.current().nextInt(AuditChains.CHAINS) + 1;
    try (Connection c = dataSource.getConnection()) {
      AuditChains.append(c, chain, entries);
    }
  }

  /**
   * Verifies the whole trail (AUD-1): every record's hash and link, every chain's head. A break names the
   * first record where it was found and what is wrong.
   */
  @RolesAllowed({Roles.AUDITOR, Roles.QA, Roles.ADMIN, Roles.COMPLIANCE})
  public ChainCheck verify() {
    try (Connection c = dataSource.getConnection()) {
      AuditChains.Verification v = AuditChains.verify(c);
      return new ChainCheck(v.records(), v.newer(), v.intact(), v.brokenAt().orElse(null), v.problem().orElse(null));
    } catch (SQLException e) {
      throw new IllegalStateException("the audit trail could not be read: " + e.getMessage(), e);
    }
  }

  /**
   * What {@link #verify} found: the records checked, the records committed while it ran (past their chain's
   * head as read first; checked by the next verification), and where the trail is broken (null when intact).
   */
  public record ChainCheck(long records, long newer, boolean intact, Long brokenAt, String problem) {}

}
