package org.custodia.serialization.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custodia.gs1.Gtin;

/** Where serial pools, their allocations and their imported serials are kept. */
public interface SerialPoolRepository {

  Optional<SerialPool> find(long id);

  /** The pool, its row locked until the transaction ends: the only way to allocate from it. */
  Optional<SerialPool> lock(long id);

  List<SerialPool> findByGtin(Gtin gtin);

  /** The serial space of a GTIN and length, if one was opened. */
  Optional<SerialNumberSpace> findSpace(Gtin gtin, int length);

  /** All serial spaces of a GTIN. */
  List<SerialNumberSpace> findSpaces(Gtin gtin);

  /** The space, its row locked until the transaction ends: the only way to advance its counter. */
  SerialNumberSpace lockSpace(long id);

  void store(SerialNumberSpace space);

  /** Allocation ranges of a space overlapping [{@code min}, {@code max}], sorted by first counter. */
  List<SerialAllocation> allocationsCovering(long spaceId, long min, long max);

  List<SerialPool> findAll();

  void store(SerialPool pool);

  void store(SerialAllocation allocation);

  /** Adds imported serials to an import pool, at positions {@code first}, {@code first + 1}, ... */
  void storeImported(SerialPool pool, long first, List<String> serials);

  /** The imported serials at positions [{@code first}, {@code first + count}) of an import pool. */
  List<String> importedSerials(long poolId, long first, int count);

  /** Of {@code serials}, those imported for {@code gtin}, with their pool and position. */
  Map<String, ImportedPosition> findImported(Gtin gtin, Collection<String> serials);

  /** Where an imported serial sits. */
  record ImportedPosition(long poolId, long position) {}
}
