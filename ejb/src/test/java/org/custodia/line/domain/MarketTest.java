package org.custodia.line.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Market profiles as the line uses them (MKT-1). */
@Tag("MKT-1")
class MarketTest {

  @Test
  void parsesKnownMarketsInOrderWithoutRepeats() {
    assertEquals(List.of(Market.US, Market.EU), Market.parse(List.of("US", "eu", "US")));
  }

  @Test
  void refusesAnUnknownMarketNamingTheFieldAndValue() {
    WorkOrderException e = assertThrows(WorkOrderException.class, () -> Market.parse(List.of("US", "XX")));
    assertEquals("unknown-market", e.code());
    assertEquals("markets[1]", e.field());
    assertEquals("XX", e.value());
    WorkOrderException n = assertThrows(WorkOrderException.class, () -> Market.parse(Arrays.asList("US", null)));
    assertEquals("markets[1]", n.field());
  }

  @Test
  void refusesNoMarkets() {
    assertEquals("markets", assertThrows(WorkOrderException.class, () -> Market.parse(List.of())).field());
    assertEquals("markets", assertThrows(WorkOrderException.class, () -> Market.parse(null)).field());
  }

  @Test
  void definesTheRequiredDataElementsPerMarket() {
    assertTrue(Market.US.required().containsAll(List.of(Market.DataElement.GTIN, Market.DataElement.LOT,
        Market.DataElement.EXPIRY, Market.DataElement.SERIAL, Market.DataElement.NDC)));
    assertFalse(Market.US.requiresRandomisedSerials());
    assertTrue(Market.EU.requiresRandomisedSerials());
    assertFalse(Market.EU.required().contains(Market.DataElement.NDC));
  }
}
