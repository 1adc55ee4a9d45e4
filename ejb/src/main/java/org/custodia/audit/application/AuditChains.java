package org.custodia.audit.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The audit trail's hash chains (AUD-1) on plain JDBC: {@value #CHAINS} chains (migration V20), each a
 * sequence of records whose hash covers the record and the hash before it, from the chain's genesis hash to
 * its head row ({@code audit_chain_head}: the chain's last record and hash). A transaction appends to one
 * chain under that chain's head lock, so audited transactions on different chains commit side by side.
 * Verifying walks every record once in id order, following each chain's links, and compares each chain's
 * end with its head: an edited record breaks its hash, a deleted or moved one the link of the next, a
 * deleted last record the head.
 */
final class AuditChains {

  /** How many chains there are (ids 1 to 8). */
  static final int CHAINS = 8;

  private AuditChains() {}

  /** A record as the action happened, before it is chained. */
  record Entry(String actor, String action, String objectType, String objectId, AuditTrail.Outcome outcome,
      String detail, OffsetDateTime at) {}

  /**
   * The outcome of a verification: how many records were checked, how many were left for the next one
   * (committed while it ran), and the first break found, if any.
   */
  record Verification(long records, long newer, Optional<Long> brokenAt, Optional<String> problem) {
    boolean intact() {
      return problem.isEmpty();
    }
  }

  /** The hash chain {@code chain} starts from: 64 zeros for chain 1 (the single chain before V20). */
  static String genesis(int chain) {
    return chain == 1 ? "0".repeat(64) : sha256("custodia-audit-chain-" + chain);
  }

  /** Appends {@code entries} to {@code chain}, locking its head until the connection's transaction ends. */
  static void append(Connection c, int chain, List<Entry> entries) throws SQLException {
    String prevHash;
    try (PreparedStatement head = c.prepareStatement(
        "SELECT last_hash FROM audit_chain_head WHERE id = ? FOR UPDATE")) {
      head.setInt(1, chain);
      try (ResultSet rs = head.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("there is no audit chain " + chain);
        }
        prevHash = rs.getString(1);
      }
    }
    long id = 0;
    try (PreparedStatement next = c.prepareStatement("SELECT audit_record_seq.NEXTVAL FROM dual");
        PreparedStatement insert = c.prepareStatement(
            "INSERT INTO audit_record (id, recorded_at, actor, action, object_type, object_id, outcome,"
                + " detail, prev_hash, hash, chain_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Entry e : entries) {
        try (ResultSet rs = next.executeQuery()) {
          rs.next();
          id = rs.getLong(1);
        }
        String hash = hash(prevHash, id, e.at(), e.actor(), e.action(), e.objectType(), e.objectId(),
            e.outcome().name(), e.detail());
        insert.setLong(1, id);
        insert.setObject(2, e.at());
        insert.setString(3, e.actor());
        insert.setString(4, e.action());
        insert.setString(5, e.objectType());
        insert.setString(6, e.objectId());
        insert.setString(7, e.outcome().name());
        insert.setString(8, e.detail());
        insert.setString(9, prevHash);
        insert.setString(10, hash);
        insert.setInt(11, chain);
        insert.addBatch();
        prevHash = hash;
      }
      insert.executeBatch();
    }
    try (PreparedStatement update = c.prepareStatement(
        "UPDATE audit_chain_head SET last_id = ?, last_hash = ? WHERE id = ?")) {
      update.setLong(1, id);
      update.setString(2, prevHash);
      update.setInt(3, chain);
      update.executeUpdate();
    }
  }

  /**
   * Checks every record and every chain's head; stops at the first break. The heads are read first: what
   * transactions commit while the records are read comes after the head's record in its chain (its id was
   * drawn under the head's lock), so it is left for the next verification instead of looking like a break.
   */
  static Verification verify(Connection c) throws SQLException {
    Map<Integer, Long> headId = new HashMap<>();
    Map<Integer, String> headHash = new HashMap<>();
    try (PreparedStatement heads = c.prepareStatement("SELECT id, last_id, last_hash FROM audit_chain_head");
        ResultSet rs = heads.executeQuery()) {
      while (rs.next()) {
        headId.put(rs.getInt(1), rs.getLong(2));
        headHash.put(rs.getInt(1), rs.getString(3));
      }
    }
    Map<Integer, String> last = new HashMap<>();
    Map<Integer, Long> lastId = new HashMap<>();
    long n = 0;
    long newer = 0;
    try (PreparedStatement all = c.prepareStatement(
        "SELECT id, recorded_at, actor, action, object_type, object_id, outcome, detail, prev_hash, hash, chain_id"
            + " FROM audit_record ORDER BY id");
        ResultSet rs = all.executeQuery()) {
      while (rs.next()) {
        long id = rs.getLong(1);
        int chain = rs.getInt(11);
        if (!headId.containsKey(chain)) {
          return broken(n, newer, id, "record " + id + " names chain " + chain + ", which does not exist");
        }
        if (id > headId.get(chain)) {
          newer++;
          continue;
        }
        n++;
        String expectedPrev = last.getOrDefault(chain, genesis(chain));
        if (!expectedPrev.equals(rs.getString(9))) {
          return broken(n, newer, id, "record " + id + " does not follow the record before it in chain " + chain
              + " (a record before it was deleted or moved, or it was moved here)");
        }
        String hash = hash(rs.getString(9), id, rs.getObject(2, OffsetDateTime.class), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8));
        if (!hash.equals(rs.getString(10))) {
          return broken(n, newer, id, "record " + id + " of chain " + chain + " was changed after it was written: its"
              + " content no longer matches its hash");
        }
        last.put(chain, hash);
        lastId.put(chain, id);
      }
    }
    for (Map.Entry<Integer, Long> head : headId.entrySet()) {
      int chain = head.getKey();
      long end = lastId.getOrDefault(chain, 0L);
      if (head.getValue() != end || !headHash.get(chain).equals(last.getOrDefault(chain, genesis(chain)))) {
        return broken(n, newer, head.getValue(), "chain " + chain + " ends at record " + end + " but its head names record "
            + head.getValue() + " (its last records were deleted)");
      }
    }
    return new Verification(n, newer, Optional.empty(), Optional.empty());
  }

  private static Verification broken(long records, long newer, long id, String problem) {
    return new Verification(records, newer, Optional.of(id), Optional.of(problem));
  }

  /** A record's hash; the formula of the single chain before V20, so the records written then still verify. */
  static String hash(String prevHash, long id, OffsetDateTime at, String actor, String action, String objectType,
      String objectId, String outcome, String detail) {
    return sha256(String.join("\u001f", prevHash, Long.toString(id), at.toString(), actor, action,
        String.valueOf(objectType), String.valueOf(objectId), outcome, String.valueOf(detail)));
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
