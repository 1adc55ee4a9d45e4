package org.custodia.line.rar;

import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import java.io.Serializable;
import javax.naming.Reference;
import org.custodia.line.api.LineConnection;
import org.custodia.line.api.LineConnectionFactory;
import org.custodia.line.api.LineException;

/** The connection factory bound in JNDI; connections come from the container's pool. */
public class LineConnectionFactoryImpl implements LineConnectionFactory, Serializable, Referenceable {

  private static final long serialVersionUID = 1L;

  private final transient LineManagedConnectionFactory mcf;
  private final transient ConnectionManager manager;
  private Reference reference;

  LineConnectionFactoryImpl(LineManagedConnectionFactory mcf, ConnectionManager manager) {
    this.mcf = mcf;
    this.manager = manager;
  }

  @Override
  public LineConnection getConnection() throws LineException {
    try {
      return (LineConnection) manager.allocateConnection(mcf, null);
    } catch (ResourceException e) {
      throw new LineException("no connection to the line server: " + e.getMessage(), e);
    }
  }

  @Override
  public void setReference(Reference reference) {
    this.reference = reference;
  }

  @Override
  public Reference getReference() {
    return reference;
  }
}
