package org.custodia.serialization.domain;

import java.time.LocalDate;
import java.util.List;
import org.custodia.gs1.ExpiryDate;
import org.custodia.gs1.Gln;
import org.custodia.gs1.Gtin;
import org.custodia.gs1.LotNumber;
import org.custodia.gs1.SerialNumber;

/**
 * What commissioning needs to know (SER-5): product, lot, expiry and serials, and where available the
 * production date, the site, the line and the work order.
 */
public record CommissionOrder(
    Gtin gtin,
    LotNumber lot,
    ExpiryDate expiry,
    List<SerialNumber> serials,
    LocalDate productionDate,
    Gln site,
    String line,
    String workOrder) {

  public CommissionOrder {
    serials = List.copyOf(serials);
  }
}
