package org.custodia.exceptions.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.custodia.exceptions.domain.ExceptionStatus;
import org.custodia.exceptions.domain.ExceptionType;
import org.custodia.exceptions.domain.Involved;
import org.custodia.exceptions.domain.Severity;
import org.custodia.exceptions.domain.SupplyException;
import org.custodia.platform.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Supply-chain exceptions on the real schema (migration V13) in H2's Oracle mode. */
@Tag("EXC-1")
class JdbcSupplyExceptionsTest {

  private static final OffsetDateTime T = OffsetDateTime.parse("2026-11-27T10:00:00Z");

  @TempDir Path dir;
  private JdbcSupplyExceptions store;

  @BeforeEach
  void store() {
    store = new JdbcSupplyExceptions(TestDatabases.migrated(dir));
  }

  @Test
  void storesFiltersAndResolvesExceptions() {
    // given
    SupplyException suspect = store.insert(SupplyException.raise(ExceptionType.SUSPECT_PRODUCT, Severity.HIGH,
        new Involved("09506000134352", "SN1", "LOT1", null, "9506000000022"), "never commissioned", "supply", T));
    SupplyException damaged = store.insert(SupplyException.raise(ExceptionType.DAMAGED_OR_UNREADABLE_CODE,
        Severity.LOW, Involved.epc("urn:epc:id:sgtin:9506000.013435.SN2"), "unreadable", "operator", T.plusSeconds(1)));

    // when
    SupplyException resolved = damaged.resolve("qa", T.plusHours(1), "smudged print head");
    boolean first = store.resolve(resolved);
    boolean second = store.resolve(resolved);

    // then
    assertTrue(damaged.id() > suspect.id());
    assertEquals(suspect, store.find(suspect.id()).orElseThrow());
    assertEquals(resolved, store.find(damaged.id()).orElseThrow());
    assertTrue(first);
    assertFalse(second);
    assertEquals(List.of(resolved, suspect), store.find(null, null, null, 10));
    assertEquals(List.of(suspect), store.find(ExceptionType.SUSPECT_PRODUCT, ExceptionStatus.OPEN, null, 10));
    assertEquals(List.of(suspect), store.find(null, null, "SN1", 10));
    assertEquals(List.of(), store.find(ExceptionType.SUSPECT_PRODUCT, ExceptionStatus.RESOLVED, null, 10));
    assertEquals(1, store.find(null, null, null, 1).size());
  }
}
