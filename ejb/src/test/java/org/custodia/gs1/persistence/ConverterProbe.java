package org.custodia.gs1.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.custodia.gs1.Gtin;
import org.custodia.gs1.LotNumber;
import org.custodia.gs1.SerialNumber;

/**
 * A test-only entity with value-object fields and no converter named, to prove auto-application.
 */
@Entity
public class ConverterProbe {

  @Id private Long id;
  private Gtin gtin;
  private SerialNumber serial;
  private LotNumber lot;

  protected ConverterProbe() {}

  ConverterProbe(Long id, Gtin gtin, SerialNumber serial, LotNumber lot) {
    this.id = id;
    this.gtin = gtin;
    this.serial = serial;
    this.lot = lot;
  }

  Gtin gtin() {
    return gtin;
  }

  SerialNumber serial() {
    return serial;
  }

  LotNumber lot() {
    return lot;
  }
}
