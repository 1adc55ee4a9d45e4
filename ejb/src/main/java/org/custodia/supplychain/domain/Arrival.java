package org.custodia.supplychain.domain;

/**
 * An object found at receipt that the shipment did not list, as the repository knows it: GTIN and lot of
 * a unit (null for a container or an object the repository does not know) and its container.
 */
public record Arrival(String epc, String gtin, String lot, String parentEpc) {}
