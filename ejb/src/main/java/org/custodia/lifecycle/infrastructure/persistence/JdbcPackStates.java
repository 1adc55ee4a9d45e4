package org.custodia.lifecycle.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.custodia.lifecycle.domain.BatchKey;
import org.custodia.lifecycle.domain.BatchRecord;
import org.custodia.lifecycle.domain.BatchState;
import org.custodia.lifecycle.domain.PackChange;
import org.custodia.lifecycle.domain.PackKey;
import org.custodia.lifecycle.domain.PackRecord;
import org.custodia.lifecycle.domain.PackState;
import org.custodia.lifecycle.domain.PackStateException;
import org.custodia.platform.DomainException.Kind;
import org.custodia.platform.Jndi;

/**
 * The tables {@code pack_state}, {@code pack_state_history} and {@code batch_state}. Packs are keyed by GTIN
 * and serial; the rows of a request are locked ({@code FOR UPDATE}) before the rules judge them, so two
 * requests for the same pack are judged one after the other.
 */
@ApplicationScoped
public class JdbcPackStates {

  private static final String PACK_COLUMNS =
      "gtin, serial, epc, state, party_gln, location_gln, changed_at, changed_by, event_id";

  /** Pairs of GTIN and serial per look-up statement. */
  private static final int PAIRS = 200;

  @Resource(lookup = Jndi.DATASOURCE)
  DataSource dataSource;

  public JdbcPackStates() {}

  /** For tests outside the container. */
  public JdbcPackStates(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The stored states of those packs that have one, locked for this transaction, by key. */
  public Map<PackKey, PackRecord> lock(Collection<PackKey> packs) {
    return select(packs, true);
  }

  /** The stored states of those packs that have one, by key. */
  public Map<PackKey, PackRecord> find(Collection<PackKey> packs) {
    return select(packs, false);
  }

  private Map<PackKey, PackRecord> select(Collection<PackKey> packs, boolean forUpdate) {
    Map<PackKey, PackRecord> out = new LinkedHashMap<>();
    List<PackKey> all = new ArrayList<>(packs);
    try (Connection c = dataSource.getConnection()) {
      for (int i = 0; i < all.size(); i += PAIRS) {
        List<PackKey> chunk = all.subList(i, Math.min(all.size(), i + PAIRS));
        StringBuilder where = new StringBuilder();
        for (int j = 0; j < chunk.size(); j++) {
          where.append(j == 0 ? "" : " OR ").append("(gtin = ? AND serial = ?)");
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + PACK_COLUMNS + " FROM pack_state WHERE "
            + where + (forUpdate ? " FOR UPDATE" : ""))) {
          int n = 1;
          for (PackKey p : chunk) {
            ps.setString(n++, p.gtin());
            ps.setString(n++, p.serial());
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              PackRecord r = pack(rs);
              out.put(new PackKey(r.gtin(), r.serial()), r);
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("pack state look-up failed: " + e.getMessage(), e);
    }
    return out;
  }

  /**
   * Stores the new states and appends each change to the history; {@code before} holds the stored states
   * the change was judged on (a pack without one was active and gets its first row). A pack that another
   * request gave its first row meanwhile is refused as a conflict (the transaction rolls back).
   */
  public void save(List<PackRecord> changed, Map<PackKey, PackRecord> before) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement update = c.prepareStatement("UPDATE pack_state SET epc = ?, state = ?, party_gln = ?,"
            + " location_gln = ?, changed_at = ?, changed_by = ?, event_id = ? WHERE gtin = ? AND serial = ?");
        PreparedStatement insert = c.prepareStatement("INSERT INTO pack_state (" + PACK_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement history = c.prepareStatement("INSERT INTO pack_state_history (id, gtin, serial, epc,"
            + " from_state, to_state, party_gln, location_gln, changed_at, changed_by, event_id)"
            + " VALUES (pack_state_history_seq.NEXTVAL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      int updates = 0;
      int inserts = 0;
      for (PackRecord r : changed) {
        PackRecord old = before.get(new PackKey(r.gtin(), r.serial()));
        if (old == null) {
          int n = 1;
          insert.setString(n++, r.gtin());
          insert.setString(n++, r.serial());
          n = bindChange(insert, n, r);
          insert.addBatch();
          inserts++;
        } else {
          int n = 1;
          update.setString(n++, r.epc());
          update.setString(n++, r.state().name());
          update.setString(n++, r.partyGln());
          update.setString(n++, r.locationGln());
          update.setObject(n++, r.changedAt());
          update.setString(n++, r.changedBy());
          update.setString(n++, r.eventId());
          update.setString(n++, r.gtin());
          update.setString(n, r.serial());
          update.addBatch();
          updates++;
        }
        int n = 1;
        history.setString(n++, r.gtin());
        history.setString(n++, r.serial());
        history.setString(n++, r.epc());
        history.setString(n++, old == null ? PackState.ACTIVE.name() : old.state().name());
        history.setString(n++, r.state().name());
        history.setString(n++, r.partyGln());
        history.setString(n++, r.locationGln());
        history.setObject(n++, r.changedAt());
        history.setString(n++, r.changedBy());
        history.setString(n, r.eventId());
        history.addBatch();
      }
      if (updates > 0) {
        update.executeBatch();
      }
      if (inserts > 0) {
        insert.executeBatch();
      }
      history.executeBatch();
    } catch (SQLException e) {
      if (e instanceof SQLIntegrityConstraintViolationException || "23505".equals(e.getSQLState())
          || e.getCause() instanceof SQLIntegrityConstraintViolationException) {
        throw new PackStateException(Kind.CONFLICT, "concurrent-change", "codes", null,
            "another request changed one of these packs at the same time; nothing was changed, try again");
      }
      throw new IllegalStateException("storing pack states failed: " + e.getMessage(), e);
    }
  }

  private static int bindChange(PreparedStatement ps, int from, PackRecord r) throws SQLException {
    int n = from;
    ps.setString(n++, r.epc());
    ps.setString(n++, r.state().name());
    ps.setString(n++, r.partyGln());
    ps.setString(n++, r.locationGln());
    ps.setObject(n++, r.changedAt());
    ps.setString(n++, r.changedBy());
    ps.setString(n++, r.eventId());
    return n;
  }

  /** The pack's changes, oldest first. */
  public List<PackChange> history(String gtin, String serial) {
    List<PackChange> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT from_state, to_state, party_gln, location_gln, changed_at,"
            + " changed_by, event_id FROM pack_state_history WHERE gtin = ? AND serial = ? ORDER BY id")) {
      ps.setString(1, gtin);
      ps.setString(2, serial);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new PackChange(PackState.valueOf(rs.getString(1)), PackState.valueOf(rs.getString(2)),
              rs.getString(3), rs.getString(4), rs.getObject(5, OffsetDateTime.class), rs.getString(6),
              rs.getString(7)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("pack history look-up failed: " + e.getMessage(), e);
    }
    return out;
  }

  /** The stored states of those batches that have one, by key. */
  public Map<BatchKey, BatchRecord> batches(Collection<BatchKey> keys) {
    Map<BatchKey, BatchRecord> out = new LinkedHashMap<>();
    for (BatchKey k : keys) {
      batch(k).ifPresent(b -> out.put(k, b));
    }
    return out;
  }

  /** The stored state of a batch, if QA or a recall ever set one. */
  public Optional<BatchRecord> batch(BatchKey key) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT state, reason, changed_at, changed_by FROM batch_state"
            + " WHERE gtin = ? AND lot = ?")) {
      ps.setString(1, key.gtin());
      ps.setString(2, key.lot());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new BatchRecord(key.gtin(), key.lot(), BatchState.valueOf(rs.getString(1)),
            rs.getString(2), rs.getObject(3, OffsetDateTime.class), rs.getString(4)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("batch state look-up failed: " + e.getMessage(), e);
    }
  }

  /** Stores a batch's state (RELEASED, RECALLED or WITHDRAWN). */
  public void saveBatch(BatchRecord b) {
    if (b.state() == BatchState.EXPIRED) {
      throw new IllegalArgumentException("EXPIRED is derived from the expiry date, never stored");
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("MERGE INTO batch_state t USING (SELECT CAST(? AS VARCHAR2(14))"
            + " AS gtin, CAST(? AS VARCHAR2(20)) AS lot FROM dual) s ON (t.gtin = s.gtin AND t.lot = s.lot)"
            + " WHEN MATCHED THEN UPDATE SET t.state = ?, t.reason = ?, t.changed_at = ?, t.changed_by = ?"
            + " WHEN NOT MATCHED THEN INSERT (gtin, lot, state, reason, changed_at, changed_by)"
            + " VALUES (s.gtin, s.lot, ?, ?, ?, ?)")) {
      ps.setString(1, b.gtin());
      ps.setString(2, b.lot());
      for (int n : new int[] {3, 7}) {
        ps.setString(n, b.state().name());
        ps.setString(n + 1, b.reason());
        ps.setObject(n + 2, b.changedAt());
        ps.setString(n + 3, b.changedBy());
      }
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("storing the batch state failed: " + e.getMessage(), e);
    }
  }

  /**
   * The expiry date of a batch as its commissioning events gave it (the earliest, should units of one lot
   * disagree), from the current-state projection; empty when no unit of it is known.
   */
  public Optional<LocalDate> expiryOf(BatchKey key) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT MIN(expiry) FROM object_state"
            + " WHERE gtin = ? AND lot = ?")) {
      ps.setString(1, key.gtin());
      ps.setString(2, key.lot());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return Optional.ofNullable(rs.getObject(1, LocalDate.class));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("batch expiry look-up failed: " + e.getMessage(), e);
    }
  }

  /** Whether the repository knows any unit of the batch. */
  public boolean known(BatchKey key) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM object_state WHERE gtin = ? AND lot = ?")) {
      ps.setString(1, key.gtin());
      ps.setString(2, key.lot());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1) > 0;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("batch look-up failed: " + e.getMessage(), e);
    }
  }

  private static PackRecord pack(ResultSet rs) throws SQLException {
    return new PackRecord(rs.getString(1), rs.getString(2), rs.getString(3), PackState.valueOf(rs.getString(4)),
        rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class), rs.getString(8), rs.getString(9));
  }
}
