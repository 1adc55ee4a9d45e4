package org.custodia.aggregation.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.custodia.aggregation.application.Aggregation;
import org.custodia.aggregation.application.AggregationService;
import org.custodia.aggregation.domain.ContainerLevel;
import org.custodia.line.application.LineAggregation;

/** The line's aggregation port, through the aggregation feature's application service (caller's transaction). */
@ApplicationScoped
public class LineAggregationAdapter implements LineAggregation {

  @Inject AggregationService aggregation;

  @Override
  public List<String> allocateSsccs(long workOrderId, Level level, int count) {
    return aggregation.allocateSsccs(workOrderId, level(level), count);
  }

  @Override
  public Packed packed(String line, long workOrderId, Level level, String parentCode, List<String> childCodes,
      int configuredCount, boolean partial, Instant at) {
    Aggregation.PackOutcome o =
        aggregation.packed(line, workOrderId, level(level), parentCode, childCodes, configuredCount, partial, at);
    return new Packed(o.accepted(), o.parentSscc(), o.children(), o.reason());
  }

  @Override
  public int count(long workOrderId, Level level) {
    return aggregation.count(workOrderId, level(level));
  }

  private static ContainerLevel level(Level level) {
    return ContainerLevel.valueOf(level.name());
  }
}
