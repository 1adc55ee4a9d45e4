package org.custodia.epcis.domain;

import java.time.OffsetDateTime;

/**
 * A webhook subscription to a named query: on capture ({@code stream}) or on a schedule (cron-like fields
 * as JSON); {@code position} is the last event the receiver acknowledged.
 */
public record Subscription(
    String id,
    String queryName,
    String dest,
    String signatureToken,
    boolean stream,
    String schedule,
    boolean reportIfEmpty,
    EventQuery.Cursor position,
    int failures,
    OffsetDateTime nextAttemptAt,
    OffsetDateTime lastNotifiedAt,
    String createdBy,
    OffsetDateTime createdAt) {}
