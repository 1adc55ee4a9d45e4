package org.custodia.validation.pq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.custodia.gs1.Gtin;
import org.custodia.gs1.persistence.GtinConverter;
import org.custodia.platform.DatabaseMigration;
import org.custodia.serialization.application.SerialAllocator;
import org.custodia.serialization.domain.SerialAllocation;
import org.custodia.serialization.domain.SerialCharset;
import org.custodia.serialization.domain.SerialNumberSpace;
import org.custodia.serialization.domain.SerialOrder;
import org.custodia.serialization.domain.SerialPool;
import org.custodia.serialization.infrastructure.persistence.JpaSerialPoolRepository;
import org.h2.jdbcx.JdbcDataSource;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * serial-allocation, in process: serials allocated per second in ranges of 10,000 on the real
 * schema, against the goal of 1,000,000. It runs the production allocation code ({@link
 * SerialAllocator} on {@link JpaSerialPoolRepository}) in one transaction per range, on Hibernate
 * over an H2 file database in Oracle mode migrated by the application's own Flyway migrations, so
 * that the figure includes the row locks, the allocation record and the commit, but not the server
 * and HTTP (which the REST session of {@link RestLoadBenchmark} adds). It runs with one thread and
 * with two threads on the same pool (the pool and space rows serialise them), then checks that no
 * serial was handed out twice, and measures the bare permutation with JMH as the peer figure.
 *
 * <p>Argument: the directory for the database, wiped first.
 */
public final class SerialAllocationBenchmark {

  static final long GOAL_PER_S = 1_000_000;
  static final int RANGE = 10_000;

  private static final int WARMUP_RANGES = 40;
  private static final int RANGES_ONE_THREAD = 250;
  private static final int RANGES_PER_THREAD_TWO_THREADS = 150;

  /**
   * Quiets Flyway's and Hibernate's start-up chatter and Hibernate's expected warning about its
   * built-in connection pool, so the output stays figures; held in a field because JUL keeps only
   * weak references to configured loggers.
   */
  private static final Logger[] QUIET = {
    Logger.getLogger("org.flywaydb"),
    Logger.getLogger("org.hibernate"),
    Logger.getLogger("org.hibernate.orm.connections.pooling")
  };

  private SerialAllocationBenchmark() {}

  public static void main(String[] args) throws Exception {
    QUIET[0].setLevel(Level.WARNING);
    QUIET[1].setLevel(Level.WARNING);
    QUIET[2].setLevel(Level.SEVERE);
    Path dir = Path.of(args.length > 0 ? args[0] : "target/pq-db");
    wipe(dir);
    Files.createDirectories(dir);
    String url =
        "jdbc:h2:"
            + dir.toAbsolutePath().resolve("custodia")
            + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=20000";
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(url);
    dataSource.setUser("sa");
    dataSource.setPassword("sa");
    DatabaseMigration.migrate(dataSource, SerialAllocationBenchmark.class.getClassLoader());
    System.out.println("serial-allocation (in process): H2 file database at " + dir);
    Figures.figure("serial_alloc_goal_per_s", GOAL_PER_S, "serials/s");

    List<List<String>> issued = new ArrayList<>();
    long pool;
    try (SessionFactory sessions = sessionFactory(url)) {
      pool = createPool(sessions);
      measure(sessions, pool, 1, WARMUP_RANGES, issued);
      Run one = measure(sessions, pool, 1, RANGES_ONE_THREAD, issued);
      report("1_thread", one);
      Run two = measure(sessions, pool, 2, RANGES_PER_THREAD_TWO_THREADS, issued);
      report("2_threads", two);
    }
    long total = checkNoDuplicates(issued, dataSource, pool);
    Figures.progress("%d serials allocated in %d ranges, all checked", total, issued.size());
    permutationPeer();
  }

  /**
   * As SerialAllocationConcurrencyTest builds its "nodes": the entities and a small built-in pool.
   * (No JSON format mapper is needed here: unlike the ejb tests, this classpath has no JSON-B API.)
   */
  private static SessionFactory sessionFactory(String url) {
    return new Configuration()
        .addAnnotatedClass(SerialPool.class)
        .addAnnotatedClass(SerialNumberSpace.class)
        .addAnnotatedClass(SerialAllocation.class)
        .addAnnotatedClass(GtinConverter.class)
        .setProperty("hibernate.connection.url", url)
        .setProperty("hibernate.connection.username", "sa")
        .setProperty("hibernate.connection.password", "sa")
        .setProperty("hibernate.connection.pool_size", "4")
        .setProperty("hibernate.hbm2ddl.auto", "none")
        .buildSessionFactory();
  }

  /** A RANDOM NUMERIC length-12 pool of a fresh GTIN, for the EU (random order required). */
  private static long createPool(SessionFactory sessions) {
    Gtin gtin = Gtin.of(Figures.newGtin());
    return sessions.fromTransaction(
        s -> {
          JpaSerialPoolRepository repo = new JpaSerialPoolRepository(s);
          SerialNumberSpace space =
              SerialNumberSpace.open(
                  gtin,
                  SerialCharset.NUMERIC,
                  12,
                  SerialOrder.RANDOM,
                  null,
                  List.of("EU"),
                  new SecureRandom());
          repo.store(space);
          SerialPool p =
              SerialPool.generated(space, null, List.of("EU"), "pq", OffsetDateTime.now());
          repo.store(p);
          return p.id();
        });
  }

  /** Wall time of a run and the time of each range's transaction. */
  record Run(long serials, long nanos, double[] rangeMillis) {}

  /** One allocated range and how long its transaction took. */
  record Range(List<String> serials, double millis) {}

  private static Run measure(
      SessionFactory sessions,
      long pool,
      int threads,
      int rangesPerThread,
      List<List<String>> issued)
      throws Exception {
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<Range>>> work = new ArrayList<>();
      long start = System.nanoTime();
      for (int t = 0; t < threads; t++) {
        work.add(
            executor.submit(
                () -> {
                  List<Range> done = new ArrayList<>(rangesPerThread);
                  for (int i = 0; i < rangesPerThread; i++) {
                    long t0 = System.nanoTime();
                    List<String> serials =
                        sessions.fromTransaction(
                            s ->
                                SerialAllocator.allocate(
                                        new JpaSerialPoolRepository(s),
                                        pool,
                                        RANGE,
                                        "pq",
                                        "benchmark",
                                        OffsetDateTime.now())
                                    .serials());
                    done.add(new Range(serials, (System.nanoTime() - t0) / 1e6));
                  }
                  return done;
                }));
      }
      List<Range> all = new ArrayList<>();
      for (Future<List<Range>> f : work) {
        all.addAll(f.get());
      }
      long nanos = System.nanoTime() - start;
      double[] millis = new double[all.size()];
      for (int i = 0; i < all.size(); i++) {
        issued.add(all.get(i).serials());
        millis[i] = all.get(i).millis();
      }
      return new Run((long) all.size() * RANGE, nanos, millis);
    } finally {
      executor.shutdown();
    }
  }

  private static void report(String label, Run run) {
    Figures.figure("serial_alloc_per_s_" + label, run.serials * 1e9 / run.nanos, "serials/s");
    Figures.figure(
        "serial_alloc_range_p50_ms_" + label, Figures.percentile(run.rangeMillis, 50), "ms");
    Figures.figure(
        "serial_alloc_range_p99_ms_" + label, Figures.percentile(run.rangeMillis, 99), "ms");
  }

  /**
   * Sorts every serial handed out (warm-up included) as a number and counts equal neighbours; the
   * database must account for exactly as many as were handed out.
   */
  private static long checkNoDuplicates(
      Collection<List<String>> issued, JdbcDataSource dataSource, long pool) throws SQLException {
    long[] all = issued.stream().flatMap(List::stream).mapToLong(Long::parseLong).toArray();
    Arrays.sort(all);
    long duplicates = 0;
    for (int i = 1; i < all.length; i++) {
      if (all[i] == all[i - 1]) {
        duplicates++;
      }
    }
    Figures.figure("serial_alloc_duplicates", duplicates, "serials");
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT issued FROM serial_pool WHERE id = ?")) {
      ps.setLong(1, pool);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (rs.getLong(1) != all.length) {
          throw new IllegalStateException(
              "the pool records " + rs.getLong(1) + " serials issued, but " + all.length + " were");
        }
      }
    }
    if (duplicates > 0) {
      throw new IllegalStateException(duplicates + " serials were handed out twice");
    }
    return all.length;
  }

  /** JMH on SerialSpace.serialAt alone, one thread: the ceiling for any allocation rate. */
  private static void permutationPeer() throws Exception {
    Collection<RunResult> results =
        new Runner(
                new OptionsBuilder()
                    .include(SerialPermutationBenchmark.class.getName() + "\\.")
                    .forks(1)
                    .warmupIterations(3)
                    .warmupTime(TimeValue.seconds(1))
                    .measurementIterations(4)
                    .measurementTime(TimeValue.seconds(1))
                    .shouldFailOnError(true)
                    .verbosity(
                        System.getenv("PQ_JMH_VERBOSE") != null
                            ? VerboseMode.NORMAL
                            : VerboseMode.SILENT)
                    .build())
            .run();
    if (results.isEmpty()) {
      throw new IllegalStateException("JMH gave no result for SerialPermutationBenchmark");
    }
    double score = results.iterator().next().getPrimaryResult().getScore();
    Figures.figure("serial_permutation_per_s_per_core", score, "serials/s");
  }

  private static void wipe(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
