package org.custodia.validation.pq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.io.StringReader;
import org.custodia.platform.Jsonp;
import org.custodia.validation.pq.DownstreamBenchmark.Contents;
import org.junit.jupiter.api.Test;

/**
 * The pallet benchmark's check of a contents answer, read as a stream: it must count what a reader of the
 * whole tree counts, and only in the answer's {@code descendants}.
 */
class DownstreamBenchmarkContentsTest {

  /** Shaped as {@code GET /api/trace/{id}/contents} answers: the tree of EPCs, then each object with its state. */
  private static final String ANSWER = """
      {"epc":"urn:epc:id:sscc:9506000.0000000001","kind":"container","topParent":"P","id":"P","count":4,
       "children":[{"epc":"c1","children":[{"epc":"u1","children":[]},{"epc":"u2","children":[]}]},
                   {"epc":"c2","children":[{"epc":"u3","children":[]}]}],
       "descendants":[{"epc":"c1","kind":"container","parent":"P","topParent":"P"},
                      {"epc":"u1","kind":"unit","lot":"L1","parent":"c1","topParent":"P"},
                      {"epc":"u2","kind":"unit","parent":"c1","topParent":"Q"},
                      {"epc":"u3","kind":"unit","parent":"c2","topParent":"P","lastEventTime":"2025-01-06T08:30Z"}]}
      """;

  @Test
  void countsTheDescendantsAndThoseInsideTheTopContainer() {
    Contents c = Contents.of(ANSWER, "P");

    assertEquals(new Contents(4, 4, 3), c);
  }

  @Test
  void agreesWithTheTreeOfTheSameAnswer() {
    JsonObject tree = Jsonp.JSON.createReader(new StringReader(ANSWER)).readObject();
    long inside = tree.getJsonArray("descendants").stream()
        .filter(d -> "Q".equals(d.asJsonObject().getString("topParent", null))).count();

    Contents c = Contents.of(ANSWER, "Q");

    assertEquals(tree.getInt("count"), c.count());
    assertEquals(tree.getJsonArray("descendants").size(), c.descendants());
    assertEquals(inside, c.inside());
  }

  @Test
  void anAnswerWithoutCountOrDescendantsCountsNothing() {
    assertEquals(new Contents(-1, 0, 0), Contents.of("{\"epc\":\"P\",\"children\":[{\"epc\":\"c1\",\"children\":[]}]}", "P"));
  }
}
