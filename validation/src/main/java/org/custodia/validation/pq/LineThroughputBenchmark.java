package org.custodia.validation.pq;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * line-throughput (issue 4): N simulated packaging lines at 600 units a minute each through the whole
 * path — the in-process simulator's OPC UA server, the resource adapter, the line bean (MDB), the work
 * order loop and commissioning in one transaction per camera read, the database, the capture queue and the
 * EPCIS repository. Two steps, because the figures that matter are read from the server's database after
 * the server has stopped (the benchmark cannot open the H2 file while the server holds it):
 *
 * <ul>
 *   <li>{@code run <base URL> <state file>} (server running): after a warm-up of {@code -Dpq.line.warmup}
 *       units (default 300) per line on the first level's lines, not measured, for each N of the ladder ({@code
 *       -Dpq.line.ladder}, default 2,5,10,15,20,25,30), one work order of {@code -Dpq.line.quantity} units
 *       (default 600, one minute at 600 units a minute) per line on line-1 … line-N, created and released by
 *       {@code qa}, started by {@code operator} one after the other, polled until every order has its
 *       quantity good, closed (reconciled) by {@code qa}; then it waits until the EPCIS repository has
 *       recorded no event for two seconds (the capture queue has drained) before the next level. It stops
 *       climbing when a level delivers less than 90 % of the offered rate (wall clock, each line from its
 *       start to its order complete, summed over the lines) or does not complete. The orders of each level
 *       go to the state file.
 *   <li>{@code analyse <database> <state file>} (server stopped): per level, from the database, each unit's
 *       camera read ({@code work_order_unit.read_at}) and the record time of its commissioning event, the
 *       rate each line kept, the trend of the latency over the level, and the counts that prove no unit lost
 *       or duplicated.
 * </ul>
 */
public final class LineThroughputBenchmark {

  static final int UNITS_PER_MINUTE = 600;
  static final int GOAL_LINES = 20;
  static final double GOAL_P99_MS = 100;
  /** The share of the offered rate a level must deliver (per line, from the database) to be sustained. */
  static final double SUSTAINED_SHARE = 0.95;
  /** How much the median latency may rise from the first to the last fifth of a level's reads. */
  static final double MAX_GROWTH_MS = 100;

  /** Seconds after the level's last order had its first read from which reads count as steady. */
  static final int STEADY_AFTER_S = 10;
  static final String GTIN = "09506000134352";

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
  private static final Duration POLL = Duration.ofSeconds(1);

  private LineThroughputBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3 || !(args[0].equals("run") || args[0].equals("analyse"))) {
      throw new IllegalArgumentException("usage: run <base URL> <state file> | analyse <database> <state file>");
    }
    if (args[0].equals("run")) {
      run(args[1], Path.of(args[2]));
    } else {
      analyse(Path.of(args[1]), Path.of(args[2]));
    }
  }

  static int[] ladder() {
    return Arrays.stream(System.getProperty("pq.line.ladder", "2,5,10,15,20,25,30").split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).sorted().toArray();
  }

  // ---- run: the load through REST ----

  private static void run(String base, Path stateFile) throws Exception {
    int quantity = Integer.getInteger("pq.line.quantity", 600);
    int[] ladder = ladder();
    RestLoadBenchmark.Client qa = new RestLoadBenchmark.Client("qa");
    RestLoadBenchmark.Client operator = new RestLoadBenchmark.Client("operator");
    Properties state = new Properties();
    state.setProperty("quantity", String.valueOf(quantity));
    state.setProperty("ladder", Arrays.toString(ladder));
    write(state, stateFile);
    System.out.println("line-throughput on " + base + ": ladder " + Arrays.toString(ladder) + ", " + quantity
        + " units per order at " + UNITS_PER_MINUTE + " units/min per line");
    int warmUp = Integer.getInteger("pq.line.warmup", 300);
    if (warmUp > 0) {
      // the first minute of a fresh server (class loading, JIT, pools filling) is no level's figure
      Level w = level(base, qa, operator, ladder[0], warmUp, -1);
      Figures.progress("warm-up: %d orders of %d units on %d lines, %.1f units/s%s", w.orders.size(), warmUp,
          ladder[0], w.unitsPerS, w.failure == null ? "" : "; FAILED: " + w.failure);
    }
    int levels = 0;
    for (int lines : ladder) {
      Level level = level(base, qa, operator, lines, quantity, levels);
      String p = "level." + levels + ".";
      state.setProperty(p + "lines", String.valueOf(lines));
      state.setProperty(p + "orders", String.join(",", level.orders.stream().map(String::valueOf).toList()));
      state.setProperty(p + "onlineUnitsPerS", String.format(java.util.Locale.ROOT, "%.2f", level.unitsPerS));
      state.setProperty(p + "drainMs", String.valueOf(level.drainMs));
      if (level.serverCpuMsPerUnit >= 0) {
        state.setProperty(p + "serverCpuMsPerUnit", String.format(java.util.Locale.ROOT, "%.2f", level.serverCpuMsPerUnit));
      }
      state.setProperty(p + "machineBusyPct", String.format(java.util.Locale.ROOT, "%.1f", level.machineBusyPct));
      if (level.failure != null) {
        state.setProperty(p + "failure", level.failure);
      }
      levels++;
      state.setProperty("levels", String.valueOf(levels));
      write(state, stateFile);
      double offered = lines * UNITS_PER_MINUTE / 60.0;
      Figures.progress("level %d lines: %.1f units/s of %.0f offered (wall clock, each line from its start to"
          + " its order complete, summed), EPCIS capture idle at most %d ms after the last order completed;"
          + " server CPU %.2f ms per unit, machine %.1f %% busy%s",
          lines, level.unitsPerS, offered, level.drainMs, level.serverCpuMsPerUnit, level.machineBusyPct,
          level.failure == null ? "" : "; FAILED: " + level.failure);
      if (level.failure != null || level.unitsPerS < 0.9 * offered) {
        Figures.progress("stopping the ladder at %d lines", lines);
        break;
      }
    }
  }

  /** What the run learnt of one level online. */
  /**
   * What the run learnt of one level online; the CPU figures over the level from the first start to the poll
   * that saw the last order complete (the server's CPU time, -1 when its PID file was not found, divided by
   * the level's units; the benchmark's own polling included).
   */
  record Level(List<Long> orders, double unitsPerS, long drainMs, String failure, double serverCpuMsPerUnit,
      double machineBusyPct) {}

  /** The server session's PID file (rest-session.sh), relative to the validation module. */
  static final Path SERVER_PID_FILE = Path.of(System.getProperty("pq.server.pidfile", "target/pq-server/server.pid"));

  private static Level level(String base, RestLoadBenchmark.Client qa, RestLoadBenchmark.Client operator,
      int lines, int quantity, int index) throws InterruptedException {
    List<Long> orders = new ArrayList<>();
    String batch = "P" + Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36).toUpperCase()
        + ThreadLocalRandom.current().nextInt(10);
    for (int i = 1; i <= lines; i++) {
      String body = "{\"line\":\"line-" + i + "\",\"gtin\":\"" + GTIN + "\",\"lot\":\"" + batch + "L" + i
          + "\",\"expiry\":\"281231\",\"quantity\":" + quantity + ",\"markets\":[\"US\",\"EU\"]}";
      HttpResponse<String> r = qa.post(base + "/api/line/workorders", body);
      if (r.statusCode() != 201) {
        throw new IllegalStateException("creating the order on line-" + i + " answered " + r.statusCode() + ": "
            + r.body());
      }
      Matcher m = ID.matcher(r.body());
      if (!m.find()) {
        throw new IllegalStateException("no id in " + r.body());
      }
      orders.add(Long.parseLong(m.group(1)));
    }
    CpuSample cpuBefore = CpuSample.now(SERVER_PID_FILE);
    long started = System.nanoTime();
    Map<Long, Long> startedAt = new HashMap<>();
    for (long id : orders) {
      HttpResponse<String> r = operator.post(base + "/api/line/workorders/" + id + "/start", "");
      if (r.statusCode() != 200) {
        throw new IllegalStateException("starting order " + id + " answered " + r.statusCode() + ": " + r.body());
      }
      startedAt.put(id, System.nanoTime());
    }
    Figures.progress("%s %d lines: orders %s started in %d ms", index < 0 ? "warm-up" : "level", lines, orders,
        (System.nanoTime() - started) / 1_000_000);
    // poll until every order has its quantity good; give up when nothing moves for a minute or the level
    // takes three times its time plus a minute
    Map<Long, Integer> good = new HashMap<>();
    Map<Long, Long> doneAt = new HashMap<>();
    long deadline = started + Duration.ofSeconds(quantity * 60L / UNITS_PER_MINUTE * 3 + 60).toNanos();
    long lastMove = System.nanoTime();
    long done = 0;
    String failure = null;
    int total = 0;
    long lastReport = started;
    while (true) {
      int sum = 0;
      boolean all = true;
      for (long id : orders) {
        int g = good.getOrDefault(id, 0);
        if (g < quantity) {
          g = count(qa.get(base + "/api/line/workorders/" + id), "good");
          good.put(id, g);
          if (g >= quantity) {
            doneAt.put(id, System.nanoTime());
          }
        }
        sum += g;
        all &= g >= quantity;
      }
      long now = System.nanoTime();
      if (sum > total) {
        lastMove = now;
        total = sum;
      }
      if (all) {
        done = now;
        break;
      }
      if (now - lastReport > Duration.ofSeconds(15).toNanos()) {
        Figures.progress("  %ds: %d of %d units good", (now - started) / 1_000_000_000, sum, quantity * lines);
        lastReport = now;
      }
      if (now - lastMove > Duration.ofMinutes(1).toNanos() || now > deadline) {
        failure = sum + " of " + quantity * lines + " units good after " + (now - started) / 1_000_000_000 + " s";
        done = now;
        break;
      }
      Thread.sleep(POLL.toMillis());
    }
    CpuSample cpuAfter = CpuSample.now(SERVER_PID_FILE);
    long serverCpuMs = cpuAfter.processMsSince(cpuBefore);
    double cpuPerUnit = serverCpuMs < 0 ? -1 : (double) serverCpuMs / Math.max(1, total);
    double busy = cpuAfter.machineBusyPercentSince(cpuBefore);
    // each line's rate from the answer to its start to the poll that saw its order complete (so the time the
    // starts of the other orders took does not count), summed over the lines
    double unitsPerS = 0;
    for (long id : orders) {
      unitsPerS += good.getOrDefault(id, 0) / ((doneAt.getOrDefault(id, done) - startedAt.get(id)) / 1e9);
    }
    for (long id : orders) {
      HttpResponse<String> r = qa.post(base + "/api/line/workorders/" + id + "/close", "");
      if (r.statusCode() != 200) {
        failure = (failure == null ? "" : failure + "; ") + "closing order " + id + " answered " + r.statusCode();
        Figures.progress("closing order %d answered %d: %s", id, r.statusCode(), r.body());
      } else if (!r.body().contains("\"reconciled\":true")) {
        failure = (failure == null ? "" : failure + "; ") + "order " + id + " not reconciled";
        Figures.progress("order %d not reconciled: %s", id, r.body());
      }
    }
    long drainMs = drain(base, qa, done);
    return new Level(orders, unitsPerS, drainMs, failure, cpuPerUnit, busy);
  }

  /**
   * Waits until the EPCIS repository recorded no event in the last two seconds, twice in a row (the capture
   * queue has drained), and returns the milliseconds from {@code since} (nanoTime) until then: an upper
   * bound, as it includes closing the orders and the polls themselves.
   */
  private static long drain(String base, RestLoadBenchmark.Client qa, long since) throws InterruptedException {
    long giveUp = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    int quiet = 0;
    while (System.nanoTime() < giveUp) {
      String from = Instant.now().minusSeconds(2).truncatedTo(ChronoUnit.MILLIS).toString();
      HttpResponse<String> r = qa.get(base + "/api/epcis/events?perPage=1&GE_recordTime="
          + URLEncoder.encode(from, StandardCharsets.UTF_8));
      if (r.statusCode() != 200) {
        throw new IllegalStateException("GET /api/epcis/events answered " + r.statusCode() + ": " + r.body());
      }
      boolean empty = r.body().replaceAll("\\s", "").contains("\"eventList\":[]");
      quiet = empty ? quiet + 1 : 0;
      if (quiet == 2) {
        return (System.nanoTime() - since) / 1_000_000;
      }
      Thread.sleep(1_000);
    }
    throw new IllegalStateException("the EPCIS repository still records events 10 minutes after the level");
  }

  private static int count(HttpResponse<String> r, String name) {
    if (r.statusCode() != 200) {
      throw new IllegalStateException("GET work order answered " + r.statusCode() + ": " + r.body());
    }
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(r.body());
    if (!m.find()) {
      throw new IllegalStateException("no \"" + name + "\" in " + r.body());
    }
    return Integer.parseInt(m.group(1));
  }

  private static void write(Properties state, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (Writer w = Files.newBufferedWriter(file)) {
      state.store(w, "line-throughput: the work orders of each level, for the analysis after the server stops");
    }
  }

  // ---- analyse: the figures from the database ----

  private static void analyse(Path db, Path stateFile) throws Exception {
    Properties state = new Properties();
    try (Reader r = Files.newBufferedReader(stateFile)) {
      state.load(r);
    }
    int quantity = Integer.parseInt(state.getProperty("quantity"));
    int levels = Integer.parseInt(state.getProperty("levels", "0"));
    Figures.figure("line_goal_lines", GOAL_LINES, "lines");
    Figures.figure("line_read_to_event_goal_p99_ms", GOAL_P99_MS, "ms");
    int sustained = 0;
    try (Connection c = DriverManager.getConnection("jdbc:h2:" + db.toAbsolutePath() + EventDataSet.URL_OPTIONS,
        "sa", "sa")) {
      for (int i = 0; i < levels; i++) {
        String p = "level." + i + ".";
        int lines = Integer.parseInt(state.getProperty(p + "lines"));
        List<Long> orders = Arrays.stream(state.getProperty(p + "orders").split(",")).map(Long::parseLong).toList();
        String failure = state.getProperty(p + "failure");
        if (levelFigures(c, lines, orders, quantity, failure, Long.parseLong(state.getProperty(p + "drainMs")))) {
          sustained = Math.max(sustained, lines);
        }
        String cpu = state.getProperty(p + "serverCpuMsPerUnit");
        if (cpu != null) {
          Figures.figure("line_" + lines + "_server_cpu_ms_per_unit", Double.parseDouble(cpu), "ms");
        }
        String busy = state.getProperty(p + "machineBusyPct");
        if (busy != null) {
          Figures.figure("line_" + lines + "_machine_busy_pct", Double.parseDouble(busy), "%");
        }
      }
    }
    Figures.figure("line_sustained_lines", sustained, "lines");
  }

  /** One good unit: its camera read, the line bean's decision and its commissioning event's record time. */
  record Unit(OffsetDateTime read, OffsetDateTime decided, OffsetDateTime recorded) {}

  /** Prints one level's figures and returns whether it is sustained. */
  private static boolean levelFigures(Connection c, int lines, List<Long> orders, int quantity, String failure,
      long drainMs) throws SQLException {
    String n = "line_" + lines + "_";
    List<Unit> all = new ArrayList<>();
    double perLineSum = 0;
    // when the level's last order had its first read: until then orders are still starting
    OffsetDateTime allStarted = null;
    long lost = 0;
    long duplicated = 0;
    long goodTotal = 0;
    long commissionedTotal = 0;
    long eventsTotal = 0;
    for (long id : orders) {
      String wo = "WO-" + id;
      long good = scalar(c, "SELECT COUNT(*) FROM work_order_unit WHERE work_order_id = ? AND status = 'GOOD'", id);
      long commissioned = scalar(c, "SELECT COUNT(*) FROM commissioned_unit WHERE work_order = ?", wo);
      long distinctSerials = scalar(c, "SELECT COUNT(DISTINCT serial) FROM commissioned_unit WHERE work_order = ?", wo);
      // commissioned units that are not GOOD units of the order (commissioned for nothing)
      long strays = scalar(c, "SELECT COUNT(*) FROM commissioned_unit c WHERE c.work_order = ? AND NOT EXISTS"
          + " (SELECT 1 FROM work_order_unit u WHERE u.work_order_id = ? AND u.serial = c.serial"
          + " AND u.status = 'GOOD')", wo, id);
      // per commissioned unit: how many commissioning events name its EPC
      long withEvent = 0;
      long extraEvents = 0;
      long events = 0;
      try (PreparedStatement s = c.prepareStatement("SELECT (SELECT COUNT(*) FROM epcis_event_epc x JOIN epcis_event e"
          + " ON e.id = x.event_pk WHERE x.epc = c.epc AND e.biz_step LIKE '%commissioning') FROM commissioned_unit c"
          + " WHERE c.work_order = ?")) {
        s.setString(1, wo);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            long k = rs.getLong(1);
            events += k;
            withEvent += k > 0 ? 1 : 0;
            extraEvents += Math.max(0, k - 1);
          }
        }
      }
      List<Unit> units = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement("SELECT u.read_at, u.decided_at, e.record_time"
          + " FROM work_order_unit u JOIN commissioned_unit c ON c.serial = u.serial AND c.gtin = ? AND c.work_order = ?"
          + " JOIN epcis_event e ON e.event_id = c.event_id"
          + " WHERE u.work_order_id = ? AND u.status = 'GOOD' ORDER BY u.read_at")) {
        s.setString(1, GTIN);
        s.setString(2, wo);
        s.setLong(3, id);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            units.add(new Unit(rs.getObject(1, OffsetDateTime.class), rs.getObject(2, OffsetDateTime.class),
                rs.getObject(3, OffsetDateTime.class)));
          }
        }
      }
      // the units of the order that reached the repository: good, commissioned and with an event
      long delivered = Math.min(units.size(), withEvent);
      lost += Math.max(0, quantity - delivered);
      duplicated += extraEvents + (commissioned - distinctSerials) + strays + Math.max(0, good - quantity);
      goodTotal += good;
      commissionedTotal += commissioned;
      eventsTotal += events;
      if (units.size() > 1) {
        double span = millis(units.get(0).read(), units.get(units.size() - 1).read()) / 1000.0;
        perLineSum += (units.size() - 1) / span;
      }
      all.addAll(units);
      if (!units.isEmpty() && (allStarted == null || units.get(0).read().isAfter(allStarted))) {
        allStarted = units.get(0).read();
      }
    }
    double offered = lines * UNITS_PER_MINUTE / 60.0;
    double[] latency = all.stream().mapToDouble(u -> millis(u.read(), u.recorded())).toArray();
    double[] decided = all.stream().mapToDouble(u -> millis(u.read(), u.decided())).toArray();
    all.sort((a, b) -> a.read().compareTo(b.read()));
    double growth = 0;
    double drainDb = 0;
    if (all.size() >= 10) {
      int fifth = all.size() / 5;
      double first = Figures.percentile(all.subList(0, fifth).stream()
          .mapToDouble(u -> millis(u.read(), u.recorded())).toArray(), 50);
      double last = Figures.percentile(all.subList(all.size() - fifth, all.size()).stream()
          .mapToDouble(u -> millis(u.read(), u.recorded())).toArray(), 50);
      growth = last - first;
      OffsetDateTime lastRead = all.get(all.size() - 1).read();
      OffsetDateTime lastRecorded = all.stream().map(Unit::recorded).max(OffsetDateTime::compareTo).orElseThrow();
      drainDb = millis(lastRead, lastRecorded);
      Figures.progress("%d lines: %d orders, %d units good, %d commissioned, %d commissioning events; median"
          + " read-to-event %.1f ms in the first fifth of the reads, %.1f ms in the last; read-to-decision (line"
          + " bean committed) p50 %.1f ms, p99 %.1f ms; EPCIS idle at most %d ms after the last order completed"
          + " (online)",
          lines, orders.size(), goodTotal, commissionedTotal, eventsTotal, first, last,
          Figures.percentile(decided, 50), Figures.percentile(decided, 99), drainMs);
    }
    Figures.figure(n + "offered_units_per_s", offered, "units/s");
    Figures.figure(n + "units_per_s", perLineSum, "units/s");
    if (latency.length > 0) {
      Figures.figure(n + "read_to_event_p50_ms", Figures.percentile(latency, 50), "ms");
      Figures.figure(n + "read_to_event_p99_ms", Figures.percentile(latency, 99), "ms");
      Figures.figure(n + "read_to_event_max_ms", Figures.percentile(latency, 100), "ms");
      // the same from STEADY_AFTER_S seconds after the last order's first read on: without the start of the
      // level, when all its orders start within a few seconds (shown beside the p99, not instead of it)
      OffsetDateTime steadyFrom = allStarted == null ? OffsetDateTime.MAX : allStarted.plusSeconds(STEADY_AFTER_S);
      double[] steady = all.stream().filter(u -> !u.read().isBefore(steadyFrom))
          .mapToDouble(u -> millis(u.read(), u.recorded())).toArray();
      if (steady.length >= 100) {
        Figures.figure(n + "steady_read_to_event_p50_ms", Figures.percentile(steady, 50), "ms");
        Figures.figure(n + "steady_read_to_event_p99_ms", Figures.percentile(steady, 99), "ms");
        Figures.figure(n + "steady_units", steady.length, "units");
      }
    }
    Figures.figure(n + "backlog_growth_ms", growth, "ms");
    Figures.figure(n + "last_read_to_last_event_ms", drainDb, "ms");
    Figures.figure(n + "lost", lost, "units");
    Figures.figure(n + "duplicated", duplicated, "units");
    boolean sustained = failure == null && perLineSum >= SUSTAINED_SHARE * offered && growth <= MAX_GROWTH_MS
        && lost == 0 && duplicated == 0;
    Figures.progress("%d lines: %s%s", lines, sustained ? "sustained" : "NOT sustained",
        failure == null ? "" : " (" + failure + ")");
    return sustained;
  }

  private static double millis(OffsetDateTime from, OffsetDateTime to) {
    return Duration.between(from, to).toNanos() / 1e6;
  }

  private static long scalar(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
