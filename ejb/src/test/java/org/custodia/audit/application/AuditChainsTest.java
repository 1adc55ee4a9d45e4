package org.custodia.audit.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.custodia.platform.TestDatabases;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit trail's eight hash chains on the real schema (migrations V3 and V20): append, verify, tamper. */
@Tag("AUD-1")
class AuditChainsTest {

  private static final OffsetDateTime T = OffsetDateTime.parse("2026-11-27T10:00:00.123450Z");

  @TempDir Path dir;
  private JdbcDataSource db;

  @BeforeEach
  void database() {
    db = TestDatabases.migrated(dir);
  }

  private static AuditChains.Entry entry(String action, int second) {
    return new AuditChains.Entry("qa", action, "WorkOrder", "7", AuditTrail.Outcome.DONE, "detail of " + action,
        T.plusSeconds(second));
  }

  private void append(int chain, AuditChains.Entry... entries) throws SQLException {
    try (Connection c = db.getConnection()) {
      AuditChains.append(c, chain, List.of(entries));
    }
  }

  private AuditChains.Verification verify() throws SQLException {
    try (Connection c = db.getConnection()) {
      return AuditChains.verify(c);
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }

  /** Records 1-2 on chain 1, 3 on chain 5, 4-5 on chain 1, 6 on chain 8 (the sequence numbers them). */
  private void sixRecords() throws SQLException {
    append(1, entry("a", 1), entry("b", 2));
    append(5, entry("c", 3));
    append(1, entry("d", 4), entry("e", 5));
    append(8, entry("f", 6));
  }

  @Test
  void recordsOnSeveralChainsVerify() throws SQLException {
    // given
    sixRecords();

    // when
    AuditChains.Verification v = verify();

    // then
    assertEquals(new AuditChains.Verification(6, 0, Optional.empty(), Optional.empty()), v);
  }

  @Test
  void eachChainStartsFromItsOwnGenesisAndLinksOnlyItsOwnRecords() throws SQLException {
    // given
    sixRecords();

    // then: record 3 is the first of chain 5, record 4 follows record 2 on chain 1
    try (Connection c = db.getConnection(); Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT r.id, r.chain_id, r.prev_hash, p.hash FROM audit_record r"
            + " LEFT JOIN audit_record p ON p.id = r.id - CASE r.id WHEN 4 THEN 2 ELSE 1 END ORDER BY r.id")) {
      rs.next();
      assertEquals(AuditChains.genesis(1), rs.getString(3));
      rs.next();
      rs.next();
      assertEquals(5, rs.getInt(2));
      assertEquals(AuditChains.genesis(5), rs.getString(3));
      rs.next();
      assertEquals(rs.getString(4), rs.getString(3));
    }
    assertFalse(AuditChains.genesis(5).equals(AuditChains.genesis(1)));
  }

  @Test
  void anEditedRecordIsFound() throws SQLException {
    // given
    sixRecords();

    // when
    execute("UPDATE audit_record SET detail = 'nothing happened' WHERE id = 4");

    // then
    AuditChains.Verification v = verify();
    assertFalse(v.intact());
    assertEquals(Optional.of(4L), v.brokenAt());
    assertTrue(v.problem().orElseThrow().contains("changed after it was written"), v.problem().orElseThrow());
  }

  @Test
  void aDeletedRecordIsFoundAtTheNextOfItsChain() throws SQLException {
    // given
    sixRecords();

    // when
    execute("DELETE FROM audit_record WHERE id = 2");

    // then
    AuditChains.Verification v = verify();
    assertEquals(Optional.of(4L), v.brokenAt());
    assertTrue(v.problem().orElseThrow().contains("does not follow"), v.problem().orElseThrow());
  }

  @Test
  void aRecordMovedToAnotherChainIsFound() throws SQLException {
    // given
    sixRecords();

    // when
    execute("UPDATE audit_record SET chain_id = 8 WHERE id = 5");

    // then
    AuditChains.Verification v = verify();
    assertEquals(Optional.of(5L), v.brokenAt());
  }

  @Test
  void aChainsDeletedLastRecordIsFoundAtItsHead() throws SQLException {
    // given
    sixRecords();

    // when
    execute("DELETE FROM audit_record WHERE id = 6");

    // then
    AuditChains.Verification v = verify();
    assertEquals(Optional.of(6L), v.brokenAt());
    assertTrue(v.problem().orElseThrow().contains("chain 8 ends at record 0"), v.problem().orElseThrow());
  }

  @Test
  void recordsPastTheirChainsHeadAreCountedAsNewerNotChecked() throws SQLException {
    // given: chain 1's head as it was read before records 4 and 5 were committed
    sixRecords();
    execute("UPDATE audit_chain_head SET last_id = 2, last_hash = (SELECT hash FROM audit_record WHERE id = 2)"
        + " WHERE id = 1");

    // when
    AuditChains.Verification v = verify();

    // then: on a quiet trail, newer records are a head set back, and the answer shows them
    assertEquals(new AuditChains.Verification(4, 2, Optional.empty(), Optional.empty()), v);
  }

  @Test
  void aTransactionHoldingOneChainDoesNotHoldUpAnotherChain() throws SQLException {
    try (Connection first = db.getConnection(); Connection second = db.getConnection()) {
      first.setAutoCommit(false);
      second.setAutoCommit(false);
      try (Statement s = second.createStatement()) {
        s.execute("SET LOCK_TIMEOUT 200");
      }
      // given: an open transaction appended to chain 3
      AuditChains.append(first, 3, List.of(entry("a", 1)));

      // when: another appends to chain 4, then tries chain 3
      AuditChains.append(second, 4, List.of(entry("b", 2)));
      second.commit();
      assertThrows(SQLException.class, () -> AuditChains.append(second, 3, List.of(entry("c", 3))));
      second.rollback();
      first.commit();
    }

    // then
    AuditChains.Verification v = verify();
    assertEquals(2, v.records());
    assertTrue(v.intact(), v.problem().orElse(""));
  }
}
