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
import java.util.HexFormat;

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
