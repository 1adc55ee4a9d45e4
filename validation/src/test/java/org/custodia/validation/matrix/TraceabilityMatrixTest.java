package org.custodia.validation.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("VAL-1")
class TraceabilityMatrixTest {

  @TempDir Path root;

  @Test
  void classTagsApplyToEveryTestAndMethodTagsToTheirOwn() throws Exception {
    // given
    Path src = Files.createDirectories(root.resolve("m/src/test/java/a"));
    Path file = src.resolve("FooTest.java");
    Files.writeString(file, String.join("\n",
        "package a;",
        "@Tag(\"SER-2\")",
        "class FooTest {",
        "  @Test",
        "  @Tag(\"SER-5\")",
        "  void one() {}",
        "  @Test",
        "  void two() {}",
        "  void helper() {}",
        "}"));

    // when
    List<TraceabilityMatrix.TestCase> cases = TraceabilityMatrix.scanFile(file);

    // then
    assertEquals(2, cases.size());
    assertEquals(new TraceabilityMatrix.TestCase("a.FooTest", "one", List.of("SER-2", "SER-5")), cases.get(0));
    assertEquals(new TraceabilityMatrix.TestCase("a.FooTest", "two", List.of("SER-2")), cases.get(1));
  }

  @Test
  void aTestFactoryOfAnyReturnTypeIsTheTestNotTheHelperAfterIt() throws Exception {
    // given
    Path src = Files.createDirectories(root.resolve("m/src/test/java/b"));
    Path file = src.resolve("BarTest.java");
    Files.writeString(file, String.join("\n",
        "package b;",
        "@Tag(\"EPC-4\")",
        "class BarTest {",
        "  @TestFactory",
        "  Stream<DynamicTest> everyExample() throws Exception {",
        "    return examples().stream().map(f -> check(f));",
        "  }",
        "  private static void check(Path file) {}",
        "}"));

    // when
    List<TraceabilityMatrix.TestCase> cases = TraceabilityMatrix.scanFile(file);

    // then
    assertEquals(List.of(new TraceabilityMatrix.TestCase("b.BarTest", "everyExample", List.of("EPC-4"))), cases);
  }

  @Test
  void reportsGiveOutcomesAndAFailureWinsOverAPass() throws Exception {
    // given
    Path reports = Files.createDirectories(root.resolve("m/target/surefire-reports"));
    Files.writeString(reports.resolve("TEST-a.FooTest.xml"), String.join("\n",
        "<testsuite>",
        "<testcase classname=\"a.FooTest\" name=\"one\"/>",
        "<testcase classname=\"a.FooTest\" name=\"two(String)[1]\"/>",
        "<testcase classname=\"a.FooTest\" name=\"two(String)[2]\"><failure message=\"x\"/></testcase>",
        "<testcase classname=\"a.FooTest\" name=\"three\"><skipped/></testcase>",
        "</testsuite>"));

    // when
    Map<String, TraceabilityMatrix.Outcome> r = TraceabilityMatrix.readReports(root);

    // then
    assertEquals(TraceabilityMatrix.Outcome.PASSED, r.get("a.FooTest#one"));
    assertEquals(TraceabilityMatrix.Outcome.FAILED, r.get("a.FooTest#two"));
    assertEquals(TraceabilityMatrix.Outcome.SKIPPED, r.get("a.FooTest#three"));
  }

  @Test
  void theMatrixListsRequirementsWithoutTestsAsNotShown() throws Exception {
    // given a URS with two requirements, one tagged on a passing test
    Path urs = root.resolve("REQ.md");
    Files.writeString(urs, "- SER-1 Pools.\n- SER-2 Never twice.\n");
    Path src = Files.createDirectories(root.resolve("m/src/test/java/a"));
    Files.writeString(src.resolve("BarTest.java"), "package a;\nclass BarTest {\n  @Test @Tag(\"SER-2\")\n  void x() {}\n}\n");
    Path reports = Files.createDirectories(root.resolve("m/target/surefire-reports"));
    Files.writeString(reports.resolve("TEST-a.BarTest.xml"), "<testsuite><testcase classname=\"a.BarTest\" name=\"x\"/></testsuite>");

    // when
    TraceabilityMatrix.main(new String[] {root.toString(), urs.toString()});

    // then
    String md = Files.readString(root.resolve("validation/target/traceability/matrix.md"));
    assertTrue(md.contains("| SER-1 — Pools. | NOT SHOWN |"), md);
    assertTrue(md.contains("| SER-2 — Never twice. | SHOWN | `a.BarTest#x` PASSED |"), md);
  }
}
