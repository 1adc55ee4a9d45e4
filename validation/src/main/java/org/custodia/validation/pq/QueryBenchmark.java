package org.custodia.validation.pq;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodia.epcis.application.EventQueryParameters;
import org.custodia.epcis.domain.EventQuery;
import org.custodia.epcis.infrastructure.persistence.JdbcEventQuery;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * EPCIS query latency at scale (issue 3, EPC-2) on the data set of {@link EventDataSet}: three query
 * families — one unit's history ({@code MATCH_epc}), shipping events in a one-hour window ({@code
 * EQ_bizStep} with {@code GE_eventTime}/{@code LT_eventTime}, one page) and a pallet's history ({@code
 * MATCH_anyEPC} on its SSCC), and as the floor of the path an {@code EQ_eventID} no event has — each
 * with a warm-up, then measured with 1 and with 4 concurrent clients;
 * every answer is checked against what the generator recorded (a unit's history has its expected number
 * of events and holds its commissioning event; a pallet's has its four; the window's events are shipping
 * events inside the window), and the run fails on a wrong answer.
 *
 * <p>Mode {@code rest}: over HTTPS against {@code GET /custodia/api/epcis/events} of the running server
 * (REST → EventQueryService → JdbcEventQuery), as user {@code qa}, one connection per client. Mode
 * {@code direct} (the peer): {@link JdbcEventQuery} in this JVM on the same H2 file, opened with the
 * server's URL settings before the server holds it; it also counts the stored events.
 */
final class QueryBenchmark {

  static final double GOAL_P99_MS = 20;
  static final int WARM_UP = Integer.getInteger("pq.query.warmup", 200);
  static final int MEASURED = Integer.getInteger("pq.query.requests", 1_000);
  static final int PER_PAGE = 30;

  private static final Pattern EVENT_ID = Pattern.compile("\"eventID\":\"([^\"]+)\"");
  private static final Pattern EVENT_TIME = Pattern.compile("\"eventTime\":\"([^\"]+)\"");
  private static final String SHIPPING = "\"bizStep\":\"shipping\"";

  /** One query of a family: its parameters and the check of its answer (the events' JSON, one page). */
  record Query(Map<String, String> params, Function<List<String>, String> check) {}

  private final List<String[]> units = new ArrayList<>();
  private final List<String[]> pallets = new ArrayList<>();
  private final Instant windowFrom;
  private final Instant windowTo;

  private QueryBenchmark(Path data) throws Exception {
    for (String line : Files.readAllLines(data.resolve("samples.txt"))) {
      String[] f = line.split(" ");
      (f[0].equals("unit") ? units : pallets).add(f);
    }
    Properties p = new Properties();
    try (var in = Files.newBufferedReader(data.resolve("dataset.properties"))) {
      p.load(in);
    }
    // windows where the set is dense: from three days after its start to two hours before its end
    windowFrom = OffsetDateTime.parse(p.getProperty("first")).toInstant().plusSeconds(3 * 86_400);
    windowTo = OffsetDateTime.parse(p.getProperty("last")).toInstant().minusSeconds(7_200);
    if (units.isEmpty() || pallets.isEmpty() || !windowFrom.isBefore(windowTo)) {
      throw new IllegalStateException("the data set in " + data + " is too small for the benchmark");
    }
    Figures.progress("samples: %d units, %d pallets; windows between %s and %s", units.size(), pallets.size(),
        windowFrom, windowTo);
  }

  /** A random query of {@code family}. */
  Query next(String family, Random r) {
    switch (family) {
      case "match_epc" -> {
        String[] u = units.get(r.nextInt(units.size()));
        int expected = Integer.parseInt(u[2]);
        return new Query(Map.of("MATCH_epc", u[1]), events -> {
          if (events.size() != expected) {
            return "MATCH_epc=" + u[1] + " gave " + events.size() + " events, expected " + expected;
          }
          if (events.stream().noneMatch(e -> e.contains("\"eventID\":\"" + u[3] + "\""))) {
            return "MATCH_epc=" + u[1] + " lacks its commissioning event " + u[3];
          }
          return null;
        });
      }
      case "match_anyepc_pallet" -> {
        String[] p = pallets.get(r.nextInt(pallets.size()));
        int expected = Integer.parseInt(p[2]);
        return new Query(Map.of("MATCH_anyEPC", p[1]), events -> {
          if (events.size() != expected || events.stream().anyMatch(e -> !e.contains("\"" + p[1] + "\""))) {
            return "MATCH_anyEPC=" + p[1] + " gave " + events.size() + " events (expected " + expected
                + ", each naming the pallet)";
          }
          return null;
        });
      }
      case "bizstep_window" -> {
        long span = windowTo.getEpochSecond() - windowFrom.getEpochSecond();
        Instant from = windowFrom.plusSeconds((long) (r.nextDouble() * span));
        Instant to = from.plusSeconds(3_600);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("EQ_bizStep", "shipping");
        params.put("GE_eventTime", DateTimeFormatter.ISO_INSTANT.format(from));
        params.put("LT_eventTime", DateTimeFormatter.ISO_INSTANT.format(to));
        return new Query(params, events -> {
          if (events.isEmpty() || events.size() > PER_PAGE) {
            return "EQ_bizStep=shipping in [" + from + ", " + to + ") gave " + events.size() + " events";
          }
          for (String e : events) {
            Matcher m = EVENT_TIME.matcher(e);
            Instant t = m.find() ? OffsetDateTime.parse(m.group(1)).toInstant() : null;
            if (!e.contains(SHIPPING) || t == null || t.isBefore(from) || !t.isBefore(to)) {
              return "EQ_bizStep=shipping in [" + from + ", " + to + ") gave an event outside: " + e;
            }
          }
          return null;
        });
      }
      case "absent_event_id" -> {
        // the floor: the whole path for a query that one index look-up answers with nothing
        String id = "urn:uuid:00000000-0000-4000-8000-" + String.format("%012d", r.nextInt(1_000_000));
        return new Query(Map.of("EQ_eventID", id),
            events -> events.isEmpty() ? null : "EQ_eventID=" + id + " gave " + events.size() + " events");
      }
      default -> throw new IllegalArgumentException(family);
    }
  }

  static final String[] FAMILIES = {"match_epc", "bizstep_window", "match_anyepc_pallet", "absent_event_id"};

  /** Something that answers a query with the events of its first page. */
  interface Target {
    List<String> answer(Map<String, String> params) throws Exception;
  }

  /** Runs {@code requests} queries of {@code family} on {@code clients} threads; returns each one's ms. */
  private double[] measure(String family, int clients, int requests, Function<Integer, Target> targets, long seed)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<double[]>> parts = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int client = c;
        int n = requests / clients;
        parts.add(pool.submit(() -> {
          Target target = targets.apply(client);
          Random r = new Random(seed * 31 + client);
          double[] ms = new double[n];
          for (int i = 0; i < n; i++) {
            Query q = next(family, r);
            long start = System.nanoTime();
            List<String> events = target.answer(q.params());
            ms[i] = (System.nanoTime() - start) / 1e6;
            String wrong = q.check().apply(events);
            if (wrong != null) {
              throw new IllegalStateException("wrong answer: " + wrong);
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
      return all.stream().mapToDouble(Double::doubleValue).toArray();
    } finally {
      pool.shutdownNow();
    }
  }

  private void run(String prefix, String unit, Function<Integer, Target> targets) throws Exception {
    for (String family : FAMILIES) {
      measure(family, 1, WARM_UP, targets, 1);
      Figures.progress("%s: %d queries of warm-up", family, WARM_UP);
      for (int clients : new int[] {1, 4}) {
        long start = System.nanoTime();
        double[] ms = measure(family, clients, MEASURED * (clients == 1 ? 1 : 2), targets, 7 + clients);
        double seconds = (System.nanoTime() - start) / 1e9;
        String level = clients + "_" + unit + (clients == 1 ? "" : "s");
        Figures.figure(prefix + family + "_p50_ms_" + level, Figures.percentile(ms, 50), "ms");
        Figures.figure(prefix + family + "_p99_ms_" + level, Figures.percentile(ms, 99), "ms");
        Figures.figure(prefix + family + "_per_s_" + level, ms.length / seconds, "queries/s");
      }
    }
  }

  /** The events of one page of a REST answer (an EPCISQueryDocument), each as its JSON text. */
  static List<String> events(String body) {
    List<String> out = new ArrayList<>();
    Matcher m = EVENT_ID.matcher(body);
    int start = -1;
    while (m.find()) {
      if (start >= 0) {
        out.add(body.substring(start, m.start()));
      }
      start = m.start();
    }
    if (start >= 0) {
      out.add(body.substring(start));
    }
    return out;
  }

  static void rest(String base, Path data) throws Exception {
    QueryBenchmark b = new QueryBenchmark(data);
    Figures.figure("query_goal_p99_ms", GOAL_P99_MS, "ms");
    b.run("query_", "client", client -> {
      RestLoadBenchmark.Client http = new RestLoadBenchmark.Client("qa");
      return params -> {
        StringBuilder url = new StringBuilder(base).append("/api/epcis/events");
        char sep = '?';
        for (Map.Entry<String, String> p : params.entrySet()) {
          url.append(sep).append(p.getKey()).append('=').append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
          sep = '&';
        }
        HttpResponse<String> r = http.get(url.toString());
        if (r.statusCode() != 200) {
          throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return events(r.body());
      };
    });
  }

  static void direct(Path db, Path data) throws Exception {
    QueryBenchmark b = new QueryBenchmark(data);
    JdbcConnectionPool pool =
        JdbcConnectionPool.create("jdbc:h2:" + db.toAbsolutePath() + EventDataSet.URL_OPTIONS, "sa", "sa");
    pool.setMaxConnections(8);
    try (Connection keepOpen = pool.getConnection()) {
      try (Statement s = keepOpen.createStatement();
          ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM epcis_event")) {
        rs.next();
        Figures.figure("query_dataset_events", rs.getLong(1), "events");
      }
      JdbcEventQuery query = new JdbcEventQuery(pool);
      b.run("query_direct_", "thread", thread -> params -> {
        Map<String, List<String>> asLists = new LinkedHashMap<>();
        params.forEach((k, v) -> asLists.put(k, List.of(v)));
        EventQuery q = EventQueryParameters.parse(asLists);
        List<String> events = new ArrayList<>();
        for (JdbcEventQuery.Row row : query.find(q, q.perPage() + 1)) {
          if (events.size() < q.perPage()) {
            events.add(row.document());
          }
        }
        return events;
      });
    } finally {
      pool.dispose();
    }
  }

  /** {@code direct <database file without .mv.db> <data set dir>}; the rest mode runs from RestLoadBenchmark. */
  public static void main(String[] args) throws Exception {
    if (args.length != 3 || !args[0].equals("direct")) {
      throw new IllegalArgumentException("usage: QueryBenchmark direct <database> <data set directory>");
    }
    direct(Path.of(args[1]), Path.of(args[2]));
  }
}
