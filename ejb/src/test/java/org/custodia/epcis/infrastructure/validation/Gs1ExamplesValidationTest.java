package org.custodia.epcis.infrastructure.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every GS1 EPCIS 2.0 JSON/JSON-LD example passes both the schema and our semantic rules. */
@Tag("EPC-1")
@Tag("IOT-1")
class Gs1ExamplesValidationTest {

  private static EpcisJsonSchema schema;

  @BeforeAll
  static void compileSchema() {
    schema = new EpcisJsonSchema();
  }

  static Stream<Path> examples() throws IOException {
    String dir = System.getProperty("custodia.shared");
    Path root = dir == null ? null : Path.of(dir, "testdata", "epcis", "JSON");
    if (root == null || !Files.isDirectory(root)) {
      return Stream.of((Path) null);
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> p.toString().endsWith(".jsonld") || p.toString().endsWith(".json"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void acceptsTheGs1Example(Path file) throws IOException {
    Assumptions.assumeTrue(file != null, "custodia.shared/testdata/epcis/JSON not available");
    // given
    String json = Files.readString(file);
    JsonObject document;
    try (JsonReader r = Json.createReader(new StringReader(json))) {
      document = r.readObject();
    }

    // when
    List<Violation> violations = new ArrayList<>(schema.validateDocument(json));
    violations.addAll(SemanticValidator.validateDocument(document));
    List<JsonValue> events = SemanticValidator.events(document);
    for (int i = 0; i < events.size(); i++) {
      violations.addAll(schema.validateEvent(events.get(i).toString(), i));
    }

    // then
    assertEquals(List.of(), violations.stream().map(Violation::toString).toList(), file.toString());
  }
}
