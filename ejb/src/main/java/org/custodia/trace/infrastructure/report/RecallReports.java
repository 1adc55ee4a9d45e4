package org.custodia.trace.infrastructure.report;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.List;
import java.util.function.IntFunction;
import org.custodia.trace.domain.LocationCount;
import org.custodia.trace.domain.Recall;
import org.custodia.trace.domain.ScopeObject;

/**
 * Writes a recall's scope for people and spreadsheets: every affected object with its kind, identifiers,
 * status, location and owner, read page by page so a recall of millions of units streams. The CSV is RFC
 * 4180 (comma separated, CRLF, fields quoted where they hold a comma, quote or line break).
 */
public final class RecallReports {

  /** The CSV header line. */
  public static final List<String> HEADER =
      List.of("epc", "kind", "gtin", "serial", "lot", "status", "location", "owner", "parent", "quarantined");

  private RecallReports() {}

  /**
   * Writes the CSV of the objects {@code pages} hands out (page 1, 2, … until an empty one).
   */
  public static void csv(Writer out, IntFunction<List<ScopeObject>> pages) throws IOException {
    line(out, HEADER);
    for (int page = 1; ; page++) {
      List<ScopeObject> objects = pages.apply(page);
      if (objects.isEmpty()) {
        break;
      }
      for (ScopeObject o : objects) {
        line(out, fields(o));
      }
    }
    out.flush();
  }

  static List<String> fields(ScopeObject o) {
    return java.util.Arrays.asList(o.epc(), o.kind().name(), o.gtin(), o.serial(), o.lot(), o.status(),
        o.location(), o.owner(), o.parentEpc(), o.quarantined() ? "yes" : "no");
  }

  private static void line(Writer out, List<String> fields) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(quote(fields.get(i)));
    }
    out.write("\r\n");
  }

  /** One CSV field, quoted when it must be. */
  static String quote(String v) {
    if (v == null) {
      return "";
    }
    if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
      return v;
    }
    return '"' + v.replace("\"", "\"\"") + '"';
  }

  /** Writes the PDF: the recall, its signature and counts, the units by location, then every object. */
  public static void pdf(OutputStream out, Recall r, List<LocationCount> byLocation,
      IntFunction<List<ScopeObject>> pages) {
    Document doc = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
    try {
      PdfWriter.getInstance(doc, out);
      doc.open();
      Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);
      Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8);
      Font small = FontFactory.getFont(FontFactory.HELVETICA, 8);
      doc.add(new Paragraph("Recall " + r.id() + ": " + r.criteria().describe(), title));
      doc.add(new Paragraph("Status " + r.status() + "; signed by " + r.signedBy() + " at " + r.signedAt()
          + ", meaning: " + r.meaning() + (r.reason() == null ? "" : "; reason: " + r.reason()), small));
      doc.add(new Paragraph(r.total() + " units (" + r.containers() + " cases and pallets containing them), "
          + r.quarantined() + " quarantined, " + r.exceptions() + " exceptions, " + r.resolved()
          + " returned or destroyed since; completion " + r.completion() + " %", small));
      doc.add(new Paragraph(" ", small));
      PdfPTable groups = table(new float[] {5, 4, 1}, bold, "Location", "Owner", "Units");
      for (LocationCount g : byLocation) {
        cells(groups, small, g.location(), g.owner(), String.valueOf(g.count()));
      }
      doc.add(groups);
      doc.add(new Paragraph(" ", small));
      PdfPTable objects = table(new float[] {6, 2, 2, 2, 3, 5, 4, 5, 1.5f}, bold,
          "EPC", "Kind", "Lot", "Status", "Serial", "Location", "Owner", "Parent", "Quar.");
      for (int page = 1; ; page++) {
        List<ScopeObject> part = pages.apply(page);
        if (part.isEmpty()) {
          break;
        }
        for (ScopeObject o : part) {
          cells(objects, small, o.epc(), o.kind().name(), o.lot(), o.status(), o.serial(), o.location(),
              o.owner(), o.parentEpc(), o.quarantined() ? "yes" : "no");
        }
      }
      doc.add(objects);
    } catch (DocumentException e) {
      throw new IllegalStateException("writing the recall PDF failed: " + e.getMessage(), e);
    } finally {
      if (doc.isOpen()) {
        doc.close();
      }
    }
  }

  private static PdfPTable table(float[] widths, Font font, String... headers) {
    PdfPTable t = new PdfPTable(widths);
    t.setWidthPercentage(100);
    t.setHeaderRows(1);
    cells(t, font, headers);
    return t;
  }

  private static void cells(PdfPTable t, Font font, String... values) {
    for (String v : values) {
      t.addCell(new PdfPCell(new Phrase(v == null ? "" : v, font)));
    }
  }
}
