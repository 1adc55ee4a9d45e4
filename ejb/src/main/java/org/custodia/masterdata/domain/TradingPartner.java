package org.custodia.masterdata.domain;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.custodia.gs1.Gln;
import org.custodia.gs1.Sgln;

/**
 * A trading partner: a party known by its GLN, with its roles, its sites (each an SGLN whose address is
 * the {@link Location} of the site's GLN) and whether it may ask us to verify product identifiers
 * (the requester allow-list of the verification router service, VER-2).
 *
 * @param partyGln the party's GLN
 * @param name the party's name
 * @param roles at least one role
 * @param mayVerify true when the partner may send verification requests
 * @param sites the partner's sites, possibly none
 */
public record TradingPartner(Gln partyGln, String name, Set<PartnerRole> roles, boolean mayVerify, List<Sgln> sites) {

  public TradingPartner {
    Objects.requireNonNull(partyGln, "partyGln");
    name = MasterDataException.required("name", name, 200);
    if (roles == null || roles.isEmpty()) {
      throw MasterDataException.invalid("roles", null, "field \"roles\" needs at least one role");
    }
    roles = Set.copyOf(EnumSet.copyOf(roles));
    sites = sites == null ? List.of() : List.copyOf(sites);
    if (sites.stream().distinct().count() != sites.size()) {
      throw MasterDataException.invalid("sites", sites, "field \"sites\" names a site more than once");
    }
  }

  /** The roles in declaration order, as wire names. */
  public List<String> roleNames() {
    return EnumSet.copyOf(roles).stream().map(PartnerRole::wireName).toList();
  }

  /** What the requester allow-list says about a GLN asking for a verification. */
  public enum VerifyPermission {
    /** No partner has this GLN. */
    UNKNOWN,
    /** A partner, but not one allowed to verify. */
    NOT_PERMITTED,
    /** A partner allowed to verify. */
    PERMITTED;

    /** The answer for a known partner with its {@code mayVerify} flag. */
    public static VerifyPermission of(boolean mayVerify) {
      return mayVerify ? PERMITTED : NOT_PERMITTED;
    }
  }

  /** The allow-list answer for this partner. */
  public VerifyPermission verifyPermission() {
    return VerifyPermission.of(mayVerify);
  }
}
