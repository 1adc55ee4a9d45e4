package org.custodia.aggregation.domain;

/** What packing needs to know of a work order: its line and the product and lot it makes. */
public record OrderFacts(long id, String line, String gtin, String lot) {}
