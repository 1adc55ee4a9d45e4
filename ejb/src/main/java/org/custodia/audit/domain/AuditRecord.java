package org.custodia.audit.domain;

import java.time.OffsetDateTime;

/** One audit record, with the hashes that chain it to the one before. */
public record AuditRecord(
    long id,
    OffsetDateTime recordedAt,
    String actor,
    String action,
    String objectType,
    String objectId,
    String outcome,
    String detail,
    String prevHash,
    String hash) {}
