package org.custodia.epcis.infrastructure.persistence;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodia.epcis.domain.IndexedField;
import org.custodia.epcis.domain.StoredEvent;

/**
 * Writes the indexed fields of stored events (epcis_event_field, V8) in one JDBC batch, and the namespace
 * prefixes their documents declared (epcis_namespace), on the connection and transaction of the events.
 */
final class JdbcFieldIndex {

  private static final String INSERT_FIELD =
      "INSERT INTO epcis_event_field (event_pk, area, name, str_value, num_value, time_value)"
          + " VALUES (?, ?, ?, ?, ?, ?)";

  private static final String MERGE_NAMESPACE =
      "MERGE INTO epcis_namespace t USING (SELECT CAST(? AS VARCHAR2(100)) AS prefix,"
          + " CAST(? AS VARCHAR2(400)) AS namespace FROM dual) s"
          + " ON (t.prefix = s.prefix AND t.namespace = s.namespace)"
          + " WHEN NOT MATCHED THEN INSERT (prefix, namespace) VALUES (s.prefix, s.namespace)";

  private JdbcFieldIndex() {}

  /** The fields of {@code events}, stored under the row ids {@code ids} (same order). */
  static void write(Connection c, List<StoredEvent> events, long[] ids) throws SQLException {
    Set<Map.Entry<String, String>> namespaces = new LinkedHashSet<>();
    boolean any = false;
    try (PreparedStatement ps = c.prepareStatement(INSERT_FIELD)) {
      for (int i = 0; i < events.size(); i++) {
        StoredEvent e = events.get(i);
        namespaces.addAll(e.namespaces().entrySet());
        for (IndexedField f : e.fields()) {
          ps.setLong(1, ids[i]);
          ps.setString(2, f.area());
          ps.setString(3, f.name());
          ps.setString(4, f.text());
          if (f.number() == null) {
            ps.setNull(5, Types.NUMERIC);
          } else {
            ps.setBigDecimal(5, f.number());
          }
          if (f.time() == null) {
            ps.setNull(6, Types.TIMESTAMP_WITH_TIMEZONE);
          } else {
            ps.setObject(6, f.time());
          }
          ps.addBatch();
          any = true;
        }
      }
      if (any) {
        ps.executeBatch();
      }
    }
    if (!namespaces.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement(MERGE_NAMESPACE)) {
        for (Map.Entry<String, String> n : namespaces) {
          if (n.getKey().length() <= 100 && n.getValue().length() <= 400) {
            ps.setString(1, n.getKey());
            ps.setString(2, n.getValue());
            ps.addBatch();
          }
        }
        ps.executeBatch();
      }
    }
  }
}
