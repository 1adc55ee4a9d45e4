package org.custodia.serialization.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.custodia.gs1.Gtin;

/**
 * Decides which pool issued each serial presented for commissioning. A generated serial is mapped back
 * through its space's permutation to a counter, and the counter must lie in a recorded allocation range;
 * an imported serial must sit at a position its import pool has handed out. A serial no pool of the GTIN
 * issued is refused: it could collide with a serial the system issues later.
 */
public final class IssuedSerials {

  /** Looks up the allocation ranges of a space that overlap a counter interval. */
  @FunctionalInterface
  public interface Ranges {
    List<SerialAllocation> covering(long spaceId, long minCounter, long maxCounter);
  }

  private IssuedSerials() {}

  public static Map<String, Long> attribute(
      Gtin gtin,
      List<String> serials,
      List<SerialNumberSpace> spaces,
      List<SerialPool> importPools,
      Map<String, SerialPoolRepository.ImportedPosition> imported,
      Ranges ranges) {
    Map<String, Long> result = new HashMap<>();
    List<String> notIssued = new ArrayList<>();
    Map<Long, SerialPool> importById = new HashMap<>();
    importPools.forEach(p -> importById.put(p.id(), p));
    Map<SerialNumberSpace, Map<String, Long>> counters = new HashMap<>();
    for (String serial : serials) {
      SerialPoolRepository.ImportedPosition pos = imported.get(serial);
      if (pos != null) {
        SerialPool p = importById.get(pos.poolId());
        if (p != null && pos.position() < p.issued()) {
          result.put(serial, p.id());
        } else {
          notIssued.add(serial);
        }
        continue;
      }
      SerialNumberSpace space =
          spaces.stream().filter(s -> s.length() == serial.length()).findFirst().orElse(null);
      OptionalLong counter = space == null ? OptionalLong.empty() : space.permutation().counterOf(serial);
      if (counter.isEmpty() || counter.getAsLong() >= space.issued()) {
        notIssued.add(serial);
      } else {
        counters.computeIfAbsent(space, k -> new HashMap<>()).put(serial, counter.getAsLong());
      }
    }
    for (Map.Entry<SerialNumberSpace, Map<String, Long>> e : counters.entrySet()) {
      long min = e.getValue().values().stream().mapToLong(Long::longValue).min().orElseThrow();
      long max = e.getValue().values().stream().mapToLong(Long::longValue).max().orElseThrow();
      List<SerialAllocation> covering = ranges.covering(e.getKey().id(), min, max);
      for (Map.Entry<String, Long> sc : e.getValue().entrySet()) {
        SerialAllocation a = find(covering, sc.getValue());
        if (a == null) {
          notIssued.add(sc.getKey());
        } else {
          result.put(sc.getKey(), a.poolId());
        }
      }
    }
    if (!notIssued.isEmpty()) {
      throw SerialPoolException.conflict(
          "serial-not-issued",
          "serials",
          notIssued.get(0),
          notIssued.size()
              + " serial(s) were never issued for GTIN "
              + gtin.value()
              + " by any of its pools, e.g. \""
              + notIssued.get(0)
              + "\"; allocate serials from a pool (or import them) before commissioning");
    }
    return result;
  }

  /** The range holding {@code counter}, by binary search over ranges sorted by first counter. */
  private static SerialAllocation find(List<SerialAllocation> sorted, long counter) {
    int lo = 0;
    int hi = sorted.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      SerialAllocation a = sorted.get(mid);
      if (counter < a.firstCounter()) {
        hi = mid - 1;
      } else if (counter >= a.firstCounter() + a.count()) {
        lo = mid + 1;
      } else {
        return a;
      }
    }
    return null;
  }
}
