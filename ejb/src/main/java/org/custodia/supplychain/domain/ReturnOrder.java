package org.custodia.supplychain.domain;

import java.util.List;

/** A request to return objects from the party that received them ({@code from…}) to another ({@code to…}). */
public record ReturnOrder(
    List<String> items,
    String fromOwner,
    String fromLocation,
    String toOwner,
    String toLocation,
    String reason,
    Boolean saleable) {}
