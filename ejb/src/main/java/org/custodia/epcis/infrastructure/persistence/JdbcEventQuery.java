package org.custodia.epcis.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.custodia.epcis.domain.EventQuery;
import org.custodia.epcis.infrastructure.json.EventFieldWalk;
import org.custodia.platform.Jndi;

/**
 * Answers event queries in SQL built from fixed fragments and bind parameters only (never values in the
 * SQL text): identifier conditions go through the index tables as {@code id IN (SELECT event_pk ...)},
 * so a query for one EPC's history is index look-ups whatever the size of the repository. Pages are cut
 * by keyset (sort time, id), not by offset.
 */
@ApplicationScoped
public class JdbcEventQuery {

  /** One event of a result page: its JSON, the time it was recorded, and the cursor after it. */
  public record Row(String document, OffsetDateTime recordTime, EventQuery.Cursor cursor) {}

  @Resource(lookup = Jndi.DATASOURCE)
  DataSource dataSource;

  /** H2's longest VARCHAR. */
  private static final int H2_TEXT_LIMIT = 1_000_000;

  private volatile Boolean onH2;

  public JdbcEventQuery() {}

  /** For tests outside the container. */
  public JdbcEventQuery(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** At most {@code limit} events matching {@code q}, in its order, after its cursor. */
  public List<Row> find(EventQuery q, int limit) {
    try (Connection c = dataSource.getConnection()) {
      return find(c, q, limit);
    } catch (SQLException e) {
      throw new IllegalStateException("event query failed: " + e.getMessage(), e);
    }
  }

  private List<Row> find(Connection c, EventQuery q, int limit) throws SQLException {
    String[] documentColumns = documentColumns(c);
    StringBuilder sql =
        new StringBuilder("SELECT e.id, ").append(documentColumns[0]).append(", e.record_time, e.event_time, ")
            .append(documentColumns[1]).append(" FROM epcis_event e WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    in(sql, args, "e.event_type", q.eventTypes());
    range(sql, args, "e.event_time", q.geEventTime(), q.ltEventTime());
    range(sql, args, "e.record_time", q.geRecordTime(), q.ltRecordTime());
    in(sql, args, "e.action", q.actions());
    in(sql, args, "e.biz_step", q.bizSteps());
    in(sql, args, "e.disposition", q.dispositions());
    in(sql, args, "e.read_point", q.readPoints());
    in(sql, args, "e.biz_location", q.bizLocations());
    in(sql, args, "e.event_id", q.eventIds());
    for (Map.Entry<List<String>, List<String>> m : q.epcsByRoles().entrySet()) {
      sql.append(" AND e.id IN (SELECT x.event_pk FROM epcis_event_epc x WHERE x.epc_role IN (")
          .append(marks(m.getKey().size())).append(") AND (");
      args.addAll(m.getKey());
      identifiers(sql, args, "x.epc", m.getValue());
      sql.append("))");
    }
    typed(sql, args, "SELECT b.event_pk FROM epcis_event_biztx b WHERE b.biz_type = ? AND b.biz_value IN (", q.bizTransactions());
    typed(sql, args, "SELECT s.event_pk FROM epcis_event_srcdest s WHERE s.direction = 'SOURCE' AND s.sd_type = ? AND s.sd_value IN (", q.sources());
    typed(sql, args, "SELECT s.event_pk FROM epcis_event_srcdest s WHERE s.direction = 'DESTINATION' AND s.sd_type = ? AND s.sd_value IN (", q.destinations());
    withDescendants(sql, args, "e.read_point", q.wdReadPoints());
    withDescendants(sql, args, "e.biz_location", q.wdBizLocations());
    for (EventQuery.FieldCondition f : q.fields()) {
      field(c, sql, args, f);
    }
    String time = q.orderByRecordTime() ? "e.record_time" : "e.event_time";
    if (q.after() != null) {
      OffsetDateTime t = fromMicros(q.after().timeMicros());
      String cmp = q.ascending() ? ">" : "<";
      sql.append(" AND (").append(time).append(' ').append(cmp).append(" ? OR (").append(time)
          .append(" = ? AND e.id ").append(cmp).append(" ?))");
      args.add(t);
      args.add(t);
      args.add(q.after().id());
    }
    String dir = q.ascending() ? " ASC" : " DESC";
    sql.append(" ORDER BY ").append(time).append(dir).append(", e.id").append(dir);
    sql.append(" OFFSET 0 ROWS FETCH NEXT ? ROWS ONLY");
    args.add(limit);
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < args.size(); i++) {
        ps.setObject(i + 1, args.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          OffsetDateTime recorded = rs.getObject(3, OffsetDateTime.class);
          OffsetDateTime sortTime = q.orderByRecordTime() ? recorded : rs.getObject(4, OffsetDateTime.class);
          String document = rs.getString(2);
          if (document == null) {
            document = rs.getString(5);
          }
          rows.add(new Row(document, recorded, new EventQuery.Cursor(micros(sortTime), rs.getLong(1))));
        }
      }
    }
    return rows;
  }

  /**
   * The document as columns 2 and 5 of a result row (the first not null is the document). H2 copies every
   * CLOB of a sorted result into temporary LOB storage before it hands out the first row — a write to the
   * database file for each event answered, the largest single cost of a short query there. So on H2 a
   * document of up to {@value #H2_TEXT_LIMIT} characters comes as text; a longer one still comes as its
   * CLOB. Other databases read the CLOB as it is.
   */
  private String[] documentColumns(Connection c) throws SQLException {
    Boolean h2 = onH2;
    if (h2 == null) {
      h2 = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("h2");
      onH2 = h2;
    }
    return h2
        ? new String[] {
          "CASE WHEN LENGTH(e.document) <= " + H2_TEXT_LIMIT + " THEN CAST(e.document AS VARCHAR(" + H2_TEXT_LIMIT + ")) END",
          "CASE WHEN LENGTH(e.document) > " + H2_TEXT_LIMIT + " THEN e.document END"
        }
        : new String[] {"e.document", "CAST(NULL AS CLOB)"};
  }

  /** Distinct values of a browsing resource (bizSteps, dispositions, ...), at most {@code limit}. */
  public List<String> distinct(String resource, int limit) {
    String sql =
        switch (resource) {
          case "eventTypes" -> "SELECT DISTINCT event_type FROM epcis_event ORDER BY 1";
          case "bizSteps" -> "SELECT DISTINCT biz_step FROM epcis_event WHERE biz_step IS NOT NULL ORDER BY 1";
          case "dispositions" -> "SELECT DISTINCT disposition FROM epcis_event WHERE disposition IS NOT NULL ORDER BY 1";
          case "readPoints" -> "SELECT DISTINCT read_point FROM epcis_event WHERE read_point IS NOT NULL ORDER BY 1";
          case "bizLocations" -> "SELECT DISTINCT biz_location FROM epcis_event WHERE biz_location IS NOT NULL ORDER BY 1";
          case "epcs" -> "SELECT DISTINCT epc FROM epcis_event_epc WHERE epc_role IN ('EPC', 'CHILD', 'PARENT', 'INPUT', 'OUTPUT') ORDER BY 1";
          default -> throw new IllegalArgumentException("no browsing resource " + resource);
        };
    List<String> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql + " OFFSET 0 ROWS FETCH NEXT ? ROWS ONLY")) {
      ps.setInt(1, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("browsing " + resource + " failed: " + e.getMessage(), e);
    }
    return out;
  }

  /** A condition on the field index (V8): one sub-select by area, name and value, each an index range. */
  private static void field(Connection c, StringBuilder sql, List<Object> args, EventQuery.FieldCondition f)
      throws SQLException {
    List<String> names = f.prefixed() ? expand(c, f.names()) : f.names();
    sql.append(" AND e.id IN (SELECT f.event_pk FROM epcis_event_field f WHERE f.area = ? AND f.name IN (")
        .append(marks(names.size())).append(')');
    args.add(f.area());
    args.addAll(names);
    switch (f.comparison()) {
      case EXISTS -> { }
      case EQ -> {
        if (!f.numbers().isEmpty()) {
          sql.append(" AND f.num_value IN (").append(marks(f.numbers().size())).append(')');
          args.addAll(f.numbers());
        } else {
          sql.append(" AND f.str_value IN (").append(marks(f.texts().size())).append(')');
          args.addAll(f.texts());
        }
      }
      default -> {
        String op =
            switch (f.comparison()) {
              case GT -> " > ?";
              case GE -> " >= ?";
              case LT -> " < ?";
              default -> " <= ?";
            };
        if (f.time() != null) {
          sql.append(" AND f.time_value").append(op);
          args.add(f.time());
        } else {
          sql.append(" AND f.num_value").append(op);
          args.add(f.numbers().get(0));
        }
      }
    }
    sql.append(')');
  }

  /**
   * {@code prefix:local} names with the namespaces captured documents bound the prefix to, and as written
   * (for events whose documents left the prefix undeclared).
   */
  private static List<String> expand(Connection c, List<String> names) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT namespace FROM epcis_namespace WHERE prefix = ?")) {
      for (String name : names) {
        int colon = name.indexOf(':');
        ps.setString(1, name.substring(0, colon));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(EventFieldWalk.qualifiedName(rs.getString(1), name.substring(colon + 1)));
          }
        }
        out.add(name);
      }
    }
    return out;
  }

  /**
   * WD_readPoint / WD_bizLocation. Without location master data, the descendants of a location are those
   * its identifier names: the sub-locations (any extension) of an SGLN with extension 0 ({@code
   * urn:epc:id:sgln:0614141.00777.0} → {@code urn:epc:id:sgln:0614141.00777.*}) and of a GS1 Digital Link
   * GLN without extension ({@code https://id.gs1.org/414/0614141007770} → {@code …/414/0614141007770/254/*});
   * any other location matches itself only.
   */
  private static void withDescendants(StringBuilder sql, List<Object> args, String column, List<String> values) {
    if (values.isEmpty()) {
      return;
    }
    sql.append(" AND (").append(column).append(" IN (").append(marks(values.size())).append(')');
    args.addAll(values);
    for (String v : values) {
      String prefix = descendantPrefix(v);
      if (prefix != null) {
        sql.append(" OR ").append(column).append(" LIKE ? ESCAPE '\\'");
        args.add(prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
      }
    }
    sql.append(')');
  }

  /** The prefix shared by the identifiers of the sub-locations of {@code location}, or null if none. */
  static String descendantPrefix(String location) {
    if (location.startsWith("urn:epc:id:sgln:") && location.endsWith(".0")
        && location.chars().filter(ch -> ch == '.').count() == 2) {
      return location.substring(0, location.length() - 1);
    }
    if (location.matches("https?://[^?#]+/414/\\d{13}")) {
      return location + "/254/";
    }
    return null;
  }

  private static void in(StringBuilder sql, List<Object> args, String column, List<String> values) {
    if (values != null && !values.isEmpty()) {
      sql.append(" AND ").append(column).append(" IN (").append(marks(values.size())).append(')');
      args.addAll(values);
    }
  }

  private static void range(StringBuilder sql, List<Object> args, String column, OffsetDateTime ge, OffsetDateTime lt) {
    if (ge != null) {
      sql.append(" AND ").append(column).append(" >= ?");
      args.add(ge);
    }
    if (lt != null) {
      sql.append(" AND ").append(column).append(" < ?");
      args.add(lt);
    }
  }

  /** Exact identifiers as one IN list; EPC patterns ending in {@code *} as prefix matches. */
  private static void identifiers(StringBuilder sql, List<Object> args, String column, List<String> values) {
    List<String> exact = new ArrayList<>();
    List<String> prefixes = new ArrayList<>();
    for (String v : values) {
      if (v.endsWith("*")) {
        prefixes.add(patternPrefix(v));
      } else {
        exact.add(v);
      }
    }
    String or = "";
    if (!exact.isEmpty()) {
      sql.append(column).append(" IN (").append(marks(exact.size())).append(')');
      args.addAll(exact);
      or = " OR ";
    }
    for (String p : prefixes) {
      sql.append(or).append(column).append(" LIKE ? ESCAPE '\\'");
      args.add(p.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
      or = " OR ";
    }
  }

  /** {@code urn:epc:idpat:sgtin:0614141.107346.*} matches instance URIs starting {@code urn:epc:id:sgtin:0614141.107346.}. */
  static String patternPrefix(String pattern) {
    String p = pattern.substring(0, pattern.length() - 1);
    return p.startsWith("urn:epc:idpat:") ? "urn:epc:id:" + p.substring("urn:epc:idpat:".length()) : p;
  }

  private static void typed(StringBuilder sql, List<Object> args, String subquery, Map<String, List<String>> byType) {
    for (Map.Entry<String, List<String>> t : byType.entrySet()) {
      sql.append(" AND e.id IN (").append(subquery).append(marks(t.getValue().size())).append("))");
      args.add(t.getKey());
      args.addAll(t.getValue());
    }
  }

  private static String marks(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  static long micros(OffsetDateTime t) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, t.toInstant());
  }

  static OffsetDateTime fromMicros(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }
}
