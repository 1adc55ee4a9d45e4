package org.custodia.verification.domain;

import java.time.LocalDate;

/**
 * What the repository knows of a serialized unit: its EPC, the lot and expiry from its commissioning
 * (null when no event carried them), and its status, the CBV disposition term of its current state.
 */
public record KnownUnit(String epc, String lot, LocalDate expiry, String status) {}
