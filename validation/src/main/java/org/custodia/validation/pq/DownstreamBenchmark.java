package org.custodia.validation.pq;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.custodia.platform.Jsonp;

/**
 * The downstream benchmarks of issue 5, over REST against the server started on the {@link
 * DownstreamDataSet} (see {@code rest-session.sh downstream}), each answer checked against the samples the
 * generator recorded: a wrong answer is counted, printed, and fails the run.
 *
 * <ul>
 *   <li>{@code GET /api/trace/{epc}}: a sampled unit's trace, its history of the expected length and its
 *       status; 1 and 4 clients. Goal: p99 under 20 ms.
 *   <li>{@code GET /api/trace/{sscc}/contents}: a pallet of 12,000 units (60 cases of 200), every object
 *       in it. Goal: under 100 ms.
 *   <li>{@code GET /api/recalls/scope?gtin=…&lot=…}: the scope of the 100,000-unit lot, grouped by location
 *       (50), as a recall gathers it. Goal: under 2 s.
 *   <li>{@code GET /api/vrs/verify/gtin/…/lot/…/ser/…?exp=…&reqGLN=…&corrUUID=…&context=dscsaSaleableReturn}
 *       from {@code pq.downstream.vrs.clients} (default 8) concurrent clients: mostly units in stock (verified),
 *       some dispensed (not verified, decommissioned) and some presented with a wrong lot; each unit always
 *       by the same requester (9506000000022 or 9506000000039), as one unit is in one partner's hands.
 *       Goals: at least 2,000 requests/s and p99 under 50 ms.
 * </ul>
 *
 * <p>Each is measured after a warm-up of {@code pq.downstream.warmup.seconds} (default 30) on the same
 * clients; the pallet 200 times ({@code pq.downstream.pallet.requests}), so that its p99 is not its slowest.
 */
public final class DownstreamBenchmark {

  static final double HISTORY_GOAL_P99_MS = 20;
  static final double PALLET_GOAL_MS = 100;
  static final double SCOPE_GOAL_MS = 2_000;
  static final double VRS_GOAL_PER_S = 2_000;
  static final double VRS_GOAL_P99_MS = 50;
  private static final String[] REQUESTERS = {"9506000000022", "9506000000039"};
  private static final Set<String> NOT_VERIFIED =
      Set.of("decommissioned", "destroyed", "dispensed", "partially_dispensed", "disposed", "retail_sold", "stolen",
          "inactive", "recalled", "withdrawn", "expired");

  /** A sampled unit: EPC, history length, GTIN, serial, lot, expiry (YYMMDD), status. */
  record Unit(String epc, int history, String gtin, String serial, String lot, String exp, String status) {}

  private final String base;
  private final List<Unit> units = new ArrayList<>();
  private final List<String[]> pallets = new ArrayList<>();
  private String[] lot;
  private final Map<String, Integer> lotLocations = new HashMap<>();
  private final AtomicLong wrong = new AtomicLong();
  private volatile boolean palletSizeShown;

  DownstreamBenchmark(String base, Path data) throws Exception {
    this.base = base;
    for (String line : Files.readAllLines(data.resolve("samples.txt"))) {
      String[] f = line.split(" ");
      switch (f[0]) {
        case "unit" -> units.add(new Unit(f[1], Integer.parseInt(f[2]), f[3], f[4], f[5], f[6], f[7]));
        case "pallet" -> pallets.add(f);
        case "lot" -> lot = f;
        case "lotloc" -> lotLocations.put(f[1], Integer.parseInt(f[2]));
        default -> throw new IllegalStateException("unknown sample line: " + line);
      }
    }
    if (units.isEmpty() || pallets.isEmpty() || lot == null) {
      throw new IllegalStateException("the samples in " + data + " lack units, a big pallet or the big lot");
    }
    Figures.progress("samples: %d units, %d pallets of %s objects, lot %s of %s units over %d locations",
        units.size(), pallets.size(), pallets.get(0)[2], lot[2], lot[3], lotLocations.size());
  }

  /** One request and the check of its answer: null when right, else what is wrong. */
  interface Call {
    String run(RestLoadBenchmark.Client http, Random r, Timer timer);
  }

  /** Times the request alone (not the check of its answer, which parses it on the client). */
  static final class Timer {
    double ms;

    HttpResponse<String> get(RestLoadBenchmark.Client http, String url) {
      long t = System.nanoTime();
      HttpResponse<String> r = http.get(url);
      ms = (System.nanoTime() - t) / 1e6;
      return r;
    }
  }

  private static JsonObject json(HttpResponse<String> r) {
    return Jsonp.JSON.createReader(new StringReader(r.body())).readObject();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private String history(RestLoadBenchmark.Client http, Random r, Timer timer) {
    Unit u = units.get(r.nextInt(units.size()));
    HttpResponse<String> a = timer.get(http, base + "/api/trace/" + enc(u.epc()));
    if (a.statusCode() != 200) {
      return "trace of " + u.epc() + " answered " + a.statusCode() + ": " + a.body();
    }
    JsonObject o = json(a);
    int events = o.getJsonArray("history").size();
    if (events != u.history() || o.getBoolean("historyTruncated") || !u.status().equals(o.getString("status", null))
        || !u.epc().equals(o.getString("epc", null))) {
      return "trace of " + u.epc() + ": " + events + " events (expected " + u.history() + "), status "
          + o.getString("status", null) + " (expected " + u.status() + ")";
    }
    return null;
  }

  private String pallet(RestLoadBenchmark.Client http, Random r, Timer timer) {
    String[] p = pallets.get(r.nextInt(pallets.size()));
    HttpResponse<String> a = timer.get(http, base + "/api/trace/" + enc(p[1]) + "/contents");
    if (a.statusCode() != 200) {
      return "contents of " + p[1] + " answered " + a.statusCode() + ": " + a.body();
    }
    if (!palletSizeShown) {
      palletSizeShown = true;
      Figures.progress("pallet contents answer: %,d characters of JSON", a.body().length());
    }
    long expected = Long.parseLong(p[2]);
    // every object inside has the pallet as its outermost container
    Contents c = Contents.of(a.body(), p[1]);
    if (c.count() != expected || c.descendants() != expected || c.inside() != expected) {
      return "contents of " + p[1] + ": count " + c.count() + ", " + c.descendants()
          + " descendants of which " + c.inside() + " with the pallet as outermost container (expected " + expected + ")";
    }
    return null;
  }

  /**
   * What the check of a contents answer needs of it, read as a stream: its {@code count}, how many objects
   * its {@code descendants} list, and how many of those name {@code top} as their {@code topParent}. Not
   * read into a tree: the answer of a 12,000-unit pallet is 7 MB, and its tree made this load generator
   * collect garbage every 0.3 s, pauses of 12 – 59 ms that fell into the times it measured
   * (validation/pq/README.md, downstream, seventeenth session).
   */
  record Contents(long count, long descendants, long inside) {

    static Contents of(String answer, String top) {
      long count = -1;
      long descendants = 0;
      long inside = 0;
      // depth 1: the answer's members; 2: the elements of its arrays; 3: the members of those
      int depth = 0;
      String member = null;
      String key = null;
      try (JsonParser p = Jsonp.JSON.createParser(new StringReader(answer))) {
        while (p.hasNext()) {
          JsonParser.Event e = p.next();
          switch (e) {
            case START_OBJECT, START_ARRAY -> {
              depth++;
              if (e == JsonParser.Event.START_OBJECT && depth == 3 && "descendants".equals(member)) {
                descendants++;
              }
            }
            case END_OBJECT, END_ARRAY -> depth--;
            case KEY_NAME -> {
              key = p.getString();
              if (depth == 1) {
                member = key;
              }
            }
            case VALUE_NUMBER -> {
              if (depth == 1 && "count".equals(key)) {
                count = p.getLong();
              }
            }
            case VALUE_STRING -> {
              if (depth == 3 && "descendants".equals(member) && "topParent".equals(key) && top.equals(p.getString())) {
                inside++;
              }
            }
            default -> {
              // the tree of children and the other members: not checked here
            }
          }
        }
      }
      return new Contents(count, descendants, inside);
    }
  }

  private String scope(RestLoadBenchmark.Client http, Random r, Timer timer) {
    HttpResponse<String> a = timer.get(http, base + "/api/recalls/scope?gtin=" + lot[1] + "&lot=" + enc(lot[2]));
    if (a.statusCode() != 200) {
      return "recall scope of lot " + lot[2] + " answered " + a.statusCode() + ": " + a.body();
    }
    JsonObject o = json(a);
    JsonArray groups = o.getJsonArray("byLocation");
    Map<String, Integer> got = new HashMap<>();
    for (JsonValue g : groups) {
      JsonObject x = g.asJsonObject();
      got.put(x.isNull("location") ? null : x.getString("location"), x.getInt("count"));
    }
    if (o.getInt("units") != Integer.parseInt(lot[3]) || !got.equals(lotLocations)) {
      return "recall scope of lot " + lot[2] + ": " + o.getInt("units") + " units in " + groups.size()
          + " groups (expected " + lot[3] + " in " + lotLocations.size() + ": " + lotLocations + "), got " + got;
    }
    return null;
  }

  private String verify(RestLoadBenchmark.Client http, Random r, Timer timer) {
    // 90 % units in stock, 5 % dispensed ones, 5 % presented with a wrong lot
    int kind = r.nextInt(100);
    Unit u;
    do {
      u = units.get(r.nextInt(units.size()));
    } while ((kind < 95) == NOT_VERIFIED.contains(u.status()));
    boolean wrongLot = kind >= 95;
    String lotShown = wrongLot ? u.lot() + "X" : u.lot();
    String requester = REQUESTERS[Math.floorMod(u.serial().hashCode(), REQUESTERS.length)];
    HttpResponse<String> a = timer.get(http, base + "/api/vrs/verify/gtin/" + u.gtin() + "/lot/" + enc(lotShown) + "/ser/"
        + enc(u.serial()) + "?exp=" + u.exp() + "&reqGLN=" + requester + "&corrUUID=" + UUID.randomUUID()
        + "&context=dscsaSaleableReturn");
    if (a.statusCode() != 200) {
      return "verify " + u.serial() + " answered " + a.statusCode() + ": " + a.body();
    }
    JsonObject data = json(a).getJsonObject("data");
    boolean expected = !wrongLot && !NOT_VERIFIED.contains(u.status());
    if (data.getBoolean("verified") != expected
        || wrongLot && !"No_match_GTIN_Serial_Lot".equals(data.getString("verificationFailureReason", null))) {
      return "verify " + u.gtin() + " " + u.serial() + " lot " + lotShown + " (" + u.status() + "): " + data
          + ", expected verified=" + expected;
    }
    return null;
  }

  /** Runs {@code requests} calls on {@code clients} threads; returns each call's ms and the wall time (last). */
  private double[] measure(Call call, int clients, int requests, long seed) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<double[]>> parts = new ArrayList<>();
      long start = System.nanoTime();
      for (int c = 0; c < clients; c++) {
        int n = requests / clients;
        long s = seed * 31 + c;
        parts.add(pool.submit(() -> {
          RestLoadBenchmark.Client http = new RestLoadBenchmark.Client(user);
          Random r = new Random(s);
          double[] ms = new double[n];
          Timer timer = new Timer();
          for (int i = 0; i < n; i++) {
            String problem = call.run(http, r, timer);
            ms[i] = timer.ms;
            if (problem != null && wrong.incrementAndGet() <= 20) {
              System.out.println("  WRONG ANSWER: " + problem);
            }
          }
          return ms;
        }));
      }
      List<Double> all = new ArrayList<>();
      for (Future<double[]> f : parts) {
        for (double d : f.get()) {
          all.add(d);
        }
      }
      double wall = (System.nanoTime() - start) / 1e6;
      double[] out = new double[all.size() + 1];
      for (int i = 0; i < all.size(); i++) {
        out[i] = all.get(i);
      }
      out[all.size()] = wall;
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Runs the call on {@code clients} clients for {@code pq.downstream.warmup.seconds} (default 30) before a
   * benchmark measures it: the figures are of the steady state, after the JIT has compiled the path and the
   * server's start-up work (the line simulator building its address space, H2 filling its page cache) is done.
   */
  private void warmUp(String what, Call call, int clients, long seed) throws Exception {
    long seconds = Long.getLong("pq.downstream.warmup.seconds", 30);
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    int requests = 0;
    for (long s = seed * 1_000; System.nanoTime() < deadline; s++) {
      requests += measure(call, clients, clients * 10, s).length - 1;
    }
    Figures.progress("%s: %d requests of warm-up in %d s on %d client(s)", what, requests, seconds, clients);
  }

  /** p50, p99 (and rate) of one level; returns the p99. */
  private double level(String name, Call call, int clients, int requests, long seed, boolean rate) throws Exception {
    CpuSample before = CpuSample.now(LineThroughputBenchmark.SERVER_PID_FILE);
    long clientBefore = CpuSample.processMs(ProcessHandle.current().pid());
    double[] m = measure(call, clients, requests, seed);
    CpuSample after = CpuSample.now(LineThroughputBenchmark.SERVER_PID_FILE);
    long clientMs = CpuSample.processMs(ProcessHandle.current().pid()) - clientBefore;
    double[] ms = java.util.Arrays.copyOf(m, m.length - 1);
    String suffix = clients + "_client" + (clients == 1 ? "" : "s");
    Figures.figure(name + "_p50_ms_" + suffix, Figures.percentile(ms, 50), "ms");
    double p99 = Figures.percentile(ms, 99);
    Figures.figure(name + "_p99_ms_" + suffix, p99, "ms");
    if (rate) {
      Figures.figure(name + "_per_s_" + suffix, ms.length / (m[m.length - 1] / 1000), "requests/s");
    }
    // the CPU the level cost the server and this load generator (the same two cores), per request
    long serverMs = after.processMsSince(before);
    if (serverMs >= 0) {
      Figures.figure(name + "_server_cpu_ms_per_request_" + suffix, (double) serverMs / ms.length, "ms");
    }
    if (clientBefore >= 0 && clientMs >= 0) {
      Figures.figure(name + "_client_cpu_ms_per_request_" + suffix, (double) clientMs / ms.length, "ms");
    }
    Figures.figure(name + "_machine_busy_pct_" + suffix, after.machineBusyPercentSince(before), "%");
    return p99;
  }

  void run() throws Exception {
    Map<String, Call> calls = Map.of(
        "history", this::history, "pallet", this::pallet, "scope", this::scope, "vrs", this::verify);
    Figures.figure("downstream_history_goal_p99_ms", HISTORY_GOAL_P99_MS, "ms");
    Figures.figure("downstream_pallet_goal_ms", PALLET_GOAL_MS, "ms");
    Figures.figure("downstream_scope_goal_ms", SCOPE_GOAL_MS, "ms");
    Figures.figure("downstream_vrs_goal_per_s", VRS_GOAL_PER_S, "requests/s");
    Figures.figure("downstream_vrs_goal_p99_ms", VRS_GOAL_P99_MS, "ms");
    int historyRequests = Integer.getInteger("pq.downstream.history.requests", 1_000);
    // pq.downstream.only: the benchmarks to run (comma-separated; all by default)
    Set<String> all = Set.of("history", "pallet", "scope", "vrs");
    Set<String> only = Set.of(System.getProperty("pq.downstream.only", String.join(",", all)).split(","));
    if (!all.containsAll(only)) {
      throw new IllegalArgumentException("pq.downstream.only names " + only + "; the benchmarks are " + all);
    }
    measureAs("qa", () -> {
      if (!only.contains("history")) {
        return;
      }
      warmUp("history", calls.get("history"), 1, 1);
      level("downstream_history", calls.get("history"), 1, historyRequests, 2, true);
      level("downstream_history", calls.get("history"), 4, historyRequests * 2, 3, true);
    });
    measureAs("qa", () -> {
      if (!only.contains("pallet")) {
        return;
      }
      warmUp("pallet", calls.get("pallet"), 1, 4);
      level("downstream_pallet", calls.get("pallet"), 1, Integer.getInteger("pq.downstream.pallet.requests", 200), 5,
          false);
    });
    measureAs("qa", () -> {
      if (!only.contains("scope")) {
        return;
      }
      warmUp("recall scope", calls.get("scope"), 1, 6);
      level("downstream_scope", calls.get("scope"), 1, Integer.getInteger("pq.downstream.scope.requests", 10), 7,
          false);
    });
    measureAs("supply", () -> {
      if (!only.contains("vrs")) {
        return;
      }
      int clients = Integer.getInteger("pq.downstream.vrs.clients", 8);
      int requests = Integer.getInteger("pq.downstream.vrs.requests", 20_000);
      warmUp("vrs", calls.get("vrs"), clients, 8);
      level("downstream_vrs", calls.get("vrs"), 1, requests / 10, 9, true);
      level("downstream_vrs", calls.get("vrs"), clients, requests, 10, true);
    });
    Figures.figure("downstream_wrong_answers", wrong.get(), "answers");
    if (wrong.get() > 0) {
      throw new IllegalStateException(wrong.get() + " wrong answers (the first 20 printed above)");
    }
  }

  /** The demo user the clients authenticate as (each client thread has its own connection). */
  private volatile String user = "qa";

  /** Work whose clients authenticate as {@code as}. */
  private void measureAs(String as, Work work) throws Exception {
    user = as;
    work.run();
  }

  interface Work {
    void run() throws Exception;
  }

  /** {@code <base URL> <data set directory>}. */
  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: DownstreamBenchmark <base URL> <data set directory>");
    }
    new DownstreamBenchmark(args[0], Path.of(args[1])).run();
  }
}
