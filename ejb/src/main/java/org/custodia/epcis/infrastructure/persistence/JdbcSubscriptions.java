package org.custodia.epcis.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.custodia.epcis.domain.EventQuery;
import org.custodia.epcis.domain.Subscription;
import org.custodia.platform.Jndi;

/** Named queries and subscriptions in JDBC. */
@ApplicationScoped
public class JdbcSubscriptions {

  private static final String SUB_COLUMNS =
      "id, query_name, dest, signature_token, stream, schedule, report_if_empty, position_time, position_id,"
          + " failures, next_attempt_at, last_notified_at, created_by, created_at";

  @Resource(lookup = Jndi.DATASOURCE)
  DataSource dataSource;

  public boolean queryExists(String name) {
    return definition(name).isPresent();
  }

  public void createQuery(String name, String definition, String by) {
    exec("INSERT INTO epcis_named_query (name, definition, created_by, created_at) VALUES (?, ?, ?, ?)",
        name, definition, by, now());
  }

  public Optional<String> definition(String name) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT definition FROM epcis_named_query WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading named query failed: " + e.getMessage(), e);
    }
  }

  /** Name to definition, in name order. */
  public Map<String, String> queries() {
    Map<String, String> out = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT name, definition FROM epcis_named_query ORDER BY name");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading named queries failed: " + e.getMessage(), e);
    }
    return out;
  }

  public void deleteQuery(String name) {
    exec("DELETE FROM epcis_subscription WHERE query_name = ?", name);
    exec("DELETE FROM epcis_named_query WHERE name = ?", name);
  }

  public void createSubscription(Subscription s) {
    exec("INSERT INTO epcis_subscription (id, query_name, dest, signature_token, stream, schedule, report_if_empty,"
            + " position_time, position_id, failures, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
        s.id(), s.queryName(), s.dest(), s.signatureToken(), s.stream() ? 1 : 0, s.schedule(), s.reportIfEmpty() ? 1 : 0,
        s.position() == null ? null : JdbcEventQuery.fromMicros(s.position().timeMicros()),
        s.position() == null ? null : s.position().id(), s.createdBy(), s.createdAt());
  }

  public Optional<Subscription> subscription(String id) {
    List<Subscription> s = select(" WHERE id = ?", id);
    return s.isEmpty() ? Optional.empty() : Optional.of(s.get(0));
  }

  public List<Subscription> subscriptionsOf(String queryName) {
    return select(" WHERE query_name = ? ORDER BY created_at", queryName);
  }

  /** Stream subscriptions whose back-off has passed. */
  public List<Subscription> dueStreams(OffsetDateTime now) {
    return select(" WHERE stream = 1 AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY id", now);
  }

  public List<Subscription> scheduled() {
    return select(" WHERE stream = 0 ORDER BY id");
  }

  public void deleteSubscription(String id) {
    exec("DELETE FROM epcis_subscription WHERE id = ?", id);
  }

  /** Moves the position after an acknowledged delivery (or an acknowledged empty report). */
  public void delivered(String id, EventQuery.Cursor position) {
    if (position == null) {
      exec("UPDATE epcis_subscription SET failures = 0, next_attempt_at = NULL, last_notified_at = ? WHERE id = ?", now(), id);
    } else {
      exec("UPDATE epcis_subscription SET position_time = ?, position_id = ?, failures = 0, next_attempt_at = NULL,"
              + " last_notified_at = ? WHERE id = ?",
          JdbcEventQuery.fromMicros(position.timeMicros()), position.id(), now(), id);
    }
  }

  public void failed(String id, int failures, OffsetDateTime nextAttempt) {
    exec("UPDATE epcis_subscription SET failures = ?, next_attempt_at = ? WHERE id = ?", failures, nextAttempt, id);
  }

  private List<Subscription> select(String where, Object... args) {
    List<Subscription> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT " + SUB_COLUMNS + " FROM epcis_subscription" + where)) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          OffsetDateTime pt = rs.getObject(8, OffsetDateTime.class);
          out.add(new Subscription(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
              rs.getInt(5) == 1, rs.getString(6), rs.getInt(7) == 1,
              pt == null ? null : new EventQuery.Cursor(JdbcEventQuery.micros(pt), rs.getLong(9)),
              rs.getInt(10), rs.getObject(11, OffsetDateTime.class), rs.getObject(12, OffsetDateTime.class),
              rs.getString(13), rs.getObject(14, OffsetDateTime.class)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading subscriptions failed: " + e.getMessage(), e);
    }
    return out;
  }

  private void exec(String sql, Object... args) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("updating subscriptions failed: " + e.getMessage(), e);
    }
  }

  private static void bind(PreparedStatement ps, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      if (args[i] == null) {
        ps.setNull(i + 1, Types.VARCHAR);
      } else {
        ps.setObject(i + 1, args[i]);
      }
    }
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }
}
