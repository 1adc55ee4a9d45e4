package org.custodia.validation.pq;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.custodia.epcis.domain.IndexedField;
import org.custodia.epcis.infrastructure.hash.EventHash;
import org.custodia.epcis.infrastructure.json.EventFieldWalk;
import org.custodia.gs1.Sgtin;
import org.custodia.gs1.epc.EpcUris;
import org.custodia.platform.DatabaseMigration;
import org.custodia.platform.Jsonp;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The downstream data set of issue 5 (trace, recall, verification at scale): by default 10,000,000 units
 * and about 50,000,000 EPCIS events of a pharma supply chain from the plant to the pharmacies, written
 * into an H2 file database migrated by {@link DatabaseMigration} by a set-based load: the rows are
 * written in large JDBC batches without a transaction per event, with the secondary indexes and keys of
 * the event tables and of {@code object_state} dropped for the load and built afterwards (from the DDL
 * H2's {@code SCRIPT} gives for them, so they come back exactly as migrated), and {@code object_state}
 * computed in memory with the rules of the product's projection. The rows are those the product's
 * {@code JdbcEventStore.storeAll} writes for the same events (shown row by row by {@code
 * DownstreamDataSetTest}), except {@code record_time}, which here is the event time plus a few seconds
 * (the server writes the instant it stores) and the ids, which here follow the order of capture
 * without the sequence's gaps.
 *
 * <p>The history, a pallet every 30 minutes from 2025-01-06: each unit commissioned on its own (ObjectEvent
 * ADD with lot and expiry in the ILMD, as a packaging line does), packed into cases (AggregationEvent), the
 * cases onto a pallet, the pallet shipped from one of two plants to one of four distribution centres,
 * received and unloaded there; each case shipped to one of 2,000 pharmacies and received (the pharmacy's
 * system sends no eventID: its events carry their GS1 event hash ID, as capture gives them), unpacked,
 * and each unit accepted, stored, mostly inspected and mostly dispensed. About 5 events per unit. Among
 * them: pallets of 60 cases of 200 units (12,000 units) that stay packed at a distribution centre, pallets
 * that stay packed at a distribution centre, and one lot of 100,000 units whose cases go to 50 pharmacies
 * (2,000 units each).
 *
 * <p>Arguments: the target directory (wiped first). System properties {@code pq.downstream.units} (default
 * 10,000,000), {@code pq.downstream.seed}, {@code pq.downstream.seconds} (time budget of the load, 0 none),
 * {@code pq.downstream.min.free.gb} (default 8: the load stops early when the disk would get below that,
 * counting room for the index builds). Touching {@code stop} in the directory stops the load early too
 * (the file is removed; the indexes are then built on what is loaded); touched during the builds, it stops
 * them after the statement running, the rest left in {@code pending.sql} for {@code pq.downstream.resume}.
 * Writes {@code custodia.mv.db}, {@code samples.txt} and {@code dataset.properties}.
 */
public final class DownstreamDataSet {

  static final long DEFAULT_UNITS = 10_000_000;
  static final long DEFAULT_SEED = 20261127;
  static final String SOURCE = "pq-downstream";
  static final String[] ITEM_REFS = {"013435", "013442", "013459", "021266", "021273", "034502"};
  static final Instant START = Instant.parse("2025-01-06T06:00:00Z");
  static final String BIG_LOT = "BL100K";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
  private static final ZoneOffset PLANT_ZONE = ZoneOffset.ofHours(1);
  /** Tables whose secondary indexes and keys are dropped for the load and built afterwards. */
  static final List<String> LOADED_TABLES =
      List.of("EPCIS_EVENT", "EPCIS_EVENT_EPC", "EPCIS_EVENT_BIZTX", "EPCIS_EVENT_SRCDEST", "EPCIS_EVENT_FIELD",
          "OBJECT_STATE");

  /** Tables whose indexes stay during the load ({@code pq.downstream.keep}, comma-separated; none by default). */
  static final List<String> KEPT = List.of(System.getProperty("pq.downstream.keep", "").toUpperCase().split(","));

  /**
   * Keys and indexes that stay during the load although their table is loaded ({@code
   * pq.downstream.keep.indexes}, comma-separated names; none by default). Measured with 400,000 units: keeping
   * the sixteen whose keys the load nearly appends (the event's number, its times, a few distinct values
   * and its time) made the load 6,208 events/s instead of 33,064, and building them afterwards takes less
   * time than that.
   */
  static final List<String> KEPT_INDEXES =
      List.of(System.getProperty("pq.downstream.keep.indexes", "").toUpperCase().split(","));

  /** The statements still to run after the load, one per block, removed as they are done. */
  static final String PENDING = "pending.sql";
  private static final String PENDING_SEPARATOR = "\n;;\n";

  /** The shape of a set (the test makes a small one). */
  record Shape(long units, int pharmacies, int bigPallets, int bigPalletCases, int bigPalletCaseSize,
      int bigLotPallets, int bigLotCasesPerPallet, int bigLotCaseSize, int bigLotLocations, int minCases,
      int maxCases, int minCaseSize, int maxCaseSize, double unitSampling) {

    static Shape full(long units) {
      // about 800 units a pallet: sample about 5,000 units
      return new Shape(units, 2_000, 3, 60, 200, 50, 100, 20, 50, 30, 50, 15, 25, Math.min(1, 5_000.0 / units));
    }
  }

  // ---- events ----

  /** One event as the loader writes it: its columns, its index rows and its document. */
  static final class Ev {
    long pk;
    final long seq;
    final String type;
    final OffsetDateTime time;
    final String action;
    final String bizStep;
    final String disposition;
    final String readPoint;
    final String bizLocation;
    String eventId;
    String json;
    String[] epcs = new String[0];
    String[] children = new String[0];
    String parent;
    String[][] bizTx = new String[0][];
    String[][] sources = new String[0][];
    String[][] destinations = new String[0][];
    String lot;
    String expiry;
    List<IndexedField> fields = List.of();

    Ev(long seq, String type, OffsetDateTime time, String action, String bizStep, String disposition,
        String readPoint, String bizLocation) {
      this.seq = seq;
      this.type = type;
      this.time = time;
      this.action = action;
      this.bizStep = bizStep;
      this.disposition = disposition;
      this.readPoint = readPoint;
      this.bizLocation = bizLocation;
    }

    String owner() {
      for (String[] d : destinations) {
        if (d[0].equals("owning_party")) {
          return d[1];
        }
      }
      return null;
    }
  }

  /** One row of {@code object_state}. */
  static final class State {
    final String epc;
    String gtin;
    String serial;
    String lot;
    LocalDate expiry;
    String status;
    String disposition;
    String bizLocation;
    String readPoint;
    String owner;
    String parent;
    String top;
    OffsetDateTime lastTime;
    long lastPk;

    State(String epc) {
      this.epc = epc;
    }
  }

  /** A pallet's history: its events in the order of capture (ids assigned) and its objects' final state. */
  record Pallet(List<Ev> events, List<State> states) {}

  // ---- the generator ----

  private final Shape shape;
  private final SplittableRandom random;
  private final Map<String, List<IndexedField>> ilmdFields = new HashMap<>();
  private final List<String> samples = new ArrayList<>();
  private final Map<String, Integer> bigLotLocations = new LinkedHashMap<>();
  private long seq;
  private long nextPk = 1;
  private long serialCounter;
  private long ssccCounter;
  private long documentCounter;
  private long palletNo;
  private long units;
  private long bigPalletsMade;
  private long bigLotPalletsMade;

  DownstreamDataSet(Shape shape, long seed) {
    this.shape = shape;
    this.random = new SplittableRandom(seed);
  }

  long units() {
    return units;
  }

  long events() {
    return nextPk - 1;
  }

  /** The next pallet's history, with ids from the last; null when the set has its units. */
  Pallet next() {
    if (units >= shape.units()) {
      return null;
    }
    long p = palletNo++;
    // the big pallets and the big lot's pallets come early, so that their histories are complete
    boolean big = bigPalletsMade < shape.bigPallets() && p % 7 == 3;
    boolean bigLot = !big && bigLotPalletsMade < shape.bigLotPallets() && p % 3 == 1;
    if (big) {
      bigPalletsMade++;
    }
    if (bigLot) {
      bigLotPalletsMade++;
    }
    boolean staysAtDc = big || (!bigLot && random.nextInt(100) < 3);
    return pallet(p, big, bigLot, staysAtDc);
  }

  private Pallet pallet(long p, boolean big, boolean bigLot, boolean staysAtDc) {
    List<Ev> evs = new ArrayList<>();
    Instant t0 = START.plusSeconds(p * 1_800);
    int product = bigLot ? 0 : random.nextInt(ITEM_REFS.length);
    String itemRef = ITEM_REFS[product];
    int plant = random.nextInt(2);
    String plantSgln = "urn:epc:id:sgln:9506000.0001" + (plant + 1) + ".0";
    String line = "urn:epc:id:sgln:9506000.0001" + (plant + 1) + "." + (1 + product % 3);
    String lot = bigLot ? BIG_LOT : "L" + itemRef.substring(3) + "-" + (p / 150);
    String expiry = LocalDate.ofInstant(t0, ZoneOffset.UTC).plusYears(3).withDayOfMonth(1).toString();
    int dc = random.nextInt(4);
    String dcSgln = "urn:epc:id:sgln:4012345.0000" + (dc + 1) + ".0";
    ZoneOffset dcZone = ZoneOffset.ofHours(dc < 2 ? 1 : 2);
    String palletSscc = sscc('5');
    int caseCount = big ? shape.bigPalletCases() : bigLot ? shape.bigLotCasesPerPallet()
        : shape.minCases() + random.nextInt(shape.maxCases() - shape.minCases() + 1);
    String[] cases = new String[caseCount];
    String[][] caseUnits = new String[caseCount][];
    Map<String, Integer> history = new HashMap<>();
    Instant t = t0;
    for (int c = 0; c < caseCount; c++) {
      int n = big ? shape.bigPalletCaseSize() : bigLot ? shape.bigLotCaseSize()
          : shape.minCaseSize() + random.nextInt(shape.maxCaseSize() - shape.minCaseSize() + 1);
      String[] unitEpcs = new String[n];
      for (int u = 0; u < n; u++) {
        unitEpcs[u] = "urn:epc:id:sgtin:9506000." + itemRef + "." + serial();
        Ev e = object(t, PLANT_ZONE, new String[] {unitEpcs[u]}, "ADD", "commissioning", "active", line, plantSgln);
        e.lot = lot;
        e.expiry = expiry;
        evs.add(e);
        t = t.plusSeconds(1);
      }
      units += n;
      cases[c] = sscc('3');
      caseUnits[c] = unitEpcs;
      t = t.plusSeconds(5 + random.nextInt(10));
      evs.add(aggregation(t, PLANT_ZONE, cases[c], unitEpcs, "ADD", "packing", "in_progress", line, plantSgln));
      t = t.plusSeconds(10 + random.nextInt(20));
    }
    t = t.plusSeconds(60 + random.nextInt(60));
    evs.add(aggregation(t, PLANT_ZONE, palletSscc, cases, "ADD", "packing", "in_progress",
        "urn:epc:id:sgln:9506000.0001" + (plant + 1) + ".9", plantSgln));
    String[][] toDcSources = {{"owning_party", "urn:epc:id:pgln:9506000.00000"}, {"location", plantSgln}};
    String[][] toDcDestinations = {{"owning_party", "urn:epc:id:pgln:4012345.00000"}, {"location", dcSgln}};
    String[][] toDcTx = {{"po", "urn:epcglobal:cbv:bt:4012345000009:PO-" + (100000 + p)},
        {"desadv", "urn:epcglobal:cbv:bt:9506000000013:DA-" + (500000 + p)}};
    Instant shipped = t.plusSeconds(3_600 + random.nextInt(36 * 3_600));
    Ev ship = object(shipped, PLANT_ZONE, new String[] {palletSscc}, "OBSERVE", "shipping", "in_transit",
        "urn:epc:id:sgln:9506000.0001" + (plant + 1) + ".8", null);
    transfer(ship, toDcTx, toDcSources, toDcDestinations);
    evs.add(ship);
    Instant received = shipped.plusSeconds(12 * 3_600 + random.nextInt(48 * 3_600));
    Ev receive = object(received, dcZone, new String[] {palletSscc}, "OBSERVE", "receiving", "in_progress",
        dcSgln.replace(".0", ".1"), dcSgln);
    transfer(receive, toDcTx, toDcSources, toDcDestinations);
    evs.add(receive);
    for (String[] us : caseUnits) {
      for (String u : us) {
        history.put(u, 2);
      }
    }
    if (!staysAtDc) {
      Instant unloaded = received.plusSeconds(600 + random.nextInt(20 * 3_600));
      evs.add(aggregation(unloaded, dcZone, palletSscc, cases, "DELETE", "unpacking", "in_progress",
          dcSgln.replace(".0", ".2"), dcSgln));
      for (int c = 0; c < caseCount; c++) {
        int pharmacy = bigLot ? (int) ((bigLotPalletsMade - 1) * caseCount + c) % shape.bigLotLocations()
            : random.nextInt(shape.pharmacies());
        String pharmacySgln = String.format("urn:epc:id:sgln:4098765.%05d.0", pharmacy + 1);
        ZoneOffset pharmacyZone = ZoneOffset.ofHours(pharmacy % 3 == 0 ? 2 : 1);
        String[][] tx = {{"po", "urn:epcglobal:cbv:bt:4098765000002:PO-" + (documentCounter++)}};
        String[][] src = {{"owning_party", "urn:epc:id:pgln:4012345.00000"}, {"location", dcSgln}};
        String[][] dst = {{"owning_party", String.format("urn:epc:id:pgln:4098765.%05d", pharmacy + 1)},
            {"location", pharmacySgln}};
        Instant caseShipped = unloaded.plusSeconds(3_600 + random.nextInt(10 * 24 * 3_600));
        Ev cs = object(caseShipped, dcZone, new String[] {cases[c]}, "OBSERVE", "shipping", "in_transit",
            dcSgln.replace(".0", ".8"), null);
        transfer(cs, tx, src, dst);
        evs.add(cs);
        Instant caseReceived = caseShipped.plusSeconds(4 * 3_600 + random.nextInt(40 * 3_600));
        Ev cr = object(caseReceived, pharmacyZone, new String[] {cases[c]}, "OBSERVE", "receiving", "in_progress",
            pharmacySgln, pharmacySgln);
        transfer(cr, tx, src, dst);
        // the pharmacy's system sends no eventID: capture gives the event its hash ID
        cr.eventId = null;
        evs.add(cr);
        Instant unpacked = caseReceived.plusSeconds(600 + random.nextInt(48 * 3_600));
        evs.add(aggregation(unpacked, pharmacyZone, cases[c], caseUnits[c], "DELETE", "unpacking",
            "sellable_accessible", pharmacySgln, pharmacySgln));
        for (String unit : caseUnits[c]) {
          int h = 3;
          Instant accepted = unpacked.plusSeconds(60 + random.nextInt(600));
          evs.add(object(accepted, pharmacyZone, new String[] {unit}, "OBSERVE", "accepting",
              "sellable_not_accessible", pharmacySgln, pharmacySgln));
          Instant stored = accepted.plusSeconds(600 + random.nextInt(3_000));
          evs.add(object(stored, pharmacyZone, new String[] {unit}, "OBSERVE", "storing", "sellable_accessible",
              pharmacySgln, pharmacySgln));
          h += 2;
          Instant last = stored;
          if (inspected(unit)) {
            last = stored.plusSeconds(3_600 + random.nextInt(10 * 24 * 3_600));
            evs.add(object(last, pharmacyZone, new String[] {unit}, "OBSERVE", "inspecting", "sellable_accessible",
                pharmacySgln, pharmacySgln));
            h++;
          }
          if (dispensed(unit)) {
            last = last.plusSeconds(3_600 + random.nextInt(50 * 24 * 3_600));
            evs.add(object(last, pharmacyZone, new String[] {unit}, "OBSERVE", "dispensing", "dispensed",
                pharmacySgln, pharmacySgln));
            h++;
          }
          history.put(unit, h);
        }
        if (bigLot) {
          bigLotLocations.merge(pharmacySgln, caseUnits[c].length, Integer::sum);
        }
      }
    }
    // the order of capture: event time (then generation order); ids follow it
    evs.sort(Comparator.comparing((Ev e) -> e.time.toInstant()).thenComparingLong(e -> e.seq));
    for (Ev e : evs) {
      e.pk = nextPk++;
      render(e);
    }
    Map<String, State> states = project(evs);
    if (big) {
      samples.add("pallet " + palletSscc + " " + (caseCount + (long) caseCount * caseUnits[0].length));
    }
    for (String[] us : caseUnits) {
      for (String u : us) {
        if (random.nextDouble() < shape.unitSampling()) {
          State s = states.get(u);
          samples.add("unit " + u + " " + history.get(u) + " " + s.gtin + " " + s.serial + " " + s.lot + " "
              + s.expiry.format(DateTimeFormatter.ofPattern("yyMMdd")) + " " + s.status);
        }
      }
    }
    return new Pallet(evs, new ArrayList<>(states.values()));
  }

  /** The samples file: units with their history length and state, the big pallets, the big lot by location. */
  String samples() {
    StringBuilder b = new StringBuilder();
    for (String s : samples) {
      b.append(s).append('\n');
    }
    if (bigLotPalletsMade == shape.bigLotPallets() && !bigLotLocations.isEmpty()) {
      int total = bigLotLocations.values().stream().mapToInt(Integer::intValue).sum();
      b.append("lot ").append(gtinOf(ITEM_REFS[0])).append(' ').append(BIG_LOT).append(' ').append(total)
          .append(' ').append(bigLotLocations.size()).append('\n');
      bigLotLocations.forEach((loc, n) -> b.append("lotloc ").append(loc).append(' ').append(n).append('\n'));
    }
    return b.toString();
  }

  static String gtinOf(String itemRef) {
    String data = itemRef.charAt(0) + "9506000" + itemRef.substring(1);
    return data + Figures.checkDigit(data);
  }

  /** Half of the units' hash decides; 95 % are inspected at the pharmacy. */
  private static boolean inspected(String unit) {
    return Math.floorMod(unit.hashCode(), 100) < 95;
  }

  /** 85 % of the units are dispensed. */
  private static boolean dispensed(String unit) {
    return Math.floorMod(unit.hashCode() >> 7, 100) < 85;
  }

  private String serial() {
    long n = serialCounter++;
    long inBlock = Math.floorMod((n % 1_000) * 7_919L + (n / 1_000) * 104_729L, 1_000_000L);
    return String.format("%06d%06d", n / 1_000, inBlock);
  }

  private String sscc(char extension) {
    return "urn:epc:id:sscc:9506000." + extension + String.format("%09d", ssccCounter++);
  }

  private String uuid(Instant t) {
    long hi = (t.toEpochMilli() << 16) | 0x7000L | (random.nextLong() & 0xFFFL);
    long lo = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return "urn:uuid:" + new UUID(hi, lo);
  }

  private Ev object(Instant t, ZoneOffset zone, String[] epcs, String action, String bizStep, String disposition,
      String readPoint, String bizLocation) {
    Ev e = new Ev(seq++, "ObjectEvent", t.atOffset(zone), action, bizStep, disposition, readPoint, bizLocation);
    e.eventId = uuid(t);
    e.epcs = epcs;
    return e;
  }

  private Ev aggregation(Instant t, ZoneOffset zone, String parent, String[] children, String action, String bizStep,
      String disposition, String readPoint, String bizLocation) {
    Ev e = new Ev(seq++, "AggregationEvent", t.atOffset(zone), action, bizStep, disposition, readPoint, bizLocation);
    e.eventId = uuid(t);
    e.parent = parent;
    e.children = children;
    return e;
  }

  private static void transfer(Ev e, String[][] tx, String[][] sources, String[][] destinations) {
    e.bizTx = tx;
    e.sources = sources;
    e.destinations = destinations;
  }

  /** The event's JSON-LD as capture stores it (JSON-P's compact form, keys in this order). */
  private void render(Ev e) {
    StringBuilder b = new StringBuilder(400 + (e.epcs.length + e.children.length) * 48);
    b.append("{\"type\":\"").append(e.type).append('"');
    if (e.eventId != null) {
      b.append(",\"eventID\":\"").append(e.eventId).append('"');
    }
    b.append(",\"eventTime\":\"").append(TIME.format(e.time)).append("\",\"eventTimeZoneOffset\":\"")
        .append(e.time.getOffset().getId()).append('"');
    if (e.parent != null) {
      b.append(",\"parentID\":\"").append(e.parent).append('"');
    }
    if (e.type.equals("ObjectEvent")) {
      b.append(",\"epcList\":[");
      list(b, e.epcs);
    } else {
      b.append(",\"childEPCs\":[");
      list(b, e.children);
    }
    b.append("],\"action\":\"").append(e.action).append("\",\"bizStep\":\"").append(e.bizStep)
        .append("\",\"disposition\":\"").append(e.disposition).append("\",\"readPoint\":{\"id\":\"")
        .append(e.readPoint).append("\"}");
    if (e.bizLocation != null) {
      b.append(",\"bizLocation\":{\"id\":\"").append(e.bizLocation).append("\"}");
    }
    if (e.bizTx.length > 0) {
      b.append(",\"bizTransactionList\":[");
      typed(b, e.bizTx, "bizTransaction");
      b.append(']');
    }
    if (e.sources.length > 0) {
      b.append(",\"sourceList\":[");
      typed(b, e.sources, "source");
      b.append(']');
    }
    if (e.destinations.length > 0) {
      b.append(",\"destinationList\":[");
      typed(b, e.destinations, "destination");
      b.append(']');
    }
    if (e.lot != null) {
      b.append(",\"ilmd\":{\"cbvmda:lotNumber\":\"").append(e.lot).append("\",\"cbvmda:itemExpirationDate\":\"")
          .append(e.expiry).append("\"}");
      e.fields = ilmdFields.computeIfAbsent(e.lot + " " + e.expiry, k -> EventFieldWalk.of(Jsonp.JSON.createReader(
          new StringReader("{\"ilmd\":{\"cbvmda:lotNumber\":\"" + e.lot + "\",\"cbvmda:itemExpirationDate\":\""
              + e.expiry + "\"}}")).readObject()).fields());
    }
    if (e.eventId == null) {
      // as capture does for an event without eventID: its GS1 event hash ID, added last
      String withoutId = b.toString() + "}";
      e.eventId = EventHash.of(Jsonp.JSON.createReader(new StringReader(withoutId)).readObject(), Map.of());
      b.append(",\"eventID\":\"").append(e.eventId).append('"');
    }
    e.json = b.append('}').toString();
  }

  private static void list(StringBuilder b, String[] values) {
    for (int i = 0; i < values.length; i++) {
      b.append(i == 0 ? "\"" : ",\"").append(values[i]).append('"');
    }
  }

  private static void typed(StringBuilder b, String[][] values, String key) {
    for (int i = 0; i < values.length; i++) {
      b.append(i == 0 ? "" : ",").append("{\"type\":\"").append(values[i][0]).append("\",\"").append(key)
          .append("\":\"").append(values[i][1]).append("\"}");
    }
  }

  // ---- the current state, with the rules of ObjectStateProjection ----

  /** Applies the pallet's events in the order of capture to its objects (no other event names them). */
  static Map<String, State> project(List<Ev> evs) {
    Map<String, State> states = new LinkedHashMap<>();
    Map<String, Set<String>> kids = new HashMap<>();
    List<ContainerEvent> containerEvents = new ArrayList<>();
    for (Ev e : evs) {
      String owner = e.owner();
      if (e.type.equals("ObjectEvent")) {
        String status = "DELETE".equals(e.action) && e.disposition == null ? "decommissioned" : e.disposition;
        for (String x : new LinkedHashSet<>(List.of(e.epcs))) {
          add(states, kids, x, e, status, owner, e.lot, e.expiry, false, null, null);
        }
        if (!"DELETE".equals(e.action)) {
          noteContainers(containerEvents, e, status, owner, List.of(e.epcs));
        }
      } else if (e.parent != null) {
        add(states, kids, e.parent, e, e.disposition, owner, null, null, false, null, null);
        if ("ADD".equals(e.action)) {
          String top = states.get(e.parent).top;
          String childTop = top == null ? e.parent : top;
          List<String> children = new ArrayList<>(new LinkedHashSet<>(List.of(e.children)));
          for (String x : children) {
            add(states, kids, x, e, e.disposition, owner, null, null, true, e.parent, childTop);
          }
          propagateTop(states, kids, containersAmong(kids, children), childTop);
        } else if ("DELETE".equals(e.action)) {
          List<String> children = new ArrayList<>(new LinkedHashSet<>(List.of(e.children)));
          for (String x : children) {
            add(states, kids, x, e, e.disposition, owner, null, null, true, null, null);
          }
          for (String container : containersAmong(kids, children)) {
            propagateTop(states, kids, List.of(container), container);
          }
        } else {
          for (String x : new LinkedHashSet<>(List.of(e.children))) {
            add(states, kids, x, e, e.disposition, owner, null, null, false, null, null);
          }
        }
      }
    }
    applyToContents(states, kids, containerEvents);
    return states;
  }

  /** An ObjectEvent that named SSCCs: its values go to their contents once the pallet's events are applied. */
  private record ContainerEvent(Ev event, String status, String owner, List<String> containers) {}

  private static void noteContainers(List<ContainerEvent> out, Ev e, String status, String owner, List<String> epcs) {
    List<String> containers = epcs.stream().filter(x -> x.startsWith("urn:epc:id:sscc:")).toList();
    if (!containers.isEmpty()) {
      out.add(new ContainerEvent(e, status, owner, containers));
    }
  }

  /**
   * The projection's container rule: once a batch (here a pallet's events) is applied, every object whose
   * parent or top-level container is an SSCC an ObjectEvent of the batch named takes that event's values,
   * in event order, under the event-time rule.
   */
  private static void applyToContents(Map<String, State> states, Map<String, Set<String>> kids,
      List<ContainerEvent> containerEvents) {
    if (containerEvents.isEmpty()) {
      return;
    }
    Set<String> all = new HashSet<>();
    containerEvents.forEach(ce -> all.addAll(ce.containers()));
    Map<String, List<String>> contents = new HashMap<>();
    for (State st : states.values()) {
      for (String container : new String[] {st.parent, st.top}) {
        if (container != null && all.contains(container) && !container.equals(st.epc)) {
          contents.computeIfAbsent(container, k -> new ArrayList<>()).add(st.epc);
        }
      }
    }
    for (ContainerEvent ce : containerEvents) {
      Set<String> reached = new LinkedHashSet<>();
      for (String container : ce.containers()) {
        reached.addAll(contents.getOrDefault(container, List.of()));
      }
      reached.removeAll(List.of(ce.event().epcs));
      for (String x : reached) {
        add(states, kids, x, ce.event(), ce.status(), ce.owner(), null, null, false, null, null);
      }
    }
  }

  private static List<String> containersAmong(Map<String, Set<String>> kids, List<String> epcs) {
    List<String> out = new ArrayList<>();
    for (String x : epcs) {
      Set<String> k = kids.get(x);
      if (k != null && !k.isEmpty()) {
        out.add(x);
      }
    }
    return out;
  }

  private static void propagateTop(Map<String, State> states, Map<String, Set<String>> kids, List<String> containers,
      String top) {
    List<String> level = containers;
    for (int depth = 0; depth < 16 && !level.isEmpty(); depth++) {
      List<String> children = new ArrayList<>();
      for (String c : level) {
        for (String k : kids.getOrDefault(c, Set.of())) {
          states.get(k).top = top;
          children.add(k);
        }
      }
      level = containersAmong(kids, children);
    }
  }

  private static void add(Map<String, State> states, Map<String, Set<String>> kids, String epc, Ev e, String status,
      String owner, String lot, String expiry, boolean relation, String parent, String top) {
    State s = states.get(epc);
    String oldParent = s == null ? null : s.parent;
    LocalDate date = expiry == null ? null : LocalDate.parse(expiry);
    if (s == null) {
      s = new State(epc);
      if (epc.startsWith("urn:epc:id:sgtin:")) {
        Sgtin g = EpcUris.parseSgtin(epc).identifier();
        s.gtin = g.gtin().value();
        s.serial = g.serial().value();
      }
      s.lot = lot;
      s.expiry = date;
      s.status = status == null ? "unknown" : status;
      s.disposition = e.disposition;
      s.bizLocation = e.bizLocation;
      s.readPoint = e.readPoint;
      s.owner = owner;
      s.parent = relation ? parent : null;
      s.top = relation ? top : null;
      s.lastTime = e.time;
      s.lastPk = e.pk;
      states.put(epc, s);
    } else {
      if (!e.time.toInstant().isBefore(s.lastTime.toInstant())) {
        s.status = status != null ? status : s.status;
        s.disposition = e.disposition != null ? e.disposition : s.disposition;
        s.bizLocation = e.bizLocation != null ? e.bizLocation : s.bizLocation;
        s.readPoint = e.readPoint != null ? e.readPoint : s.readPoint;
        s.owner = owner != null ? owner : s.owner;
        s.lastPk = e.pk;
        s.lastTime = e.time;
      } else {
        // an older event fills in what no newer one said (and the status of an object still unknown)
        s.status = "unknown".equals(s.status) && status != null ? status : s.status;
        s.disposition = s.disposition != null ? s.disposition : e.disposition;
        s.bizLocation = s.bizLocation != null ? s.bizLocation : e.bizLocation;
        s.readPoint = s.readPoint != null ? s.readPoint : e.readPoint;
        s.owner = s.owner != null ? s.owner : owner;
      }
      s.lot = lot != null ? lot : s.lot;
      s.expiry = date != null ? date : s.expiry;
      if (relation) {
        s.parent = parent;
        s.top = top;
      }
    }
    if (relation) {
      if (oldParent != null) {
        kids.get(oldParent).remove(epc);
      }
      if (parent != null) {
        kids.computeIfAbsent(parent, k -> new LinkedHashSet<>()).add(epc);
      }
    }
  }

  // ---- the loader ----

  /** Writes events and states in JDBC batches on one connection; commits every {@code commitEvery} events. */
  static final class Loader implements AutoCloseable {
    private static final String INSERT_EVENT =
        "INSERT INTO epcis_event (id, event_id, event_type, event_time, event_tz_offset, record_time, action,"
            + " biz_step, disposition, read_point, biz_location, capture_source, document, capture_job_id,"
            + " error_declaration) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 0)";
    private static final String INSERT_STATE =
        "INSERT INTO object_state (epc, gtin, serial, lot, expiry, status, disposition, biz_location, read_point,"
            + " owner_party, parent_epc, top_parent_epc, last_event_time, last_event_pk)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Connection c;
    private final PreparedStatement ev;
    private final PreparedStatement epc;
    private final PreparedStatement biz;
    private final PreparedStatement sd;
    private final PreparedStatement field;
    private final PreparedStatement state;
    private final int commitEvery;
    private int pending;
    private int batched;

    Loader(Connection c, int commitEvery) throws SQLException {
      this.c = c;
      this.commitEvery = commitEvery;
      c.setAutoCommit(false);
      ev = c.prepareStatement(INSERT_EVENT);
      epc = c.prepareStatement("INSERT INTO epcis_event_epc (epc, event_pk, epc_role) VALUES (?, ?, ?)");
      biz = c.prepareStatement("INSERT INTO epcis_event_biztx (event_pk, biz_type, biz_value) VALUES (?, ?, ?)");
      sd = c.prepareStatement(
          "INSERT INTO epcis_event_srcdest (event_pk, direction, sd_type, sd_value) VALUES (?, ?, ?, ?)");
      field = c.prepareStatement("INSERT INTO epcis_event_field (event_pk, area, name, str_value, num_value,"
          + " time_value) VALUES (?, ?, ?, ?, ?, ?)");
      state = c.prepareStatement(INSERT_STATE);
    }

    void write(Pallet p) throws SQLException {
      for (Ev e : p.events()) {
        ev.setLong(1, e.pk);
        ev.setString(2, e.eventId);
        ev.setString(3, e.type);
        ev.setObject(4, e.time);
        ev.setString(5, e.time.getOffset().getId());
        // the capture's record time: a few seconds after the event (the server writes the instant it stores)
        ev.setObject(6, e.time.toInstant().plusSeconds(2 + e.pk % 7).atOffset(ZoneOffset.UTC));
        ev.setString(7, e.action);
        ev.setString(8, e.bizStep);
        ev.setString(9, e.disposition);
        ev.setString(10, e.readPoint);
        setText(ev, 11, e.bizLocation);
        ev.setString(12, SOURCE);
        ev.setString(13, e.json);
        ev.addBatch();
        epcs(e.pk, e.epcs, "EPC");
        epcs(e.pk, e.children, "CHILD");
        if (e.parent != null) {
          epcs(e.pk, new String[] {e.parent}, "PARENT");
        }
        for (String[] t : e.bizTx) {
          biz.setLong(1, e.pk);
          biz.setString(2, t[0]);
          biz.setString(3, t[1]);
          biz.addBatch();
        }
        srcDest(e.pk, "SOURCE", e.sources);
        srcDest(e.pk, "DESTINATION", e.destinations);
        for (IndexedField f : e.fields) {
          field.setLong(1, e.pk);
          field.setString(2, f.area());
          field.setString(3, f.name());
          setText(field, 4, f.text());
          if (f.number() == null) {
            field.setNull(5, Types.NUMERIC);
          } else {
            field.setBigDecimal(5, f.number());
          }
          if (f.time() == null) {
            field.setNull(6, Types.TIMESTAMP_WITH_TIMEZONE);
          } else {
            field.setObject(6, f.time());
          }
          field.addBatch();
        }
        batched++;
      }
      for (State s : p.states()) {
        state.setString(1, s.epc);
        setText(state, 2, s.gtin);
        setText(state, 3, s.serial);
        setText(state, 4, s.lot);
        if (s.expiry == null) {
          state.setNull(5, Types.DATE);
        } else {
          state.setObject(5, s.expiry);
        }
        state.setString(6, s.status);
        setText(state, 7, s.disposition);
        setText(state, 8, s.bizLocation);
        setText(state, 9, s.readPoint);
        setText(state, 10, s.owner);
        setText(state, 11, s.parent);
        setText(state, 12, s.top);
        state.setObject(13, s.lastTime);
        state.setLong(14, s.lastPk);
        state.addBatch();
      }
      if (batched >= 5_000) {
        flush();
      }
      pending += p.events().size();
      if (pending >= commitEvery) {
        flush();
        c.commit();
        pending = 0;
      }
    }

    private void epcs(long pk, String[] values, String role) throws SQLException {
      for (String x : values.length > 1 ? new LinkedHashSet<>(List.of(values)) : List.of(values)) {
        epc.setString(1, x);
        epc.setLong(2, pk);
        epc.setString(3, role);
        epc.addBatch();
      }
    }

    private void srcDest(long pk, String direction, String[][] values) throws SQLException {
      for (String[] t : values) {
        sd.setLong(1, pk);
        sd.setString(2, direction);
        sd.setString(3, t[0]);
        sd.setString(4, t[1]);
        sd.addBatch();
      }
    }

    void flush() throws SQLException {
      ev.executeBatch();
      epc.executeBatch();
      biz.executeBatch();
      sd.executeBatch();
      field.executeBatch();
      state.executeBatch();
      batched = 0;
    }

    @Override
    public void close() throws SQLException {
      flush();
      c.commit();
      for (PreparedStatement ps : List.of(ev, epc, biz, sd, field, state)) {
        ps.close();
      }
    }

    private static void setText(PreparedStatement ps, int i, String v) throws SQLException {
      if (v == null) {
        ps.setNull(i, Types.VARCHAR);
      } else {
        ps.setString(i, v);
      }
    }
  }

  // ---- keys and indexes dropped for the load, built afterwards ----

  /** The DDL of the keys and indexes of the loaded tables (except epcis_event's primary key), in H2's order. */
  static List<String> keysAndIndexes(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SCRIPT NODATA")) {
      while (rs.next()) {
        String sql = rs.getString(1);
        String table = tableOf(sql);
        if (table == null || !LOADED_TABLES.contains(table) || KEPT.contains(table)) {
          continue;
        }
        boolean index = sql.startsWith("CREATE INDEX") || sql.startsWith("CREATE UNIQUE INDEX");
        boolean key = sql.startsWith("ALTER TABLE") && (sql.contains(" PRIMARY KEY") || sql.contains(" UNIQUE")
            || sql.contains(" FOREIGN KEY"));
        if ((index || key) && !sql.contains("\"EPCIS_EVENT_PK\"") && !KEPT_INDEXES.contains(nameOf(sql))) {
          out.add(sql);
        }
      }
    }
    return out;
  }

  private static String tableOf(String sql) {
    String marker = sql.startsWith("ALTER TABLE") ? "ALTER TABLE \"PUBLIC\".\"" : " ON \"PUBLIC\".\"";
    int i = sql.indexOf(marker);
    if (i < 0) {
      return null;
    }
    int from = i + marker.length();
    return sql.substring(from, sql.indexOf('"', from));
  }

  private static String nameOf(String sql) {
    String marker = sql.startsWith("ALTER TABLE") ? "ADD CONSTRAINT \"PUBLIC\".\"" : "INDEX \"PUBLIC\".\"";
    int from = sql.indexOf(marker) + marker.length();
    return sql.substring(from, sql.indexOf('"', from));
  }

  /** Drops the keys and indexes {@code ddl} creates: foreign keys first, then the other keys, then indexes. */
  static void drop(Connection c, List<String> ddl) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String pass : List.of("FOREIGN KEY", "KEY", "INDEX")) {
        for (String sql : ddl) {
          boolean alter = sql.startsWith("ALTER TABLE");
          boolean match = switch (pass) {
            case "FOREIGN KEY" -> alter && sql.contains(" FOREIGN KEY");
            case "KEY" -> alter && !sql.contains(" FOREIGN KEY");
            default -> !alter;
          };
          if (match) {
            s.execute(alter ? "ALTER TABLE \"PUBLIC\".\"" + tableOf(sql) + "\" DROP CONSTRAINT \"PUBLIC\".\"" + nameOf(sql)
                + "\"" : "DROP INDEX \"PUBLIC\".\"" + nameOf(sql) + "\"");
          }
        }
      }
    }
    c.commit();
  }

  /**
   * Builds them again in the migrations' order: the keys, then the foreign keys (each gets an index of its
   * own, as when the migration created it with its table), then the indexes; reports the time of each.
   */
  static void build(Connection c, List<String> ddl, boolean report) throws SQLException {
    try {
      build(c, ordered(ddl), report, null, () -> false);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The keys first, then the indexes of {@code object_state}, the foreign keys, the other indexes. */
  static List<String> ordered(List<String> ddl) {
    List<String> ordered = new ArrayList<>();
    ddl.stream().filter(x -> x.startsWith("ALTER TABLE") && !x.contains(" FOREIGN KEY")).forEach(ordered::add);
    // then the indexes of the current state (what a trace's parents, a pallet's contents, a recall's scope and
    // a verification read), so that builds stopped after them leave a set the downstream benchmarks can use
    ddl.stream().filter(x -> !x.startsWith("ALTER TABLE") && "OBJECT_STATE".equals(tableOf(x))).forEach(ordered::add);
    ddl.stream().filter(x -> x.startsWith("ALTER TABLE") && x.contains(" FOREIGN KEY")).forEach(ordered::add);
    ddl.stream().filter(x -> !x.startsWith("ALTER TABLE") && !"OBJECT_STATE".equals(tableOf(x))).forEach(ordered::add);
    return ordered;
  }

  /**
   * Runs {@code statements} in order, each in its own commit; with a {@code pending} file, the statements
   * not yet done are kept there, so that a generator stopped while building (a session's end, a kill) goes
   * on where it stopped ({@code pq.downstream.resume}). A key or index that exists already (built, but the
   * stop came before the file was rewritten) is not built again.
   */
  static List<String> build(Connection c, List<String> statements, boolean report, Path pending,
      BooleanSupplier pause) throws SQLException, IOException {
    List<String> left = new ArrayList<>(statements);
    if (pending != null) {
      writePending(pending, left);
    }
    try (Statement s = c.createStatement()) {
      // H2 sorts an index's entries in blocks of half this many rows before merging them; set on the open
      // database, not by SET MAX_MEMORY_ROWS, which the file would keep
      org.h2.engine.Database db = database(c);
      int before = db.getMaxMemoryRows();
      db.setMaxMemoryRows(Integer.getInteger("pq.downstream.sort.rows", 2_000_000));
      for (String sql : statements) {
        long t = System.nanoTime();
        boolean ddl = sql.startsWith("ALTER TABLE") && sql.contains("ADD CONSTRAINT") || sql.startsWith("CREATE ");
        if (ddl && exists(c, nameOf(sql))) {
          System.out.printf("  %s exists already%n", nameOf(sql));
        } else {
          s.execute(sql);
          c.commit();
          if (report) {
            System.out.printf("  %s in %.0f s%n", ddl ? "built " + tableOf(sql) + "." + nameOf(sql) : sql,
                (System.nanoTime() - t) / 1e9);
          }
        }
        left.remove(0);
        if (pending != null) {
          writePending(pending, left);
        }
        if (!left.isEmpty() && pause.getAsBoolean()) {
          break;
        }
      }
      db.setMaxMemoryRows(before);
    }
    c.commit();
    return left;
  }

  private static boolean exists(Connection c, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT (SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES"
        + " WHERE INDEX_NAME = ?) + (SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE"
        + " CONSTRAINT_NAME = ?)")) {
      ps.setString(1, name);
      ps.setString(2, name);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1) > 0;
      }
    }
  }

  private static void writePending(Path pending, List<String> left) throws IOException {
    Path tmp = pending.resolveSibling(pending.getFileName() + ".tmp");
    Files.writeString(tmp, String.join(PENDING_SEPARATOR, left), StandardCharsets.UTF_8);
    Files.move(tmp, pending, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  static List<String> readPending(Path pending) throws IOException {
    String text = Files.readString(pending, StandardCharsets.UTF_8);
    return text.isEmpty() ? List.of() : List.of(text.split(PENDING_SEPARATOR, -1));
  }

  private static org.h2.engine.Database database(Connection c) throws SQLException {
    return ((org.h2.engine.SessionLocal) c.unwrap(org.h2.jdbc.JdbcConnection.class).getSession()).getDatabase();
  }

  /** The sequence of event ids continues after the loaded ones (the server stores in blocks of 50). */
  static String continueSequence(long maxPk) {
    return "ALTER SEQUENCE epcis_event_seq RESTART WITH " + ((maxPk / 50 + 1) * 50 + 1);
  }

  // ---- main ----

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/pq-downstream").toAbsolutePath();
    long wanted = Long.getLong("pq.downstream.units", DEFAULT_UNITS);
    long seed = Long.getLong("pq.downstream.seed", DEFAULT_SEED);
    if (Boolean.getBoolean("pq.downstream.samples.only")) {
      // the samples of a set generated before (same seed; the units it reached, the units it was asked for as
      // pq.downstream.sampling.units), written without touching its database: generation is deterministic
      Shape full = Shape.full(Long.getLong("pq.downstream.sampling.units", wanted));
      DownstreamDataSet set = new DownstreamDataSet(new Shape(wanted, full.pharmacies(), full.bigPallets(),
          full.bigPalletCases(), full.bigPalletCaseSize(), full.bigLotPallets(), full.bigLotCasesPerPallet(),
          full.bigLotCaseSize(), full.bigLotLocations(), full.minCases(), full.maxCases(), full.minCaseSize(),
          full.maxCaseSize(), full.unitSampling()), seed);
      while (set.next() != null) {
        // generation only
      }
      Files.writeString(dir.resolve("samples.txt"), set.samples(), StandardCharsets.UTF_8);
      System.out.printf("downstream-dataset: samples of %,d units, %,d events written to %s%n", set.units(),
          set.events(), dir.resolve("samples.txt"));
      return;
    }
    if (Boolean.getBoolean("pq.downstream.resume")) {
      resume(dir);
      return;
    }
    long budget = Long.getLong("pq.downstream.seconds", 0);
    long minFree = Long.getLong("pq.downstream.min.free.gb", 8) << 30;
    wipe(dir);
    Files.createDirectories(dir);
    Path stop = dir.resolve("stop");
    Path db = dir.resolve("custodia.mv.db");
    System.out.println("downstream-dataset: " + wanted + " units, seed " + seed + ", into " + db);
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:" + dir.resolve("custodia") + EventDataSet.URL_OPTIONS);
    h2.setUser("sa");
    h2.setPassword("sa");
    DatabaseMigration.migrate(h2, DownstreamDataSet.class.getClassLoader());
    List<String> restore = new ArrayList<>();
    try (Connection c = h2.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT DISTINCT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
            + " WHERE SETTING_NAME = 'WRITE_DELAY'")) {
      while (rs.next()) {
        restore.add("SET " + rs.getString(1) + " " + rs.getString(2));
      }
    }
    h2.setURL("jdbc:h2:" + dir.resolve("custodia") + EventDataSet.URL_OPTIONS + ";WRITE_DELAY=60000");
    long started = System.nanoTime();
    DownstreamDataSet set = new DownstreamDataSet(Shape.full(wanted), seed);
    String stoppedBy = null;
    List<String> statements = new ArrayList<>();
    List<String> ddl;
    try (Connection c = open(h2)) {
      ddl = keysAndIndexes(c);
      drop(c, ddl);
      System.out.println("  dropped for the load: " + ddl.size() + " keys and indexes of " + LOADED_TABLES);
    }
    long below = Long.getLong("pq.downstream.compact.below.gb", 30) << 30;
    java.util.concurrent.atomic.AtomicLong compactedAt = new java.util.concurrent.atomic.AtomicLong();
    {
      // generation on this thread, writing on another: the two halves of the work overlap on two cores. When
      // the disk gets low, the writer closes the database compacted and opens it again (COMPACT in the queue)
      BlockingQueue<Object> queue = new ArrayBlockingQueue<>(64);
      Object end = new Object();
      Object compactMarker = new Object();
      Throwable[] failed = new Throwable[1];
      Thread writer = new Thread(() -> {
        try {
          Connection c = open(h2);
          Loader loader = new Loader(c, 50_000);
          for (Object o = queue.take(); o != end; o = queue.take()) {
            if (o == compactMarker) {
              loader.close();
              c.close();
              compact(h2, db, "the disk is low");
              compactedAt.set(Files.size(db));
              c = open(h2);
              loader = new Loader(c, 50_000);
            } else {
              loader.write((Pallet) o);
            }
          }
          loader.close();
          c.close();
        } catch (Throwable t) {
          failed[0] = t;
        }
      }, "downstream-writer");
      writer.start();
      long reportedUnits = 0;
      long reportedEvents = 0;
      long lastReport = System.nanoTime();
      for (Pallet p = set.next(); p != null; p = set.next()) {
        while (!queue.offer(p, 1, java.util.concurrent.TimeUnit.SECONDS)) {
          if (failed[0] != null) {
            throw new IllegalStateException("the writer failed", failed[0]);
          }
        }
        if (set.units() - reportedUnits >= 250_000) {
          long now = System.nanoTime();
          long free = Files.getFileStore(dir).getUsableSpace();
          long size = Files.size(db);
          System.out.printf("  %,d units, %,d events generated, %.0f events/s (last: %.0f events/s), %.0f s,"
                  + " database %,d MiB, %,d MiB free%n", set.units(), set.events(),
              set.events() / ((now - started) / 1e9), (set.events() - reportedEvents) / ((now - lastReport) / 1e9),
              (now - started) / 1e9, size >> 20, free >> 20);
          reportedUnits = set.units();
          reportedEvents = set.events();
          lastReport = now;
          if (free < below && size > compactedAt.get() * 5 / 4) {
            // after a compaction, only once the file has grown by a quarter again
            queue.put(compactMarker);
            compactedAt.set(Long.MAX_VALUE / 2);
          }
          // the index builds need room too (the builds compact as the load does when the disk gets low)
          if (free < minFree) {
            stoppedBy = "disk: " + (free >> 20) + " MiB free with a " + (size >> 20) + " MiB database";
          } else if (Files.exists(stop)) {
            stoppedBy = "the stop file";
            // touched again, it stops the builds
            Files.delete(stop);
          } else if (budget > 0 && (now - started) / 1e9 > budget) {
            stoppedBy = "the time budget of " + budget + " s";
          }
          if (stoppedBy != null) {
            System.out.println("  stopping early (" + stoppedBy + ") at " + set.units() + " units");
            break;
          }
        }
      }
      queue.put(end);
      writer.join();
      if (failed[0] != null) {
        throw new IllegalStateException("the writer failed", failed[0]);
      }
      double loadSeconds = (System.nanoTime() - started) / 1e9;
      System.out.printf("  loaded %,d events (%,d units) in %.0f s, %.0f events/s; database %,d MiB%n", set.events(),
          set.units(), loadSeconds, set.events() / loadSeconds, Files.size(db) >> 20);
      // what the set holds is known now: written before the builds, which may outlast a session
      Files.writeString(dir.resolve("samples.txt"), set.samples(), StandardCharsets.UTF_8);
      writeProperties(dir, set.units(), set.events(), seed, wanted, stoppedBy, Math.round(loadSeconds), "pending");
    }
    // the sequence and the settings first, so that a set whose builds stop half way is one a server can use
    statements.add(continueSequence(set.events()));
    statements.addAll(restore);
    statements.addAll(ordered(ddl));
    boolean built = finish(h2, dir, statements, set.events());
    double seconds = (System.nanoTime() - started) / 1e9;
    writeProperties(dir, set.units(), set.events(), seed, wanted, stoppedBy, Math.round(seconds),
        built ? "built" : "pending");
    System.out.printf("downstream-dataset: %,d units, %,d events in %.0f s, %.0f events/s in all; database %,d MiB%n",
        set.units(), set.events(), seconds, set.events() / seconds, Files.size(db) >> 20);
  }

  /**
   * Builds the keys and indexes still pending in {@code dir} (after a generator stopped while building) and
   * finishes the set as a whole run does.
   */
  private static void resume(Path dir) throws Exception {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(dir.resolve("dataset.properties"), StandardCharsets.UTF_8)) {
      p.load(r);
    }
    Path pending = dir.resolve(PENDING);
    if (!Files.exists(pending)) {
      throw new IllegalStateException("nothing to resume in " + dir + ": no " + PENDING);
    }
    long started = System.nanoTime();
    long events = Long.parseLong(p.getProperty("events"));
    System.out.println("downstream-dataset: resuming " + dir + " (" + events + " events)");
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:" + dir.resolve("custodia") + EventDataSet.URL_OPTIONS + ";WRITE_DELAY=60000");
    h2.setUser("sa");
    h2.setPassword("sa");
    boolean built = finish(h2, dir, readPending(pending), events);
    long seconds = Long.parseLong(p.getProperty("seconds")) + Math.round((System.nanoTime() - started) / 1e9);
    writeProperties(dir, Long.parseLong(p.getProperty("units")), events, Long.parseLong(p.getProperty("seed")),
        Long.parseLong(p.getProperty("wanted.units")), "no".equals(p.getProperty("stopped")) ? null
            : p.getProperty("stopped"), seconds, built ? "built" : "pending");
    System.out.printf("downstream-dataset: resumed, %s in %.0f s; database %,d MiB%n", built ? "finished" : "stopped",
        (System.nanoTime() - started) / 1e9, Files.size(dir.resolve("custodia.mv.db")) >> 20);
  }

  /**
   * The pending statements, the check of the count, the compaction; the pending file goes at the end. The
   * load leaves about half its file dead, and each index build writes its index twice (the sorted blocks,
   * then the index): whenever the disk gets below {@code pq.downstream.compact.below.gb} (default 30 GB)
   * after a step, the database is closed compacted ({@code SHUTDOWN COMPACT}) and opened again.
   *
   * @return whether all are done (false: stopped by {@code pq.downstream.statements})
   */
  private static boolean finish(JdbcDataSource h2, Path dir, List<String> statements, long events) throws Exception {
    Path db = dir.resolve("custodia.mv.db");
    Path pending = dir.resolve(PENDING);
    long below = Long.getLong("pq.downstream.compact.below.gb", 30) << 30;
    BooleanSupplier lowDisk = () -> {
      try {
        return Files.getFileStore(dir).getUsableSpace() < below;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
    // pq.downstream.statements: run at most this many of them now (0: all), the rest stay pending
    int most = Integer.getInteger("pq.downstream.statements", 0);
    int[] done = {0};
    // touching stop in the directory stops the builds too, after the statement running (H2 cannot be
    // interrupted cleanly within one; a killed set is to be opened by the resume only)
    Path stop = dir.resolve("stop");
    BooleanSupplier stopped = () -> most > 0 && done[0] >= most || Files.exists(stop);
    BooleanSupplier pause = () -> {
      done[0]++;
      return stopped.getAsBoolean() || lowDisk.getAsBoolean();
    };
    long t = System.nanoTime();
    List<String> left = statements;
    if (lowDisk.getAsBoolean()) {
      compact(h2, db, "the disk is low");
    }
    while (true) {
      try (Connection c = open(h2)) {
        left = build(c, left, true, pending, pause);
        if (!left.isEmpty() && stopped.getAsBoolean()) {
          System.out.printf("  stopped after %d statements, %d pending in %s (-Dpq.downstream.resume=true goes on)%n",
              done[0], left.size(), pending);
          return false;
        }
        if (left.isEmpty()) {
          System.out.printf("  keys and indexes built in %.0f s; database %,d MiB%n", (System.nanoTime() - t) / 1e9,
              Files.size(db) >> 20);
          try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM epcis_event")) {
            rs.next();
            // a server may have run on a set whose builds were stopped, and captured events of its own
            if (rs.getLong(1) < events) {
              throw new IllegalStateException("the database holds " + rs.getLong(1) + " events, expected " + events);
            }
          }
          c.commit();
          break;
        }
      }
      compact(h2, db, "the disk is low");
    }
    if (!Boolean.getBoolean("pq.downstream.nocompact")) {
      compact(h2, db, "the end");
    }
    Files.delete(pending);
    return true;
  }

  /** Opens the database and closes it compacted. */
  private static void compact(JdbcDataSource h2, Path db, String why) throws SQLException, IOException {
    long t = System.nanoTime();
    long before = Files.size(db);
    try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
      s.execute("SHUTDOWN COMPACT");
    }
    System.out.printf("  compacted %,d MiB to %,d MiB in %.0f s (%s)%n", before >> 20, Files.size(db) >> 20,
        (System.nanoTime() - t) / 1e9, why);
  }

  /** A connection for the load and the builds: no auto-commit, big write buffer and page cache. */
  private static Connection open(JdbcDataSource h2) throws SQLException {
    Connection c = h2.getConnection();
    c.setAutoCommit(false);
    // MVStore's write buffer, 1 GiB. With 3 GiB the builds of epcis_event's indexes took half the time on a
    // set of 400,000 units, but on the full set the chunks grew so large that each page a build removed
    // made MVStore copy its chunk's table of contents again (FileStore.accountForRemovedPage → readToC):
    // the primary key of epcis_event_epc did not finish in 16 minutes
    EventDataSet.writeBuffer(c, Integer.getInteger("pq.downstream.buffer.mib", 1024));
    // a 1 GiB page cache for this connection's database, set on the open database (CACHE_SIZE in the URL or
    // by SET would be kept in the file, and the server would open it with that cache)
    database(c).setCacheSize(1024 * 1024);
    return c;
  }

  private static void writeProperties(Path dir, long units, long events, long seed, long wanted, String stoppedBy,
      long seconds, String indexes) throws IOException {
    try (Writer w = Files.newBufferedWriter(dir.resolve("dataset.properties"), StandardCharsets.UTF_8)) {
      w.write("units=" + units + "\nevents=" + events + "\nseed=" + seed + "\nwanted.units=" + wanted
          + "\nstopped=" + (stoppedBy == null ? "no" : stoppedBy) + "\nseconds=" + seconds + "\nindexes=" + indexes
          + "\n");
    }
  }

  private static void wipe(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
