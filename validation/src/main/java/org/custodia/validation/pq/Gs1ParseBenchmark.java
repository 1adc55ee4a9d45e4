package org.custodia.validation.pq;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.custodia.gs1.ai.ElementString;
import org.custodia.gs1.ai.ElementStrings;
import org.custodia.gs1.dl.DigitalLink;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * gs1-parse: GS1 element strings parsed per second per core, against the goal of 1,000,000. Line
 * scanners call the parser for every pack, so the figure that matters is the rate one core sustains
 * on what scanners and users really send: a mix of {@code ]d2} scanner data with GS separators,
 * bracketed text and GS1 Digital Link URIs, each carrying the four or five AIs of a serialised
 * medicine (01, 17, 10, 21, sometimes a national number 710 or 714). JMH measures it (forked JVM,
 * warm-up, dead-code elimination defeated by returning the result), once on one thread and once on
 * two, plus each form alone on one thread to show which form costs what.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Gs1ParseBenchmark {

  /** Parses per second per core that DESIGN.md asks for. */
  static final long GOAL_PER_S_PER_CORE = 1_000_000;

  /** Distinct inputs per form: enough that branch prediction cannot learn one string. */
  private static final int SIZE = 1024;

  private static final char GS = '\u001d';
  private static final String ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";

  private String[] mixed;
  private String[] scanner;
  private String[] bracketed;
  private String[] digitalLink;
  private int next;

  /**
   * Builds the inputs from a fixed seed, so every run parses the same data, and parses each once so
   * that a broken input fails the run instead of measuring the exception path.
   */
  @Setup(Level.Trial)
  public void inputs() {
    Inputs in = Inputs.generate(new Random(20_260_424L), SIZE);
    scanner = in.scanner.toArray(String[]::new);
    bracketed = in.bracketed.toArray(String[]::new);
    digitalLink = in.digitalLink.toArray(String[]::new);
    mixed = in.mixed.toArray(String[]::new);
    for (String s : mixed) {
      parseAny(s);
    }
  }

  /** The realistic mix: 4 in 10 scanner strings, 3 bracketed, 3 Digital Links, interleaved. */
  @Benchmark
  public ElementString mixed() {
    return parseAny(mixed[next++ & (SIZE - 1)]);
  }

  @Benchmark
  public ElementString scannerGs() {
    return ElementStrings.parse(scanner[next++ & (SIZE - 1)]);
  }

  @Benchmark
  public ElementString bracketed() {
    return ElementStrings.parse(bracketed[next++ & (SIZE - 1)]);
  }

  @Benchmark
  public ElementString digitalLink() {
    return DigitalLink.parse(digitalLink[next++ & (SIZE - 1)]);
  }

  /** What a scan-handling service does with input of unknown form: URIs to the DL parser. */
  static ElementString parseAny(String input) {
    return input.startsWith("http") ? DigitalLink.parse(input) : ElementStrings.parse(input);
  }

  /** Pharma element strings in the three forms, generated with valid check digits and dates. */
  static final class Inputs {
    final List<String> scanner = new ArrayList<>();
    final List<String> bracketed = new ArrayList<>();
    final List<String> digitalLink = new ArrayList<>();
    final List<String> mixed = new ArrayList<>();

    static Inputs generate(Random random, int size) {
      Inputs in = new Inputs();
      DateTimeFormatter yymmdd = DateTimeFormatter.ofPattern("yyMMdd");
      for (int i = 0; i < size; i++) {
        String data = "0" + Figures.DEMO_PREFIX + String.format("%05d", random.nextInt(100_000));
        String gtin = data + Figures.checkDigit(data);
        String expiry = yymmdd.format(LocalDate.of(2026, 1, 1).plusDays(random.nextInt(2000)));
        String lot = token(random, 4 + random.nextInt(7));
        String serial = token(random, 10 + random.nextInt(11));
        String nhrnAi = i % 4 == 0 ? "710" : i % 4 == 1 ? "714" : null;
        String nhrn = nhrnAi == null ? null : digits(random, nhrnAi.equals("710") ? 8 : 7);
        // scanners deliver the AIs in the order the label has them; two common layouts
        boolean serialFirst = random.nextBoolean();
        in.scanner.add("]d2" + raw(gtin, expiry, lot, serial, nhrnAi, nhrn, serialFirst));
        String br = brackets(gtin, expiry, lot, serial, nhrnAi, nhrn, serialFirst);
        in.bracketed.add(br);
        in.digitalLink.add(DigitalLink.format(ElementStrings.parse(br)));
      }
      for (int i = 0; i < size; i++) {
        int form = i % 10;
        List<String> from = form < 4 ? in.scanner : form < 7 ? in.bracketed : in.digitalLink;
        in.mixed.add(from.get(i));
      }
      return in;
    }

    private static String raw(
        String gtin,
        String expiry,
        String lot,
        String serial,
        String nhrnAi,
        String nhrn,
        boolean serialFirst) {
      StringBuilder sb = new StringBuilder(80).append("01").append(gtin);
      if (serialFirst) {
        sb.append("21").append(serial).append(GS).append("17").append(expiry);
        sb.append("10").append(lot);
      } else {
        sb.append("17").append(expiry).append("10").append(lot).append(GS);
        sb.append("21").append(serial);
      }
      if (nhrnAi != null) {
        sb.append(GS).append(nhrnAi).append(nhrn);
      }
      return sb.toString();
    }

    private static String brackets(
        String gtin,
        String expiry,
        String lot,
        String serial,
        String nhrnAi,
        String nhrn,
        boolean serialFirst) {
      StringBuilder sb = new StringBuilder(90).append("(01)").append(gtin);
      if (serialFirst) {
        sb.append("(21)").append(serial).append("(17)").append(expiry).append("(10)").append(lot);
      } else {
        sb.append("(17)").append(expiry).append("(10)").append(lot).append("(21)").append(serial);
      }
      if (nhrnAi != null) {
        sb.append('(').append(nhrnAi).append(')').append(nhrn);
      }
      return sb.toString();
    }

    private static String token(Random random, int length) {
      char[] c = new char[length];
      for (int i = 0; i < length; i++) {
        c[i] = ALNUM.charAt(random.nextInt(ALNUM.length()));
      }
      return new String(c);
    }

    private static String digits(Random random, int length) {
      char[] c = new char[length];
      for (int i = 0; i < length; i++) {
        c[i] = (char) ('0' + random.nextInt(10));
      }
      return new String(c);
    }
  }

  /**
   * Runs the JMH benchmarks in a forked JVM and prints the figures. Kept short (one fork, four 1 s
   * warm-up and five 2 s measurement iterations per benchmark) so that the whole run takes about a
   * minute and a half.
   */
  public static void main(String[] args) throws RunnerException {
    int cores = Runtime.getRuntime().availableProcessors();
    System.out.println("gs1-parse: JMH, 1 fork, " + cores + " cores available");
    Figures.figure("gs1_parse_goal_per_s_per_core", GOAL_PER_S_PER_CORE, "parses/s");
    double one = run("mixed", 1);
    Figures.figure("gs1_parse_mixed_per_s_per_core", one, "parses/s");
    double two = run("mixed", 2);
    Figures.figure("gs1_parse_mixed_per_s_2_threads", two, "parses/s");
    Figures.figure("gs1_parse_mixed_per_s_per_core_2_threads", two / 2, "parses/s");
    Figures.figure("gs1_parse_scanner_gs_per_s_per_core", run("scannerGs", 1), "parses/s");
    Figures.figure("gs1_parse_bracketed_per_s_per_core", run("bracketed", 1), "parses/s");
    Figures.figure("gs1_parse_digital_link_per_s_per_core", run("digitalLink", 1), "parses/s");
    System.out.println(
        "gs1-parse: "
            + (one >= GOAL_PER_S_PER_CORE ? "meets" : "MISSES")
            + " the goal on one core (mixed input)");
  }

  private static double run(String method, int threads) throws RunnerException {
    Options options =
        new OptionsBuilder()
            .include(Gs1ParseBenchmark.class.getName() + "\\." + method + "$")
            .forks(1)
            .threads(threads)
            .warmupIterations(4)
            .warmupTime(TimeValue.seconds(1))
            .measurementIterations(5)
            .measurementTime(TimeValue.seconds(2))
            .jvmArgs("-Xmx512m")
            .shouldFailOnError(true)
            .verbosity(
                System.getenv("PQ_JMH_VERBOSE") != null ? VerboseMode.NORMAL : VerboseMode.SILENT)
            .build();
    Collection<RunResult> results = new Runner(options).run();
    if (results.isEmpty()) {
      throw new IllegalStateException(
          "JMH gave no result for "
              + method
              + "; run again with PQ_JMH_VERBOSE=1 in the environment to see why");
    }
    RunResult r = results.iterator().next();
    Figures.progress(
        "%s, %d thread(s): %.0f ± %.0f ops/s (99.9%% CI)",
        method, threads, r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError());
    return r.getPrimaryResult().getScore();
  }
}
