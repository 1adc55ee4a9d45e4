package org.custodia.lifecycle.domain;

import java.time.OffsetDateTime;

/**
 * The state QA gave a batch (RELEASED, RECALLED or WITHDRAWN; EXPIRED is derived, never stored), why, by
 * whom and when.
 */
public record BatchRecord(
    String gtin, String lot, BatchState state, String reason, OffsetDateTime changedAt, String changedBy) {}
