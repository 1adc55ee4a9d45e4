package org.custodia.platform.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Splits values for {@code IN (...)} lists: Oracle accepts at most 1,000 expressions in one list. */
public final class Chunks {

  public static final int MAX_IN_LIST = 1000;

  private Chunks() {}

  public static <T> List<List<T>> of(Collection<T> values) {
    List<T> all = new ArrayList<>(values);
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += MAX_IN_LIST) {
      out.add(all.subList(i, Math.min(all.size(), i + MAX_IN_LIST)));
    }
    return out;
  }
}
