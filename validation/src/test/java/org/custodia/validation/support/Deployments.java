package org.custodia.validation.support;

import java.io.File;
import java.nio.charset.StandardCharsets;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Testable;
import org.hamcrest.Matcher;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The deployment every OQ test uses: the EAR the build produced, unchanged. */
public final class Deployments {

  private Deployments() {}

  /**
   * The EAR with one more web module, {@code test.war} at {@code /test} (marked for Arquillian as the module that runs the tests), holding {@code testClasses}
   * and the libraries they need: for the few tests that must run inside the server, next to the real
   * application (its EJBs, datasource and queues), without changing the application's own modules.
   */
  public static EnterpriseArchive earWithProbe(Class<?>... testClasses) {
    return earWithProbe(war -> {}, testClasses);
  }

  /**
   * As {@link #earWithProbe(Class[])}, with more in the probe, e.g. a {@code WEB-INF/jboss-ejb3.xml}
   * that binds a test MDB to a resource adapter.
   */
  public static EnterpriseArchive earWithProbe(
      java.util.function.Consumer<WebArchive> more, Class<?>... testClasses) {
    EnterpriseArchive ear = ear();
    WebArchive probe =
        ShrinkWrap.create(WebArchive.class, "test.war")
            .addClasses(testClasses)
            .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
            .addAsLibraries(jarOf(Awaitility.class), jarOf(Matcher.class));
    more.accept(probe);
    ear.addAsModule(Testable.archiveToTest(probe));
    String app = new String(readAll(ear.get("META-INF/application.xml").getAsset().openStream()), StandardCharsets.UTF_8);
    app =
        app.replace(
            "<library-directory>",
            "<module><web><web-uri>test.war</web-uri><context-root>/test</context-root></web></module>\n"
                + "  <library-directory>");
    ear.delete("META-INF/application.xml");
    ear.setApplicationXML(new StringAsset(app));
    return ear;
  }

  private static File jarOf(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] readAll(java.io.InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public static EnterpriseArchive ear() {
    File ear = new File(System.getProperty("custodia.ear", "../ear/target/custodia.ear"));
    if (!ear.isFile()) {
      throw new IllegalStateException("build the EAR first: " + ear.getAbsolutePath() + " is missing");
    }
    return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
  }
}
