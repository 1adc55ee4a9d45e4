package org.custodia.epcis.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.custodia.epcis.domain.StoredEvent;
import org.custodia.epcis.infrastructure.json.EpcisJson;
import org.custodia.epcis.infrastructure.persistence.JdbcEventStore;

/**
 * Stores captured documents: every event once (a redelivered or re-sent event with a known eventID is
 * recognised and skipped), its EPC index rows, and the current state of the objects it names, all in the
 * transaction that consumed the message.
 */
@PermitAll
@Stateless
public class EventRepositoryService {

  @Inject JdbcEventStore store;

  /** Stores the events of an EPCIS 2.0 JSON-LD document; returns how many were new. */
  public int store(String document, String source) {
    List<StoredEvent> events = EpcisJson.read(document);
    return store.storeAll(events, source);
  }


  /** The event as stored (its JSON-LD), if known. */
  public java.util.Optional<String> event(String eventId) {
    return store.event(eventId);
  }

}
