package org.custodia.masterdata.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.custodia.audit.application.AuditTrail;
import org.custodia.gs1.Gln;
import org.custodia.gs1.Gtin;
import org.custodia.masterdata.domain.Location;
import org.custodia.masterdata.domain.Product;
import org.custodia.masterdata.infrastructure.persistence.JdbcMasterData;
import org.custodia.security.Roles;

/**
 * Product and location master data (MKT-1, EPC-4): every role reads it, only an administrator writes
 * it, and every write leaves an audit record. Trading partners (issue 5) will be parties with a
 * location of this kind plus what the partnership needs.
 */
@Stateless
@RolesAllowed({Roles.OPERATOR, Roles.QA, Roles.SUPPLY_CHAIN, Roles.COMPLIANCE, Roles.ADMIN, Roles.AUDITOR})
public class MasterDataService {

  @Inject JdbcMasterData store;
  @Inject AuditTrail audit;
  @Resource SessionContext session;

  public Optional<Product> product(Gtin gtin) {
    return store.product(gtin);
  }

  public List<Product> products() {
    return store.products();
  }

  public Optional<Location> location(Gln gln) {
    return store.location(gln);
  }

  public List<Location> locations() {
    return store.locations();
  }

  /** Adds or replaces the master data of a product; true when the GTIN was new. */
  @RolesAllowed(Roles.ADMIN)
  public boolean save(Product p) {
    boolean created = store.save(p, caller(), now());
    audit.done(created ? "product.create" : "product.update", "GTIN", p.gtin().value(), p.toString());
    return created;
  }

  /** Adds or replaces the master data of a location; true when the GLN was new. */
  @RolesAllowed(Roles.ADMIN)
  public boolean save(Location l) {
    boolean created = store.save(l, caller(), now());
    audit.done(created ? "location.create" : "location.update", "GLN", l.gln().value(), l.toString());
    return created;
  }

  private String caller() {
    return session.getCallerPrincipal().getName();
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }
}
