package org.custodia.line.api;

/** The JNDI names and resource adapter name the application uses for the lines. */
public final class LineJndi {

  /** The connection factory of the lines of the embedded default (wildfly-config). */
  public static final String CONNECTION_FACTORY = "java:/eis/custodia/LineConnectionFactory";

  /**
   * The resource adapter an MDB binds to in {@code jboss-ejb3.xml} ({@code resource-adapter-name}):
   * the RAR inside the same EAR.
   */
  public static final String RESOURCE_ADAPTER = "custodia.ear#custodia-line.rar";

  private LineJndi() {}
}
