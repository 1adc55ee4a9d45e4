package org.custodia.aggregation.domain;

/**
 * One descendant of a container (AGG-1).
 *
 * @param id the GS1 element string of the descendant, {@code (01)…(21)…} for a unit, {@code (00)…} for a
 *     container
 * @param kind {@code UNIT}, {@code CASE} or {@code PALLET}
 * @param parentSscc the SSCC of the container it is directly in
 * @param depth 1 for a direct child, 2 for a grandchild, …
 */
public record Content(String id, String kind, String parentSscc, int depth) {}
