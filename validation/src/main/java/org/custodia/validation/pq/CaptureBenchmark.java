package org.custodia.validation.pq;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodia.platform.DatabaseMigration;
import org.h2.jdbcx.JdbcDataSource;

/**
 * EPCIS capture rate (issue 3): a generated document of 100,000 ObjectEvents, in JSON-LD and in EPCIS 2.0
 * XML, posted to {@code /custodia/api/epcis/capture} of the running server, timed from the POST until the
 * capture job reports it finished (every event checked against the schema and the CBV rules, given its hash
 * ID, stored with its index rows and current state). The peer: plain JDBC batch inserts of the same event
 * and EPC rows into the same schema (Flyway migrations) on the same H2 version and mode, in this JVM
 * (the server's file database is locked by the server), measured in the same run.
 */
final class CaptureBenchmark {

  static final int EVENTS = Integer.getInteger("pq.capture.events", 100_000);
  /** Events of the untimed document captured first in each format, so the timed runs meet a warm server. */
  static final int WARM_UP = Integer.getInteger("pq.capture.warmup", 20_000);
  private static final Pattern RUNNING = Pattern.compile("\"running\"\\s*:\\s*(true|false)");
  private static final Pattern SUCCESS = Pattern.compile("\"success\"\\s*:\\s*(true|false)");
  private static final Pattern STORED = Pattern.compile("\"storedCount\"\\s*:\\s*(\\d+)");

  private CaptureBenchmark() {}

  static void run(String base, Path work) throws Exception {
    Files.createDirectories(work);
    String run = Long.toString(System.currentTimeMillis(), 36);
    Figures.figure("capture_goal_events_per_s", 5000, "events/s");
    Path json = work.resolve("capture-" + run + ".jsonld");
    Path xml = work.resolve("capture-" + run + ".xml");
    Path warmJson = work.resolve("warm-" + run + ".jsonld");
    Path warmXml = work.resolve("warm-" + run + ".xml");
    writeJson(warmJson, run + "wj", WARM_UP);
    writeXml(warmXml, run + "wx", WARM_UP);
    capture(base, warmJson, "application/ld+json", WARM_UP);
    capture(base, warmXml, "application/xml", WARM_UP);
    Files.deleteIfExists(warmJson);
    Files.deleteIfExists(warmXml);
    Figures.progress("warm-up: " + WARM_UP + " events captured in each format, not timed");
    writeJson(json, run + "j", EVENTS);
    writeXml(xml, run + "x", EVENTS);
    Figures.progress("documents: JSON " + Files.size(json) / 1024 / 1024 + " MiB, XML " + Files.size(xml) / 1024 / 1024 + " MiB, " + EVENTS + " events each");
    double jsonRate = capture(base, json, "application/ld+json", EVENTS);
    Figures.figure("capture_json_events_per_s", jsonRate, "events/s");
    double xmlRate = capture(base, xml, "application/xml", EVENTS);
    Figures.figure("capture_xml_events_per_s", xmlRate, "events/s");
    double jdbc = rawJdbc(work.resolve("pq-jdbc-" + run), run + "r");
    Figures.figure("capture_raw_jdbc_events_per_s", jdbc, "events/s");
    Figures.figure("capture_json_share_of_raw_jdbc", 100 * jsonRate / jdbc, "%");
    Figures.figure("capture_xml_share_of_raw_jdbc", 100 * xmlRate / jdbc, "%");
    Figures.figure("capture_share_goal", 30, "%");
    Files.deleteIfExists(json);
    Files.deleteIfExists(xml);
  }

  private static String epc(String run, int i) {
    return "urn:epc:id:sgtin:9506000.013435." + run + i;
  }

  private static String time(int i) {
    // always with seconds: OffsetDateTime.toString() leaves out zero seconds, which RFC 3339 does not allow
    return OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).plusSeconds(i)
        .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX"));
  }

  private static void writeJson(Path file, String run, int events) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("{\"@context\":[\"https://ref.gs1.org/standards/epcis/epcis-context.jsonld\"],\"type\":\"EPCISDocument\","
          + "\"schemaVersion\":\"2.0\",\"creationDate\":\"2026-11-27T00:00:00Z\",\"epcisBody\":{\"eventList\":[");
      for (int i = 0; i < events; i++) {
        w.write((i == 0 ? "" : ",") + "{\"type\":\"ObjectEvent\",\"eventTime\":\"" + time(i)
            + "\",\"eventTimeZoneOffset\":\"+00:00\",\"epcList\":[\"" + epc(run, i) + "\"],\"action\":\"OBSERVE\","
            + "\"bizStep\":\"shipping\",\"disposition\":\"in_transit\",\"readPoint\":{\"id\":\"urn:epc:id:sgln:9506000.00001.0\"}}");
      }
      w.write("]}}");
    }
  }

  private static void writeXml(Path file, String run, int events) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><epcis:EPCISDocument xmlns:epcis=\"urn:epcglobal:epcis:xsd:2\""
          + " schemaVersion=\"2.0\" creationDate=\"2026-11-27T00:00:00Z\"><EPCISBody><EventList>");
      for (int i = 0; i < events; i++) {
        w.write("<ObjectEvent><eventTime>" + time(i) + "</eventTime><eventTimeZoneOffset>+00:00</eventTimeZoneOffset>"
            + "<epcList><epc>" + epc(run, i) + "</epc></epcList><action>OBSERVE</action>"
            + "<bizStep>urn:epcglobal:cbv:bizstep:shipping</bizStep><disposition>urn:epcglobal:cbv:disp:in_transit</disposition>"
            + "<readPoint><id>urn:epc:id:sgln:9506000.00001.0</id></readPoint></ObjectEvent>");
      }
      w.write("</EventList></EPCISBody></epcis:EPCISDocument>");
    }
  }

  /** Posts the document, waits for its job, and returns events per second; fails unless all were stored. */
  private static double capture(String base, Path doc, String type, int events) throws Exception {
    HttpClient http = RestLoadBenchmark.Client.trustingClient();
    String auth = "Basic " + Base64.getEncoder().encodeToString("admin:demo-admin".getBytes(StandardCharsets.UTF_8));
    long start = System.nanoTime();
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/epcis/capture"))
        .timeout(Duration.ofMinutes(10)).header("Authorization", auth).header("Content-Type", type)
        .POST(HttpRequest.BodyPublishers.ofFile(doc)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 202) {
      throw new IllegalStateException("capture answered " + r.statusCode() + ": " + r.body());
    }
    String job = r.headers().firstValue("Location").orElseThrow();
    while (true) {
      String body = http.send(HttpRequest.newBuilder(URI.create(job)).header("Authorization", auth).GET().build(),
          HttpResponse.BodyHandlers.ofString()).body();
      Matcher running = RUNNING.matcher(body);
      if (running.find() && running.group(1).equals("false")) {
        double seconds = (System.nanoTime() - start) / 1e9;
        Matcher ok = SUCCESS.matcher(body);
        Matcher stored = STORED.matcher(body);
        if (!ok.find() || !ok.group(1).equals("true") || !stored.find() || Integer.parseInt(stored.group(1)) != events) {
          throw new IllegalStateException("capture job did not store every event: " + body.substring(0, Math.min(800, body.length())));
        }
        Figures.progress(type + ": " + events + " events captured in " + String.format("%.1f", seconds) + " s");
        return events / seconds;
      }
      Thread.sleep(250);
    }
  }

  /** The peer: the same rows, inserted with plain JDBC batches into the same schema. */
  private static double rawJdbc(Path dir, String run) throws Exception {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:" + dir.toAbsolutePath().resolve("db") + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH");
    ds.setUser("sa");
    ds.setPassword("sa");
    DatabaseMigration.migrate(ds, CaptureBenchmark.class.getClassLoader());
    long start = System.nanoTime();
    try (Connection c = ds.getConnection();
        PreparedStatement ev = c.prepareStatement(
            "INSERT INTO epcis_event (id, event_id, event_type, event_time, event_tz_offset, record_time, action,"
                + " biz_step, disposition, read_point, biz_location, capture_source, document) VALUES (?, ?, 'ObjectEvent', ?,"
                + " '+00:00', ?, 'OBSERVE', 'shipping', 'in_transit', 'urn:epc:id:sgln:9506000.00001.0', NULL, 'jdbc', ?)");
        PreparedStatement epc = c.prepareStatement("INSERT INTO epcis_event_epc (epc, event_pk, epc_role) VALUES (?, ?, 'EPC')")) {
      c.setAutoCommit(false);
      OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
      for (int i = 0; i < EVENTS; i++) {
        String e = epc(run, i);
        ev.setLong(1, i + 1);
        ev.setString(2, "urn:uuid:" + run + "-" + i);
        ev.setObject(3, OffsetDateTime.parse(time(i)));
        ev.setObject(4, now);
        ev.setString(5, "{\"type\":\"ObjectEvent\",\"eventTime\":\"" + time(i) + "\",\"eventTimeZoneOffset\":\"+00:00\","
            + "\"epcList\":[\"" + e + "\"],\"action\":\"OBSERVE\",\"bizStep\":\"shipping\",\"disposition\":\"in_transit\"}");
        ev.addBatch();
        epc.setString(1, e);
        epc.setLong(2, i + 1);
        epc.addBatch();
        if (i % 500 == 499) {
          ev.executeBatch();
          epc.executeBatch();
          c.commit();
        }
      }
      ev.executeBatch();
      epc.executeBatch();
      c.commit();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Figures.progress("raw JDBC: " + EVENTS + " events in " + String.format("%.1f", seconds) + " s");
    return EVENTS / seconds;
  }
}
