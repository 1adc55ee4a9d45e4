package org.custodia.lifecycle.application;

import org.custodia.gs1.Gln;
import org.custodia.lifecycle.domain.PackStateException;
import org.custodia.masterdata.application.MasterDataService;
import org.custodia.masterdata.application.TradingPartnerService;
import org.custodia.masterdata.domain.TradingPartner;
import org.custodia.platform.DomainException.Kind;

/**
 * Party and location of a pack state change checked against the master data: the party must be a trading
 * partner, the location a known location and, when the partner lists its sites, one of them.
 */
final class MasterDataDirectory implements PackStates.Directory {

  private final TradingPartnerService partners;
  private final MasterDataService masterData;

  MasterDataDirectory(TradingPartnerService partners, MasterDataService masterData) {
    this.partners = partners;
    this.masterData = masterData;
  }

  @Override
  public void check(Gln party, Gln location) {
    TradingPartner partner = partners.partner(party).orElseThrow(() -> new PackStateException(Kind.INVALID,
        "unknown-party", "party", party.value(), "field \"party\": GLN " + party.value()
            + " is no trading partner in the master data"));
    if (masterData.location(location).isEmpty()) {
      throw new PackStateException(Kind.INVALID, "unknown-location", "location", location.value(),
          "field \"location\": GLN " + location.value() + " is no location in the master data");
    }
    if (!partner.sites().isEmpty() && partner.sites().stream().noneMatch(s -> s.gln().equals(location))) {
      throw new PackStateException(Kind.INVALID, "location-not-of-party", "location", location.value(),
          "field \"location\": GLN " + location.value() + " is not a site of party " + party.value() + " ("
              + partner.name() + ")");
    }
  }
}
