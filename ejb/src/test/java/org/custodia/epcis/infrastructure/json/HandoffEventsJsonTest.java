package org.custodia.epcis.infrastructure.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.custodia.epcis.domain.ObjectEvent;
import org.custodia.epcis.domain.StoredEvent;
import org.custodia.epcis.domain.TransactionEvent;
import org.custodia.epcis.domain.TypedId;
import org.custodia.epcis.infrastructure.validation.EpcisJsonSchema;
import org.custodia.epcis.infrastructure.validation.SemanticValidator;
import org.custodia.platform.Jsonp;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The shipping ObjectEvent with business transactions, sources and destinations, and the ownership
 * TransactionEvent, as {@link EpcisJson} writes them: valid against the bundled EPCIS 2.0 JSON schema and
 * the semantic rules the capture path applies, and read back with their typed lists.
 */
class HandoffEventsJsonTest {

  private static final OffsetDateTime T = OffsetDateTime.parse("2026-11-27T10:00:00Z");
  private static final String PALLET = "urn:epc:id:sscc:9506000.0000000111";
  private static final String PLANT = "urn:epc:id:sgln:9506000.00001.0";
  private static final String DC = "urn:epc:id:sgln:9506000.00002.0";
  private static final List<TypedId> TX = List.of(
      new TypedId("po", "urn:epcglobal:cbv:bt:9506000000022:PO-4711"),
      new TypedId("desadv", "urn:epcglobal:cbv:bt:9506000000015:DA-1"));
  private static final List<TypedId> FROM = List.of(
      new TypedId("owning_party", "urn:epc:id:pgln:9506000.00001"), new TypedId("location", PLANT));
  private static final List<TypedId> TO = List.of(
      new TypedId("owning_party", "urn:epc:id:pgln:9506000.00002"), new TypedId("location", DC));

  private static void assertValid(String document) {
    assertEquals(List.of(), new EpcisJsonSchema().validateDocument(document));
    assertEquals(List.of(), SemanticValidator.validateDocument(
        Jsonp.JSON.createReader(new StringReader(document)).readObject()));
  }

  @Test
  @Tag("LIFE-1")
  void theShippingObjectEventIsValidAndCarriesItsTransactionsSourcesAndDestinations() {
    String doc = EpcisJson.document(List.of(new ObjectEvent("urn:uuid:6f1c3c0e-0000-4000-8000-000000000001", T,
        List.of(PALLET), "OBSERVE", "shipping", "in_transit", PLANT, PLANT, Map.of(), TX, FROM, TO)), T);

    assertValid(doc);
    StoredEvent e = EpcisJson.read(doc).get(0);
    assertEquals("urn:epc:id:pgln:9506000.00002", e.destination("owning_party"));
    assertEquals(2, e.bizTransactions().size());
    assertEquals(2, e.sources().size());
  }

  @Test
  @Tag("LIFE-1")
  void theOwnershipTransactionEventIsValid() {
    String doc = EpcisJson.transactionDocument(List.of(new TransactionEvent(
        "urn:uuid:6f1c3c0e-0000-4000-8000-000000000002", T, TX.subList(0, 1), null, List.of(PALLET), "ADD",
        "receiving", null, DC, DC, FROM, TO)), T);

    assertValid(doc);
    StoredEvent e = EpcisJson.read(doc).get(0);
    assertEquals("TransactionEvent", e.eventType());
    assertEquals(List.of(PALLET), e.epcs());
    assertEquals("urn:epc:id:pgln:9506000.00002", e.destination("owning_party"));
  }

  @Test
  @Tag("LIFE-1")
  void theNineArgumentObjectEventWritesNoTypedLists() {
    String doc = EpcisJson.document(List.of(new ObjectEvent("urn:uuid:6f1c3c0e-0000-4000-8000-000000000003", T,
        List.of(PALLET), "OBSERVE", "inspecting", "in_progress", PLANT, PLANT, Map.of())), T);

    assertValid(doc);
    assertFalse(doc.contains("bizTransactionList") || doc.contains("sourceList") || doc.contains("destinationList"));
  }
}
