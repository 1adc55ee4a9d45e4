package org.custodia.masterdata.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.custodia.gs1.Gln;
import org.custodia.gs1.Gtin;
import org.custodia.masterdata.domain.Location;
import org.custodia.masterdata.domain.MasterDataException;
import org.custodia.masterdata.domain.Product;
import org.custodia.platform.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Product and location master data on the real schema (migration V7) in H2's Oracle mode. */
@Tag("MKT-1")
@Tag("EPC-4")
class JdbcMasterDataTest {

  private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-27T10:00:00Z");

  @TempDir Path dir;
  private JdbcMasterData store;

  @BeforeEach
  void store() {
    store = new JdbcMasterData(TestDatabases.migrated(dir));
  }

  private static Product product(String ndc, String netContent) {
    return new Product(Gtin.of("09506000134352"), ndc, "Custodiamab 100 mg tablets (demo)",
        "Custodia Demo Pharma Inc. (demo)", "TABLET", "100 mg", netContent);
  }

  @Test
  void savesReadsAndReplacesAProduct() {
    // when
    boolean created = store.save(product("99999-134-52", "30 tablets"), "admin", NOW);
    boolean again = store.save(product("99999-134-52", "90 tablets"), "admin", NOW);

    // then
    assertTrue(created);
    assertFalse(again);
    assertEquals(List.of(product("99999-134-52", "90 tablets")), store.products());
    assertEquals(product("99999-134-52", "90 tablets"), store.product(Gtin.of("09506000134352")).orElseThrow());
    assertTrue(store.product(Gtin.of("19506000134359")).isEmpty());
  }

  @Test
  void savesReadsAndReplacesALocation() {
    // given
    Location plant = new Location(Gln.of("9506000000015"), "Plant", "1 Demo Way", null, "Princeton", "NJ", "08540", "US");
    Location moved = new Location(Gln.of("9506000000015"), "Plant", "2 Demo Way", "Gate B", "Princeton", "NJ", "08540", "US");

    // when
    store.save(plant, "admin", NOW);
    store.save(moved, "admin", NOW);

    // then
    assertEquals(moved, store.location(Gln.of("9506000000015")).orElseThrow());
    assertEquals(1, store.locations().size());
    assertTrue(store.location(Gln.of("9506000000022")).isEmpty());
  }

  @Test
  void refusesAMalformedNdcAndAMissingNameNamingTheField() {
    // when
    MasterDataException ndc = assertThrows(MasterDataException.class, () -> product("12-34", null));
    MasterDataException name = assertThrows(MasterDataException.class, () ->
        new Location(Gln.of("9506000000015"), " ", "1 Demo Way", null, "Princeton", "NJ", "08540", "US"));
    MasterDataException country = assertThrows(MasterDataException.class, () ->
        new Location(Gln.of("9506000000015"), "Plant", "1 Demo Way", null, "Princeton", "NJ", "08540", "usa"));

    // then
    assertEquals("ndc", ndc.field());
    assertEquals("12-34", ndc.value());
    assertEquals("name", name.field());
    assertEquals("countryCode", country.field());
  }
}
