package org.custodia.supplychain.domain;

import java.util.List;

/**
 * A request to ship: the scanned or typed codes of the objects (units, cases, pallets; a container ships
 * with everything inside it), the purchase order (required) and despatch advice, and the GLNs of the
 * owning parties and locations at both ends.
 */
public record ShipmentOrder(
    List<String> items,
    String purchaseOrder,
    String despatchAdvice,
    String sourceOwner,
    String sourceLocation,
    String destinationOwner,
    String destinationLocation) {}
