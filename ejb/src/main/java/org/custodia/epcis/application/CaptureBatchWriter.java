package org.custodia.epcis.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import org.custodia.epcis.domain.StoredEvent;
import org.custodia.epcis.infrastructure.persistence.JdbcEventStore;

/**
 * Stores one batch of a capture job in a transaction of its own: a batch is all or nothing, and a job of
 * 100,000 events never becomes one transaction that could time out.
 */
@Stateless
@PermitAll
public class CaptureBatchWriter {

  @Inject JdbcEventStore store;

  /** Stores the batch; returns how many events were new (the others were known by eventID). */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int store(List<StoredEvent> batch, String source, long jobId) {
    return store.storeAll(batch, source, jobId);
  }
}
