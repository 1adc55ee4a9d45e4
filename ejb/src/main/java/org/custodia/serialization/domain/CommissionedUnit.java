package org.custodia.serialization.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A unit that has been commissioned (SER-5). Its key is GTIN and serial, so the database itself refuses a
 * second commissioning of the same serial, whatever node or request tries it.
 */
@Entity
@Table(name = "commissioned_unit")
@IdClass(CommissionedUnit.Key.class)
public class CommissionedUnit {

  /** The primary key: GTIN and serial as text. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private String gtin;
    private String serial;

    public Key() {}

    public Key(String gtin, String serial) {
      this.gtin = gtin;
      this.serial = serial;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(gtin, k.gtin) && Objects.equals(serial, k.serial);
    }

    @Override
    public int hashCode() {
      return Objects.hash(gtin, serial);
    }
  }

  @Id
  @Column(name = "gtin", length = 14)
  private String gtin;

  @Id
  @Column(name = "serial", length = 20)
  private String serial;

  @Column(name = "pool_id", nullable = false)
  private long poolId;

  @Column(name = "lot", nullable = false)
  private String lot;

  @Column(name = "expiry", nullable = false)
  private String expiry;

  @Column(name = "production_date")
  private LocalDate productionDate;

  @Column(name = "site_gln")
  private String siteGln;

  @Column(name = "line_id")
  private String line;

  @Column(name = "work_order")
  private String workOrder;

  @Column(name = "epc", nullable = false)
  private String epc;

  @Column(name = "event_id", nullable = false)
  private String eventId;

  @Column(name = "commissioned_at", nullable = false)
  private OffsetDateTime commissionedAt;

  @Column(name = "commissioned_by", nullable = false)
  private String commissionedBy;

  protected CommissionedUnit() {}

  public CommissionedUnit(
      CommissionOrder order, String serial, long poolId, String epc, String eventId, String by, OffsetDateTime at) {
    this.gtin = order.gtin().value();
    this.serial = serial;
    this.poolId = poolId;
    this.lot = order.lot().value();
    this.expiry = order.expiry().value();
    this.productionDate = order.productionDate();
    this.siteGln = order.site() == null ? null : order.site().value();
    this.line = order.line();
    this.workOrder = order.workOrder();
    this.epc = epc;
    this.eventId = eventId;
    this.commissionedBy = by;
    this.commissionedAt = at;
  }

  public String serial() {
    return serial;
  }

  public String epc() {
    return epc;
  }
}
