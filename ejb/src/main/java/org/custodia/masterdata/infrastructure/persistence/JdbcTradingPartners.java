package org.custodia.masterdata.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.custodia.gs1.Gln;
import org.custodia.gs1.Sgln;
import org.custodia.masterdata.domain.PartnerRole;
import org.custodia.masterdata.domain.TradingPartner;
import org.custodia.platform.Jndi;

/**
 * Reads and writes trading partners (table {@code trading_partner}, roles as a comma-separated list of
 * wire names) and their sites ({@code partner_site}, extension {@code '0'} for none) with plain JDBC.
 */
@ApplicationScoped
public class JdbcTradingPartners {

  @Resource(lookup = Jndi.DATASOURCE)
  DataSource dataSource;

  public JdbcTradingPartners() {}

  /** For tests outside the container. */
  public JdbcTradingPartners(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public Optional<TradingPartner> find(Gln party) {
    return read(" WHERE p.party_gln = ?", party.value()).stream().findFirst();
  }

  /** What the allow-list says about {@code requester}: one indexed row, without the partner's sites. */
  public TradingPartner.VerifyPermission verifyPermission(Gln requester) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT may_verify FROM trading_partner WHERE party_gln = ?")) {
      ps.setString(1, requester.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? TradingPartner.VerifyPermission.of(rs.getInt(1) == 1)
            : TradingPartner.VerifyPermission.UNKNOWN;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read trading partners: " + e.getMessage(), e);
    }
  }

  public List<TradingPartner> findAll() {
    return read("", null);
  }

  /** Inserts or replaces the partner and its sites; true when it was new. */
  public boolean save(TradingPartner p, String by, OffsetDateTime at) {
    try (Connection c = dataSource.getConnection()) {
      boolean created;
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE trading_partner SET name = ?, roles = ?, may_verify = ?, updated_by = ?, updated_at = ?"
                  + " WHERE party_gln = ?")) {
        bindPartner(ps, p, by, at);
        created = ps.executeUpdate() == 0;
      }
      if (created) {
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO trading_partner (name, roles, may_verify, updated_by, updated_at, party_gln)"
                    + " VALUES (?, ?, ?, ?, ?, ?)")) {
          bindPartner(ps, p, by, at);
          ps.executeUpdate();
        }
      }
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM partner_site WHERE party_gln = ?")) {
        ps.setString(1, p.partyGln().value());
        ps.executeUpdate();
      }
      if (!p.sites().isEmpty()) {
        try (PreparedStatement ps =
            c.prepareStatement("INSERT INTO partner_site (site_gln, extension, party_gln) VALUES (?, ?, ?)")) {
          for (Sgln s : p.sites()) {
            ps.setString(1, s.gln().value());
            ps.setString(2, s.hasExtension() ? s.extension() : "0");
            ps.setString(3, p.partyGln().value());
            ps.addBatch();
          }
          ps.executeBatch();
        }
      }
      return created;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot write trading partner: " + e.getMessage(), e);
    }
  }

  private static void bindPartner(PreparedStatement ps, TradingPartner p, String by, OffsetDateTime at)
      throws SQLException {
    ps.setString(1, p.name());
    ps.setString(2, String.join(",", p.roleNames()));
    ps.setInt(3, p.mayVerify() ? 1 : 0);
    ps.setString(4, by);
    ps.setObject(5, at);
    ps.setString(6, p.partyGln().value());
  }

  private List<TradingPartner> read(String where, String arg) {
    record Row(String gln, String name, String roles, boolean mayVerify) {}
    Map<String, Row> rows = new LinkedHashMap<>();
    Map<String, List<Sgln>> sites = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT p.party_gln, p.name, p.roles, p.may_verify FROM trading_partner p" + where
                  + " ORDER BY p.party_gln")) {
        if (arg != null) {
          ps.setString(1, arg);
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rows.put(rs.getString(1), new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4) == 1));
          }
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT p.party_gln, s.site_gln, s.extension FROM partner_site s"
                  + " JOIN trading_partner p ON p.party_gln = s.party_gln" + where
                  + " ORDER BY s.site_gln, s.extension")) {
        if (arg != null) {
          ps.setString(1, arg);
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            sites.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(Sgln.of(rs.getString(2), rs.getString(3)));
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read trading partners: " + e.getMessage(), e);
    }
    List<TradingPartner> out = new ArrayList<>(rows.size());
    for (Row r : rows.values()) {
      Set<PartnerRole> roles = EnumSet.noneOf(PartnerRole.class);
      for (String name : r.roles().split(",")) {
        roles.add(PartnerRole.of(name));
      }
      out.add(new TradingPartner(Gln.of(r.gln()), r.name(), roles, r.mayVerify(), sites.getOrDefault(r.gln(), List.of())));
    }
    return out;
  }
}
