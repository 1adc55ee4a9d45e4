package org.custodia.verification.application;

import java.time.OffsetDateTime;
import java.util.List;
import org.custodia.verification.domain.Verdict;

/**
 * The result of a verification: the verdict, when it was given, and the ids of the supply-chain
 * exceptions its anomalies raised (often none).
 */
public record VerificationResult(Verdict verdict, OffsetDateTime at, List<Long> exceptionIds) {}
