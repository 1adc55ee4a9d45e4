package org.custodia.epcis.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * An EPCIS 2.0 TransactionEvent as our own features produce it: objects associated with (ADD) or
 * disassociated from (DELETE) one or more business transactions, such as the transfer of ownership at
 * receipt against a purchase order. {@code parentId} is optional; bizStep and disposition are CBV short
 * names.
 */
public record TransactionEvent(
    String eventId,
    OffsetDateTime eventTime,
    List<TypedId> bizTransactions,
    String parentId,
    List<String> epcList,
    String action,
    String bizStep,
    String disposition,
    String readPoint,
    String bizLocation,
    List<TypedId> sources,
    List<TypedId> destinations) {

  public TransactionEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(eventTime, "eventTime");
    Objects.requireNonNull(action, "action");
    bizTransactions = List.copyOf(bizTransactions);
    if (bizTransactions.isEmpty()) {
      throw new IllegalArgumentException("a TransactionEvent names at least one business transaction");
    }
    epcList = List.copyOf(epcList);
    sources = sources == null ? List.of() : List.copyOf(sources);
    destinations = destinations == null ? List.of() : List.copyOf(destinations);
  }
}
