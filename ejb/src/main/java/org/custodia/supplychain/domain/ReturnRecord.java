package org.custodia.supplychain.domain;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A return of objects from a party that received them to another party: saleable ones come back as
 * {@code returned}, others as {@code non_sellable_other}. Parties and locations are GLNs.
 */
public record ReturnRecord(
    long id,
    String fromOwner,
    String fromLocation,
    String toOwner,
    String toLocation,
    String reason,
    boolean saleable,
    String eventId,
    OffsetDateTime returnedAt,
    String returnedBy,
    List<String> items)
    implements Serializable {

  public ReturnRecord {
    items = items == null ? List.of() : List.copyOf(items);
  }
}
