package org.custodia.compliance.application;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.custodia.gs1.Gln;
import org.custodia.gs1.Gtin;
import org.custodia.masterdata.domain.Location;
import org.custodia.masterdata.domain.Product;

/**
 * A small shipment as Custodia stores it (EPCIS 2.0 JSON-LD, bare CBV terms, ILMD without its own
 * context, as commissioning writes it): two units and a case commissioned, the units packed into the
 * case, the case shipped from the own plant to the wholesaler.
 */
final class DscsaFixtures {

  static final Gtin UNIT_GTIN = Gtin.of("09506000134352");
  static final Gtin CASE_GTIN = Gtin.of("19506000134359");
  static final Gln PLANT = Gln.of("9506000000015");
  static final Gln WHOLESALER = Gln.of("9506000000022");
  static final Gln PHARMACY = Gln.of("9506000000039");
  static final String PLANT_SGLN = "urn:epc:id:sgln:9506000.00001.0";
  static final String WHOLESALER_SGLN = "urn:epc:id:sgln:9506000.00002.0";
  static final String UNIT_1 = "urn:epc:id:sgtin:9506000.013435.1001";
  static final String UNIT_2 = "urn:epc:id:sgtin:9506000.013435.1002";
  static final String CASE = "urn:epc:id:sgtin:9506000.113435.5001";

  private DscsaFixtures() {}

  static JsonObject json(String s) {
    try (var r = Json.createReader(new StringReader(s))) {
      return r.readObject();
    }
  }

  static List<JsonObject> shipment() {
    return List.of(
        json("{\"type\":\"ObjectEvent\",\"eventID\":\"urn:uuid:00000000-0000-4000-8000-000000000001\","
            + "\"eventTime\":\"2026-11-20T08:00:00Z\",\"eventTimeZoneOffset\":\"+00:00\","
            + "\"recordTime\":\"2026-11-20T08:00:01Z\",\"epcList\":[\"" + UNIT_1 + "\",\"" + UNIT_2 + "\"],"
            + "\"action\":\"ADD\",\"bizStep\":\"commissioning\",\"disposition\":\"active\","
            + "\"readPoint\":{\"id\":\"" + PLANT_SGLN + "\"},\"bizLocation\":{\"id\":\"" + PLANT_SGLN + "\"},"
            + "\"ilmd\":{\"cbvmda:itemExpirationDate\":\"2028-12-31\",\"cbvmda:lotNumber\":\"L1\"}}"),
        json("{\"type\":\"ObjectEvent\",\"eventID\":\"urn:uuid:00000000-0000-4000-8000-000000000002\","
            + "\"eventTime\":\"2026-11-20T08:01:00Z\",\"eventTimeZoneOffset\":\"+00:00\","
            + "\"epcList\":[\"" + CASE + "\"],\"action\":\"ADD\",\"bizStep\":\"commissioning\","
            + "\"disposition\":\"active\",\"readPoint\":{\"id\":\"" + PLANT_SGLN + "\"},"
            + "\"ilmd\":{\"cbvmda:itemExpirationDate\":\"2028-12-31\",\"cbvmda:lotNumber\":\"L1\"}}"),
        json("{\"type\":\"AggregationEvent\",\"eventID\":\"urn:uuid:00000000-0000-4000-8000-000000000003\","
            + "\"eventTime\":\"2026-11-20T08:02:00Z\",\"eventTimeZoneOffset\":\"+00:00\","
            + "\"parentID\":\"" + CASE + "\",\"childEPCs\":[\"" + UNIT_1 + "\",\"" + UNIT_2 + "\"],"
            + "\"action\":\"ADD\",\"bizStep\":\"packing\",\"disposition\":\"in_progress\","
            + "\"readPoint\":{\"id\":\"" + PLANT_SGLN + "\"},\"bizLocation\":{\"id\":\"" + PLANT_SGLN + "\"}}"),
        json("{\"type\":\"ObjectEvent\",\"eventID\":\"urn:uuid:00000000-0000-4000-8000-000000000004\","
            + "\"eventTime\":\"2026-11-21T09:00:00-05:00\",\"eventTimeZoneOffset\":\"-05:00\","
            + "\"epcList\":[\"" + CASE + "\"],\"action\":\"OBSERVE\","
            + "\"bizStep\":\"https://ref.gs1.org/cbv/BizStep-shipping\",\"disposition\":\"in_transit\","
            + "\"readPoint\":{\"id\":\"" + PLANT_SGLN + "\"},"
            + "\"bizTransactionList\":[{\"type\":\"po\",\"bizTransaction\":\"urn:epcglobal:cbv:bt:9506000000022:PO-1\"}],"
            + "\"sourceList\":[{\"type\":\"owning_party\",\"source\":\"urn:epc:id:pgln:9506000.00001\"},"
            + "{\"type\":\"location\",\"source\":\"" + PLANT_SGLN + "\"}],"
            + "\"destinationList\":[{\"type\":\"owning_party\",\"destination\":\"urn:epc:id:pgln:9506000.00002\"},"
            + "{\"type\":\"location\",\"destination\":\"" + WHOLESALER_SGLN + "\"}]}"));
  }

  static Product unitProduct() {
    return new Product(UNIT_GTIN, "99999-134-52", "Custodiamab 100 mg tablets (demo)",
        "Custodia Demo Pharma Inc. (demo)", "TABLET", "100 mg", "30 tablets");
  }

  static Product caseProduct() {
    return new Product(CASE_GTIN, "99999-134-52", "Custodiamab 100 mg tablets (demo)",
        "Custodia Demo Pharma Inc. (demo)", "TABLET", "100 mg", "12 x 30 tablets");
  }

  static Location plant() {
    return new Location(PLANT, "Custodia Demo Plant (demo)", "1 Demo Way", null, "Princeton", "NJ", "08540", "US");
  }

  static Location wholesaler() {
    return new Location(WHOLESALER, "Demo Wholesaler (demo)", "200 Distribution Pkwy", "Building 2",
        "Louisville", "KY", "40218", "US");
  }
}
