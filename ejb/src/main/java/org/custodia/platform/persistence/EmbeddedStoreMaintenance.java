package org.custodia.platform.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.custodia.platform.Jndi;

/**
 * Keeps the embedded default's H2 file compact (OPS-1): every {@code custodia.h2.housekeeping.interval-ms}
 * (default 1000; 0 switches it off) a pass of {@link H2StoreHousekeeping} rewrites the emptiest chunks and
 * moves chunks into the file's holes, the work H2's own background writer stops doing when commits are
 * written before they return ({@code WRITE_DELAY=0}, configure-datasource-h2.cli). Nothing runs on any other
 * database: Oracle manages its own space. A non-persistent timer; a pass that fails is logged and the next
 * one tries again, since a pass only reorganises what is already committed.
 *
 * <p>Settings (system properties, percent and bytes; defaults {@link H2StoreHousekeeping.Settings#DEFAULTS}):
 * {@code custodia.h2.housekeeping.chunk-fill} (40), {@code custodia.h2.housekeeping.file-fill} (50), {@code
 * custodia.h2.housekeeping.rewrite-bytes} (1 MiB a pass) and {@code custodia.h2.housekeeping.move-bytes} (2 MiB
 * a pass). Most of the file a busy server leaves is free space that H2 keeps for {@code RETENTION_TIME} (45 s
 * of commits) and reuses after it.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EmbeddedStoreMaintenance {

  private static final Logger LOG = Logger.getLogger(EmbeddedStoreMaintenance.class.getName());

  @Resource(lookup = Jndi.DATASOURCE)
  DataSource dataSource;

  @Resource TimerService timers;

  private H2StoreHousekeeping.Settings settings;

  @PostConstruct
  void start() {
    long interval = Long.getLong("custodia.h2.housekeeping.interval-ms", 1000);
    if (interval <= 0 || !isH2()) {
      return;
    }
    H2StoreHousekeeping.Settings d = H2StoreHousekeeping.Settings.DEFAULTS;
    settings = new H2StoreHousekeeping.Settings(
        Integer.getInteger("custodia.h2.housekeeping.chunk-fill", d.chunkFillRate()),
        Integer.getInteger("custodia.h2.housekeeping.file-fill", d.fileFillRate()),
        Integer.getInteger("custodia.h2.housekeeping.rewrite-bytes", d.rewriteBytes()),
        Integer.getInteger("custodia.h2.housekeeping.move-bytes", d.moveBytes()));
    timers.createIntervalTimer(interval, interval, new TimerConfig("H2 store housekeeping", false));
    LOG.info(() -> "H2 store housekeeping every " + interval + " ms with " + settings
        + " (H2 runs none itself with WRITE_DELAY=0)");
  }

  @Timeout
  void pass() {
    try (Connection c = dataSource.getConnection()) {
      var store = H2StoreHousekeeping.storeOf(c);
      if (store == null) {
        return;
      }
      H2StoreHousekeeping.Pass pass = H2StoreHousekeeping.run(store, settings);
      if (pass != null && (pass.rewrote() || pass.moved())) {
        LOG.fine(() -> "H2 store: chunks " + pass.chunkFillRate() + " % live, file " + pass.fileFillRate()
            + " % used, " + pass.fileBytes() / (1 << 20) + " MiB; rewrote " + pass.rewrote() + ", moved " + pass.moved());
      }
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "H2 store housekeeping failed, the next pass tries again: " + e.getMessage(), e);
    }
  }

  private boolean isH2() {
    try (Connection c = dataSource.getConnection()) {
      return "H2".equals(c.getMetaData().getDatabaseProductName());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reach the database: " + e.getMessage(), e);
    }
  }
}
