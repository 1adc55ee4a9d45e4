package org.custodia.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RunAs;
import org.custodia.security.Roles;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custodia.masterdata.application.CompanyPrefixes;

/**
 * The demo master data of the embedded default (DESIGN.md), loaded when the server sets the system
 * property {@code custodia.demo-data=true} (wildfly-config/configure-server.cli does; production does not):
 * the GS1 demo company prefix 9506000, owner of the demo product GTIN 09506000134352 and the demo GLNs.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@RunAs(Roles.ADMIN)
public class DemoData {

  private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

  @Inject CompanyPrefixes prefixes;

  @PostConstruct
  void load() {
    if (!Boolean.getBoolean("custodia.demo-data")) {
      return;
    }
    prefixes.register("9506000", "GS1 demo company (Custodia demo data)");
    LOG.log(Level.INFO, "Demo master data present");
  }
}
