package org.custodia.line.simulator;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.custodia.line.simulator.model.LineSettings;

/**
 * Runs the simulator alone: {@code java -jar custodia-line-simulator.jar --port 4840 --lines
 * line-1,line-2 --speed 400}; more options: {@code --bind}, {@code --host}, {@code --seed}, {@code
 * --unreadable}, {@code --wrong}, {@code --user} and {@code --password} (adds a Basic256Sha256
 * SignAndEncrypt endpoint for that user), {@code --duplicate}, {@code --low-grade}, {@code --missed-confirmations}
 * (rates 0 to 1), {@code --units-per-case}, {@code --cases-per-pallet}. Stops on Ctrl-C.
 */
public final class Main {

  private Main() {}

  /** Starts the server and waits until the JVM is asked to stop. */
  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    SimulatorConfig config = config(options);
    ExecutorService executor = Executors.newCachedThreadPool();
    ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    LineSimulator simulator = new LineSimulator(config, executor, scheduler);
    simulator.start();
    if (options.containsKey("start")) {
      simulator.lines().values().forEach(l -> l.start());
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      simulator.close();
      scheduler.shutdownNow();
      executor.shutdownNow();
      stopped.countDown();
    }));
    stopped.await();
  }

  static SimulatorConfig config(Map<String, String> o) {
    LineSettings d = LineSettings.defaults();
    LineSettings line = new LineSettings(
        Integer.parseInt(o.getOrDefault("speed", "" + d.unitsPerMinute())),
        Double.parseDouble(o.getOrDefault("unreadable", "0")),
        Double.parseDouble(o.getOrDefault("wrong", "0")),
        Double.parseDouble(o.getOrDefault("duplicate", "0")),
        Double.parseDouble(o.getOrDefault("low-grade", "0")),
        Double.parseDouble(o.getOrDefault("missed-confirmations", "0")),
        d.rejectWindow(),
        Integer.parseInt(o.getOrDefault("units-per-case", "" + d.unitsPerCase())),
        Integer.parseInt(o.getOrDefault("cases-per-pallet", "" + d.casesPerPallet())),
        o.getOrDefault("sscc-prefix", d.ssccPrefix()),
        d.history());
    return new SimulatorConfig(
        o.getOrDefault("bind", "localhost"),
        o.getOrDefault("host", "localhost"),
        Integer.parseInt(o.getOrDefault("port", "4840")),
        SimulatorConfig.lines(o.getOrDefault("lines", "line-1,line-2")),
        line,
        o.containsKey("seed") ? Long.valueOf(o.get("seed")) : null,
        o.getOrDefault("user", ""),
        o.getOrDefault("password", ""));
  }

  static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected an option --name, got " + args[i]);
      }
      String name = args[i].substring(2);
      if (name.equals("start")) {
        options.put(name, "true");
      } else if (i + 1 < args.length) {
        options.put(name, args[++i]);
      } else {
        throw new IllegalArgumentException("option --" + name + " needs a value");
      }
    }
    return options;
  }
}
