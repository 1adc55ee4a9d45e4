package org.custodia.supplychain.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.custodia.audit.application.AuditTrail;
import org.custodia.epcis.application.EventCaptureService;
import org.custodia.epcis.domain.ObjectEvent;
import org.custodia.epcis.domain.TransactionEvent;
import org.custodia.epcis.domain.TypedId;
import org.custodia.exceptions.application.SupplyExceptionService;
import org.custodia.exceptions.domain.ExceptionType;
import org.custodia.exceptions.domain.Involved;
import org.custodia.exceptions.domain.Severity;
import org.custodia.gs1.Gln;
import org.custodia.gs1.Gs1Exception;
import org.custodia.supplychain.domain.Arrival;
import org.custodia.supplychain.domain.Dispositions;
import org.custodia.supplychain.domain.ExpectedItem;
import org.custodia.supplychain.domain.HandoffException;
import org.custodia.supplychain.domain.Outcome;
import org.custodia.supplychain.domain.Parties;
import org.custodia.supplychain.domain.ReceiptCheck;
import org.custodia.supplychain.domain.ReceiptLine;
import org.custodia.supplychain.domain.ReturnOrder;
import org.custodia.supplychain.domain.ReturnRecord;
import org.custodia.supplychain.domain.Shipment;
import org.custodia.supplychain.domain.ShipmentOrder;
import org.custodia.supplychain.domain.ShipmentStatus;
import org.custodia.supplychain.infrastructure.persistence.JdbcShipments;
import org.custodia.masterdata.application.CompanyPrefixes;
import org.custodia.masterdata.application.MasterDataService;
import org.custodia.masterdata.application.TradingPartnerService;
import org.custodia.masterdata.domain.TradingPartner;
import org.custodia.platform.DomainException.Kind;
import org.custodia.security.Roles;
import org.custodia.trace.domain.TraceKey;
import org.custodia.trace.domain.TracedObject;
import org.custodia.trace.infrastructure.persistence.JdbcTrace;

/**
 * Handoffs (LIFE-1): shipping, receiving against the expected shipment, transfer of ownership and returns,
 * each an EPCIS event through the repository's capture queue in the caller's transaction, so the
 * shipment's records, the supply exceptions and the events commit together or not at all. Requests are
 * all or nothing: one refused object refuses the request. Supply chain and administrators act; every role
 * reads.
 */
@Stateless
@DeclareRoles({Roles.OPERATOR, Roles.QA, Roles.SUPPLY_CHAIN, Roles.COMPLIANCE, Roles.ADMIN, Roles.AUDITOR})
public class ShipmentService {

  /** The capture source of the handoff events. */
  public static final String SOURCE = "handoff";

  /** Codes of one request at most. */
  public static final int MAX_ITEMS = 10_000;

  /** Levels of containers followed at most. */
  static final int MAX_DEPTH = 16;

  private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9._\\-/]{1,100}");

  @Inject JdbcShipments shipments;
  @Inject JdbcTrace trace;
  @Inject CompanyPrefixes prefixes;
  @Inject TradingPartnerService partners;
  @Inject MasterDataService masterData;
  @Inject EventCaptureService epcis;
  @Inject SupplyExceptionService exceptions;
  @Inject AuditTrail audit;
  @Resource SessionContext session;

  /**
   * Ships the objects the order names, with everything inside them: records the shipment and the objects
   * as they stand, and sends the shipping ObjectEvent (OBSERVE, shipping, in_transit) naming the order's
   * objects, its purchase order and despatch advice, and the owners and locations at both ends. Refused
   * when an object, or anything inside one, is in transit, recalled or not active, belongs to another owner
   * than the source owner or is at another location than the source location (a packed object is where its
   * container is), or when a named object is packed in a container the order does not ship.
   */
  @RolesAllowed({Roles.SUPPLY_CHAIN, Roles.ADMIN})
  public Shipment ship(ShipmentOrder order) {
    String po = reference("purchaseOrder", order.purchaseOrder(), true);
    String desadv = reference("despatchAdvice", order.despatchAdvice(), false);
    Gln sourceOwner = partner("sourceOwner", order.sourceOwner());
    Gln sourceLocation = location("sourceLocation", order.sourceLocation());
    Gln destinationOwner = partner("destinationOwner", order.destinationOwner());
    Gln destinationLocation = location("destinationLocation", order.destinationLocation());
    if (sourceLocation.equals(destinationLocation)) {
      throw HandoffException.invalid("same-location", "destinationLocation", destinationLocation.value(),
          "the destination location " + destinationLocation.value() + " is the source location: nothing moves");
    }
    List<String> codes = codes("items", order.items());

    Map<String, TracedObject> named = new LinkedHashMap<>();
    for (String code : codes) {
      TracedObject o = known("items", code);
      named.putIfAbsent(o.epc(), o);
    }
    Map<String, TracedObject> all = withContents(named);
    Map<String, Long> travelling = shipments.inTransit(all.keySet());
    for (TracedObject o : all.values()) {
      String what = named.containsKey(o.epc()) ? o.epc() : o.epc() + " (inside " + o.topParentEpc() + ")";
      if ("in_transit".equals(o.status()) || travelling.containsKey(o.epc())) {
        throw HandoffException.conflict("item-in-transit", "items", o.epc(), what + " is already in transit"
            + (travelling.containsKey(o.epc()) ? " in shipment " + travelling.get(o.epc()) : "")
            + ": receive it before shipping it again");
      }
      if ("recalled".equals(o.status())) {
        throw HandoffException.conflict("item-recalled", "items", o.epc(), what + " is recalled and may not ship");
      }
      if (!Dispositions.shippable(o.status())) {
        throw HandoffException.conflict("item-not-active", "items", o.epc(),
            what + " is " + o.status() + ", not active: only active objects ship");
      }
      String owner = Parties.glnOf(o.ownerParty());
      if (owner != null && !owner.equals(sourceOwner.value())) {
        throw HandoffException.conflict("item-not-owned-by-source", "items", o.epc(),
            what + " belongs to " + owner + ", not to the source owner " + sourceOwner.value());
      }
      // a packed object is not named by its container's later events: where the container is, it is
      String at = Parties.glnOf(o.locationWithin(o.topParentEpc() == null ? null : all.get(o.topParentEpc())));
      if (at != null && !at.equals(sourceLocation.value())) {
        throw HandoffException.conflict("item-not-at-source", "items", o.epc(),
            what + " is at " + at + ", not at the source location " + sourceLocation.value());
      }
    }
    List<String> top = new ArrayList<>();
    for (TracedObject o : named.values()) {
      if (o.parentEpc() == null) {
        top.add(o.epc());
      } else if (!inside(o, named.keySet(), all)) {
        throw HandoffException.conflict("item-inside-parent", "items", o.epc(), o.epc() + " is packed in "
            + o.parentEpc() + ", which this shipment does not ship: ship " + o.parentEpc()
            + " or unpack the item first");
      }
    }
    List<ExpectedItem> items = new ArrayList<>();
    for (TracedObject o : all.values()) {
      items.add(new ExpectedItem(o.epc(), o.gtin(), o.serial(), o.lot(), top.contains(o.epc()) ? null : o.parentEpc(),
          top.contains(o.epc())));
    }
    OffsetDateTime now = now();
    String eventId = "urn:uuid:" + UUID.randomUUID();
    Shipment s = new Shipment(0, ShipmentStatus.IN_TRANSIT, po, desadv, sourceOwner.value(), sourceLocation.value(),
        destinationOwner.value(), destinationLocation.value(), now, caller(), eventId, null, null, items, List.of());
    long id = shipments.create(s);
    String from = locationId(sourceLocation);
    epcis.capture(List.of(new ObjectEvent(eventId, now, top, "OBSERVE", "shipping", "in_transit", from, from,
        Map.of(), transactions(s), ends(sourceOwner, sourceLocation), ends(destinationOwner, destinationLocation))),
        SOURCE);
    audit.done("shipment.ship", "Shipment", String.valueOf(id), top.size() + " objects (" + items.size()
        + " with their contents) from " + sourceOwner.value() + "@" + sourceLocation.value() + " to "
        + destinationOwner.value() + "@" + destinationLocation.value() + ", PO " + po
        + (desadv == null ? "" : ", despatch advice " + desadv) + ", event " + eventId);
    return shipments.find(id).orElseThrow();
  }

  /**
   * Receives a shipment at its destination: compares what was scanned (a container stands for its
   * contents) with what it carries, raises a supply exception for each overage, shortage, wrong item and
   * damaged object, sends the receiving ObjectEvent (in_progress; damaged ones damaged) for what arrived
   * and, when the owners differ, the TransactionEvent handing what was shipped to the destination owner
   * against the purchase order. Refused once the shipment has been received.
   */
  @RolesAllowed({Roles.SUPPLY_CHAIN, Roles.ADMIN})
  public Shipment receive(long id, List<String> scannedCodes, List<String> damagedCodes) {
    Shipment s = shipment(id);
    if (s.status() != ShipmentStatus.IN_TRANSIT) {
      throw HandoffException.conflict("already-received", "id", id,
          "shipment " + id + " was received already (" + s.status() + ") at " + s.receivedAt());
    }
    List<String> scannedList = scannedCodes == null ? List.of() : scannedCodes;
    List<String> damagedList = damagedCodes == null ? List.of() : damagedCodes;
    if (scannedList.isEmpty() && damagedList.isEmpty()) {
      throw HandoffException.invalid("items-required", "items", null,
          "field \"items\" must list the codes scanned at receipt (a case or pallet stands for its contents)");
    }
    Map<String, String> expectedByKey = new HashMap<>();
    for (ExpectedItem e : s.items()) {
      expectedByKey.put(e.epc(), e.epc());
      if (e.gtin() != null) {
        expectedByKey.put(e.gtin() + "|" + e.serial(), e.epc());
      }
    }
    Map<String, Arrival> unlisted = new LinkedHashMap<>();
    List<String> scanned = resolveAll("items", codes("items", scannedList, true), expectedByKey, unlisted);
    List<String> damaged = resolveAll("damaged", codes("damaged", damagedList, true), expectedByKey, unlisted);
    ReceiptCheck check = ReceiptCheck.compare(s.items(), scanned, damaged, unlisted);

    Map<String, ExpectedItem> expected = new HashMap<>();
    s.items().forEach(e -> expected.put(e.epc(), e));
    Map<String, Long> raised = new HashMap<>();
    for (ReceiptLine l : check.discrepancies()) {
      ExpectedItem e = expected.get(l.epc());
      Arrival a = unlisted.get(l.epc());
      String gtin = e != null ? e.gtin() : a != null ? a.gtin() : null;
      String lot = e != null ? e.lot() : a != null ? a.lot() : null;
      String serial = e != null ? e.serial() : null;
      raised.put(l.epc(), exceptions.raise(typeOf(l.outcome()), severityOf(l.outcome()),
          new Involved(gtin, serial, lot, l.epc(), null), describe(s, l)));
    }
    List<ReceiptLine> lines = new ArrayList<>();
    for (ReceiptLine l : check.lines()) {
      lines.add(raised.containsKey(l.epc()) ? l.withException(raised.get(l.epc())) : l);
    }
    ShipmentStatus status = check.hasDiscrepancies() ? ShipmentStatus.RECEIVED_WITH_DISCREPANCIES
        : ShipmentStatus.RECEIVED;
    OffsetDateTime now = now();
    Gln destOwner = Gln.of(s.destinationOwner());
    Gln destLocation = Gln.of(s.destinationLocation());
    Gln srcOwner = Gln.of(s.sourceOwner());
    Gln srcLocation = Gln.of(s.sourceLocation());
    String at = locationId(destLocation);
    Set<String> broken = new LinkedHashSet<>(damaged);
    List<String> intact = scanned.stream().filter(x -> !broken.contains(x)).distinct().toList();
    String receiveEventId = "urn:uuid:" + UUID.randomUUID();
    List<ObjectEvent> events = new ArrayList<>();
    if (!intact.isEmpty()) {
      events.add(new ObjectEvent(receiveEventId, now, intact, "OBSERVE", "receiving", "in_progress", at, at,
          Map.of(), transactions(s), ends(srcOwner, srcLocation), ends(destOwner, destLocation)));
    }
    if (!broken.isEmpty()) {
      // a millisecond later: a damaged unit inside a received case keeps damaged (the event-time rule)
      events.add(new ObjectEvent(intact.isEmpty() ? receiveEventId : "urn:uuid:" + UUID.randomUUID(),
          now.plus(1, ChronoUnit.MILLIS), List.copyOf(broken), "OBSERVE", "receiving", "damaged", at, at, Map.of(),
          transactions(s), ends(srcOwner, srcLocation), ends(destOwner, destLocation)));
    }
    epcis.capture(events, SOURCE);
    String transferEventId = null;
    List<String> owned = new ArrayList<>(new LinkedHashSet<>(
        java.util.stream.Stream.concat(scanned.stream(), damaged.stream()).filter(expected::containsKey).toList()));
    if (!srcOwner.equals(destOwner) && !owned.isEmpty()) {
      transferEventId = "urn:uuid:" + UUID.randomUUID();
      epcis.captureTransactions(List.of(new TransactionEvent(transferEventId, now, transactions(s), null, owned,
          "ADD", "receiving", null, at, at, List.of(new TypedId("owning_party", partyId(srcOwner))),
          List.of(new TypedId("owning_party", partyId(destOwner))))), SOURCE);
    }
    if (!shipments.receive(id, status, lines, now, caller(), receiveEventId, transferEventId)) {
      throw HandoffException.conflict("already-received", "id", id, "shipment " + id + " was received already");
    }
    long discrepancies = check.discrepancies().size();
    audit.done("shipment.receive", "Shipment", String.valueOf(id), status + ": " + check.arrived().size()
        + " objects arrived, " + discrepancies + " discrepancies raised as exceptions"
        + (transferEventId == null ? "" : ", ownership to " + destOwner.value() + " (" + transferEventId + ")"));
    return shipments.find(id).orElseThrow();
  }

  /**
   * Registers a return from the party that received the objects: an ObjectEvent (OBSERVE, receiving, at
   * the receiving location, against a return authorization) with disposition {@code returned} when
   * saleable, {@code non_sellable_other} when not; the destination owner becomes the owner. Refused for an
   * object never received by the returning party, or returned by it since.
   */
  @RolesAllowed({Roles.SUPPLY_CHAIN, Roles.ADMIN})
  public ReturnRecord registerReturn(ReturnOrder order) {
    Gln fromOwner = partner("fromOwner", order.fromOwner());
    Gln fromLocation = location("fromLocation", order.fromLocation());
    Gln toOwner = partner("toOwner", order.toOwner());
    Gln toLocation = location("toLocation", order.toLocation());
    if (order.reason() == null || order.reason().isBlank() || order.reason().length() > 1000) {
      throw HandoffException.invalid("reason-required", "reason", order.reason(),
          "field \"reason\" must say why the objects come back (1 to 1000 characters)");
    }
    if (order.saleable() == null) {
      throw HandoffException.invalid("saleable-required", "saleable", null,
          "field \"saleable\" must be true (the objects may be sold again) or false");
    }
    List<String> codes = codes("items", order.items());
    Map<String, TracedObject> named = new LinkedHashMap<>();
    for (String code : codes) {
      TracedObject o = known("items", code);
      named.putIfAbsent(o.epc(), o);
    }
    Map<String, OffsetDateTime> received = shipments.receivedBy(named.keySet(), fromOwner.value());
    Map<String, OffsetDateTime> returned = shipments.returnedFrom(named.keySet(), fromOwner.value());
    for (TracedObject o : named.values()) {
      OffsetDateTime in = received.get(o.epc());
      if (in == null) {
        throw HandoffException.conflict("not-shipped-to-party", "items", o.epc(), o.epc()
            + " was never shipped to and received by " + fromOwner.value() + ", so it cannot come back from there");
      }
      if (returned.containsKey(o.epc()) && !returned.get(o.epc()).isBefore(in)) {
        throw HandoffException.conflict("already-returned", "items", o.epc(),
            o.epc() + " was returned by " + fromOwner.value() + " already, at " + returned.get(o.epc()));
      }
      if ("in_transit".equals(o.status()) || "recalled".equals(o.status()) || !Dispositions.shippable(o.status())) {
        throw HandoffException.conflict("item-not-returnable", "items", o.epc(),
            o.epc() + " is " + o.status() + " and cannot be returned");
      }
    }
    OffsetDateTime now = now();
    String eventId = "urn:uuid:" + UUID.randomUUID();
    String disposition = order.saleable() ? "returned" : "non_sellable_other";
    ReturnRecord r = new ReturnRecord(0, fromOwner.value(), fromLocation.value(), toOwner.value(), toLocation.value(),
        order.reason().strip(), order.saleable(), eventId, now, caller(), List.copyOf(named.keySet()));
    long id = shipments.createReturn(r);
    String at = locationId(toLocation);
    epcis.capture(List.of(new ObjectEvent(eventId, now, List.copyOf(named.keySet()), "OBSERVE", "receiving",
        disposition, at, at, Map.of(), List.of(new TypedId("rma", bt(toOwner, "RET-" + id))),
        ends(fromOwner, fromLocation), ends(toOwner, toLocation))), SOURCE);
    audit.done("shipment.return", "Return", String.valueOf(id), named.size() + " objects from "
        + fromOwner.value() + " to " + toOwner.value() + ", " + disposition + ", reason: " + r.reason());
    return new ReturnRecord(id, r.fromOwner(), r.fromLocation(), r.toOwner(), r.toLocation(), r.reason(),
        r.saleable(), eventId, now, r.returnedBy(), r.items());
  }

  @RolesAllowed({Roles.OPERATOR, Roles.QA, Roles.SUPPLY_CHAIN, Roles.COMPLIANCE, Roles.ADMIN, Roles.AUDITOR})
  public Shipment shipment(long id) {
    return shipments.find(id).orElseThrow(() -> new HandoffException(Kind.NOT_FOUND, "unknown-shipment", "id", id,
        "no shipment " + id));
  }

  @RolesAllowed({Roles.OPERATOR, Roles.QA, Roles.SUPPLY_CHAIN, Roles.COMPLIANCE, Roles.ADMIN, Roles.AUDITOR})
  public Optional<Shipment> find(long id) {
    return shipments.find(id);
  }

  /** The newest shipments first, of {@code status} when given. */
  @RolesAllowed({Roles.OPERATOR, Roles.QA, Roles.SUPPLY_CHAIN, Roles.COMPLIANCE, Roles.ADMIN, Roles.AUDITOR})
  public List<Shipment> list(ShipmentStatus status, int limit) {
    return shipments.list(status, Math.max(1, Math.min(limit, 1000)));
  }

  // --- validation -------------------------------------------------------------------------------------

  private static String reference(String field, String value, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        throw HandoffException.invalid(field.equals("purchaseOrder") ? "missing-po" : "missing-" + field, field, value,
            "field \"" + field + "\" is required: the " + (field.equals("purchaseOrder") ? "purchase order" : field)
                + " the shipment fulfils");
      }
      return null;
    }
    String v = value.strip();
    if (!REFERENCE.matcher(v).matches()) {
      throw HandoffException.invalid("invalid-reference", field, value, "field \"" + field
          + "\" must be 1 to 100 letters, digits or . _ - /, was \"" + value + "\"");
    }
    return v;
  }

  private static Gln gln(String field, String value) {
    if (value == null || value.isBlank()) {
      throw HandoffException.invalid("missing-gln", field, value, "field \"" + field + "\" is required: a GLN");
    }
    try {
      return Gln.of(value.strip());
    } catch (Gs1Exception e) {
      throw HandoffException.invalid("invalid-gln", field, value,
          "field \"" + field + "\" must be a GLN (13 digits with check digit), was \"" + value + "\"");
    }
  }

  private Gln partner(String field, String value) {
    Gln g = gln(field, value);
    if (partners.partner(g).isEmpty()) {
      throw HandoffException.invalid("unknown-partner", field, g.value(),
          "field \"" + field + "\": " + g.value() + " is no trading partner in the master data");
    }
    return g;
  }

  private Gln location(String field, String value) {
    Gln g = gln(field, value);
    if (masterData.location(g).isPresent()) {
      return g;
    }
    for (TradingPartner p : partners.partners()) {
      if (p.sites().stream().anyMatch(site -> site.gln().equals(g))) {
        return g;
      }
    }
    throw HandoffException.invalid("unknown-location", field, g.value(),
        "field \"" + field + "\": " + g.value() + " is no location in the master data");
  }

  private static List<String> codes(String field, List<String> values) {
    return codes(field, values, false);
  }

  private static List<String> codes(String field, List<String> values, boolean mayBeEmpty) {
    List<String> out = new ArrayList<>();
    if (values != null) {
      for (String v : values) {
        if (v != null && !v.isBlank()) {
          out.add(v.strip());
        }
      }
    }
    if (out.isEmpty() && !mayBeEmpty) {
      throw HandoffException.invalid("items-required", field, null,
          "field \"" + field + "\" must list at least one code (EPC URI, Digital Link, element string or SSCC)");
    }
    if (out.size() > MAX_ITEMS) {
      throw new HandoffException(Kind.TOO_LARGE, "too-many-items", field, out.size(),
          "field \"" + field + "\" lists " + out.size() + " codes; at most " + MAX_ITEMS + " per request");
    }
    return out;
  }

  private TraceKey key(String field, String code) {
    try {
      return TraceKey.read(code, prefixes::lengthFor);
    } catch (Gs1Exception e) {
      throw HandoffException.invalid("invalid-item", field, code,
          "\"" + code + "\" in field \"" + field + "\" is no identifier of a serialized object: " + e.getMessage());
    }
  }

  private TracedObject known(String field, String code) {
    return trace.find(key(field, code)).orElseThrow(() -> HandoffException.invalid("unknown-item", field, code,
        "\"" + code + "\" in field \"" + field + "\" names no object the repository knows"));
  }

  /** {@code named} and everything inside them, by EPC, the named first. */
  private Map<String, TracedObject> withContents(Map<String, TracedObject> named) {
    Map<String, TracedObject> all = new LinkedHashMap<>(named);
    List<String> level = named.values().stream().filter(TracedObject::isContainer).map(TracedObject::epc).toList();
    for (int depth = 0; depth < MAX_DEPTH && !level.isEmpty(); depth++) {
      List<String> next = new ArrayList<>();
      for (TracedObject child : trace.childrenOf(level)) {
        if (all.putIfAbsent(child.epc(), child) == null) {
          next.add(child.epc());
        }
      }
      level = next;
      if (all.size() > 20 * MAX_ITEMS) {
        throw new HandoffException(Kind.TOO_LARGE, "too-many-items", "items", all.size(),
            "the shipment would carry more than " + 20 * MAX_ITEMS + " objects");
      }
    }
    return all;
  }

  /** Whether {@code o} is inside one of the {@code named} objects. */
  private static boolean inside(TracedObject o, Set<String> named, Map<String, TracedObject> all) {
    String p = o.parentEpc();
    for (int i = 0; p != null && i < MAX_DEPTH; i++) {
      if (named.contains(p)) {
        return true;
      }
      TracedObject parent = all.get(p);
      p = parent == null ? null : parent.parentEpc();
    }
    return o.topParentEpc() != null && named.contains(o.topParentEpc());
  }

  /**
   * The EPCs the codes name, in order: an object of the shipment under its stored EPC; anything else as
   * the repository knows it (noted in {@code unlisted} with its contents), or under the code's likeliest
   * EPC when the repository does not know it.
   */
  private List<String> resolveAll(String field, List<String> codes, Map<String, String> expected,
      Map<String, Arrival> unlisted) {
    List<String> out = new ArrayList<>();
    for (String code : codes) {
      TraceKey k = key(field, code);
      String hit = null;
      for (String candidate : k.candidates()) {
        hit = expected.get(candidate);
        if (hit != null) {
          break;
        }
      }
      if (hit == null && k.gtin() != null) {
        hit = expected.get(k.gtin() + "|" + k.serial());
      }
      if (hit != null) {
        out.add(hit);
        continue;
      }
      Optional<TracedObject> o = trace.find(k);
      if (o.isEmpty()) {
        String epc = k.candidates().get(0);
        unlisted.putIfAbsent(epc, new Arrival(epc, k.gtin(), null, null));
        out.add(epc);
        continue;
      }
      out.add(o.get().epc());
      Map<String, TracedObject> contents = withContents(Map.of(o.get().epc(), o.get()));
      for (TracedObject x : contents.values()) {
        if (!expected.containsKey(x.epc())) {
          unlisted.putIfAbsent(x.epc(), new Arrival(x.epc(), x.gtin(), x.lot(),
              x.epc().equals(o.get().epc()) ? null : x.parentEpc()));
        }
      }
    }
    return out;
  }

  // --- event vocabulary -------------------------------------------------------------------------------

  private List<TypedId> transactions(Shipment s) {
    List<TypedId> out = new ArrayList<>();
    out.add(new TypedId("po", bt(Gln.of(s.destinationOwner()), s.purchaseOrder())));
    if (s.despatchAdvice() != null) {
      out.add(new TypedId("desadv", bt(Gln.of(s.sourceOwner()), s.despatchAdvice())));
    }
    return out;
  }

  /** A CBV business transaction identifier issued by {@code issuer}: {@code urn:epcglobal:cbv:bt:GLN:id}. */
  static String bt(Gln issuer, String id) {
    return "urn:epcglobal:cbv:bt:" + issuer.value() + ":" + id;
  }

  private List<TypedId> ends(Gln owner, Gln location) {
    return List.of(new TypedId("owning_party", partyId(owner)), new TypedId("location", locationId(location)));
  }

  private String partyId(Gln g) {
    return Parties.party(g, prefixes.lengthFor(g.value()).orElse(-1));
  }

  private String locationId(Gln g) {
    return Parties.location(g, prefixes.lengthFor(g.value()).orElse(-1));
  }

  private static ExceptionType typeOf(Outcome o) {
    return switch (o) {
      case OVERAGE -> ExceptionType.SHIPMENT_OVERAGE;
      case SHORTAGE -> ExceptionType.SHIPMENT_SHORTAGE;
      case WRONG_ITEM -> ExceptionType.SHIPMENT_WRONG_ITEM;
      case DAMAGED -> ExceptionType.SHIPMENT_DAMAGED;
      case RECEIVED -> ExceptionType.SHIPMENT_DISCREPANCY;
    };
  }

  private static Severity severityOf(Outcome o) {
    return o == Outcome.SHORTAGE || o == Outcome.WRONG_ITEM ? Severity.HIGH : Severity.MEDIUM;
  }

  private static String describe(Shipment s, ReceiptLine l) {
    String what = switch (l.outcome()) {
      case OVERAGE -> "arrived but was not shipped";
      case SHORTAGE -> "was shipped but did not arrive";
      case WRONG_ITEM -> "arrived but is of a GTIN or lot the shipment does not carry";
      case DAMAGED -> "arrived damaged";
      case RECEIVED -> "received";
    };
    return "shipment " + s.id() + " (PO " + s.purchaseOrder() + ") from " + s.sourceOwner() + " to "
        + s.destinationOwner() + ": " + l.epc() + " " + what
        + (l.covered() > 0 ? ", with the " + l.covered() + " objects inside it" : "");
  }

  private String caller() {
    return session.getCallerPrincipal().getName();
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
  }
}
