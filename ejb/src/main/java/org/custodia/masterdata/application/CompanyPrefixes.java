package org.custodia.masterdata.application;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.custodia.security.Roles;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * The GS1 company prefixes Custodia knows. An EPC URI needs the company prefix length, which a GS1 key does
 * not carry; this answers it for keys of known companies (longest prefix wins), so other features can write
 * {@code urn:epc:id:sgtin:...} where possible and fall back to a GS1 Digital Link where not.
 */
@PermitAll
@Singleton
@Lock(LockType.READ)
public class CompanyPrefixes {

  @PersistenceContext(unitName = "custodia")
  EntityManager em;

  private volatile Set<String> prefixes;

  /** The company prefix length of a GS1 key given without its GTIN indicator digit or extension digit. */
  public OptionalInt lengthFor(String keyDigits) {
    Set<String> known = prefixes;
    if (known == null) {
      known = load();
    }
    for (int len = 12; len >= 4; len--) {
      if (keyDigits.length() > len && known.contains(keyDigits.substring(0, len))) {
        return OptionalInt.of(len);
      }
    }
    return OptionalInt.empty();
  }

  /** Adds a company prefix (idempotent). */
  @Lock(LockType.WRITE)
  @RolesAllowed(Roles.ADMIN)
  public void register(String prefix, String name) {
    Number n =
        (Number)
            em.createNativeQuery("SELECT COUNT(*) FROM company_prefix WHERE prefix = ?1")
                .setParameter(1, prefix)
                .getSingleResult();
    if (n.intValue() == 0) {
      em.createNativeQuery("INSERT INTO company_prefix (prefix, name) VALUES (?1, ?2)")
          .setParameter(1, prefix)
          .setParameter(2, name)
          .executeUpdate();
    }
    prefixes = null;
  }

  private Set<String> load() {
    Set<String> s = new TreeSet<>();
    for (Object p : em.createNativeQuery("SELECT prefix FROM company_prefix").getResultList()) {
      s.add((String) p);
    }
    prefixes = s;
    return s;
  }
}
