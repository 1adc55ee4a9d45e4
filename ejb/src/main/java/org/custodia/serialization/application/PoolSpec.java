package org.custodia.serialization.application;

import java.util.List;
import org.custodia.gs1.Gtin;
import org.custodia.serialization.domain.SerialCharset;
import org.custodia.serialization.domain.SerialOrder;

/** What a new generated pool should be; {@code capacity} may be null for the default. */
public record PoolSpec(
    Gtin gtin, SerialCharset charset, int length, SerialOrder order, Long capacity, List<String> markets) {

  public PoolSpec {
    markets = markets == null ? List.of() : List.copyOf(markets);
  }
}
