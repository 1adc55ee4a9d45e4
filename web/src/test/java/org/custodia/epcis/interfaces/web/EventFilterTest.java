package org.custodia.epcis.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;
import org.custodia.epcis.application.EventQueryParameters;
import org.custodia.epcis.domain.EventQuery;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The event browser's filter form as the standard query parameters of {@code GET /events}. */
@Tag("EPC-2")
class EventFilterTest {

  private static final Function<String, OptionalInt> PREFIXES =
      digits -> digits.startsWith("9506000") ? OptionalInt.of(7) : OptionalInt.empty();

  @Test
  void everyFieldBecomesItsStandardParameterAndTheQueryServiceReadsThem() throws Exception {
    // given
    EventFilter f = new EventFilter();
    f.setEventType("AggregationEvent");
    f.setFrom("2026-11-27T10:00:00+01:00");
    f.setTo("2026-11-28");
    f.setBizStep("packing");
    f.setDisposition("in_progress");
    f.setEpc("(01)09506000134352(21)A1");
    f.setBizLocation("(414)9506000000015(254)7");
    f.setBizTransactionType("po");
    f.setBizTransaction("urn:epcglobal:cbv:bt:9506000000015:PO-1");

    // when
    Map<String, List<String>> p = f.toParameters(PREFIXES).values();
    EventQuery q = EventQueryParameters.parse(p);

    // then
    assertEquals(List.of("AggregationEvent"), p.get("eventType"));
    assertEquals(List.of("2026-11-27T10:00+01:00"), p.get("GE_eventTime"));
    assertEquals(List.of("2026-11-29T00:00Z"), p.get("LT_eventTime"), "a date includes its whole day");
    assertEquals(
        List.of("urn:epc:id:sgtin:9506000.013435.A1", "https://id.gs1.org/01/09506000134352/21/A1"),
        p.get("MATCH_anyEPC"));
    assertEquals("urn:epc:id:sgln:9506000.00001.7", p.get("EQ_bizLocation").get(0));
    assertEquals(List.of("urn:epcglobal:cbv:bt:9506000000015:PO-1"), p.get("EQ_bizTransaction_po"));
    assertEquals(List.of("packing"), q.bizSteps());
    assertEquals(List.of("in_progress"), q.dispositions());
    assertEquals(2, q.epcsByRoles().values().iterator().next().size());
    assertEquals(List.of("urn:epcglobal:cbv:bt:9506000000015:PO-1"), q.bizTransactions().get("po"));
  }

  @Test
  void anEmptyFilterAsksForEverything() throws Exception {
    assertTrue(new EventFilter().toParameters(PREFIXES).values().isEmpty());
  }

  @Test
  void timesWithoutAZoneAreUtcAndADateAloneStartsItsDay() throws Exception {
    assertEquals("2026-11-27T10:00Z", EventFilter.time("from", "2026-11-27 10:00", false).toString());
    assertEquals("2026-11-27T00:00Z", EventFilter.time("from", "2026-11-27", false).toString());
    assertEquals("2026-11-28T00:00Z", EventFilter.time("to", "2026-11-27", true).toString());
    assertEquals(
        "2026-11-27T10:00:30.500-05:00",
        EventFilter.time("to", "2026-11-27T10:00:30.5-05:00", true).toString());
  }

  @Test
  void aTimeThatIsNoTimeIsRefusedNamingFieldAndValue() {
    EventFilter f = new EventFilter();
    f.setTo("yesterday");

    EventFilter.InvalidFilterException e =
        assertThrows(EventFilter.InvalidFilterException.class, () -> f.toParameters(PREFIXES));

    assertEquals("to", e.field());
    assertTrue(e.getMessage().startsWith("Event time to: \"yesterday\""), e.getMessage());
  }

  @Test
  void aBadEpcIsRefusedNamingFieldValueAndRule() {
    EventFilter f = new EventFilter();
    f.setEpc("(01)09506000134353(21)A1");

    EventFilter.InvalidFilterException e =
        assertThrows(EventFilter.InvalidFilterException.class, () -> f.toParameters(PREFIXES));

    assertEquals("epc", e.field());
    assertTrue(e.getMessage().startsWith("EPC: \"(01)09506000134353(21)A1\" is not valid"), e.getMessage());
    assertTrue(e.getMessage().toLowerCase().contains("check digit"), e.getMessage());
  }

  @Test
  void aLotIsAskedForAmongTheClassesAndAnUnknownPrefixGivesANote() throws Exception {
    EventFilter f = new EventFilter();
    f.setEpc("(01)09506000134352(10)L1");
    EventFilter g = new EventFilter();
    g.setEpc("https://id.gs1.org/01/07612345000022/21/X");

    EventFilter.Parameters lot = f.toParameters(PREFIXES);
    EventFilter.Parameters foreign = g.toParameters(PREFIXES);

    assertTrue(lot.values().containsKey("MATCH_anyEPCClass"));
    assertFalse(lot.values().containsKey("MATCH_anyEPC"));
    assertEquals(List.of("https://id.gs1.org/01/07612345000022/21/X"), foreign.values().get("MATCH_anyEPC"));
    assertEquals(1, foreign.notes().size());
  }

  @Test
  void clearEmptiesEveryField() throws Exception {
    EventFilter f = new EventFilter();
    f.setEpc("urn:epc:id:sgtin:9506000.013435.A1");
    f.setBizStep("shipping");
    f.setBizTransaction("PO-1");

    f.clear();

    assertTrue(f.toParameters(PREFIXES).values().isEmpty());
    assertEquals("po", f.getBizTransactionType());
  }
}
