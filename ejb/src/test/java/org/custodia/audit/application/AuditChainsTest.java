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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  /** Verifies the six records after {@code sql} changed them behind the trail's back. */
  private AuditChains.Verification tamperedWith(String sql) throws SQLException {
    sixRecords();
    execute(sql);
    return verify();
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

    // when
    Map<Long, String[]> rows = new HashMap<>();
    try (Connection c = db.getConnection(); Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT id, chain_id, prev_hash, hash FROM audit_record")) {
      while (rs.next()) {
        rows.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
      }
    }

    // then: record 1 starts chain 1, record 3 starts chain 5, record 4 follows record 2 on chain 1
    assertEquals(AuditChains.genesis(1), rows.get(1L)[1]);
    assertEquals("5", rows.get(3L)[0]);
    assertEquals(AuditChains.genesis(5), rows.get(3L)[1]);
    assertEquals(rows.get(2L)[2], rows.get(4L)[1]);
    assertFalse(AuditChains.genesis(5).equals(AuditChains.genesis(1)));
  }

  @Test
  void anEditedRecordIsFound() throws SQLException {
    AuditChains.Verification v = tamperedWith("UPDATE audit_record SET detail = 'nothing happened' WHERE id = 4");

    assertFalse(v.intact());
    assertEquals(Optional.of(4L), v.brokenAt());
    assertTrue(v.problem().orElseThrow().contains("changed after it was written"), v.problem().orElseThrow());
  }

  @Test
  void aDeletedRecordIsFoundAtTheNextOfItsChain() throws SQLException {
    AuditChains.Verification v = tamperedWith("DELETE FROM audit_record WHERE id = 2");

    assertEquals(Optional.of(4L), v.brokenAt());
    assertTrue(v.problem().orElseThrow().contains("does not follow"), v.problem().orElseThrow());
  }

  @Test
  void aRecordMovedToAnotherChainIsFound() throws SQLException {
    AuditChains.Verification v = tamperedWith("UPDATE audit_record SET chain_id = 8 WHERE id = 5");

    assertEquals(Optional.of(5L), v.brokenAt());
    assertTrue(v.problem().orElseThrow().contains("does not follow the record before it in chain 8"),
        v.problem().orElseThrow());
  }

  @Test
  void aChainsDeletedLastRecordIsFoundAtItsHead() throws SQLException {
    AuditChains.Verification v = tamperedWith("DELETE FROM audit_record WHERE id = 6");

    assertEquals(Optional.of(6L), v.brokenAt());
    assertTrue(v.problem().orElseThrow().contains("chain 8 ends at record 0"), v.problem().orElseThrow());
  }

  @Test
  void recordsPastTheirChainsHeadAreCountedAsNewerNotChecked() throws SQLException {
    // chain 1's head as it was read before records 4 and 5 were committed; on a quiet trail, newer records
    // are a head set back, and the answer shows them
    AuditChains.Verification v = tamperedWith("UPDATE audit_chain_head SET last_id = 2,"
        + " last_hash = (SELECT hash FROM audit_record WHERE id = 2) WHERE id = 1");

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
