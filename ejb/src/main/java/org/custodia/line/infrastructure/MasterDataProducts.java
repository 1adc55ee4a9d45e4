package org.custodia.line.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.custodia.gs1.Gtin;
import org.custodia.line.application.Products;
import org.custodia.line.domain.ProductFacts;
import org.custodia.masterdata.application.MasterDataService;

/** Product facts from the masterdata feature's application service. */
@ApplicationScoped
public class MasterDataProducts implements Products {

  @Inject MasterDataService masterData;

  @Override
  public Optional<ProductFacts> product(Gtin gtin) {
    return masterData.product(gtin).map(p -> new ProductFacts(p.gtin(), p.ndc()));
  }
}
