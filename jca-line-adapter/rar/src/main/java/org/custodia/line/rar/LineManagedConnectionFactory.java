package org.custodia.line.rar;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.ConnectionDefinition;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.Set;
import javax.security.auth.Subject;
import org.custodia.line.api.LineConnection;
import org.custodia.line.api.LineConnectionFactory;

/**
 * Makes the pooled connections: each a Milo session with one line server. {@code endpointUrl}
 * overrides the adapter's for this connection definition (one per line server).
 */
@ConnectionDefinition(
    connectionFactory = LineConnectionFactory.class,
    connectionFactoryImpl = LineConnectionFactoryImpl.class,
    connection = LineConnection.class,
    connectionImpl = LineConnectionImpl.class)
public class LineManagedConnectionFactory
    implements ManagedConnectionFactory, ResourceAdapterAssociation {

  private static final long serialVersionUID = 1L;

  @ConfigProperty(description = "OPC UA endpoint URL; the adapter's when empty")
  private String endpointUrl;

  private transient LineResourceAdapter adapter;
  private transient PrintWriter logWriter;

  @Override
  public Object createConnectionFactory(ConnectionManager manager) {
    return new LineConnectionFactoryImpl(this, manager);
  }

  @Override
  public Object createConnectionFactory() throws ResourceException {
    throw new jakarta.resource.NotSupportedException(
        "the line adapter runs only inside the application server");
  }

  @Override
  public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info)
      throws ResourceException {
    return new LineManagedConnection(adapter.settings(endpointUrl), adapter.executor());
  }

  @Override
  @SuppressWarnings("rawtypes")
  public ManagedConnection matchManagedConnections(Set connections, Subject subject,
      ConnectionRequestInfo info) {
    for (Object c : connections) {
      if (c instanceof LineManagedConnection lmc && lmc.usable()) {
        return lmc;
      }
    }
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public ResourceAdapter getResourceAdapter() {
    return adapter;
  }

  @Override
  public void setResourceAdapter(ResourceAdapter ra) {
    this.adapter = (LineResourceAdapter) ra;
  }

  public String getEndpointUrl() {
    return endpointUrl;
  }

  public void setEndpointUrl(String endpointUrl) {
    this.endpointUrl = endpointUrl;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LineManagedConnectionFactory other
        && Objects.equals(endpointUrl, other.endpointUrl);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(endpointUrl);
  }
}
