package org.custodia.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date with the Flyway migrations of db/ before anything else of the application
 * runs: common/ on every database, plus the folder of the database in use (oracle/ or h2/).
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseMigration {

  private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

  @Resource(lookup = Jndi.DATASOURCE)
  DataSource dataSource;

  @PostConstruct
  void migrate() {
    MigrateResult result = migrate(dataSource, getClass().getClassLoader());
    LOG.log(
        Level.INFO,
        "Database schema at version {0} ({1} migrations applied now)",
        new Object[] {result.targetSchemaVersion, result.migrationsExecuted});
  }

  /** Applies the migrations to {@code dataSource}; also used by tests outside the container. */
  public static MigrateResult migrate(DataSource dataSource, ClassLoader loader) {
    return Flyway.configure(loader)
        .dataSource(dataSource)
        .locations("classpath:db/migration/common", "classpath:db/migration/" + dialect(dataSource))
        .failOnMissingLocations(false)
        .load()
        .migrate();
  }

  private static String dialect(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      return product.contains("oracle") ? "oracle" : "h2";
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reach the database: " + e.getMessage(), e);
    }
  }
}
