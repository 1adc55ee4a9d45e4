package org.custodia.supplychain.domain;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A shipment from one owner and location to another against a purchase order (and optionally a despatch
 * advice), with the objects it carries as they stood when shipped and, once received, the receipt lines.
 * Parties and locations are GLNs (13 digits).
 */
public record Shipment(
    long id,
    ShipmentStatus status,
    String purchaseOrder,
    String despatchAdvice,
    String sourceOwner,
    String sourceLocation,
    String destinationOwner,
    String destinationLocation,
    OffsetDateTime shippedAt,
    String shippedBy,
    String shipEventId,
    OffsetDateTime receivedAt,
    String receivedBy,
    List<ExpectedItem> items,
    List<ReceiptLine> receipt)
    implements Serializable {

  public Shipment {
    items = items == null ? List.of() : List.copyOf(items);
    receipt = receipt == null ? List.of() : List.copyOf(receipt);
  }

  /** The objects the request named (the top level: pallets, cases, loose units). */
  public List<ExpectedItem> named() {
    return items.stream().filter(ExpectedItem::named).toList();
  }
}
