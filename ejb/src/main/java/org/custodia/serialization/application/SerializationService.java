package org.custodia.serialization.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.custodia.audit.application.AuditTrail;
import org.custodia.epcis.application.EventCaptureService;
import org.custodia.epcis.domain.ObjectEvent;
import org.custodia.gs1.Gln;
import org.custodia.gs1.Gtin;
import org.custodia.gs1.Sgln;
import org.custodia.gs1.Sgtin;
import org.custodia.gs1.SerialNumber;
import org.custodia.masterdata.application.CompanyPrefixes;
import org.custodia.platform.DomainException.Kind;
import org.custodia.security.Roles;
import org.custodia.serialization.domain.CommissionOrder;
import org.custodia.serialization.domain.CommissionedUnit;
import org.custodia.serialization.domain.CommissionedUnitRepository;
import org.custodia.serialization.domain.IssuedSerials;
import org.custodia.serialization.domain.SerialAllocation;
import org.custodia.serialization.domain.SerialPool;
import org.custodia.serialization.domain.SerialPoolException;
import org.custodia.serialization.domain.SerialPoolRepository;
import org.custodia.serialization.domain.SerialRange;
import org.custodia.serialization.domain.SerialNumberSpace;
import org.custodia.serialization.domain.SerialSpace;

/** Serial pools, allocation, import and commissioning (SER-1 to SER-5). */
@Stateless
@DeclareRoles({Roles.OPERATOR, Roles.QA, Roles.SUPPLY_CHAIN, Roles.COMPLIANCE, Roles.ADMIN, Roles.AUDITOR})
public class SerializationService {

  /** Where commissioning happens when the order names no site: the own plant of the embedded default. */
  static final String DEFAULT_SITE = System.getProperty("custodia.site.gln", "9506000000015");

  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject SerialPoolRepository pools;
  @Inject CommissionedUnitRepository units;
  @Inject EventCaptureService epcis;
  @Inject AuditTrail audit;
  @Inject CompanyPrefixes prefixes;
  @Resource SessionContext session;

  /**
   * Creates a generated pool (SER-1). Pools of one GTIN and length share one serial space, opened by the
   * first of them, so they can never issue the same serial.
   */
  @RolesAllowed({Roles.QA, Roles.ADMIN})
  public PoolView createPool(PoolSpec spec) {
    if (pools.findByGtin(spec.gtin()).stream().anyMatch(SerialPool::isImport)) {
      throw new SerialPoolException(Kind.CONFLICT, "imported-serials-only", "gtin", spec.gtin().value(),
          "GTIN " + spec.gtin().value() + " uses imported serials, which must be the only ones used (SER-4)");
    }
    SerialNumberSpace space = pools.findSpace(spec.gtin(), spec.length()).orElse(null);
    if (space == null) {
      space = SerialNumberSpace.open(spec.gtin(), spec.charset(), spec.length(), spec.order(),
          spec.capacity(), spec.markets(), RANDOM);
      pools.store(space);
    } else {
      space.requireSame(spec.charset(), spec.order());
    }
    SerialPool pool = SerialPool.generated(space, spec.capacity(), spec.markets(), caller(), now());
    pools.store(pool);
    audit.done("serial-pool.create", "SerialPool", String.valueOf(pool.id()),
        "GTIN " + spec.gtin().value() + ", " + spec.charset() + " length " + spec.length() + ", "
            + spec.order() + ", capacity " + pool.capacity() + ", guessing probability "
            + pool.guessProbability().toPlainString());
    return PoolView.of(pool);
  }

  @RolesAllowed({Roles.QA, Roles.ADMIN, Roles.OPERATOR, Roles.SUPPLY_CHAIN, Roles.COMPLIANCE, Roles.AUDITOR})
  public List<PoolView> listPools() {
    return pools.findAll().stream().map(PoolView::of).toList();
  }

  @RolesAllowed({Roles.QA, Roles.ADMIN, Roles.OPERATOR, Roles.SUPPLY_CHAIN, Roles.COMPLIANCE, Roles.AUDITOR})
  public PoolView pool(long id) {
    return PoolView.of(pools.find(id).orElseThrow(() -> notFound(id)));
  }

  /** Hands out the next {@code count} serials of a pool (SER-2, SER-3). */
  @RolesAllowed({Roles.QA, Roles.ADMIN, Roles.OPERATOR, Roles.SUPPLY_CHAIN})
  public Allocation allocate(long poolId, int count, String purpose) {
    return SerialAllocator.allocate(pools, poolId, count, caller(), purpose, now());
  }

  /** Imports externally issued serials for a GTIN (SER-4); they become the only serials of the GTIN. */
  @RolesAllowed({Roles.QA, Roles.ADMIN})
  public PoolView importSerials(Gtin gtin, List<SerialNumber> serials, List<String> markets) {
    List<SerialPool> existing = pools.findByGtin(gtin);
    if (existing.stream().anyMatch(p -> !p.isImport())) {
      throw new SerialPoolException(Kind.CONFLICT, "generated-pool-exists", "gtin", gtin.value(),
          "GTIN " + gtin.value() + " already has a generated serial pool; imported serials must be the only ones used");
    }
    List<String> values = distinct(serials);
    Map<String, SerialPoolRepository.ImportedPosition> dup = pools.findImported(gtin, values);
    if (!dup.isEmpty()) {
      String first = dup.keySet().iterator().next();
      throw new SerialPoolException(Kind.CONFLICT, "serial-already-imported", "serials", first,
          dup.size() + " serial(s) were imported before for GTIN " + gtin.value() + ", e.g. \"" + first + "\"");
    }
    SerialPool pool = existing.isEmpty() ? SerialPool.imported(gtin, markets, caller(), now()) : existing.get(0);
    long first = pool.addImported(values.size());
    pools.store(pool);
    pools.storeImported(pool, first, values);
    audit.done("serial-pool.import", "SerialPool", String.valueOf(pool.id()),
        values.size() + " serials imported for GTIN " + gtin.value());
    return PoolView.of(pool);
  }

  /** Marks issued serials that were never printed as unused; they are never issued or used again (SER-3). */
  @RolesAllowed({Roles.QA, Roles.ADMIN, Roles.OPERATOR})
  public void markUnused(Gtin gtin, List<SerialNumber> serials, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new SerialPoolException(Kind.INVALID, "reason-required", "reason", reason,
          "a reason is required to mark serials unused");
    }
    List<String> values = distinct(serials);
    Map<String, Long> poolOf = issuedBy(gtin, values);
    refuseCommissioned(gtin, values);
    refuseUnused(gtin, values);
    units.markUnused(gtin, poolOf, reason, caller());
    audit.done("serial.unused", "GTIN", gtin.value(), values.size() + " serials marked unused: " + reason);
  }

  /**
   * Commissions units (SER-5): refuses, writing nothing, any serial not issued for the GTIN, marked unused,
   * or already commissioned; records the units and sends the ObjectEvent (ADD, commissioning, active) to
   * the EPCIS repository in the same transaction. Returns the event's ID and the EPCs.
   */
  @RolesAllowed({Roles.QA, Roles.ADMIN, Roles.OPERATOR})
  public Commissioning commission(CommissionOrder order) {
    return commissionAll(List.of(order)).get(0);
  }

  /**
   * Commissions the units of several orders at once, as {@link #commission} does each, all or nothing: one
   * ObjectEvent per order, in the caller's transaction. The checks run once per GTIN over the serials of
   * all its orders (a serial named by two of them is refused like one named twice by one order), so a
   * packaging line's transaction that verified units of several work orders pays for the look-ups once,
   * not once per unit. Returns each order's event ID and EPCs, in the orders' order.
   */
  @RolesAllowed({Roles.QA, Roles.ADMIN, Roles.OPERATOR})
  public List<Commissioning> commissionAll(List<CommissionOrder> orders) {
    if (orders == null || orders.isEmpty()) {
      throw new SerialPoolException(Kind.INVALID, "orders-required", "orders", null,
          "at least one commissioning order is required");
    }
    Map<Gtin, List<String>> byGtin = new LinkedHashMap<>();
    List<List<String>> valuesOf = new ArrayList<>(orders.size());
    for (CommissionOrder order : orders) {
      List<String> values = distinct(order.serials());
      List<String> ofGtin = byGtin.computeIfAbsent(order.gtin(), g -> new ArrayList<>());
      String duplicate = values.size() != order.serials().size() ? firstDuplicate(order.serials())
          : values.stream().filter(new HashSet<>(ofGtin)::contains).findFirst().orElse(null);
      if (duplicate != null) {
        throw new SerialPoolException(Kind.INVALID, "duplicate-serial", "serials", duplicate,
            "the request names serial \"" + duplicate + "\" more than once");
      }
      ofGtin.addAll(values);
      valuesOf.add(values);
    }
    Map<Gtin, Map<String, Long>> poolOf = new HashMap<>();
    for (Map.Entry<Gtin, List<String>> e : byGtin.entrySet()) {
      poolOf.put(e.getKey(), issuedBy(e.getKey(), e.getValue()));
      refuseUnused(e.getKey(), e.getValue());
      refuseCommissioned(e.getKey(), e.getValue());
    }
    OffsetDateTime now = now();
    String by = caller();
    List<CommissionedUnit> rows = new ArrayList<>();
    List<ObjectEvent> events = new ArrayList<>(orders.size());
    List<Commissioning> done = new ArrayList<>(orders.size());
    for (int i = 0; i < orders.size(); i++) {
      CommissionOrder order = orders.get(i);
      Gtin gtin = order.gtin();
      Gln site = order.site() != null ? order.site() : new Gln(DEFAULT_SITE);
      String eventId = "urn:uuid:" + UUID.randomUUID();
      int cpLength = prefixes.lengthFor(gtin.value().substring(1)).orElse(-1);
      List<String> values = valuesOf.get(i);
      List<String> epcs = new ArrayList<>(values.size());
      for (String serial : values) {
        Sgtin sgtin = new Sgtin(gtin, new SerialNumber(serial));
        String epc = cpLength > 0 ? sgtin.toEpcUri(cpLength) : sgtin.toDigitalLink();
        epcs.add(epc);
        rows.add(new CommissionedUnit(order, serial, poolOf.get(gtin).get(serial), epc, eventId, by, now));
      }
      String location = locationOf(site);
      events.add(new ObjectEvent(eventId, now, epcs, "ADD", "commissioning", "active", location, location,
          Map.of("cbvmda:lotNumber", order.lot().value(),
              "cbvmda:itemExpirationDate", order.expiry().toLocalDate().toString())));
      done.add(new Commissioning(eventId, epcs));
    }
    units.storeAll(rows);
    epcis.capture(events, "serialization");
    for (int i = 0; i < orders.size(); i++) {
      CommissionOrder order = orders.get(i);
      audit.done("unit.commission", "GTIN", order.gtin().value(), valuesOf.get(i).size() + " units of lot "
          + order.lot().value() + " commissioned, event " + done.get(i).eventId());
    }
    return done;
  }

  private Map<String, Long> issuedBy(Gtin gtin, List<String> values) {
    List<SerialPool> importPools = pools.findByGtin(gtin).stream().filter(SerialPool::isImport).toList();
    Map<String, SerialPoolRepository.ImportedPosition> imported =
        importPools.isEmpty() ? Map.of() : pools.findImported(gtin, values);
    return IssuedSerials.attribute(
        gtin, values, pools.findSpaces(gtin), importPools, imported, pools::allocationsCovering);
  }

  private String locationOf(Gln site) {
    int len = prefixes.lengthFor(site.value()).orElse(-1);
    return len > 0 ? Sgln.of(site).toEpcUri(len) : Sgln.of(site).toDigitalLink();
  }

  private void refuseUnused(Gtin gtin, List<String> values) {
    Set<String> unused = units.findUnused(gtin, values);
    if (!unused.isEmpty()) {
      String s = unused.iterator().next();
      throw new SerialPoolException(Kind.CONFLICT, "serial-unused", "serials", s,
          unused.size() + " serial(s) were marked unused and can never be used, e.g. \"" + s + "\"");
    }
  }

  private void refuseCommissioned(Gtin gtin, List<String> values) {
    Set<String> done = units.findCommissioned(gtin, values);
    if (!done.isEmpty()) {
      String s = done.iterator().next();
      throw new SerialPoolException(Kind.CONFLICT, "already-commissioned", "serials", s,
          done.size() + " serial(s) of GTIN " + gtin.value() + " are already commissioned, e.g. \"" + s
              + "\"; nothing was written");
    }
  }

  private static List<String> distinct(List<SerialNumber> serials) {
    if (serials == null || serials.isEmpty()) {
      throw new SerialPoolException(Kind.INVALID, "serials-required", "serials", null, "at least one serial is required");
    }
    Set<String> seen = new HashSet<>();
    List<String> out = new ArrayList<>(serials.size());
    for (SerialNumber s : serials) {
      if (seen.add(s.value())) {
        out.add(s.value());
      }
    }
    return out;
  }

  private static String firstDuplicate(List<SerialNumber> serials) {
    Set<String> seen = new HashSet<>();
    for (SerialNumber s : serials) {
      if (!seen.add(s.value())) {
        return s.value();
      }
    }
    return null;
  }

  private static SerialPoolException notFound(long id) {
    return new SerialPoolException(Kind.NOT_FOUND, "pool-not-found", "poolId", id, "there is no serial pool " + id);
  }

  private String caller() {
    return session.getCallerPrincipal().getName();
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }
}
