package org.custodia.lifecycle.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custodia.lifecycle.domain.BatchKey;
import org.custodia.lifecycle.domain.BatchRecord;
import org.custodia.lifecycle.domain.PackKey;
import org.custodia.lifecycle.domain.PackRecord;
import org.custodia.lifecycle.infrastructure.persistence.JdbcPackStates;

/**
 * The pack and batch state of a unit for other features (verification asks it, VER-1): read in the
 * caller's transaction, without waiting for the capture queue, so a pack decommissioned a moment ago is
 * answered decommissioned.
 */
@PermitAll
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class PackStatusLookup {

  @Inject JdbcPackStates store;

  /** For the container. */
  public PackStatusLookup() {}

  /** Over {@code store}, outside a container (other features' tests). */
  public PackStatusLookup(JdbcPackStates store) {
    this.store = store;
  }

  /**
   * The decommissioned packs among {@code packs}, each with its state's name ({@code supplied}, {@code
   * exported}, {@code stolen}…): what a recall must know before it quarantines them (RCL-3), since the
   * projection's disposition does not tell an exported pack (in transit) from one on its way to a wholesaler.
   */
  public Map<PackKey, String> decommissioned(Collection<PackKey> packs) {
    Map<PackKey, String> out = new HashMap<>();
    store.find(packs).forEach((key, record) -> {
      if (record.state().decommissioned()) {
        out.put(key, record.state().wireName());
      }
    });
    return out;
  }

  /**
   * The status the pack and batch states give a unit, overriding the projection's {@code status}: the pack
   * state's name ({@code supplied}, {@code destroyed}, {@code free_sample}…) while the pack is decommissioned;
   * {@code active} when its undo is newer than the unit's last event; else {@code recalled} or {@code
   * withdrawn} while its batch is; empty when neither says anything.
   *
   * @param lastEventTime the time of the unit's last event in the projection, or null
   */
  public Optional<String> status(String gtin, String serial, String lot, OffsetDateTime lastEventTime) {
    PackKey key = new PackKey(gtin, serial);
    PackRecord pack = store.find(List.of(key)).get(key);
    if (pack != null && pack.state().decommissioned()) {
      return Optional.of(pack.state().wireName());
    }
    Optional<BatchRecord> batch = lot == null ? Optional.empty() : store.batch(new BatchKey(gtin, lot));
    if (batch.isPresent() && batch.get().state().blocksPacks()) {
      return Optional.of(batch.get().state().name().toLowerCase(java.util.Locale.ROOT));
    }
    if (pack != null && (lastEventTime == null || !pack.changedAt().isBefore(lastEventTime))) {
      return Optional.of(pack.state().wireName());
    }
    return Optional.empty();
  }
}
