package org.custodia.line.simulator;

import java.util.Arrays;
import java.util.List;
import org.custodia.line.simulator.model.LineSettings;

/**
 * Where the simulator listens and which lines it runs.
 *
 * @param bindAddress the address to bind, e.g. {@code localhost} or {@code 0.0.0.0}
 * @param hostname the host name in the endpoint URL
 * @param port the TCP port (4840 in the embedded default)
 * @param lineIds the lines, e.g. {@code line-1}, {@code line-2}
 * @param line how each line starts out
 * @param seed the random seed of the defects, or null for a random one
 * @param username when not empty, a second endpoint Basic256Sha256 SignAndEncrypt for this user
 *     (the production setup of the adapter, for tests); the None endpoint stays
 * @param password that user's password
 */
public record SimulatorConfig(
    String bindAddress, String hostname, int port, List<String> lineIds, LineSettings line,
    Long seed, String username, String password) {

  /** Security None only. */
  public SimulatorConfig(String bindAddress, String hostname, int port, List<String> lineIds,
      LineSettings line, Long seed) {
    this(bindAddress, hostname, port, lineIds, line, seed, "", "");
  }

  /** Checks the values. */
  public SimulatorConfig {
    lineIds = List.copyOf(lineIds);
    if (lineIds.isEmpty()) {
      throw new IllegalArgumentException("at least one line is needed");
    }
    for (String id : lineIds) {
      if (!id.matches("[A-Za-z0-9._-]{1,64}")) {
        throw new IllegalArgumentException("line ID must be 1 to 64 of A-Z a-z 0-9 . _ -, got " + id);
      }
    }
    username = username == null ? "" : username;
    password = password == null ? "" : password;
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1 to 65535, got " + port);
    }
  }

  /** The embedded default: line-1 and line-2 on opc.tcp://localhost:4840 at 400 units/min. */
  public static SimulatorConfig embeddedDefault() {
    return new SimulatorConfig("localhost", "localhost", 4840, List.of("line-1", "line-2"),
        LineSettings.defaults(), null);
  }

  /** The endpoint URL clients connect to. */
  public String endpointUrl() {
    return "opc.tcp://" + hostname + ":" + port;
  }

  /** Parses a comma-separated list of line IDs. */
  public static List<String> lines(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty())
        .toList();
  }
}
