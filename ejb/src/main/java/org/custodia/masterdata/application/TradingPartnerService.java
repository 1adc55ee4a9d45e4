package org.custodia.masterdata.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
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
import org.custodia.masterdata.domain.TradingPartner;
import org.custodia.masterdata.domain.TradingPartner.VerifyPermission;
import org.custodia.masterdata.infrastructure.persistence.JdbcTradingPartners;
import org.custodia.security.Roles;

/**
 * Trading partners and their sites (issue 5): QA, supply chain, compliance, auditors and administrators
 * read them, only an administrator adds or changes one, and every change leaves an audit record. The
 * verification responder asks {@link #verifyPermission} whether a requester GLN is on the allow-list.
 */
@Stateless
@RolesAllowed({Roles.QA, Roles.SUPPLY_CHAIN, Roles.COMPLIANCE, Roles.ADMIN, Roles.AUDITOR})
public class TradingPartnerService {

  @Inject JdbcTradingPartners store;
  @Inject AuditTrail audit;
  @Resource SessionContext session;

  public List<TradingPartner> partners() {
    return store.findAll();
  }

  public Optional<TradingPartner> partner(Gln party) {
    return store.find(party);
  }

  /** Adds or replaces a partner with its sites; true when the party GLN was new. */
  @RolesAllowed(Roles.ADMIN)
  public boolean save(TradingPartner p) {
    boolean created = store.save(p, session.getCallerPrincipal().getName(), OffsetDateTime.now(ZoneOffset.UTC));
    audit.done(created ? "partner.create" : "partner.update", "GLN", p.partyGln().value(),
        p.name() + ", roles " + p.roleNames() + ", may verify " + p.mayVerify() + ", sites " + p.sites());
    return created;
  }

  /** Whether a GLN may ask for verifications: unknown, known but not permitted, or permitted. */
  @PermitAll
  public VerifyPermission verifyPermission(Gln requester) {
    return store.verifyPermission(requester);
  }
}
