package org.custodia.line.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import org.custodia.line.domain.LineRepository;
import org.custodia.line.domain.ProductionLine;

/**
 * The packaging lines of the embedded default (system property {@code custodia.demo-data=true}): the lines
 * named in system property {@code custodia.line.demo.lines} (comma-separated, default line-1,line-2; the
 * line-throughput benchmark sets line-1 to line-N), 16 units between printer and camera, a reject
 * unconfirmed for 5 seconds stops the line. Lines already configured are left as they are.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class LineDemoData {

  @Inject LineRepository lines;

  @PostConstruct
  void load() {
    if (!Boolean.getBoolean("custodia.demo-data")) {
      return;
    }
    for (String id : System.getProperty("custodia.line.demo.lines", "line-1,line-2").split(",")) {
      id = id.trim();
      if (!id.isEmpty() && lines.line(id).isEmpty()) {
        lines.save(new ProductionLine(id, "Packaging " + id + " (demo)", 16, Duration.ofSeconds(5), true));
      }
    }
  }
}
