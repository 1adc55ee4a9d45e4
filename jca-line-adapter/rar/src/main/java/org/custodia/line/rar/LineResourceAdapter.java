package org.custodia.line.rar;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;
import org.custodia.line.wire.SharedStackUsers;
import org.eclipse.milo.opcua.stack.core.Stack;

/**
 * The packaging-line resource adapter: its config properties are the defaults of every connection
 * definition and activation (endpoint, security, timeouts). Activations live in a map keyed by
 * their MessageEndpointFactory; all work goes to the container's WorkManager and its timer. Not
 * transactional: an OPC UA call is never rolled back on the line.
 */
@Connector(
    displayName = "Custodia packaging lines (OPC UA)",
    vendorName = "Custodia",
    eisType = "OPC UA packaging line",
    version = "1.0",
    transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction)
public class LineResourceAdapter implements ResourceAdapter, Serializable {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(LineResourceAdapter.class.getName());

  @ConfigProperty(defaultValue = "opc.tcp://localhost:4840", description = "OPC UA endpoint URL")
  private String endpointUrl = "opc.tcp://localhost:4840";

  @ConfigProperty(defaultValue = "None", description = "None or Basic256Sha256 (SignAndEncrypt)")
  private String securityPolicy = "None";

  @ConfigProperty(defaultValue = "", description = "OPC UA user name; empty for anonymous")
  private String username = "";

  @ConfigProperty(defaultValue = "", description = "OPC UA password", confidential = true)
  private String password = "";

  @ConfigProperty(defaultValue = "", description = "PKI directory: own key store, trusted/certs")
  private String pkiDirectory = "";

  @ConfigProperty(defaultValue = "", description = "key store password", confidential = true)
  private String keystorePassword = "";

  @ConfigProperty(defaultValue = "10000", description = "OPC UA request timeout (ms), below JTA")
  private Integer requestTimeoutMillis = 10_000;

  @ConfigProperty(defaultValue = "1000", description = "session keep-alive interval (ms)")
  private Integer keepAliveIntervalMillis = 1000;

  @ConfigProperty(defaultValue = "1", description = "missed keep-alives before the session is lost")
  private Integer keepAliveFailuresAllowed = 1;

  @ConfigProperty(defaultValue = "1000", description = "wait between reconnect attempts (ms)")
  private Integer reconnectIntervalMillis = 1000;

  private transient BootstrapContext context;
  private transient WorkManagerExecutor executor;
  private transient Timer timer;
  private final transient Map<MessageEndpointFactory, LineActivation> activations =
      new ConcurrentHashMap<>();

  @Override
  public void start(BootstrapContext ctx) throws ResourceAdapterInternalException {
    this.context = ctx;
    this.executor = new WorkManagerExecutor(ctx.getWorkManager());
    try {
      this.timer = ctx.createTimer();
    } catch (jakarta.resource.spi.UnavailableException e) {
      throw new ResourceAdapterInternalException("the container gave no timer", e);
    }
    SharedStackUsers.acquire();
    LOG.log(Level.INFO, "Line resource adapter started for {0}", endpointUrl);
  }

  @Override
  public void stop() {
    activations.values().forEach(LineActivation::stop);
    activations.clear();
    if (timer != null) {
      timer.cancel();
    }
    if (executor != null) {
      executor.shutdown();
    }
    if (SharedStackUsers.release()) {
      Stack.releaseSharedResources();
    }
    LOG.info("Line resource adapter stopped");
  }

  @Override
  public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec)
      throws ResourceException {
    LineActivationSpec lineSpec = (LineActivationSpec) spec;
    lineSpec.validate();
    LineActivation activation = new LineActivation(factory, lineSpec.lines(),
        settings(lineSpec.getEndpointUrl()), lineSpec, context.getWorkManager(), executor, timer,
        reconnectIntervalMillis);
    activations.put(factory, activation);
    activation.start();
  }

  @Override
  public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
    LineActivation activation = activations.remove(factory);
    if (activation != null) {
      activation.stop();
    }
  }

  @Override
  public XAResource[] getXAResources(ActivationSpec[] specs) {
    return new XAResource[0];
  }

  /** The adapter's settings, with another endpoint if given. */
  MiloSettings settings(String endpointOverride) {
    String url = endpointOverride == null || endpointOverride.isBlank() ? endpointUrl : endpointOverride;
    return new MiloSettings(url, securityPolicy, username, password, pkiDirectory,
        keystorePassword, requestTimeoutMillis, keepAliveIntervalMillis, keepAliveFailuresAllowed);
  }

  WorkManagerExecutor executor() {
    return executor;
  }

  public String getEndpointUrl() {
    return endpointUrl;
  }

  public void setEndpointUrl(String endpointUrl) {
    this.endpointUrl = endpointUrl;
  }

  public String getSecurityPolicy() {
    return securityPolicy;
  }

  public void setSecurityPolicy(String securityPolicy) {
    this.securityPolicy = securityPolicy;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getPkiDirectory() {
    return pkiDirectory;
  }

  public void setPkiDirectory(String pkiDirectory) {
    this.pkiDirectory = pkiDirectory;
  }

  public String getKeystorePassword() {
    return keystorePassword;
  }

  public void setKeystorePassword(String keystorePassword) {
    this.keystorePassword = keystorePassword;
  }

  public Integer getRequestTimeoutMillis() {
    return requestTimeoutMillis;
  }

  public void setRequestTimeoutMillis(Integer requestTimeoutMillis) {
    this.requestTimeoutMillis = requestTimeoutMillis;
  }

  public Integer getKeepAliveIntervalMillis() {
    return keepAliveIntervalMillis;
  }

  public void setKeepAliveIntervalMillis(Integer keepAliveIntervalMillis) {
    this.keepAliveIntervalMillis = keepAliveIntervalMillis;
  }

  public Integer getKeepAliveFailuresAllowed() {
    return keepAliveFailuresAllowed;
  }

  public void setKeepAliveFailuresAllowed(Integer keepAliveFailuresAllowed) {
    this.keepAliveFailuresAllowed = keepAliveFailuresAllowed;
  }

  public Integer getReconnectIntervalMillis() {
    return reconnectIntervalMillis;
  }

  public void setReconnectIntervalMillis(Integer reconnectIntervalMillis) {
    this.reconnectIntervalMillis = reconnectIntervalMillis;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LineResourceAdapter other && Objects.equals(endpointUrl, other.endpointUrl)
        && Objects.equals(securityPolicy, other.securityPolicy);
  }

  @Override
  public int hashCode() {
    return Objects.hash(endpointUrl, securityPolicy);
  }
}
