package org.custodia.epcis.infrastructure.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("EPC-1")
class EpcisJsonStreamTest {

  private static InputStream text(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsTheHeaderAndEveryEventInOrder() {
    // given
    String doc =
        "{\"@context\":[\"https://ref.gs1.org/standards/epcis/epcis-context.jsonld\",{\"ext1\":\"http://example.com/ext1\"}],"
            + "\"type\":\"EPCISDocument\",\"schemaVersion\":\"2.0\",\"creationDate\":\"2026-01-01T00:00:00Z\","
            + "\"epcisBody\":{\"eventList\":[{\"type\":\"ObjectEvent\",\"eventID\":\"a\"},{\"type\":\"AggregationEvent\",\"eventID\":\"b\"}]}}";
    List<String> ids = new ArrayList<>();

    // when
    EpcisJsonStream.Header h = EpcisJsonStream.events(text(doc), (i, e) -> ids.add(i + e.getString("eventID")));

    // then
    assertEquals(List.of("0a", "1b"), ids);
    assertEquals("EPCISDocument", h.type());
    assertEquals("2.0", h.schemaVersion());
    assertEquals("http://example.com/ext1", h.namespaces().get("ext1"));
  }

  @Test
  void readsTheEventsOfAQueryDocument() {
    String doc =
        "{\"type\":\"EPCISQueryDocument\",\"epcisBody\":{\"queryResults\":{\"queryName\":\"SimpleEventQuery\","
            + "\"resultsBody\":{\"eventList\":[{\"type\":\"ObjectEvent\",\"eventID\":\"q\"}]}}}}";
    List<String> ids = new ArrayList<>();
    EpcisJsonStream.events(text(doc), (i, e) -> ids.add(e.getString("eventID")));
    assertEquals(List.of("q"), ids);
  }

  @Test
  void malformedJsonIsRefusedNamingLineAndColumn() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> EpcisJsonStream.events(text("{\"type\": [1,}"), (i, x) -> {}));
    assertTrue(e.getMessage().contains("line 1"), e.getMessage());
  }

  @Test
  void aTruncatedDocumentIsRefusedAndNeverTakenAsComplete() {
    // given a document cut off inside its event list, as an interrupted upload leaves it
    String cut = "{\"type\":\"EPCISDocument\",\"epcisBody\":{\"eventList\":[{\"type\":\"ObjectEvent\"},{\"type\":";

    // when / then: both the header pass (which skips the events) and the event pass refuse it
    assertThrows(IllegalArgumentException.class, () -> EpcisJsonStream.header(text(cut)));
    assertThrows(IllegalArgumentException.class, () -> EpcisJsonStream.events(text(cut), (i, e) -> {}));
    assertThrows(IllegalArgumentException.class,
        () -> EpcisJsonStream.header(text("{\"type\":\"EPCISDocument\",\"epcisBody\":{\"eventList\":[]}")));
  }

  @Test
  void streamsAHundredThousandEventsOneByOne() {
    // given a generated document of 100,000 events, produced lazily (never in memory whole)
    int n = 100_000;
    Enumeration<InputStream> parts =
        new Enumeration<>() {
          int i = -1;

          @Override
          public boolean hasMoreElements() {
            return i <= n;
          }

          @Override
          public InputStream nextElement() {
            i++;
            if (i == 0) {
              return text("{\"type\":\"EPCISDocument\",\"schemaVersion\":\"2.0\",\"epcisBody\":{\"eventList\":[");
            }
            if (i > n) {
              return text("]}}");
            }
            return text((i > 1 ? "," : "") + "{\"type\":\"ObjectEvent\",\"eventID\":\"urn:uuid:" + i
                + "\",\"eventTime\":\"2026-01-01T00:00:00Z\",\"eventTimeZoneOffset\":\"+00:00\",\"action\":\"OBSERVE\","
                + "\"epcList\":[\"urn:epc:id:sgtin:9506000.013435." + i + "\"]}");
          }
        };
    int[] seen = {0};

    // when
    EpcisJsonStream.events(new SequenceInputStream(parts), (i, e) -> {
      assertEquals("urn:uuid:" + (i + 1), e.getString("eventID"));
      seen[0]++;
    });

    // then
    assertEquals(n, seen[0]);
  }

  @Test
  void theHeaderAloneSkipsTheEvents() throws IOException {
    EpcisJsonStream.Header h =
        EpcisJsonStream.header(text("{\"epcisBody\":{\"eventList\":[{\"x\":1}]},\"type\":\"EPCISDocument\"}"));
    assertEquals("EPCISDocument", h.type());
  }
}
