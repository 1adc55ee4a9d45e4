package org.custodia.trace.domain;

import java.io.Serializable;
import java.util.List;

/**
 * What a recall of {@code criteria} would cover now, before anyone starts it: the number of units and of
 * the containers holding them, and the units by location and owner (the biggest group first).
 */
public record ScopePreview(RecallCriteria criteria, int units, int containers, List<LocationCount> byLocation)
    implements Serializable {

  public ScopePreview {
    byLocation = List.copyOf(byLocation);
  }
}
