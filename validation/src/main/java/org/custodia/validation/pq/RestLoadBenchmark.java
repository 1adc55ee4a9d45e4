package org.custodia.validation.pq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The REST session of serial-allocation and commission-rest: load through the real EAR on the
 * configured server, the way a line controller or an MES talks to it — HTTPS, Basic authentication
 * as user {@code qa}, one HTTP/1.1 connection per client. It creates a RANDOM NUMERIC length-12
 * pool for a fresh GTIN of the demo company, allocates ranges of 10,000 with 1 and 4 concurrent
 * clients (goal 1,000,000 serials/s), and, in phase {@code all}, commissions serials in batches of
 * 1,000 with 1, 2 and 4 clients (goal 2,000 units/s): 5 batches of warm-up from the allocated
 * serials, then 40 batches per level, each level on a fresh GTIN and pool of its own so that the
 * levels differ only in their number of clients, and a last level of 2 clients on the GTIN of the
 * 4-client level, which then already holds 40,000 units (the check for repeats must not slow down as
 * a GTIN accumulates units). Commissioning answers before its EPCIS event is
 * stored (the event travels over a JMS queue), so after each level the backlog is measured too: the
 * time until the event of the last answered batch can be read from the repository, and then every
 * other event of the level is checked stored.
 *
 * <p>Arguments: the application's base URL ({@code https://localhost:8443/custodia}) and the
 * phases, {@code allocation} or {@code all}. The server must be running;
 * validation/pq/rest-session.sh starts it.
 */
public final class RestLoadBenchmark {

  static final int RANGE = 10_000;
  static final int BATCH = 1_000;
  static final long ALLOCATION_GOAL_PER_S = 1_000_000;
  static final long COMMISSION_GOAL_PER_S = 2_000;
  static final int BATCHES_PER_LEVEL = 40;

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
  private static final Pattern EVENT_ID = Pattern.compile("\"eventId\"\\s*:\\s*\"([^\"]+)\"");
  private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(10);

  private final String base;
  private final Set<String> gtins = new HashSet<>();

  private RestLoadBenchmark(String base) {
    this.base = base;
  }

  public static void main(String[] args) throws Exception {
    String base = args.length > 0 ? args[0] : "https://localhost:8443/custodia";
    String phases = args.length > 1 ? args[1] : "all";
    if (phases.equals("capture")) {
      CaptureBenchmark.run(base, java.nio.file.Path.of(args.length > 2 ? args[2] : "target/pq-capture"));
      return;
    }
    if (phases.equals("query")) {
      QueryBenchmark.rest(base, java.nio.file.Path.of(System.getProperty("pq.data", "target/pq-data")));
      return;
    }
    if (!phases.equals("all") && !phases.equals("allocation")) {
      throw new IllegalArgumentException("phases must be \"all\", \"allocation\", \"capture\" or \"query\", was " + phases);
    }
    new RestLoadBenchmark(base).run(phases.equals("all"));
  }

  private void run(boolean commission) throws Exception {
    Client probe = new Client(null);
    int anonymous = probe.get(base + "/api/serialization/pools").statusCode();
    if (anonymous != 401) {
      throw new IllegalStateException("expected 401 without credentials, got " + anonymous);
    }
    Client qa = new Client("qa");
    String gtin = freshGtin();
    long pool = createPool(qa, gtin);
    System.out.println("REST session on " + base + ": GTIN " + gtin + ", pool " + pool);

    Figures.figure("serial_alloc_goal_per_s", ALLOCATION_GOAL_PER_S, "serials/s");
    List<String> serials = new ArrayList<>();
    allocate(pool, 1, 5, serials);
    Figures.progress("warm-up: 5 ranges allocated");
    reportAllocation("1_client", allocate(pool, 1, 20, serials));
    reportAllocation("4_clients", allocate(pool, 4, 32, serials));
    long duplicates = serials.size() - new HashSet<>(serials).size();
    Figures.figure("serial_alloc_rest_duplicates", duplicates, "serials");
    if (duplicates > 0) {
      throw new IllegalStateException(duplicates + " serials were handed out twice");
    }
    if (!commission) {
      return;
    }

    Figures.figure("commission_goal_units_per_s", COMMISSION_GOAL_PER_S, "units/s");
    drain(commission(1, gtin, batches(serials, 0, 5)));
    Figures.progress("warm-up: 5 batches commissioned and stored");
    String lastGtin = null;
    long lastPool = 0;
    int[] levels = {1, 2, 4, 2};
    for (int level = 0; level < levels.length; level++) {
      int clients = levels[level];
      // each level on a GTIN of its own, so the levels differ only in their number of clients; the last
      // level goes on with the previous level's GTIN, which already holds its units: the check for units
      // already commissioned must not slow down as a GTIN accumulates units
      boolean accumulated = level == levels.length - 1;
      String levelGtin = accumulated ? lastGtin : freshGtin();
      long levelPool = accumulated ? lastPool : createPool(qa, levelGtin);
      List<String> levelSerials = new ArrayList<>();
      allocate(levelPool, 1, BATCHES_PER_LEVEL * BATCH / RANGE, levelSerials);
      int count = BATCHES_PER_LEVEL;
      Load load = commission(clients, levelGtin, batches(levelSerials, 0, count));
      long drainNanos = drain(load);
      String label =
          (clients == 1 ? "1_client" : clients + "_clients")
              + (accumulated ? "_gtin_with_" + BATCHES_PER_LEVEL * BATCH + "_units" : "");
      lastGtin = levelGtin;
      lastPool = levelPool;
      double seconds = load.nanos / 1e9;
      long units = (long) count * BATCH;
      Figures.figure("commission_units_per_s_" + label, units / seconds, "units/s");
      Figures.figure("commission_batch_p50_ms_" + label, Figures.percentile(load.millis, 50), "ms");
      Figures.figure("commission_batch_p99_ms_" + label, Figures.percentile(load.millis, 99), "ms");
      Figures.figure("commission_backlog_drain_ms_" + label, drainNanos / 1e6, "ms");
      Figures.figure(
          "commission_units_per_s_incl_drain_" + label,
          units / (seconds + drainNanos / 1e9),
          "units/s");
    }
  }

  /** A GTIN of the demo company that no earlier part of this run used. */
  private String freshGtin() {
    String gtin = Figures.newGtin();
    while (!gtins.add(gtin)) {
      gtin = Figures.newGtin();
    }
    return gtin;
  }

  private long createPool(Client qa, String gtin) {
    String body =
        "{\"gtin\":\""
            + gtin
            + "\",\"charset\":\"NUMERIC\",\"length\":12,\"order\":\"RANDOM\",\"markets\":[\"EU\",\"US\"]}";
    HttpResponse<String> r = qa.post(base + "/api/serialization/pools", body);
    expect(r, 201);
    Matcher m = ID.matcher(r.body());
    if (!m.find()) {
      throw new IllegalStateException("no pool id in " + r.body());
    }
    return Long.parseLong(m.group(1));
  }

  /** Requests timed by the clients: per-request latency and the wall time of the whole load. */
  record Load(long nanos, double[] millis, List<Answer> answers) {}

  /** One answer, with the moment it arrived (for finding the last one answered). */
  record Answer(String value, long arrived) {}

  /** One request of a load: sends it with its client's connection and returns what to keep. */
  interface Call {
    String send(Client client, int index);
  }

  /**
   * {@code clients} threads, each with its own HTTP client, take the {@code requests} requests from
   * a shared counter, so a slow client never leaves the others idle at the end.
   */
  private Load load(int clients, int requests, Call call) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(clients);
    AtomicInteger counter = new AtomicInteger();
    double[] millis = new double[requests];
    Answer[] answers = new Answer[requests];
    CountDownLatch ready = new CountDownLatch(clients);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        Client client = new Client("qa");
        work.add(
            threads.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  for (int i = counter.getAndIncrement();
                      i < requests;
                      i = counter.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    String value = call.send(client, i);
                    long t1 = System.nanoTime();
                    millis[i] = (t1 - t0) / 1e6;
                    answers[i] = new Answer(value, t1);
                  }
                  return null;
                }));
      }
      ready.await();
      long start = System.nanoTime();
      go.countDown();
      for (Future<?> f : work) {
        f.get();
      }
      return new Load(System.nanoTime() - start, millis, List.of(answers));
    } finally {
      threads.shutdown();
    }
  }

  private Load allocate(long pool, int clients, int ranges, List<String> into) throws Exception {
    String url = base + "/api/serialization/pools/" + pool + "/allocations";
    String body = "{\"count\":" + RANGE + "}";
    List<List<String>> got = new ArrayList<>();
    for (int i = 0; i < ranges; i++) {
      got.add(null);
    }
    Load load =
        load(
            clients,
            ranges,
            (client, i) -> {
              HttpResponse<String> r = client.post(url, body);
              expect(r, 200);
              List<String> serials = serials(r.body());
              if (serials.size() != RANGE) {
                throw new IllegalStateException("asked for " + RANGE + ", got " + serials.size());
              }
              synchronized (got) {
                got.set(i, serials);
              }
              return null;
            });
    for (List<String> s : got) {
      into.addAll(s);
    }
    return load;
  }

  private static void reportAllocation(String label, Load load) {
    long serials = (long) load.millis.length * RANGE;
    Figures.figure("serial_alloc_rest_per_s_" + label, serials * 1e9 / load.nanos, "serials/s");
    Figures.figure(
        "serial_alloc_rest_range_p50_ms_" + label, Figures.percentile(load.millis, 50), "ms");
    Figures.figure(
        "serial_alloc_rest_range_p99_ms_" + label, Figures.percentile(load.millis, 99), "ms");
  }

  private static List<List<String>> batches(List<String> serials, int from, int count) {
    if (from + count * BATCH > serials.size()) {
      throw new IllegalStateException("not enough serials allocated for " + count + " batches");
    }
    List<List<String>> batches = new ArrayList<>(count);
    for (int b = 0; b < count; b++) {
      batches.add(serials.subList(from + b * BATCH, from + (b + 1) * BATCH));
    }
    return batches;
  }

  private Load commission(int clients, String gtin, List<List<String>> batches) throws Exception {
    String url = base + "/api/serialization/commissions";
    String lot =
        "PQ" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
    return load(
        clients,
        batches.size(),
        (client, i) -> {
          StringBuilder body =
              new StringBuilder(BATCH * 16 + 100)
                  .append("{\"gtin\":\"")
                  .append(gtin)
                  .append("\",\"lot\":\"")
                  .append(lot)
                  .append("\",\"expiry\":\"281231\",\"serials\":[");
          List<String> batch = batches.get(i);
          for (int k = 0; k < batch.size(); k++) {
            body.append(k == 0 ? "\"" : ",\"").append(batch.get(k)).append('"');
          }
          body.append("]}");
          HttpResponse<String> r = client.post(url, body.toString());
          expect(r, 201);
          Matcher m = EVENT_ID.matcher(r.body());
          if (!m.find()) {
            throw new IllegalStateException("no eventId in the answer to batch " + i);
          }
          return m.group(1);
        });
  }

  /**
   * Waits until the event of the batch answered last is in the repository and returns how long that
   * took after the load ended; then checks that every other event of the load is stored as well.
   */
  private long drain(Load load) throws InterruptedException {
    Client qa = new Client("qa");
    Answer last = load.answers.get(0);
    for (Answer a : load.answers) {
      if (a.arrived > last.arrived) {
        last = a;
      }
    }
    long ended = last.arrived;
    awaitStored(qa, last.value);
    long drained = System.nanoTime() - ended;
    int late = 0;
    for (Answer a : load.answers) {
      if (!stored(qa, a.value)) {
        late++;
        awaitStored(qa, a.value);
      }
    }
    if (late > 0) {
      Figures.progress("%d events were stored after the last batch's event", late);
    }
    return drained;
  }

  private void awaitStored(Client qa, String eventId) throws InterruptedException {
    long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
    while (!stored(qa, eventId)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("event " + eventId + " not stored after " + DRAIN_TIMEOUT);
      }
      Thread.sleep(20);
    }
  }

  private boolean stored(Client qa, String eventId) {
    String url = base + "/api/epcis/events/" + URLEncoder.encode(eventId, StandardCharsets.UTF_8);
    return qa.get(url).statusCode() == 200;
  }

  /** The serials of an allocation answer; they are NUMERIC, so no JSON escapes can occur. */
  static List<String> serials(String json) {
    int at = json.indexOf("\"serials\"");
    int open = json.indexOf('[', at);
    int close = json.indexOf(']', open);
    if (at < 0 || open < 0 || close < 0) {
      throw new IllegalStateException("no serials in the answer");
    }
    List<String> serials = new ArrayList<>(RANGE);
    int i = json.indexOf('"', open);
    while (i >= 0 && i < close) {
      int end = json.indexOf('"', i + 1);
      serials.add(json.substring(i + 1, end));
      i = json.indexOf('"', end + 1);
    }
    return serials;
  }

  private static void expect(HttpResponse<String> r, int status) {
    if (r.statusCode() != status) {
      String body = r.body();
      throw new IllegalStateException(
          r.request().method()
              + " "
              + r.uri()
              + " answered "
              + r.statusCode()
              + ": "
              + (body.length() > 500 ? body.substring(0, 500) : body));
    }
  }

  /**
   * One client: its own HTTP/1.1 connection, Basic credentials of a demo user, and trust in the
   * server's self-signed certificate (the embedded default generates it on the first TLS
   * handshake).
   */
  static final class Client {
    private static final SSLContext TRUST_ALL = trustAll();

    private final HttpClient http;
    private final String authorization;

    Client(String user) {
      http =
          HttpClient.newBuilder()
              // pq.http.version: HTTP_1_1 (default) or HTTP_2 (negotiated by ALPN over TLS)
              .version(HttpClient.Version.valueOf(System.getProperty("pq.http.version", "HTTP_1_1")))
              .sslContext(TRUST_ALL)
              .connectTimeout(Duration.ofSeconds(10))
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
      authorization =
          user == null
              ? null
              : "Basic "
                  + Base64.getEncoder()
                      .encodeToString((user + ":demo-" + user).getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String url) {
      return send(request(url).GET().build());
    }

    HttpResponse<String> post(String url, String json) {
      return send(
          request(url)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(json))
              .build());
    }

    private HttpRequest.Builder request(String url) {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2));
      if (authorization != null) {
        b.header("Authorization", authorization);
      }
      return b;
    }

    private HttpResponse<String> send(HttpRequest request) {
      try {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    /** An HTTP client that trusts the test server's self-signed certificate. */
    static HttpClient trustingClient() {
      return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(TRUST_ALL)
          .connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static SSLContext trustAll() {
      // the test server's certificate is self-signed and made for localhost: trust it, still check
      // the name
      TrustManager trustAll =
          new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public X509Certificate[] getAcceptedIssuers() {
              return new X509Certificate[0];
            }
          };
      try {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trustAll}, new SecureRandom());
        return context;
      } catch (Exception e) {
        throw new IllegalStateException("cannot set up TLS", e);
      }
    }
  }
}
