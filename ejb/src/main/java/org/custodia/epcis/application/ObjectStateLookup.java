package org.custodia.epcis.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.custodia.epcis.domain.ObjectState;
import org.custodia.epcis.infrastructure.persistence.JdbcEventStore;

/**
 * The current state of objects for other features (verification asks it): a primary-key look-up in the
 * projection, no event replay. It trails the sender of an event by the capture queue's latency.
 */
@PermitAll
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ObjectStateLookup {

  @Inject JdbcEventStore store;

  /**
   * The state of the first of {@code epcs} that the repository knows; callers pass the forms one object
   * may be named by (EPC URI, GS1 Digital Link), most likely first.
   */
  public Optional<ObjectState> firstKnown(List<String> epcs) {
    List<ObjectState> found = store.stateOf(epcs);
    for (String epc : epcs) {
      for (ObjectState s : found) {
        if (s.epc().equals(epc)) {
          return Optional.of(s);
        }
      }
    }
    return Optional.empty();
  }
}
