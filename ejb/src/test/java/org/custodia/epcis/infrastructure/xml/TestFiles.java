package org.custodia.epcis.infrastructure.xml;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/** Locates the shared GS1 test data and offers read/write helpers for the tests. */
final class TestFiles {

  private TestFiles() {}

  /** {@code <shared>/testdata}, or the test is skipped when the shared data is absent. */
  static Path testdata() {
    String shared = System.getProperty("custodia.shared");
    assumeTrue(shared != null, "system property custodia.shared not set");
    Path p = Path.of(shared, "testdata");
    assumeTrue(Files.isDirectory(p), "no shared test data at " + p);
    return p;
  }

  static List<Path> epcisXmlFiles() throws IOException {
    try (Stream<Path> s = Files.walk(testdata().resolve("epcis/XML"))) {
      return s.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
    }
  }

  /** The root element's local name, read with the secure cursor. */
  static String rootName(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file);
        XmlCursor c = new XmlCursor(in, XmlLimits.DEFAULT)) {
      c.nextTag();
      return c.reader().getLocalName();
    }
  }

  record Read(DocumentHeader header, List<JsonObject> events) {}

  static Read read(byte[] xml) {
    AtomicReference<DocumentHeader> h = new AtomicReference<>();
    List<JsonObject> events = new EpcisXmlReader().readAll(new ByteArrayInputStream(xml), h::set);
    return new Read(h.get(), events);
  }

  static Read read(Path file) throws IOException {
    return read(Files.readAllBytes(file));
  }

  static Read read(String xml) {
    return read(xml.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] write(DocumentHeader header, List<JsonObject> events) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (EpcisXmlWriter w = EpcisXmlWriter.open(out, header)) {
      events.forEach(w::write);
    }
    return out.toByteArray();
  }

  /**
   * Events as they come back from 1.2: where 1.2 demands an element the 2.0 event may leave out
   * (epcList, childEPCs), the writer puts an empty one, which reads back as an empty list.
   */
  static List<JsonObject> withoutEmptyLists(List<JsonObject> events) {
    List<JsonObject> out = new ArrayList<>();
    for (JsonObject e : events) {
      var b = jakarta.json.Json.createObjectBuilder(e);
      for (String k : List.of("epcList", "childEPCs")) {
        JsonValue v = e.get(k);
        if (v instanceof JsonArray a && a.isEmpty()) {
          b.remove(k);
        }
      }
      out.add(b.build());
    }
    return out;
  }
}
