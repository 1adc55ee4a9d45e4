package org.custodia.lifecycle.domain;

import java.time.OffsetDateTime;

/** One change of a pack's state as the history keeps it: from, to, for which party, where, when, who, event. */
public record PackChange(
    PackState from,
    PackState to,
    String partyGln,
    String locationGln,
    OffsetDateTime changedAt,
    String changedBy,
    String eventId) {}
