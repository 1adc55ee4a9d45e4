package org.custodia.trace.infrastructure.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.custodia.trace.domain.LocationCount;
import org.custodia.trace.domain.Recall;
import org.custodia.trace.domain.RecallCriteria;
import org.custodia.trace.domain.ScopeObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The recall scope as CSV and PDF (RCL-3, AUD-3). */
@Tag("RCL-3")
@Tag("AUD-3")
class RecallReportsTest {

  private static final ScopeObject UNIT = new ScopeObject("urn:epc:id:sgtin:9506000.013435.S1",
      ScopeObject.Kind.UNIT, "09506000134352", "S1", "L1", "recalled", "urn:epc:id:sgln:9506000.00002.0",
      "Wholesaler, \"North\"", "urn:epc:id:sscc:9506000.0000000001", true);

  @Test
  void theCsvHasAHeaderAndOneQuotedLinePerObjectOfEveryPage() throws Exception {
    StringWriter out = new StringWriter();

    RecallReports.csv(out, page -> page <= 2 ? List.of(UNIT) : List.of());

    String[] lines = out.toString().split("\r\n");
    assertEquals(3, lines.length);
    assertEquals("epc,kind,gtin,serial,lot,status,location,owner,parent,quarantined", lines[0]);
    assertEquals("urn:epc:id:sgtin:9506000.013435.S1,UNIT,09506000134352,S1,L1,recalled,"
        + "urn:epc:id:sgln:9506000.00002.0,\"Wholesaler, \"\"North\"\"\",urn:epc:id:sscc:9506000.0000000001,yes",
        lines[1]);
  }

  @Test
  void thePdfIsAPdfDocument() {
    Recall r = new Recall(7, "DONE", RecallCriteria.ofLots("09506000134352", List.of("L1")), "contamination",
        "qa", OffsetDateTime.parse("2026-11-27T10:00:00Z"), "recall initiated", 1, 1, 1, 1, 0, 0,
        OffsetDateTime.parse("2026-11-27T10:00:01Z"), null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    RecallReports.pdf(out, r, List.of(new LocationCount("urn:epc:id:sgln:9506000.00002.0", null, 1)),
        page -> page == 1 ? List.of(UNIT) : List.of());

    String head = new String(out.toByteArray(), 0, 5, StandardCharsets.ISO_8859_1);
    assertEquals("%PDF-", head);
    assertTrue(out.size() > 500, "size " + out.size());
  }
}
