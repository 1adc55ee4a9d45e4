package org.custodia.verification.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import javax.sql.DataSource;
import org.custodia.platform.Jndi;
import org.custodia.verification.domain.Channel;
import org.custodia.verification.domain.Reason;
import org.custodia.verification.domain.VerificationRecord;

/** The log of verifications (table {@code verification_log}) with plain JDBC. */
@ApplicationScoped
public class JdbcVerificationLog {

  /** What the log stores beyond the {@link VerificationRecord}. */
  public record Extra(Channel channel, String lot, String expiry, String requestedBy, String corrUuid, String context) {}

  @Resource(lookup = Jndi.DATASOURCE)
  DataSource dataSource;

  public JdbcVerificationLog() {}

  /** For tests outside the container. */
  public JdbcVerificationLog(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Appends a verification; returns its id. The id is taken by a statement of its own: with {@code
   * verification_log_seq.NEXTVAL} inside the insert (one statement fewer) the responder's p99 under a
   * sustained load of 8 clients was 68 – 76 ms in two runs against 26 – 34 ms in five with this form, on
   * the embedded H2 (validation/pq/README.md, downstream, eighteenth session).
   */
  public long append(VerificationRecord r, Extra x) {
    try (Connection c = dataSource.getConnection()) {
      long id;
      try (PreparedStatement ps = c.prepareStatement("SELECT verification_log_seq.NEXTVAL FROM dual");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        id = rs.getLong(1);
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO verification_log (id, verified_at, channel, gtin, serial, lot, expiry, requester_gln,"
                  + " requested_by, corr_uuid, context, verified, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        ps.setLong(1, id);
        ps.setObject(2, r.at());
        ps.setString(3, x.channel().name());
        ps.setString(4, r.gtin());
        ps.setString(5, r.serial());
        ps.setString(6, x.lot());
        ps.setString(7, x.expiry());
        ps.setString(8, r.requesterGln());
        ps.setString(9, x.requestedBy());
        ps.setString(10, cut(x.corrUuid()));
        ps.setString(11, cut(x.context()));
        ps.setInt(12, r.verified() ? 1 : 0);
        ps.setString(13, r.reason() == null ? null : r.reason().name());
        ps.executeUpdate();
      }
      return id;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot log verification: " + e.getMessage(), e);
    }
  }

  /**
   * The first (oldest) verification of one unit at or after {@code since} by a requester other than {@code
   * requesterGln}: all the conflict rule of VER-3 asks of the unit's past. One row at most, so a unit
   * verified again and again by the same requester (hundreds of times within the window in the downstream
   * benchmark) costs a range of the unit's index, not a record each.
   */
  public Optional<VerificationRecord> firstByAnotherRequester(String gtin, String serial, String requesterGln,
      OffsetDateTime since) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT verified_at, gtin, serial, requester_gln, verified, reason FROM verification_log"
                    + " WHERE gtin = ? AND serial = ? AND verified_at >= ? AND requester_gln IS NOT NULL"
                    + " AND requester_gln <> ? ORDER BY verified_at, id FETCH FIRST 1 ROWS ONLY")) {
      ps.setString(1, gtin);
      ps.setString(2, serial);
      ps.setObject(3, since);
      ps.setString(4, requesterGln);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        String reason = rs.getString(6);
        return Optional.of(new VerificationRecord(rs.getObject(1, OffsetDateTime.class), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getInt(5) == 1, reason == null ? null : Reason.valueOf(reason)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read verification log: " + e.getMessage(), e);
    }
  }

  /** How many failed verifications {@code requesterGln} had at or after {@code since}. */
  public int failuresOf(String requesterGln, OffsetDateTime since) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT COUNT(*) FROM verification_log WHERE requester_gln = ? AND verified_at >= ? AND verified = 0")) {
      ps.setString(1, requesterGln);
      ps.setObject(2, since);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read verification log: " + e.getMessage(), e);
    }
  }

  /**
   * How many failed verifications {@code requesterGln} had at or after {@code since}, counted up to {@code
   * atMost}: the anomaly rule only asks whether the count is its threshold, so counting stops at the
   * threshold plus one instead of visiting every verification of a busy requester in the window (at a
   * sustained VRS load those are thousands per request; the index is on requester and time, not on the
   * outcome).
   */
  public int failuresOf(String requesterGln, OffsetDateTime since, int atMost) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT COUNT(*) FROM (SELECT 1 FROM verification_log WHERE requester_gln = ? AND verified_at >= ?"
                    + " AND verified = 0 FETCH FIRST ? ROWS ONLY) f")) {
      ps.setString(1, requesterGln);
      ps.setObject(2, since);
      ps.setInt(3, atMost);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read verification log: " + e.getMessage(), e);
    }
  }

  private static String cut(String s) {
    return s == null || s.length() <= 100 ? s : s.substring(0, 100);
  }
}
