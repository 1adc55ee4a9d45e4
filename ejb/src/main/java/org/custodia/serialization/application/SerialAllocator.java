package org.custodia.serialization.application;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.custodia.platform.DomainException.Kind;
import org.custodia.serialization.domain.SerialAllocation;
import org.custodia.serialization.domain.SerialNumberSpace;
import org.custodia.serialization.domain.SerialPool;
import org.custodia.serialization.domain.SerialPoolException;
import org.custodia.serialization.domain.SerialPoolRepository;
import org.custodia.serialization.domain.SerialRange;
import org.custodia.serialization.domain.SerialSpace;

/**
 * The allocation steps, in the caller's transaction: lock the pool row, then (generated pools) the space
 * row — always in that order, so concurrent allocations cannot deadlock — advance the counters, record the
 * range, and render the serials. Plain Java so that the concurrency tests run exactly this code on two
 * independent connection pools.
 */
public final class SerialAllocator {

  private SerialAllocator() {}

  public static Allocation allocate(
      SerialPoolRepository pools, long poolId, int count, String by, String purpose, OffsetDateTime now) {
    SerialPool pool =
        pools
            .lock(poolId)
            .orElseThrow(
                () ->
                    new SerialPoolException(
                        Kind.NOT_FOUND, "pool-not-found", "poolId", poolId, "there is no serial pool " + poolId));
    List<String> serials;
    SerialRange range;
    if (pool.isImport()) {
      range = pool.allocateImported(count);
      serials = pools.importedSerials(poolId, range.first(), count);
    } else {
      SerialNumberSpace space = pools.lockSpace(pool.spaceId());
      range = pool.allocate(space, count);
      SerialSpace permutation = space.permutation();
      serials = new ArrayList<>(count);
      char[] buffer = new char[space.length()];
      for (long c = range.first(); c < range.first() + count; c++) {
        permutation.serialAt(c, buffer);
        serials.add(new String(buffer));
      }
    }
    SerialAllocation record = new SerialAllocation(range, pool.spaceId(), by, purpose, now);
    pools.store(record);
    return new Allocation(poolId, record.id(), serials);
  }
}
