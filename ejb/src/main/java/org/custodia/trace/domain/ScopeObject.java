package org.custodia.trace.domain;

import java.io.Serializable;

/**
 * One object in a recall's scope as it stood when the recall ran.
 *
 * @param kind UNIT or CONTAINER
 * @param status the status before the recall (null when the repository has not stored it yet)
 * @param location where it is (a packed unit: where its pallet is)
 * @param quarantined whether the recall set it recalled
 */
public record ScopeObject(
    String epc,
    Kind kind,
    String gtin,
    String serial,
    String lot,
    String status,
    String location,
    String owner,
    String parentEpc,
    boolean quarantined)
    implements Serializable {

  /** Unit or container. */
  public enum Kind {
    UNIT,
    CONTAINER
  }

  /** This object with the status a fresher source than the projection gives it (a pack state, say). */
  public ScopeObject withStatus(String s) {
    return new ScopeObject(epc, kind, gtin, serial, lot, s, location, owner, parentEpc, quarantined);
  }

  public ScopeObject withQuarantined(boolean q) {
    return new ScopeObject(epc, kind, gtin, serial, lot, status, location, owner, parentEpc, q);
  }
}
