package org.custodia.line.application;

import java.util.List;
import org.custodia.gs1.ExpiryDate;
import org.custodia.gs1.Gtin;
import org.custodia.gs1.LotNumber;
import org.custodia.line.domain.Market;

/** A request for a work order, its strings already turned into value objects. */
public record NewWorkOrder(String line, Gtin gtin, LotNumber lot, ExpiryDate expiry, int quantity,
    List<Market> markets) {

  public NewWorkOrder {
    markets = List.copyOf(markets);
  }
}
