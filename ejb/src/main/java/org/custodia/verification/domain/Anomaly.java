package org.custodia.verification.domain;

import org.custodia.exceptions.domain.ExceptionType;
import org.custodia.exceptions.domain.Severity;

/** A verification anomaly (VER-3) that becomes a supply-chain exception of this type and severity. */
public record Anomaly(ExceptionType type, Severity severity, String detail) {}
