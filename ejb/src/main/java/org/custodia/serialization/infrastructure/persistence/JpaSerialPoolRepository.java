package org.custodia.serialization.infrastructure.persistence;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custodia.gs1.Gtin;
import org.custodia.platform.persistence.Chunks;
import org.custodia.serialization.domain.SerialAllocation;
import org.custodia.serialization.domain.SerialNumberSpace;
import org.custodia.serialization.domain.SerialPool;
import org.custodia.serialization.domain.SerialPoolRepository;

/**
 * Serial pools in JPA; the pool row lock ({@code SELECT ... FOR UPDATE}) serialises allocation. A stateless
 * EJB rather than a CDI bean: the container then orders its persistence-context injection after the
 * persistence unit is up (as a CDI bean, Weld sometimes looked the unit up before it existed and the
 * deployment failed).
 */
@Stateless
@PermitAll
public class JpaSerialPoolRepository implements SerialPoolRepository {

  @PersistenceContext(unitName = "custodia")
  EntityManager em;

  public JpaSerialPoolRepository() {}

  /** For tests outside the container. */
  public JpaSerialPoolRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<SerialPool> find(long id) {
    return Optional.ofNullable(em.find(SerialPool.class, id));
  }

  @Override
  public Optional<SerialPool> lock(long id) {
    return Optional.ofNullable(em.find(SerialPool.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public List<SerialPool> findByGtin(Gtin gtin) {
    return em.createNamedQuery("SerialPool.findByGtin", SerialPool.class)
        .setParameter("gtin", gtin)
        .getResultList();
  }

  @Override
  public Optional<SerialNumberSpace> findSpace(Gtin gtin, int length) {
    return em.createNamedQuery("SerialNumberSpace.find", SerialNumberSpace.class)
        .setParameter("gtin", gtin)
        .setParameter("length", length)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<SerialNumberSpace> findSpaces(Gtin gtin) {
    return em.createQuery("select s from SerialNumberSpace s where s.gtin = :gtin", SerialNumberSpace.class)
        .setParameter("gtin", gtin)
        .getResultList();
  }

  @Override
  public SerialNumberSpace lockSpace(long id) {
    return em.find(SerialNumberSpace.class, id, LockModeType.PESSIMISTIC_WRITE);
  }

  @Override
  public void store(SerialNumberSpace space) {
    if (space.id() == null) {
      em.persist(space);
    }
    em.flush();
  }

  @Override
  public List<SerialAllocation> allocationsCovering(long spaceId, long min, long max) {
    return em.createNamedQuery("SerialAllocation.covering", SerialAllocation.class)
        .setParameter("space", spaceId)
        .setParameter("min", min)
        .setParameter("max", max)
        .getResultList();
  }

  @Override
  public List<SerialPool> findAll() {
    return em.createNamedQuery("SerialPool.findAll", SerialPool.class).getResultList();
  }

  @Override
  public void store(SerialPool pool) {
    if (pool.id() == null) {
      em.persist(pool);
    }
    em.flush();
  }

  @Override
  public void store(SerialAllocation allocation) {
    em.persist(allocation);
  }

  @Override
  public void storeImported(SerialPool pool, long first, List<String> serials) {
    String gtin = pool.gtin().value();
    long pos = first;
    for (String s : serials) {
      em.createNativeQuery(
              "INSERT INTO serial_import (pool_id, position, gtin, serial) VALUES (?1, ?2, ?3, ?4)")
          .setParameter(1, pool.id())
          .setParameter(2, pos++)
          .setParameter(3, gtin)
          .setParameter(4, s)
          .executeUpdate();
    }
  }

  @Override
  public List<String> importedSerials(long poolId, long first, int count) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT serial FROM serial_import WHERE pool_id = ?1 AND position >= ?2 AND position < ?3"
                    + " ORDER BY position")
            .setParameter(1, poolId)
            .setParameter(2, first)
            .setParameter(3, first + count)
            .getResultList();
    List<String> out = new ArrayList<>(rows.size());
    rows.forEach(r -> out.add((String) r));
    return out;
  }

  @Override
  public Map<String, ImportedPosition> findImported(Gtin gtin, Collection<String> serials) {
    Map<String, ImportedPosition> found = new HashMap<>();
    for (List<String> chunk : Chunks.of(serials)) {
      List<?> rows =
          em.createNativeQuery(
                  "SELECT serial, pool_id, position FROM serial_import WHERE gtin = ?1 AND serial IN (?2)")
              .setParameter(1, gtin.value())
              .setParameter(2, chunk)
              .getResultList();
      for (Object r : rows) {
        Object[] row = (Object[]) r;
        found.put(
            (String) row[0],
            new ImportedPosition(((Number) row[1]).longValue(), ((Number) row[2]).longValue()));
      }
    }
    return found;
  }
}
