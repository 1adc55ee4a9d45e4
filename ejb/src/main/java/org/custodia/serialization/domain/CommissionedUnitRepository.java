package org.custodia.serialization.domain;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.custodia.gs1.Gtin;

/** Where commissioned units and unused marks are kept. */
public interface CommissionedUnitRepository {

  /** Of {@code serials}, those already commissioned for {@code gtin}. */
  Set<String> findCommissioned(Gtin gtin, Collection<String> serials);

  /** Of {@code serials}, those marked unused for {@code gtin}. */
  Set<String> findUnused(Gtin gtin, Collection<String> serials);

  /**
   * Stores the units; throws {@link SerialPoolException} ({@code already-commissioned}) when another
   * transaction commissioned one of them first.
   */
  void storeAll(List<CommissionedUnit> units);

  /** Marks serials unused; {@code poolOf} gives the pool that issued each. */
  void markUnused(Gtin gtin, java.util.Map<String, Long> poolOf, String reason, String by);
}
