package org.custodia.validation.matrix;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Builds the requirement → test matrix (VAL-1) from what the code already says: the requirement IDs tagged
 * on tests ({@code @Tag("SER-2")} on a class applies to all its tests, on a method to that test) and the
 * results in the surefire and failsafe XML reports. A requirement is shown only by tests that ran and
 * passed; one with no passing test is listed as not shown. Writes Markdown and CSV to
 * validation/target/traceability/ and prints a summary.
 *
 * <p>Usage: {@code TraceabilityMatrix <project root> [<requirements file>]}.
 */
public final class TraceabilityMatrix {

  private static final Pattern TAG = Pattern.compile("@Tag\\(\"([A-Z]+-[0-9]+)\"\\)");
  private static final Pattern CLASS = Pattern.compile("^\\s*(?:public\\s+|final\\s+|abstract\\s+)*class\\s+(\\w+)");
  /** A method declaration of any return type (a {@code @TestFactory} returns a stream of tests). */
  private static final Pattern METHOD = Pattern.compile(
      "^\\s*(?:(?:public|protected|private|static|final)\\s+)*(?!return\\b|new\\b|throw\\b|else\\b)"
          + "[\\w.]+(?:<[^()]*>)?(?:\\[])?\\s+(\\w+)\\s*\\(");
  private static final Pattern REQUIREMENT = Pattern.compile("^- ([A-Z]+-[0-9]+) (.*)$");

  /** One test method and the requirement IDs it shows. */
  record TestCase(String className, String method, List<String> ids) {}

  /** The outcome of a test in the reports. */
  enum Outcome {
    PASSED,
    FAILED,
    SKIPPED,
    NOT_RUN
  }

  private TraceabilityMatrix() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    Path urs = args.length > 1 ? Path.of(args[1]) : root.resolve("../shared/REQUIREMENTS.md");
    Map<String, String> requirements = readRequirements(urs);
    List<TestCase> tests = scanTests(root);
    Map<String, Outcome> results = readReports(root);
    Path out = root.resolve("validation/target/traceability");
    Files.createDirectories(out);
    Map<String, List<String[]>> rows = new TreeMap<>(TraceabilityMatrix::compareIds);
    requirements.keySet().forEach(id -> rows.put(id, new ArrayList<>()));
    for (TestCase t : tests) {
      Outcome o = outcome(results, t);
      for (String id : t.ids()) {
        rows.computeIfAbsent(id, k -> new ArrayList<>()).add(new String[] {t.className() + "#" + t.method(), o.name()});
      }
    }
    StringBuilder md = new StringBuilder("# Traceability matrix\n\nGenerated " + OffsetDateTime.now() + "\n\n");
    md.append("| requirement | status | tests (outcome) |\n|---|---|---|\n");
    StringBuilder csv = new StringBuilder("requirement,test,outcome\n");
    int shown = 0;
    int failing = 0;
    for (Map.Entry<String, List<String[]>> e : rows.entrySet()) {
      long passed = e.getValue().stream().filter(r -> r[1].equals("PASSED")).count();
      long failed = e.getValue().stream().filter(r -> r[1].equals("FAILED")).count();
      String status = failed > 0 ? "FAILING" : passed > 0 ? "SHOWN" : "NOT SHOWN";
      shown += status.equals("SHOWN") ? 1 : 0;
      failing += failed > 0 ? 1 : 0;
      StringBuilder cell = new StringBuilder();
      for (String[] r : e.getValue()) {
        cell.append(cell.length() == 0 ? "" : "<br>").append('`').append(r[0]).append("` ").append(r[1]);
        csv.append(e.getKey()).append(',').append(r[0]).append(',').append(r[1]).append('\n');
      }
      String title = requirements.getOrDefault(e.getKey(), "");
      md.append("| ").append(e.getKey()).append(title.isEmpty() ? "" : " — " + escape(shorten(title)))
          .append(" | ").append(status).append(" | ").append(cell).append(" |\n");
    }
    Files.writeString(out.resolve("matrix.md"), md, StandardCharsets.UTF_8);
    Files.writeString(out.resolve("matrix.csv"), csv, StandardCharsets.UTF_8);
    System.out.printf(
        "Traceability: %d of %d requirements shown by passing tests, %d with failing tests, %d tagged tests; %s%n",
        shown, rows.size(), failing, tests.size(), out.resolve("matrix.md"));
  }

  static Map<String, String> readRequirements(Path urs) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    if (!Files.isRegularFile(urs)) {
      return out;
    }
    for (String line : Files.readAllLines(urs, StandardCharsets.UTF_8)) {
      Matcher m = REQUIREMENT.matcher(line);
      if (m.matches()) {
        out.put(m.group(1), m.group(2));
      }
    }
    return out;
  }

  /** Every test method with requirement tags, its own and its class's. */
  static List<TestCase> scanTests(Path root) throws IOException {
    List<TestCase> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/test/java/")
          && !p.toString().contains("/target/")).toList()) {
        out.addAll(scanFile(f));
      }
    }
    return out;
  }

  static List<TestCase> scanFile(Path file) throws IOException {
    List<TestCase> out = new ArrayList<>();
    String pkg = "";
    String className = null;
    List<String> classIds = new ArrayList<>();
    List<String> pending = new ArrayList<>();
    boolean pendingTest = false;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.startsWith("package ")) {
        pkg = line.substring(8, line.indexOf(';')).trim() + ".";
      }
      Matcher tag = TAG.matcher(line);
      while (tag.find()) {
        pending.add(tag.group(1));
      }
      if (line.contains("@Test") || line.contains("@ParameterizedTest") || line.contains("@RepeatedTest")
          || line.contains("@TestFactory") || line.contains("@Property") || line.contains("@FuzzTest")) {
        pendingTest = true;
      }
      Matcher c = CLASS.matcher(line);
      if (c.find() && className == null) {
        className = pkg + c.group(1);
        classIds = new ArrayList<>(pending);
        pending.clear();
        continue;
      }
      Matcher m = METHOD.matcher(line);
      if (m.find() && className != null) {
        if (pendingTest) {
          TreeSet<String> ids = new TreeSet<>(classIds);
          ids.addAll(pending);
          if (!ids.isEmpty()) {
            out.add(new TestCase(className, m.group(1), List.copyOf(ids)));
          }
        }
        pending.clear();
        pendingTest = false;
      }
    }
    return out;
  }

  /** Outcomes by "class#method" from every surefire and failsafe report under the root. */
  static Map<String, Outcome> readReports(Path root) throws Exception {
    Map<String, Outcome> out = new TreeMap<>();
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    DocumentBuilder b = f.newDocumentBuilder();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.filter(x -> x.getFileName().toString().startsWith("TEST-") && x.toString().endsWith(".xml")
          && (x.toString().contains("surefire-reports") || x.toString().contains("failsafe-reports"))).toList()) {
        Document d;
        try (InputStream in = Files.newInputStream(p)) {
          d = b.parse(in);
        }
        NodeList cases = d.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
          Element tc = (Element) cases.item(i);
          String name = tc.getAttribute("name");
          int paren = name.indexOf('(');
          String method = paren > 0 ? name.substring(0, paren) : name;
          String key = tc.getAttribute("classname") + "#" + method;
          Outcome o = tc.getElementsByTagName("failure").getLength() + tc.getElementsByTagName("error").getLength() > 0
              ? Outcome.FAILED
              : tc.getElementsByTagName("skipped").getLength() > 0 ? Outcome.SKIPPED : Outcome.PASSED;
          out.merge(key, o, (x, y) -> x == Outcome.FAILED || y == Outcome.FAILED ? Outcome.FAILED
              : x == Outcome.PASSED || y == Outcome.PASSED ? Outcome.PASSED : x);
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return out;
  }

  private static Outcome outcome(Map<String, Outcome> results, TestCase t) {
    Outcome o = results.get(t.className() + "#" + t.method());
    return o == null ? Outcome.NOT_RUN : o;
  }

  private static int compareIds(String a, String b) {
    String[] x = a.split("-");
    String[] y = b.split("-");
    int c = x[0].compareTo(y[0]);
    return c != 0 ? c : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
  }

  private static String shorten(String s) {
    return s.length() > 90 ? s.substring(0, 87) + "..." : s;
  }

  private static String escape(String s) {
    return s.replace("|", "\\|");
  }
}
