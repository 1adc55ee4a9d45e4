package org.custodia.compliance.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.UUID;
import org.custodia.audit.application.AuditTrail;
import org.custodia.compliance.domain.DscsaException;
import org.custodia.epcis.application.EventQueryParameters;
import org.custodia.epcis.application.EventQueryService;
import org.custodia.gs1.Gln;
import org.custodia.gs1.Gtin;
import org.custodia.gs1.Sgln;
import org.custodia.masterdata.application.CompanyPrefixes;
import org.custodia.masterdata.application.MasterDataService;
import org.custodia.masterdata.domain.Location;
import org.custodia.masterdata.domain.Product;
import org.custodia.platform.DomainException.Kind;
import org.custodia.security.Roles;

/**
 * Exports the events a standard EPCIS query selects as one DSCSA document (EPC-4, MKT-1 US): EPCIS 1.2
 * XML with the GS1 US healthcare header ({@link DscsaDocument}) from a sender to a receiver, both known
 * locations. The document is complete (every page of the query, in event-time order unless the query
 * says otherwise) and is checked against the EPCIS 1.2 schema before it is returned. Refused: an unknown
 * sender or receiver (400), a product without product master data or NDC, a location without location
 * master data (409, naming every GTIN or GLN missing), no matching event (404), more than
 * {@value #MAX_EVENTS} events (413).
 */
@Stateless
@RolesAllowed({Roles.SUPPLY_CHAIN, Roles.COMPLIANCE, Roles.QA, Roles.ADMIN, Roles.AUDITOR})
public class DscsaExportService {

  /** The most events one document carries; larger shipments are split by the query. */
  public static final int MAX_EVENTS = 50_000;

  @Inject EventQueryService queries;
  @Inject MasterDataService masterData;
  @Inject CompanyPrefixes prefixes;
  @Inject AuditTrail audit;

  /** A written DSCSA document. */
  public record Export(String instanceId, int eventCount, byte[] xml) {}

  /**
   * Writes the DSCSA document of the events {@code query} selects.
   *
   * @param query the standard EPCIS query parameters ({@code perPage} and {@code nextPageToken} only
   *     steer how the events are read; all pages go into the document)
   * @param dropShipment written as {@code gs1ushc:dropShipment} on shipping events that do not state
   *     it, or {@code null} to leave the events as they are
   */
  public Export export(Gln sender, Gln receiver, Map<String, List<String>> query, Boolean dropShipment) {
    DscsaDocument.Party from = party("sender", sender);
    DscsaDocument.Party to = party("receiver", receiver);
    List<JsonObject> events = events(query);
    if (events.isEmpty()) {
      throw new DscsaException(Kind.NOT_FOUND, "dscsa-no-events", null, null,
          "no stored event matches the query; a DSCSA file needs at least one event");
    }
    DscsaDocument.References refs = DscsaDocument.references(events);
    Map<String, Product> products = products(refs.products());
    Map<String, Location> locations = locations(refs.locations());
    String instanceId = UUID.randomUUID().toString();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    List<JsonObject> prepared = new ArrayList<>(events.size());
    events.forEach(e -> prepared.add(DscsaDocument.prepare(e, dropShipment)));
    byte[] xml = DscsaDocument.write(
        DscsaDocument.header(from, to, products, locations, now, instanceId), prepared);
    audit.done("dscsa.export", "DscsaDocument", instanceId,
        "EPCIS 1.2 DSCSA document from GLN " + sender.value() + " to GLN " + receiver.value() + ": "
            + events.size() + " events, " + products.size() + " product classes, " + xml.length + " bytes");
    return new Export(instanceId, events.size(), xml);
  }

  private DscsaDocument.Party party(String field, Gln gln) {
    Location l = masterData.location(gln).orElseThrow(() -> new DscsaException(Kind.INVALID,
        "dscsa-party-unknown", field, gln.value(),
        "the " + field + " GLN " + gln.value() + " has no location master data; add it first"));
    OptionalInt cpl = prefixes.lengthFor(gln.value());
    String sgln = cpl.isPresent() ? Sgln.of(gln).toEpcUri(cpl.getAsInt()) : null;
    if (sgln == null) {
      throw new DscsaException(Kind.INVALID, "dscsa-party-unknown", field, gln.value(),
          "the company prefix of the " + field + " GLN " + gln.value()
              + " is not known, so it cannot be written as an SGLN; register the company prefix first");
    }
    return new DscsaDocument.Party(sgln, l);
  }

  private List<JsonObject> events(Map<String, List<String>> query) {
    Map<String, List<String>> p = new LinkedHashMap<>(query);
    p.putIfAbsent("orderBy", List.of("eventTime"));
    p.putIfAbsent("orderDirection", List.of("ASC"));
    p.putIfAbsent("perPage", List.of("1000"));
    Integer limit = null;
    List<String> l = p.getOrDefault("eventCountLimit", p.get("maxEventCount"));
    if (l != null && l.size() == 1 && l.get(0).matches("\\d{1,9}")) {
      limit = Integer.valueOf(l.get(0));
    }
    List<JsonObject> events = new ArrayList<>();
    while (true) {
      EventQueryService.Page page = queries.query(EventQueryParameters.parse(p));
      events.addAll(page.events());
      if (limit != null && events.size() >= limit) {
        return events.subList(0, limit);
      }
      if (events.size() > MAX_EVENTS) {
        throw new DscsaException(Kind.TOO_LARGE, "dscsa-too-many-events", null, null,
            "the query matches more than " + MAX_EVENTS + " events; narrow it (e.g. by time or EPC)");
      }
      if (page.next() == null) {
        return events;
      }
      p.put("nextPageToken", List.of(EventQueryParameters.token(page.next())));
    }
  }

  private Map<String, Product> products(Map<String, Gtin> refs) {
    Map<String, Product> out = new TreeMap<>();
    Map<Gtin, Product> known = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, Gtin> r : refs.entrySet()) {
      Product p = known.computeIfAbsent(r.getValue(), g -> masterData.product(g).orElse(null));
      if (p == null || p.ndc() == null) {
        if (!missing.contains(r.getValue().value())) {
          missing.add(r.getValue().value());
        }
      } else {
        out.put(r.getKey(), p);
      }
    }
    if (!missing.isEmpty()) {
      throw new DscsaException(Kind.CONFLICT, "dscsa-product-master-data-missing", "gtin", String.join(",", missing),
          "no product master data with an NDC for GTIN " + String.join(", ", missing)
              + "; a DSCSA file must carry the EPCClass master data of every product it names");
    }
    return out;
  }

  private Map<String, Location> locations(Map<String, Gln> refs) {
    Map<String, Location> out = new TreeMap<>();
    Map<Gln, Location> known = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, Gln> r : refs.entrySet()) {
      Location l = known.computeIfAbsent(r.getValue(), g -> masterData.location(g).orElse(null));
      if (l == null) {
        if (!missing.contains(r.getValue().value())) {
          missing.add(r.getValue().value());
        }
      } else {
        out.put(r.getKey(), l);
      }
    }
    if (!missing.isEmpty()) {
      throw new DscsaException(Kind.CONFLICT, "dscsa-location-master-data-missing", "gln", String.join(",", missing),
          "no location master data for GLN " + String.join(", ", missing)
              + "; a DSCSA file must carry the Location master data of every location and party it names");
    }
    return out;
  }
}
