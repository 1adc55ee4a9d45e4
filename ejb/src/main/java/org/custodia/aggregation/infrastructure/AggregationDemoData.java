package org.custodia.aggregation.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.custodia.aggregation.domain.AggregationRepository;
import org.custodia.aggregation.domain.SsccPool;

/**
 * The SSCC pool of the embedded default (system property {@code custodia.demo-data=true}): GS1 demo company
 * prefix 9506000, extension digit 0, from serial reference 1. A pool already configured is left as it is.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class AggregationDemoData {

  static final SsccPool DEMO_POOL = new SsccPool("9506000", 0, 1);

  @Inject AggregationRepository repository;

  @PostConstruct
  void load() {
    if (Boolean.getBoolean("custodia.demo-data")) {
      repository.definePool(DEMO_POOL);
    }
  }
}
