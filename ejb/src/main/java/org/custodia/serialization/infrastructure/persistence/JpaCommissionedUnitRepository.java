package org.custodia.serialization.infrastructure.persistence;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.custodia.gs1.Gtin;
import org.custodia.platform.DomainException.Kind;
import org.custodia.platform.persistence.Chunks;
import org.custodia.serialization.domain.CommissionedUnit;
import org.custodia.serialization.domain.CommissionedUnitRepository;
import org.custodia.serialization.domain.SerialPoolException;

/** Commissioned units in JPA; the primary key (GTIN, serial) is the last line of defence against doubles. */
@Stateless
@PermitAll
public class JpaCommissionedUnitRepository implements CommissionedUnitRepository {

  @PersistenceContext(unitName = "custodia")
  EntityManager em;

  public JpaCommissionedUnitRepository() {}

  /** For tests outside the container. */
  public JpaCommissionedUnitRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Set<String> findCommissioned(Gtin gtin, Collection<String> serials) {
    return serialsIn("commissioned_unit", gtin, serials);
  }

  @Override
  public Set<String> findUnused(Gtin gtin, Collection<String> serials) {
    return serialsIn("serial_unused", gtin, serials);
  }

  private Set<String> serialsIn(String table, Gtin gtin, Collection<String> serials) {
    Set<String> found = new HashSet<>();
    for (List<String> chunk : Chunks.of(serials)) {
      List<?> rows =
          em.createNativeQuery("SELECT serial FROM " + table + " WHERE gtin = ?1 AND serial IN (?2)")
              .setParameter(1, gtin.value())
              .setParameter(2, chunk)
              .getResultList();
      rows.forEach(r -> found.add((String) r));
    }
    return found;
  }

  @Override
  public void storeAll(List<CommissionedUnit> units) {
    try {
      units.forEach(em::persist);
      em.flush();
    } catch (PersistenceException e) {
      throw new SerialPoolException(
          Kind.CONFLICT,
          "already-commissioned",
          "serials",
          null,
          "another request commissioned one of these serials at the same moment; nothing was written");
    }
  }

  @Override
  public void markUnused(Gtin gtin, java.util.Map<String, Long> poolOf, String reason, String by) {
    OffsetDateTime now = OffsetDateTime.now();
    for (java.util.Map.Entry<String, Long> e : poolOf.entrySet()) {
      em.createNativeQuery(
              "INSERT INTO serial_unused (gtin, serial, pool_id, reason, marked_at, marked_by)"
                  + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
          .setParameter(1, gtin.value())
          .setParameter(2, e.getKey())
          .setParameter(3, e.getValue())
          .setParameter(4, reason)
          .setParameter(5, now)
          .setParameter(6, by)
          .executeUpdate();
    }
  }
}
