package org.custodia.trace.domain;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;
import org.custodia.platform.DomainException.Kind;

/**
 * What a recall covers (RCL-3): the units of one GTIN in one or more lots, or the units read on one line
 * in a production window {@code [from, to)}.
 */
public record RecallCriteria(String gtin, List<String> lots, String line, OffsetDateTime from, OffsetDateTime to)
    implements Serializable {

  public RecallCriteria {
    lots = lots == null ? List.of() : List.copyOf(lots);
  }

  /** A recall of lots of a GTIN. */
  public static RecallCriteria ofLots(String gtin, List<String> lots) {
    if (lots == null || lots.isEmpty()) {
      throw new RecallException(Kind.INVALID, "lots-required", "lots", null, "a recall by GTIN needs at least one lot");
    }
    return new RecallCriteria(gtin, lots, null, null, null);
  }

  /** A recall of a production window on a line. */
  public static RecallCriteria ofLineWindow(String line, OffsetDateTime from, OffsetDateTime to) {
    if (line == null || line.isBlank()) {
      throw new RecallException(Kind.INVALID, "line-required", "line", line, "a recall by production window names a line");
    }
    if (from == null || to == null || !from.isBefore(to)) {
      throw new RecallException(Kind.INVALID, "window", "to", to,
          "the production window needs \"from\" before \"to\", was " + from + " to " + to);
    }
    return new RecallCriteria(null, null, line, from, to);
  }

  public boolean byLots() {
    return gtin != null;
  }

  /** One line for people: what is recalled. */
  public String describe() {
    return byLots()
        ? "GTIN " + gtin + " lot" + (lots.size() == 1 ? " " : "s ") + String.join(", ", lots)
        : "line " + line + " from " + from + " to " + to;
  }
}
