package org.custodia.epcis.infrastructure.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A capture of 100,000 events must stream: the reader may hold one event, never the document. The
 * proof is by counting, not timing: a child JVM with a 32 MB heap reads a generated document of
 * about 60 MB (more than its whole heap) and must see every event.
 */
@Tag("EPC-1")
class LargeDocumentStreamingTest {

  static final int EVENTS = 100_000;

  @Test
  void hundredThousandEventsStreamThroughAHeapSmallerThanTheDocument() throws Exception {
    // given a JVM whose heap is smaller than the generated document
    String java =
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    ProcessBuilder pb =
        new ProcessBuilder(
                java,
                "-Xmx32m",
                "-cp",
                System.getProperty("java.class.path"),
                LargeDocumentStreamingTest.class.getName())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    // when it reads the 100,000-event document
    Process p = pb.start();
    boolean ended = p.waitFor(10, TimeUnit.MINUTES);
    // then it ends normally: every event was counted and the document was larger than the heap
    assertEquals(true, ended, "child JVM did not end");
    assertEquals(
        0, p.exitValue(), "exit 2: wrong count, 3: document not larger than heap, 1: error");
  }

  @Test
  void everyGeneratedEventIsDeliveredInOrder() {
    // given the generated document, read in this JVM
    AtomicLong sum = new AtomicLong();
    int[] last = {-1};
    // when read
    int n =
        new EpcisXmlReader()
            .read(
                new GeneratedDocument(EVENTS),
                h -> {},
                (i, e) -> {
                  assertEquals(last[0] + 1, i);
                  last[0] = i;
                  sum.addAndGet(e.getJsonArray("epcList").size());
                });
    // then all events came, each with its EPCs
    assertEquals(EVENTS, n);
    assertEquals(EVENTS * 10L, sum.get());
  }

  /** Child JVM entry point; the result is the exit code, as there is nobody to print to. */
  public static void main(String[] args) {
    try {
      GeneratedDocument doc = new GeneratedDocument(EVENTS);
      int n = new EpcisXmlReader().read(doc, h -> {}, (i, e) -> {});
      if (n != EVENTS) {
        System.exit(2);
      }
      System.exit(doc.bytes > Runtime.getRuntime().maxMemory() ? 0 : 3);
    } catch (RuntimeException | Error e) {
      System.exit(1);
    }
  }

  /** An EPCIS 2.0 document produced on the fly, so not even the test holds it. */
  static final class GeneratedDocument extends InputStream {
    private final int events;
    private int next = -1;
    private byte[] chunk =
        ("<epcis:EPCISDocument xmlns:epcis=\"urn:epcglobal:epcis:xsd:2\" schemaVersion=\"2.0\""
                + " creationDate=\"2024-01-01T00:00:00Z\" xmlns:ex=\"https://example.com/ex\">"
                + "<EPCISBody><EventList>")
            .getBytes(StandardCharsets.UTF_8);
    private int pos;
    long bytes;

    GeneratedDocument(int events) {
      this.events = events;
    }

    private boolean refill() {
      next++;
      if (next > events) {
        return false;
      }
      if (next == events) {
        chunk = "</EventList></EPCISBody></epcis:EPCISDocument>".getBytes(StandardCharsets.UTF_8);
      } else {
        StringBuilder s = new StringBuilder(700);
        s.append("<ObjectEvent><eventTime>2024-01-01T00:00:00Z</eventTime>")
            .append("<eventTimeZoneOffset>+00:00</eventTimeZoneOffset>")
            .append("<eventID>urn:uuid:00000000-0000-4000-8000-")
            .append(String.format("%012d", next))
            .append("</eventID><epcList>");
        for (int k = 0; k < 10; k++) {
          s.append("<epc>urn:epc:id:sgtin:0614141.107346.").append(next * 10 + k).append("</epc>");
        }
        s.append("</epcList><action>ADD</action>")
            .append("<bizStep>urn:epcglobal:cbv:bizstep:commissioning</bizStep>")
            .append("<ilmd><ex:lot>L")
            .append(next % 97)
            .append("</ex:lot></ilmd></ObjectEvent>");
        chunk = s.toString().getBytes(StandardCharsets.UTF_8);
      }
      pos = 0;
      return true;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      while (pos >= chunk.length) {
        if (!refill()) {
          return -1;
        }
      }
      int n = Math.min(len, chunk.length - pos);
      System.arraycopy(chunk, pos, b, off, n);
      pos += n;
      bytes += n;
      return n;
    }

    @Override
    public void close() throws IOException {
      next = events + 1;
    }
  }
}
