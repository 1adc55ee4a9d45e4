package org.custodia.audit.application;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import jakarta.annotation.security.RolesAllowed;
import org.custodia.audit.domain.AuditRecord;
import org.custodia.security.Roles;

/**
 * Appends audit records (AUD-1). Each record's hash covers its content and the previous record's hash,
 * so any later edit or deletion breaks the chain. The chain head row is locked for the rest of the
 * transaction, which orders the records; a done action is recorded in the caller's transaction (it
 * commits with the change it describes), a refusal in a new one (it must outlive the rolled-back request).
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
    Object[] head =
        (Object[])
            em.createNativeQuery("SELECT last_id, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .getSingleResult();
    String prevHash = (String) head[1];
    long id = ((Number) em.createNativeQuery("SELECT audit_record_seq.NEXTVAL FROM dual").getSingleResult()).longValue();
    OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    String safeDetail = detail == null ? null : detail.length() > 4000 ? detail.substring(0, 3997) + "..." : detail;
    String hash =
        sha256(String.join("\u001f", prevHash, Long.toString(id), at.toString(), actor, action,
            String.valueOf(objectType), String.valueOf(objectId), outcome.name(), String.valueOf(safeDetail)));
    em.createNativeQuery(
            "INSERT INTO audit_record (id, recorded_at, actor, action, object_type, object_id, outcome,"
                + " detail, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
        .setParameter(1, id)
        .setParameter(2, at)
        .setParameter(3, actor)
        .setParameter(4, action)
        .setParameter(5, objectType)
        .setParameter(6, objectId)
        .setParameter(7, outcome.name())
        .setParameter(8, safeDetail)
        .setParameter(9, prevHash)
        .setParameter(10, hash)
        .executeUpdate();
    em.createNativeQuery("UPDATE audit_chain_head SET last_id = ?1, last_hash = ?2 WHERE id = 1")
        .setParameter(1, id)
        .setParameter(2, hash)
        .executeUpdate();
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
