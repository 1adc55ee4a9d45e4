package org.custodia.line.application;

import java.util.Optional;
import org.custodia.gs1.Gtin;
import org.custodia.line.domain.ProductFacts;

/** The product master data a work order needs, from the masterdata feature. */
public interface Products {

  Optional<ProductFacts> product(Gtin gtin);
}
