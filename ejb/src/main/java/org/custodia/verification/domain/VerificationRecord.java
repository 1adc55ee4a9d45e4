package org.custodia.verification.domain;

import java.time.OffsetDateTime;

/**
 * One verification as the log keeps it for the anomaly rules: when, which unit, who asked (the requester
 * GLN, null for our own users), and the verdict.
 */
public record VerificationRecord(
    OffsetDateTime at, String gtin, String serial, String requesterGln, boolean verified, Reason reason) {}
