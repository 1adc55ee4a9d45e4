package org.custodia.compliance.application;

import static org.custodia.compliance.application.DscsaFixtures.PHARMACY;
import static org.custodia.compliance.application.DscsaFixtures.PLANT;
import static org.custodia.compliance.application.DscsaFixtures.WHOLESALER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import javax.xml.transform.stream.StreamSource;
import org.custodia.audit.application.AuditTrail;
import org.custodia.compliance.domain.DscsaException;
import org.custodia.epcis.application.EventQueryService;
import org.custodia.epcis.domain.EventQuery;
import org.custodia.epcis.infrastructure.xml.EpcisXmlVersion;
import org.custodia.epcis.infrastructure.xml.EpcisXsd;
import org.custodia.gs1.Gln;
import org.custodia.gs1.Gtin;
import org.custodia.masterdata.application.CompanyPrefixes;
import org.custodia.masterdata.application.MasterDataService;
import org.custodia.masterdata.domain.Location;
import org.custodia.masterdata.domain.Product;
import org.custodia.platform.DomainException.Kind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The export service over fakes of the query, the master data and the audit trail (EPC-4). */
@Tag("EPC-4")
class DscsaExportServiceTest {

  private final Map<Gtin, Product> products = new HashMap<>();
  private final Map<Gln, Location> locations = new HashMap<>();
  private final List<EventQuery> queries = new ArrayList<>();
  private final List<String> audited = new ArrayList<>();
  private List<JsonObject> stored = DscsaFixtures.shipment();
  private DscsaExportService service;

  @BeforeEach
  void service() {
    products.put(DscsaFixtures.UNIT_GTIN, DscsaFixtures.unitProduct());
    products.put(DscsaFixtures.CASE_GTIN, DscsaFixtures.caseProduct());
    locations.put(PLANT, DscsaFixtures.plant());
    locations.put(WHOLESALER, DscsaFixtures.wholesaler());
    service = new DscsaExportService();
    service.queries = new EventQueryService() {
      @Override
      public Page query(EventQuery q) {
        queries.add(q);
        // two pages: the first two events, then the rest
        if (q.after() == null && stored.size() > 2) {
          return new Page(stored.subList(0, 2), new EventQuery.Cursor(1L, 2L));
        }
        return new Page(q.after() == null ? stored : stored.subList(2, stored.size()), null);
      }
    };
    service.masterData = new MasterDataService() {
      @Override
      public Optional<Product> product(Gtin gtin) {
        return Optional.ofNullable(products.get(gtin));
      }

      @Override
      public Optional<Location> location(Gln gln) {
        return Optional.ofNullable(locations.get(gln));
      }
    };
    service.prefixes = new CompanyPrefixes() {
      @Override
      public OptionalInt lengthFor(String keyDigits) {
        return keyDigits.startsWith("9506000") ? OptionalInt.of(7) : OptionalInt.empty();
      }
    };
    service.audit = new AuditTrail() {
      @Override
      public void done(String action, String objectType, String objectId, String detail) {
        audited.add(action + " " + objectId + " " + detail);
      }
    };
  }

  private static Map<String, List<String>> query() {
    return Map.of("MATCH_anyEPC", List.of(DscsaFixtures.CASE));
  }

  @Test
  void exportsEveryPageInEventTimeOrderAsOneValidDocument() {
    // when
    DscsaExportService.Export export = service.export(PLANT, WHOLESALER, query(), null);

    // then
    assertEquals(4, export.eventCount());
    EpcisXsd.validate(new StreamSource(new ByteArrayInputStream(export.xml())), EpcisXmlVersion.V1_2);
    assertEquals(2, queries.size());
    assertTrue(queries.get(0).ascending() && !queries.get(0).orderByRecordTime());
    assertEquals(new EventQuery.Cursor(1L, 2L), queries.get(1).after());
    String xml = new String(export.xml(), StandardCharsets.UTF_8);
    assertTrue(xml.contains(export.instanceId()), "the SBDH carries the instance identifier");
    assertTrue(!xml.contains("dropShipment"), "no drop shipment flag unless asked for");
    assertEquals(1, audited.size());
    assertTrue(audited.get(0).startsWith("dscsa.export " + export.instanceId()), audited.get(0));
  }

  @Test
  void anUnknownReceiverIsRefusedNamingTheField() {
    // when the pharmacy has no location master data
    DscsaException e = assertThrows(DscsaException.class, () -> service.export(PLANT, PHARMACY, query(), null));

    // then
    assertEquals(Kind.INVALID, e.kind());
    assertEquals("dscsa-party-unknown", e.code());
    assertEquals("receiver", e.field());
    assertEquals(PHARMACY.value(), e.value());
    assertTrue(queries.isEmpty(), "refused before any query");
  }

  @Test
  void aSenderOfAnUnknownCompanyPrefixIsRefused() {
    // given a sender with master data but a company prefix the system does not know
    Gln foreign = Gln.fromDigitsWithoutCheckDigit("761234000001");
    locations.put(foreign, new Location(foreign, "Elsewhere", "1 Road", null, "Basel", null, "4000", "CH"));

    // when
    DscsaException e = assertThrows(DscsaException.class, () -> service.export(foreign, WHOLESALER, query(), null));

    // then
    assertEquals("sender", e.field());
    assertTrue(e.getMessage().contains("company prefix"), e.getMessage());
  }

  @Test
  void aProductWithoutMasterDataIsRefusedNamingTheGtin() {
    // given
    products.remove(DscsaFixtures.CASE_GTIN);

    // when
    DscsaException e = assertThrows(DscsaException.class, () -> service.export(PLANT, WHOLESALER, query(), null));

    // then
    assertEquals(Kind.CONFLICT, e.kind());
    assertEquals("dscsa-product-master-data-missing", e.code());
    assertEquals("gtin", e.field());
    assertEquals("19506000134359", e.value());
    assertTrue(audited.isEmpty());
  }

  @Test
  void aProductWithoutNdcIsRefused() {
    // given a product set up for other markets only
    Product p = DscsaFixtures.unitProduct();
    products.put(p.gtin(), new Product(p.gtin(), null, p.regulatedProductName(), p.manufacturerName(), null, null, null));

    // when
    DscsaException e = assertThrows(DscsaException.class, () -> service.export(PLANT, WHOLESALER, query(), null));

    // then
    assertEquals("09506000134352", e.value());
  }

  @Test
  void aLocationWithoutMasterDataIsRefusedNamingTheGln() {
    // given the shipping event's destination is a site nobody described
    stored = new ArrayList<>(stored);
    JsonObject shipping = stored.get(3);
    stored.set(3, DscsaFixtures.json(shipping.toString().replace("urn:epc:id:sgln:9506000.00002.0",
        "urn:epc:id:sgln:9506000.00004.0")));

    // when
    DscsaException e = assertThrows(DscsaException.class, () -> service.export(PLANT, WHOLESALER, query(), null));

    // then
    assertEquals(Kind.CONFLICT, e.kind());
    assertEquals("dscsa-location-master-data-missing", e.code());
    assertEquals("gln", e.field());
    assertEquals("9506000000046", e.value());
  }

  @Test
  void noMatchingEventIsNotFound() {
    // given
    stored = List.of();

    // when
    DscsaException e = assertThrows(DscsaException.class, () -> service.export(PLANT, WHOLESALER, query(), null));

    // then
    assertEquals(Kind.NOT_FOUND, e.kind());
  }

  @Test
  void theDropShipmentFlagGoesOnShippingEventsWhenAskedFor() {
    // when
    String xml = new String(service.export(PLANT, WHOLESALER, query(), true).xml(), StandardCharsets.UTF_8);

    // then
    assertEquals(1, xml.split("dropShipment>true<", -1).length - 1, xml);
  }
}
