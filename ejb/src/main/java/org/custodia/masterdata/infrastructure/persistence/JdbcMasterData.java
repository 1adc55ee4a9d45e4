package org.custodia.masterdata.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.custodia.gs1.Gln;
import org.custodia.gs1.Gtin;
import org.custodia.masterdata.domain.Location;
import org.custodia.masterdata.domain.Product;
import org.custodia.platform.Jndi;

/** Reads and writes the product and location master tables with plain JDBC (bind parameters only). */
@ApplicationScoped
public class JdbcMasterData {

  private static final String PRODUCT_COLUMNS =
      "gtin, ndc, regulated_product_name, manufacturer_name, dosage_form, strength, net_content";
  private static final String LOCATION_COLUMNS =
      "gln, name, street_address_one, street_address_two, city, state, postal_code, country_code";

  @Resource(lookup = Jndi.DATASOURCE)
  DataSource dataSource;

  public JdbcMasterData() {}

  /** For tests outside the container. */
  public JdbcMasterData(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public Optional<Product> product(Gtin gtin) {
    List<Product> p = products("SELECT " + PRODUCT_COLUMNS + " FROM product_master WHERE gtin = ?", gtin.value());
    return p.stream().findFirst();
  }

  public List<Product> products() {
    return products("SELECT " + PRODUCT_COLUMNS + " FROM product_master ORDER BY gtin");
  }

  public Optional<Location> location(Gln gln) {
    List<Location> l = locations("SELECT " + LOCATION_COLUMNS + " FROM location_master WHERE gln = ?", gln.value());
    return l.stream().findFirst();
  }

  public List<Location> locations() {
    return locations("SELECT " + LOCATION_COLUMNS + " FROM location_master ORDER BY gln");
  }

  /** Inserts or replaces the product's row; true when it was new. */
  public boolean save(Product p, String by, OffsetDateTime at) {
    Object[] values = {p.ndc(), p.regulatedProductName(), p.manufacturerName(), p.dosageFormType(),
        p.strengthDescription(), p.netContentDescription(), by, at, p.gtin().value()};
    return upsert(
        "UPDATE product_master SET ndc = ?, regulated_product_name = ?, manufacturer_name = ?, dosage_form = ?,"
            + " strength = ?, net_content = ?, updated_by = ?, updated_at = ? WHERE gtin = ?",
        "INSERT INTO product_master (ndc, regulated_product_name, manufacturer_name, dosage_form, strength,"
            + " net_content, updated_by, updated_at, gtin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        values);
  }

  /** Inserts or replaces the location's row; true when it was new. */
  public boolean save(Location l, String by, OffsetDateTime at) {
    Object[] values = {l.name(), l.streetAddressOne(), l.streetAddressTwo(), l.city(), l.state(), l.postalCode(),
        l.countryCode(), by, at, l.gln().value()};
    return upsert(
        "UPDATE location_master SET name = ?, street_address_one = ?, street_address_two = ?, city = ?, state = ?,"
            + " postal_code = ?, country_code = ?, updated_by = ?, updated_at = ? WHERE gln = ?",
        "INSERT INTO location_master (name, street_address_one, street_address_two, city, state, postal_code,"
            + " country_code, updated_by, updated_at, gln) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        values);
  }

  private boolean upsert(String update, String insert, Object[] values) {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement ps = c.prepareStatement(update)) {
        bind(ps, values);
        if (ps.executeUpdate() > 0) {
          return false;
        }
      }
      try (PreparedStatement ps = c.prepareStatement(insert)) {
        bind(ps, values);
        ps.executeUpdate();
        return true;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot write master data: " + e.getMessage(), e);
    }
  }

  private static void bind(PreparedStatement ps, Object[] values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      ps.setObject(i + 1, values[i]);
    }
  }

  private List<Product> products(String sql, Object... args) {
    List<Product> out = new ArrayList<>();
    query(sql, args, rs -> out.add(new Product(Gtin.of(rs.getString(1)), rs.getString(2), rs.getString(3),
        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7))));
    return out;
  }

  private List<Location> locations(String sql, Object... args) {
    List<Location> out = new ArrayList<>();
    query(sql, args, rs -> out.add(new Location(Gln.of(rs.getString(1)), rs.getString(2), rs.getString(3),
        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8))));
    return out;
  }

  private interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  private void query(String sql, Object[] args, RowReader reader) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          reader.read(rs);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read master data: " + e.getMessage(), e);
    }
  }
}
