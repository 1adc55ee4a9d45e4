package org.custodia.line.rar;

import java.util.Objects;

/**
 * How to reach a line server: endpoint, security and timeouts, from the adapter's config
 * properties (overridable per connection definition or activation).
 *
 * @param endpointUrl e.g. {@code opc.tcp://localhost:4840}
 * @param securityPolicy {@code None} or {@code Basic256Sha256} (then SignAndEncrypt)
 * @param username empty for anonymous
 * @param password the user's password
 * @param pkiDirectory where the adapter's own certificate and the trusted server certificates
 *     ({@code trusted/certs}) live; needed for Basic256Sha256
 * @param keystorePassword password of the adapter's key store in the PKI directory
 * @param requestTimeoutMillis per OPC UA request; keep it below the JTA timeout
 * @param keepAliveIntervalMillis how often the session is checked
 * @param keepAliveFailuresAllowed missed keep-alives before the session counts as lost
 */
public record MiloSettings(
    String endpointUrl,
    String securityPolicy,
    String username,
    String password,
    String pkiDirectory,
    String keystorePassword,
    int requestTimeoutMillis,
    int keepAliveIntervalMillis,
    int keepAliveFailuresAllowed) {

  /** Checks what must be there. */
  public MiloSettings {
    Objects.requireNonNull(endpointUrl, "endpointUrl");
    if (!endpointUrl.startsWith("opc.tcp://")) {
      throw new IllegalArgumentException("endpointUrl must start with opc.tcp://, got " + endpointUrl);
    }
    securityPolicy = securityPolicy == null || securityPolicy.isBlank() ? "None" : securityPolicy;
    if (!securityPolicy.equals("None") && !securityPolicy.equals("Basic256Sha256")) {
      throw new IllegalArgumentException(
          "securityPolicy must be None or Basic256Sha256, got " + securityPolicy);
    }
    if (securityPolicy.equals("Basic256Sha256") && (pkiDirectory == null || pkiDirectory.isBlank())) {
      throw new IllegalArgumentException("securityPolicy Basic256Sha256 needs a pkiDirectory");
    }
    username = username == null ? "" : username;
    password = password == null ? "" : password;
    if (requestTimeoutMillis < 100 || keepAliveIntervalMillis < 100 || keepAliveFailuresAllowed < 0) {
      throw new IllegalArgumentException(
          "requestTimeoutMillis and keepAliveIntervalMillis must be >= 100 ms, failures >= 0");
    }
  }

  /** The worst time until a silent loss of the server is noticed. */
  public long detectionMillis() {
    return (long) keepAliveIntervalMillis * (keepAliveFailuresAllowed + 2);
  }
}
