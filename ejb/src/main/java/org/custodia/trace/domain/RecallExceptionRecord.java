package org.custodia.trace.domain;

import java.io.Serializable;
import java.time.OffsetDateTime;

/** A unit a recall could not quarantine, and why (its status then: dispensed, exported…). */
public record RecallExceptionRecord(
    long id, String epc, String reason, String status, String location, String owner, OffsetDateTime raisedAt)
    implements Serializable {}
