package org.custodia.trace.domain;

import java.io.Serializable;
import java.util.List;

/**
 * What a trace answers (RCL-1): the object's current state, the chain of its containers from the direct
 * one up to the outermost, its location and owner now (a packed unit travels with its pallet), and its
 * history, oldest event first.
 */
public record Trace(
    TracedObject object,
    List<TracedObject> parents,
    String location,
    String owner,
    List<HistoryEntry> history,
    boolean historyTruncated)
    implements Serializable {

  public Trace {
    parents = List.copyOf(parents);
    history = List.copyOf(history);
  }
}
