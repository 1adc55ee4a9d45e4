package org.custodia.line.rar;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import jakarta.resource.spi.ResourceAllocationException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;
import org.custodia.line.api.LineException;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.SessionActivityListener;
import org.eclipse.milo.opcua.sdk.client.UaSession;
import org.eclipse.milo.opcua.stack.core.UaException;

/**
 * One pooled Milo session with a line server. A lost session or a call that breaks it signals a
 * connection error, so that the pool destroys this connection instead of handing it out again.
 */
final class LineManagedConnection implements ManagedConnection {

  /** A command on the session. */
  @FunctionalInterface
  interface Command {
    void run(LineCommands commands) throws LineException;
  }

  /** A read on the session. */
  @FunctionalInterface
  interface Read<T> {
    T read(LineCommands commands) throws LineException;
  }

  private final MiloSettings settings;
  private final OpcUaClient client;
  private final LineCommands commands;
  private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
  private final List<LineConnectionImpl> handles = new CopyOnWriteArrayList<>();
  private volatile boolean broken;
  private PrintWriter logWriter;

  LineManagedConnection(MiloSettings settings, ExecutorService executor) throws ResourceException {
    this.settings = settings;
    try {
      this.client = MiloClients.create(settings, executor);
      client.connect();
      this.commands = new LineCommands(client);
    } catch (UaException e) {
      throw new ResourceAllocationException(
          "no OPC UA session with " + settings.endpointUrl() + ": " + e.getMessage(), e);
    }
    client.addSessionActivityListener(new SessionActivityListener() {
      @Override
      public void onSessionInactive(UaSession session) {
        broken();
      }
    });
  }

  boolean usable() {
    return !broken;
  }

  void run(Command command) throws LineException {
    read(c -> {
      command.run(c);
      return null;
    });
  }

  <T> T read(Read<T> read) throws LineException {
    if (broken) {
      throw new LineException("the session with " + settings.endpointUrl() + " is lost");
    }
    try {
      return read.read(commands);
    } catch (LineCommands.BrokenSessionException e) {
      broken();
      throw e;
    }
  }

  private void broken() {
    if (broken) {
      return;
    }
    broken = true;
    ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_ERROR_OCCURRED,
        new ResourceException("OPC UA session with " + settings.endpointUrl() + " lost"));
    for (ConnectionEventListener l : listeners) {
      l.connectionErrorOccurred(event);
    }
  }

  void closed(LineConnectionImpl handle) {
    handles.remove(handle);
    ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
    event.setConnectionHandle(handle);
    for (ConnectionEventListener l : listeners) {
      l.connectionClosed(event);
    }
  }

  @Override
  public Object getConnection(Subject subject, ConnectionRequestInfo info) {
    LineConnectionImpl handle = new LineConnectionImpl(this);
    handles.add(handle);
    return handle;
  }

  @Override
  public void destroy() {
    cleanup();
    try {
      client.disconnectAsync().get(settings.requestTimeoutMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      // the session is gone either way
    }
  }

  @Override
  public void cleanup() {
    handles.forEach(LineConnectionImpl::invalidate);
    handles.clear();
  }

  @Override
  public void associateConnection(Object connection) throws ResourceException {
    if (!(connection instanceof LineConnectionImpl handle)) {
      throw new ResourceException("not a line connection: " + connection);
    }
    handle.associate(this);
    handles.add(handle);
  }

  @Override
  public void addConnectionEventListener(ConnectionEventListener listener) {
    listeners.add(listener);
  }

  @Override
  public void removeConnectionEventListener(ConnectionEventListener listener) {
    listeners.remove(listener);
  }

  @Override
  public XAResource getXAResource() throws ResourceException {
    throw new NotSupportedException("the line adapter is not transactional");
  }

  @Override
  public LocalTransaction getLocalTransaction() throws ResourceException {
    throw new NotSupportedException("the line adapter is not transactional");
  }

  @Override
  public ManagedConnectionMetaData getMetaData() {
    return new ManagedConnectionMetaData() {
      @Override
      public String getEISProductName() {
        return "OPC UA packaging line";
      }

      @Override
      public String getEISProductVersion() {
        return "1";
      }

      @Override
      public int getMaxConnections() {
        return 0;
      }

      @Override
      public String getUserName() {
        return settings.username();
      }
    };
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }
}
