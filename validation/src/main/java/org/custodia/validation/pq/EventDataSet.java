package org.custodia.validation.pq;

import java.io.IOException;
import java.io.Writer;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.custodia.epcis.domain.StoredEvent;
import org.custodia.epcis.infrastructure.json.EpcisJson;
import org.custodia.epcis.infrastructure.persistence.JdbcEventStore;
import org.custodia.platform.DatabaseMigration;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;

/**
 * The data set of the epcis-query benchmark (issue 3, EPC-2): a pharma supply-chain history of a
 * given number of EPCIS events (default 10,000,000) from a fixed seed, written into an H2 file
 * database migrated by {@link DatabaseMigration} through the product's own {@link JdbcEventStore}
 * (events, EPC, business-transaction and source/destination index rows and current state exactly as
 * the server writes them). The events are written as EPCIS 2.0 JSON-LD and read back with {@link
 * EpcisJson#read}, the capture path's reader.
 *
 * <p>The history, a pallet every 15 minutes: units of one of six GTINs commissioned case by case
 * (ObjectEvent ADD with lot and expiry), packed into cases of 10–20 (AggregationEvent, SSCC parent),
 * cases loaded onto a pallet (AggregationEvent, SSCC parent), the pallet shipped from one of two plants
 * to one of four distribution centres and received there (purchase order and despatch advice, owning
 * party and location as source and destination), unloaded; each case shipped to one of 200 pharmacies
 * and received, unpacked there, half of its units inspected and most of them dispensed. One unit's
 * history is thus 3–5 events, one pallet's 4. Events are written in event-time order, as a live system
 * captures them (a unit's later events land far from its commissioning in the table), with
 * time-ordered UUIDs as event IDs; the set ends at an instant, events due later are left out.
 *
 * <p>Arguments: the target directory (wiped first). System properties {@code pq.dataset.events} and
 * {@code pq.dataset.seed}. The database ends as {@code <dir>/custodia.mv.db}, the file name the
 * server's datasource expects under {@code data/custodia}; {@code samples.txt} lists units and
 * pallets with their expected answers for the benchmark (the server's database cannot be read
 * while the server holds it), and {@code dataset.properties}, written last, marks the set complete.
 */
public final class EventDataSet {

  static final long DEFAULT_EVENTS = 10_000_000;
  static final long DEFAULT_SEED = 20261127;
  static final String URL_OPTIONS = ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH";

  private static final int BATCH = 2_000;
  /**
   * H2 settings of the bulk load only ({@code pq.dataset.h2}): MVStore writes a chunk of the changed pages
   * at most once a minute instead of every half second. The server opens the file later with its own URL;
   * the setting, which H2 keeps in the file, is set back to the migrated file's value before the end.
   */
  static final String LOAD_OPTIONS = System.getProperty("pq.dataset.h2", ";WRITE_DELAY=60000");
  /**
   * Unsaved changes (MiB) after which MVStore writes a chunk ({@code pq.dataset.write.mb}, default 1024;
   * 0 keeps H2's 19 MiB).
   */
  private static final int WRITE_BUFFER_MB = Integer.getInteger("pq.dataset.write.mb", 1024);
  /**
   * Events after which the load commits, compacts the file ({@code SHUTDOWN COMPACT}) and reopens it
   * ({@code pq.dataset.compact.every}, default 1,500,000; 0 never): with the big write buffer the file grows
   * about 11 KiB per stored event before compaction (about 0.7 KiB after), so 10 million events in one go
   * would need about 110 GB of disk.
   */
  private static final long COMPACT_EVERY = Long.getLong("pq.dataset.compact.every", 1_500_000);
  private static final String[] ITEM_REFS = {"013435", "013442", "013459", "021266", "021273", "034502"};
  private static final int PHARMACIES = 200;
  private static final int DISTRIBUTION_CENTRES = 4;
  private static final Instant START = Instant.parse("2025-01-06T06:00:00Z");
  private static final long PALLET_EVERY_S = 15 * 60;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
  private static final String SOURCE = "pq-dataset";

  private final Path stopFile;
  private final Path dbFile;
  private long target;
  private final SplittableRandom random;
  private final List<String> pending = new ArrayList<>();
  /** Events generated but not yet due: written in event-time order, as a live system would capture them. */
  private final PriorityQueue<Timed> future = new PriorityQueue<>();
  private final List<Sample> samples = new ArrayList<>();
  private final double unitSampling;
  private final double palletSampling;
  private long stored;
  private long units;
  private long cases;
  private long pallets;
  private long sequence;
  private Instant lastStored = START;

  /** An event due at {@code time}; {@code seq} keeps the order of events of the same instant stable. */
  private record Timed(Instant time, long seq, String json) implements Comparable<Timed> {
    @Override
    public int compareTo(Timed o) {
      int c = time.compareTo(o.time);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  /** A line of samples.txt, valid when its whole history ({@code complete} and earlier) got stored. */
  private record Sample(String line, Instant complete) {}

  private EventDataSet(long target, long seed, Path stopFile, Path dbFile) {
    this.target = target;
    this.dbFile = dbFile;
    this.stopFile = stopFile;
    this.random = new SplittableRandom(seed);
    // about 304 events per pallet of 12 cases of 15 units: sample about 4,000 units and 1,500 pallets
    this.unitSampling = Math.min(1, 4_000.0 / (target / 25.0));
    this.palletSampling = Math.min(1, 1_500.0 / (target / 304.0));
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/pq-data").toAbsolutePath();
    long events = Long.getLong("pq.dataset.events", DEFAULT_EVENTS);
    long seed = Long.getLong("pq.dataset.seed", DEFAULT_SEED);
    wipe(dir);
    Files.createDirectories(dir);
    System.out.println("epcis-dataset: " + events + " events, seed " + seed + ", into " + dir.resolve("custodia.mv.db"));
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:" + dir.resolve("custodia") + URL_OPTIONS);
    h2.setUser("sa");
    h2.setPassword("sa");
    DatabaseMigration.migrate(h2, EventDataSet.class.getClassLoader());
    // WRITE_DELAY persists in the file when set: the server gets the value a migrated file has
    List<String> restore = new ArrayList<>();
    try (Connection c = h2.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT DISTINCT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
            + " WHERE SETTING_NAME = 'WRITE_DELAY'")) {
      while (rs.next()) {
        restore.add("SET " + rs.getString(1) + " " + rs.getString(2));
      }
    }
    h2.setURL("jdbc:h2:" + dir.resolve("custodia") + URL_OPTIONS + LOAD_OPTIONS);
    System.out.println("  load settings: URL options '" + LOAD_OPTIONS + "', write buffer "
        + (WRITE_BUFFER_MB == 0 ? "H2's" : WRITE_BUFFER_MB + " MiB"));
    long started = System.nanoTime();
    EventDataSet set = new EventDataSet(events, seed, dir.resolve("stop"), dir.resolve("custodia.mv.db"));
    try (Connection c = set.generate(h2)) {
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM epcis_event")) {
        rs.next();
        long counted = rs.getLong(1);
        if (counted != set.stored) {
          throw new IllegalStateException("the database holds " + counted + " events, expected " + set.stored);
        }
        events = counted;
      }
      // bulk loading leaves most of the file as superseded pages; the server would only compact it
      // slowly, so the set is handed over compacted
      try (Statement s = c.createStatement()) {
        for (String setting : restore) {
          s.execute(setting);
        }
      }
      c.commit();
      System.out.printf("  compacting the database file (%d MiB)%n", Files.size(dir.resolve("custodia.mv.db")) / 1024 / 1024);
      try (Statement s = c.createStatement()) {
        s.execute("SHUTDOWN COMPACT");
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    Files.writeString(dir.resolve("samples.txt"), set.samples(), StandardCharsets.UTF_8);
    try (Writer w = Files.newBufferedWriter(dir.resolve("dataset.properties"), StandardCharsets.UTF_8)) {
      w.write("events=" + events + "\nseed=" + seed + "\nunits=" + set.units + "\ncases=" + set.cases
          + "\npallets=" + set.pallets + "\nfirst=" + TIME.format(START.atOffset(ZoneOffset.UTC))
          + "\nlast=" + TIME.format(set.lastStored.atOffset(ZoneOffset.UTC)) + "\nseconds=" + Math.round(seconds) + "\n");
    }
    System.out.printf(
        "epcis-dataset: %d events (%d pallets, %d cases, %d units) in %.0f s, %.0f events/s; database %d MiB%n",
        events, set.pallets, set.cases, set.units, seconds, events / seconds,
        Files.size(dir.resolve("custodia.mv.db")) / 1024 / 1024);
  }

  /**
   * Raises the unsaved-memory threshold after which MVStore writes a chunk (H2 offers no setting for it):
   * every chunk rewrites the changed pages of the randomly filled indexes and the undo log, so fewer,
   * larger chunks write a third of the bytes. The field is H2's internal state (checked against 2.2.224, and
   * 2.5.252, where it is final and reflection still sets it); a bulk-load-only measure, the server never
   * sees it.
   */
  static void writeBuffer(Connection c, int mib) throws SQLException {
    try {
      MVStore store = ((SessionLocal) c.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore()
          .getMvStore();
      Field f = MVStore.class.getDeclaredField("autoCommitMemory");
      f.setAccessible(true);
      f.setInt(store, mib * 1024 * 1024);
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalStateException("cannot set MVStore's write buffer (H2 version changed?)", e);
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

  private static Connection open(DataSource h2) throws SQLException {
    Connection c = h2.getConnection();
    c.setAutoCommit(false);
    if (WRITE_BUFFER_MB > 0) {
      writeBuffer(c, WRITE_BUFFER_MB);
    }
    return c;
  }

  /** Generates and stores the set; returns the open connection (the caller checks and compacts). */
  private Connection generate(DataSource h2) throws SQLException, IOException {
    Connection c = open(h2);
    JdbcEventStore store = new JdbcEventStore(sameConnection(c));
    long compactedAt = 0;
    long began = System.nanoTime();
    long lastReport = began;
    long reportedAt = 0;
    while (stored < target) {
      Instant productionStart = pallet();
      // everything before this pallet's first event is final: no later pallet adds events before it
      while (!future.isEmpty() && future.peek().time().isBefore(productionStart)
          && stored + pending.size() < target) {
        Timed next = future.poll();
        pending.add(next.json());
        lastStored = next.time();
        if (pending.size() >= BATCH) {
          flush(store, c);
        }
      }
      if (stored + pending.size() >= target) {
        flush(store, c);
      }
      if (stored - reportedAt >= 250_000 || stored >= target) {
        long now = System.nanoTime();
        System.out.printf("  %,d events stored, %.0f events/s (last %,d: %.0f events/s), %.0f s, %,d due later%n",
            stored, stored / ((now - began) / 1e9), stored - reportedAt,
            (stored - reportedAt) / ((now - lastReport) / 1e9), (now - began) / 1e9, future.size());
        lastReport = now;
        reportedAt = stored;
        if (Files.exists(stopFile) && stored < target) {
          // asked to end early: the set holds what is stored so far, and dataset.properties says so
          target = stored + pending.size();
          flush(store, c);
          System.out.printf("  stopped early on %s at %,d events%n", stopFile, stored);
        }
      }
      if (COMPACT_EVERY > 0 && stored - compactedAt >= COMPACT_EVERY && stored < target) {
        // everything stored is committed (flush commits); what is pending or due later stays in memory
        long t = System.nanoTime();
        long before = Files.size(dbFile);
        try (Statement s = c.createStatement()) {
          s.execute("SHUTDOWN COMPACT");
        }
        c.close();
        c = open(h2);
        store = new JdbcEventStore(sameConnection(c));
        compactedAt = stored;
        System.out.printf("  compacted at %,d events: %,d MiB to %,d MiB in %.0f s%n", stored, before / 1024 / 1024,
            Files.size(dbFile) / 1024 / 1024, (System.nanoTime() - t) / 1e9);
      }
    }
    return c;
  }

  /** The samples whose whole history is stored (the set ends at an instant; later events are not in it). */
  private String samples() {
    StringBuilder b = new StringBuilder();
    for (Sample x : samples) {
      if (x.complete().isBefore(lastStored)) {
        b.append(x.line()).append('\n');
      }
    }
    return b.toString();
  }

  private void flush(JdbcEventStore store, Connection c) throws SQLException {
    if (pending.isEmpty()) {
      return;
    }
    StringBuilder doc = new StringBuilder(pending.size() * 700);
    doc.append("{\"@context\":[\"").append(EpcisJson.CONTEXT).append("\"],\"type\":\"EPCISDocument\",")
        .append("\"schemaVersion\":\"2.0\",\"creationDate\":\"2026-11-27T00:00:00Z\",\"epcisBody\":{\"eventList\":[");
    for (int i = 0; i < pending.size(); i++) {
      doc.append(i == 0 ? "" : ",").append(pending.get(i));
    }
    doc.append("]}}");
    List<StoredEvent> events = EpcisJson.read(doc.toString());
    int fresh = store.storeAll(events, SOURCE);
    if (fresh != events.size()) {
      throw new IllegalStateException(events.size() - fresh + " events of a batch were already stored");
    }
    c.commit();
    stored += fresh;
    pending.clear();
  }

  // ---- the history of one pallet ----

  private long serialCounter;
  private long ssccCounter;
  private long documentCounter;

  /** Generates the history of the next pallet into {@link #future}; returns its first event's time. */
  private Instant pallet() {
    long palletNo = pallets++;
    Instant t0 = START.plusSeconds(palletNo * PALLET_EVERY_S);
    int product = random.nextInt(ITEM_REFS.length);
    String itemRef = ITEM_REFS[product];
    int plant = random.nextInt(2);
    String plantSgln = "urn:epc:id:sgln:9506000.0001" + (plant + 1) + ".0";
    String line = "urn:epc:id:sgln:9506000.0001" + (plant + 1) + "." + (1 + product % 3);
    ZoneOffset plantZone = ZoneOffset.ofHours(1);
    // a lot per product every 20 of its pallets
    String lot = "L" + itemRef.substring(3) + "-" + (palletNo / (20 * ITEM_REFS.length));
    String expiry = LocalDate.ofInstant(t0, ZoneOffset.UTC).plusYears(2 + product % 2).withDayOfMonth(1).toString();
    int dc = random.nextInt(DISTRIBUTION_CENTRES);
    String dcSgln = "urn:epc:id:sgln:4012345.0000" + (dc + 1) + ".0";
    ZoneOffset dcZone = ZoneOffset.ofHours(dc < 2 ? 1 : 2);
    String palletSscc = sscc('5');
    int caseCount = 8 + random.nextInt(9);
    String[] cases = new String[caseCount];
    List<String[]> caseUnits = new ArrayList<>(caseCount);
    List<String> commissionings = new ArrayList<>(caseCount);
    Instant t = t0;
    for (int c = 0; c < caseCount; c++) {
      int n = 10 + random.nextInt(11);
      String[] unitEpcs = new String[n];
      for (int u = 0; u < n; u++) {
        unitEpcs[u] = "urn:epc:id:sgtin:9506000." + itemRef + "." + serial();
      }
      units += n;
      this.cases++;
      cases[c] = sscc('3');
      caseUnits.add(unitEpcs);
      String commissioning = eventId(t);
      commissionings.add(commissioning);
      due(t, object(commissioning, t, plantZone, unitEpcs, "ADD", "commissioning", "active", line, plantSgln, null,
          "\"ilmd\":{\"cbvmda:lotNumber\":\"" + lot + "\",\"cbvmda:itemExpirationDate\":\"" + expiry + "\"}"));
      t = t.plusSeconds(10 + random.nextInt(10));
      due(t, aggregation(eventId(t), t, plantZone, cases[c], unitEpcs, "ADD", "packing", "in_progress", line, plantSgln));
      t = t.plusSeconds(30 + random.nextInt(20));
    }
    t = t.plusSeconds(60 + random.nextInt(60));
    due(t, aggregation(eventId(t), t, plantZone, palletSscc, cases, "ADD", "packing", "in_progress",
        "urn:epc:id:sgln:9506000.0001" + (plant + 1) + ".9", plantSgln));
    String po = "urn:epcglobal:cbv:bt:4012345000009:PO-" + (100000 + palletNo);
    String desadv = "urn:epcglobal:cbv:bt:9506000000013:DA-" + (500000 + palletNo);
    String toDc = transfer("9506000.00000", plantSgln, "4012345.00000", dcSgln)
        + ",\"bizTransactionList\":[{\"type\":\"po\",\"bizTransaction\":\"" + po
        + "\"},{\"type\":\"desadv\",\"bizTransaction\":\"" + desadv + "\"}]";
    Instant shipped = t.plusSeconds(3_600 + random.nextInt(36 * 3_600));
    due(shipped, object(eventId(shipped), shipped, plantZone, new String[] {palletSscc}, "OBSERVE", "shipping",
        "in_transit", "urn:epc:id:sgln:9506000.0001" + (plant + 1) + ".8", null, toDc, null));
    Instant received = shipped.plusSeconds(12 * 3_600 + random.nextInt(48 * 3_600));
    due(received, object(eventId(received), received, dcZone, new String[] {palletSscc}, "OBSERVE", "receiving",
        "in_progress", dcSgln.replace(".0", ".1"), dcSgln, toDc, null));
    Instant unloaded = received.plusSeconds(600 + random.nextInt(20 * 3_600));
    due(unloaded, aggregation(eventId(unloaded), unloaded, dcZone, palletSscc, cases, "DELETE", "unpacking",
        "in_progress", dcSgln.replace(".0", ".2"), dcSgln));
    if (random.nextDouble() < palletSampling) {
      samples.add(new Sample("pallet " + palletSscc + " 4", unloaded));
    }
    for (int c = 0; c < caseCount; c++) {
      int pharmacy = random.nextInt(PHARMACIES);
      String pharmacySgln = String.format("urn:epc:id:sgln:4098765.%05d.0", pharmacy + 1);
      ZoneOffset pharmacyZone = ZoneOffset.ofHours(pharmacy % 3 == 0 ? 2 : 1);
      String order = "urn:epcglobal:cbv:bt:4098765000002:PO-" + (documentCounter++);
      String toPharmacy = transfer("4012345.00000", dcSgln, String.format("4098765.%05d", pharmacy + 1), pharmacySgln)
          + ",\"bizTransactionList\":[{\"type\":\"po\",\"bizTransaction\":\"" + order + "\"}]";
      Instant caseShipped = unloaded.plusSeconds(3_600 + random.nextInt(10 * 24 * 3_600));
      due(caseShipped, object(eventId(caseShipped), caseShipped, dcZone, new String[] {cases[c]}, "OBSERVE",
          "shipping", "in_transit", dcSgln.replace(".0", ".8"), null, toPharmacy, null));
      Instant caseReceived = caseShipped.plusSeconds(4 * 3_600 + random.nextInt(40 * 3_600));
      due(caseReceived, object(eventId(caseReceived), caseReceived, pharmacyZone, new String[] {cases[c]}, "OBSERVE",
          "receiving", "in_progress", pharmacySgln, pharmacySgln, toPharmacy, null));
      Instant unpacked = caseReceived.plusSeconds(600 + random.nextInt(48 * 3_600));
      String[] unitEpcs = caseUnits.get(c);
      due(unpacked, aggregation(eventId(unpacked), unpacked, pharmacyZone, cases[c], unitEpcs, "DELETE", "unpacking",
          "sellable_accessible", pharmacySgln, pharmacySgln));
      Instant complete = unpacked;
      for (String unit : unitEpcs) {
        if (inspected(unit)) {
          Instant at = unpacked.plusSeconds(60 + random.nextInt(3_600));
          due(at, object(eventId(at), at, pharmacyZone, new String[] {unit}, "OBSERVE", "inspecting",
              "sellable_accessible", pharmacySgln, pharmacySgln, null, null));
          complete = at.isAfter(complete) ? at : complete;
        }
        if (dispensed(unit)) {
          Instant at = unpacked.plusSeconds(7_200 + random.nextInt(45 * 24 * 3_600));
          due(at, object(eventId(at), at, pharmacyZone, new String[] {unit}, "OBSERVE", "dispensing", "dispensed",
              pharmacySgln, pharmacySgln, null, null));
          complete = at.isAfter(complete) ? at : complete;
        }
      }
      if (random.nextDouble() < unitSampling) {
        String unit = unitEpcs[random.nextInt(unitEpcs.length)];
        int expected = 3 + (inspected(unit) ? 1 : 0) + (dispensed(unit) ? 1 : 0);
        // the whole case's history is due by then, so the unit's certainly is
        samples.add(new Sample("unit " + unit + ' ' + expected + ' ' + commissionings.get(c), complete));
      }
    }
    return t0;
  }

  private void due(Instant time, String json) {
    future.add(new Timed(time, sequence++, json));
  }

  /** Half of the units are inspected at the pharmacy; decided by the serial so samples know it. */
  private static boolean inspected(String unit) {
    return (unit.hashCode() & 1) == 0;
  }

  /** 85 % of the units are dispensed. */
  private static boolean dispensed(String unit) {
    return Math.floorMod(unit.hashCode() >> 1, 100) < 85;
  }

  /**
   * A 12-digit serial, distinct for every unit: serials come in blocks of 1,000 (a range of a serial
   * pool), shuffled inside their block (7,919 is prime to 10^6, so the last six digits never repeat
   * within a block).
   */
  private String serial() {
    long n = serialCounter++;
    long inBlock = Math.floorMod((n % 1_000) * 7_919L + (n / 1_000) * 104_729L, 1_000_000L);
    return String.format("%06d%06d", n / 1_000, inBlock);
  }

  private String sscc(char extension) {
    return "urn:epc:id:sscc:9506000." + extension + String.format("%09d", ssccCounter++);
  }

  /**
   * A time-ordered UUID (version 7 layout: the event time's milliseconds, then random bits), as many
   * capturing systems issue them.
   */
  private String eventId(Instant t) {
    long hi = (t.toEpochMilli() << 16) | 0x7000L | (random.nextLong() & 0xFFFL);
    long lo = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return "urn:uuid:" + new UUID(hi, lo);
  }

  private static String time(Instant t, ZoneOffset zone) {
    return "\"eventTime\":\"" + TIME.format(t.atOffset(zone)) + "\",\"eventTimeZoneOffset\":\"" + zone.getId() + "\"";
  }

  private static String transfer(String fromParty, String fromLocation, String toParty, String toLocation) {
    return "\"sourceList\":[{\"type\":\"owning_party\",\"source\":\"urn:epc:id:pgln:" + fromParty
        + "\"},{\"type\":\"location\",\"source\":\"" + fromLocation + "\"}],"
        + "\"destinationList\":[{\"type\":\"owning_party\",\"destination\":\"urn:epc:id:pgln:" + toParty
        + "\"},{\"type\":\"location\",\"destination\":\"" + toLocation + "\"}]";
  }

  private static String object(String id, Instant t, ZoneOffset zone, String[] epcs, String action, String bizStep,
      String disposition, String readPoint, String bizLocation, String extra, String ilmd) {
    StringBuilder b = new StringBuilder(300 + epcs.length * 45);
    b.append("{\"type\":\"ObjectEvent\",\"eventID\":\"").append(id).append("\",").append(time(t, zone))
        .append(",\"epcList\":[");
    list(b, epcs);
    b.append("],\"action\":\"").append(action).append("\",\"bizStep\":\"").append(bizStep)
        .append("\",\"disposition\":\"").append(disposition).append("\",\"readPoint\":{\"id\":\"").append(readPoint)
        .append("\"}");
    if (bizLocation != null) {
      b.append(",\"bizLocation\":{\"id\":\"").append(bizLocation).append("\"}");
    }
    if (extra != null) {
      b.append(',').append(extra);
    }
    if (ilmd != null) {
      b.append(',').append(ilmd);
    }
    return b.append('}').toString();
  }

  private static String aggregation(String id, Instant t, ZoneOffset zone, String parent, String[] children,
      String action, String bizStep, String disposition, String readPoint, String bizLocation) {
    StringBuilder b = new StringBuilder(300 + children.length * 45);
    b.append("{\"type\":\"AggregationEvent\",\"eventID\":\"").append(id).append("\",").append(time(t, zone))
        .append(",\"parentID\":\"").append(parent).append("\",\"childEPCs\":[");
    list(b, children);
    b.append("],\"action\":\"").append(action).append("\",\"bizStep\":\"").append(bizStep)
        .append("\",\"disposition\":\"").append(disposition).append("\",\"readPoint\":{\"id\":\"").append(readPoint)
        .append("\"},\"bizLocation\":{\"id\":\"").append(bizLocation).append("\"}}");
    return b.toString();
  }

  private static void list(StringBuilder b, String[] values) {
    for (int i = 0; i < values.length; i++) {
      b.append(i == 0 ? "\"" : ",\"").append(values[i]).append('"');
    }
  }

  /**
   * A DataSource that hands {@link JdbcEventStore} the one open connection (its close ignored), so that
   * each batch is one transaction committed here, as the server's store joins the message's transaction.
   */
  static DataSource sameConnection(Connection c) {
    Connection shared =
        (Connection) Proxy.newProxyInstance(EventDataSet.class.getClassLoader(), new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("close")) {
                return null;
              }
              try {
                return method.invoke(c, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
    return (DataSource) Proxy.newProxyInstance(EventDataSet.class.getClassLoader(), new Class<?>[] {DataSource.class},
        (proxy, method, args) -> {
          if (method.getName().equals("getConnection")) {
            return shared;
          }
          throw new UnsupportedOperationException(method.getName());
        });
  }

}
