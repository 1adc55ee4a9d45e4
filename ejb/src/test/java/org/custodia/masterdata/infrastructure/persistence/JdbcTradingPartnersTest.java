package org.custodia.masterdata.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.custodia.gs1.Gln;
import org.custodia.gs1.Sgln;
import org.custodia.masterdata.domain.MasterDataException;
import org.custodia.masterdata.domain.PartnerRole;
import org.custodia.masterdata.domain.TradingPartner;
import org.custodia.masterdata.domain.TradingPartner.VerifyPermission;
import org.custodia.platform.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trading partners, their sites and the verification allow-list on the real schema (migration V13). */
@Tag("VER-2")
class JdbcTradingPartnersTest {

  private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-27T10:00:00Z");
  private static final Gln WHOLESALER = Gln.of("9506000000022");

  @TempDir Path dir;
  private JdbcTradingPartners store;

  @BeforeEach
  void store() {
    store = new JdbcTradingPartners(TestDatabases.migrated(dir));
  }

  @Test
  void savesReadsAndReplacesAPartnerWithItsSites() {
    // given
    TradingPartner first = new TradingPartner(WHOLESALER, "Wholesaler", Set.of(PartnerRole.WHOLESALER), true,
        List.of(Sgln.of("9506000000022", null), Sgln.of("9506000000022", "DOCK1")));
    TradingPartner changed = new TradingPartner(WHOLESALER, "Wholesaler & 3PL",
        Set.of(PartnerRole.WHOLESALER, PartnerRole.THIRD_PARTY_LOGISTICS), false, List.of(Sgln.of("9506000000022", "DOCK2")));

    // when
    boolean created = store.save(first, "admin", NOW);
    TradingPartner read = store.find(WHOLESALER).orElseThrow();
    boolean again = store.save(changed, "admin", NOW);

    // then
    assertTrue(created);
    assertEquals(first, read);
    assertFalse(again);
    assertEquals(List.of(changed), store.findAll());
    assertEquals(List.of("WHOLESALER", "3PL"), store.findAll().get(0).roleNames());
    assertTrue(store.find(Gln.of("9506000000039")).isEmpty());
  }

  @Test
  void theAllowListTellsPermittedFromNotPermitted() {
    assertEquals(VerifyPermission.PERMITTED,
        new TradingPartner(WHOLESALER, "W", Set.of(PartnerRole.WHOLESALER), true, List.of()).verifyPermission());
    assertEquals(VerifyPermission.NOT_PERMITTED,
        new TradingPartner(WHOLESALER, "W", Set.of(PartnerRole.WHOLESALER), false, List.of()).verifyPermission());

    // the stored allow-list, as the responder reads it: unknown, then permitted, then withdrawn
    assertEquals(VerifyPermission.UNKNOWN, store.verifyPermission(WHOLESALER));
    store.save(new TradingPartner(WHOLESALER, "W", Set.of(PartnerRole.WHOLESALER), true, List.of()), "admin", NOW);
    assertEquals(VerifyPermission.PERMITTED, store.verifyPermission(WHOLESALER));
    store.save(new TradingPartner(WHOLESALER, "W", Set.of(PartnerRole.WHOLESALER), false, List.of()), "admin", NOW);
    assertEquals(VerifyPermission.NOT_PERMITTED, store.verifyPermission(WHOLESALER));
  }

  @Test
  void refusesAPartnerWithoutRoleOrNameAndAnUnknownRoleNamingTheField() {
    MasterDataException noRole = assertThrows(MasterDataException.class,
        () -> new TradingPartner(WHOLESALER, "W", Set.of(), true, List.of()));
    assertEquals("roles", noRole.field());
    assertEquals("name", assertThrows(MasterDataException.class,
        () -> new TradingPartner(WHOLESALER, " ", Set.of(PartnerRole.PHARMACY), true, List.of())).field());
    MasterDataException bad = assertThrows(MasterDataException.class, () -> PartnerRole.of("SMUGGLER"));
    assertEquals("SMUGGLER", bad.value());
    assertEquals(PartnerRole.THIRD_PARTY_LOGISTICS, PartnerRole.of("3pl"));
  }
}
