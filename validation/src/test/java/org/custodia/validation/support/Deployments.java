package org.custodia.validation.support;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The deployment every OQ test uses: the EAR the build produced, unchanged. */
public final class Deployments {

  private Deployments() {}

  public static EnterpriseArchive ear() {
    File ear = new File(System.getProperty("custodia.ear", "../ear/target/custodia.ear"));
    if (!ear.isFile()) {
      throw new IllegalStateException("build the EAR first: " + ear.getAbsolutePath() + " is missing");
    }
    return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
  }
}
