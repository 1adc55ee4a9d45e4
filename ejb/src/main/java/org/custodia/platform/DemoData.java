package org.custodia.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RunAs;
import org.custodia.security.Roles;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custodia.gs1.Gln;
import org.custodia.gs1.Gtin;
import org.custodia.gs1.Sgln;
import org.custodia.masterdata.application.CompanyPrefixes;
import org.custodia.masterdata.application.MasterDataService;
import org.custodia.masterdata.application.TradingPartnerService;
import org.custodia.masterdata.domain.Location;
import org.custodia.masterdata.domain.PartnerRole;
import org.custodia.masterdata.domain.Product;
import org.custodia.masterdata.domain.TradingPartner;

/**
 * The demo master data of the embedded default (DESIGN.md), loaded when the server sets the system
 * property {@code custodia.demo-data=true} (wildfly-config/configure-server.cli does; production does not):
 * the GS1 demo company prefix 9506000, owner of the demo product GTIN 09506000134352 and the demo GLNs;
 * the product's master data (an invented NDC in the 99999 labeler code, every name marked "demo") and
 * the addresses of the own plant (GLN 9506000000015), the wholesaler (9506000000022) and the pharmacy
 * (9506000000039), which a DSCSA export needs; and the three as trading partners (issue 5): the own
 * company as manufacturer, the wholesaler and the pharmacy both allowed to verify. Rows already present are
 * left as they are.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@RunAs(Roles.ADMIN)
public class DemoData {

  private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

  @Inject CompanyPrefixes prefixes;
  @Inject MasterDataService masterData;
  @Inject TradingPartnerService partners;

  @PostConstruct
  void load() {
    if (!Boolean.getBoolean("custodia.demo-data")) {
      return;
    }
    prefixes.register("9506000", "GS1 demo company (Custodia demo data)");
    product(new Product(Gtin.of("09506000134352"), "99999-134-52", "Custodiamab 100 mg tablets (demo)",
        "Custodia Demo Pharma Inc. (demo)", "TABLET", "100 mg", "30 tablets"));
    location(new Location(Gln.of("9506000000015"), "Custodia Demo Plant (demo)", "1 Demo Way", null,
        "Princeton", "NJ", "08540", "US"));
    location(new Location(Gln.of("9506000000022"), "Demo Wholesaler (demo)", "200 Distribution Pkwy",
        "Building 2", "Louisville", "KY", "40218", "US"));
    location(new Location(Gln.of("9506000000039"), "Demo Pharmacy (demo)", "12 Main St", null,
        "Columbus", "OH", "43215", "US"));
    partner(new TradingPartner(Gln.of("9506000000015"), "Custodia Demo Pharma Inc. (demo)",
        Set.of(PartnerRole.MANUFACTURER), false, List.of(Sgln.of("9506000000015", null))));
    partner(new TradingPartner(Gln.of("9506000000022"), "Demo Wholesaler (demo)", Set.of(PartnerRole.WHOLESALER),
        true, List.of(Sgln.of("9506000000022", null))));
    partner(new TradingPartner(Gln.of("9506000000039"), "Demo Pharmacy (demo)", Set.of(PartnerRole.PHARMACY), true,
        List.of(Sgln.of("9506000000039", null))));
    LOG.log(Level.INFO, "Demo master data present");
  }

  private void product(Product p) {
    if (masterData.product(p.gtin()).isEmpty()) {
      masterData.save(p);
    }
  }

  private void partner(TradingPartner p) {
    if (partners.partner(p.partyGln()).isEmpty()) {
      partners.save(p);
    }
  }

  private void location(Location l) {
    if (masterData.location(l.gln()).isEmpty()) {
      masterData.save(l);
    }
  }
}
