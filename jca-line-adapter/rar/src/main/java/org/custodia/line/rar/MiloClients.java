package org.custodia.line.rar;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.DefaultClientCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.FileBasedCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.FileBasedTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;

/**
 * Creates Milo clients from {@link MiloSettings}: security None for the embedded default;
 * Basic256Sha256 SignAndEncrypt with the adapter's own certificate (made once, kept in the PKI
 * directory's key store, to be trusted by the line server), the server certificates trusted in
 * {@code <pki>/trusted/certs} (others are put in {@code <pki>/rejected/certs}), and a user name.
 */
final class MiloClients {

  static final String APPLICATION_URI = "urn:custodia:line-adapter";

  private MiloClients() {}

  /** A client (not yet connected) for the settings, its transport on the given executor. */
  static OpcUaClient create(MiloSettings s, ExecutorService executor) throws UaException {
    boolean secure = s.securityPolicy().equals("Basic256Sha256");
    SecurityPolicy policy = secure ? SecurityPolicy.Basic256Sha256 : SecurityPolicy.None;
    MessageSecurityMode mode = secure ? MessageSecurityMode.SignAndEncrypt : MessageSecurityMode.None;
    Identity identity = secure ? identity(s) : null;
    return OpcUaClient.create(
        s.endpointUrl(),
        endpoints -> endpoints.stream()
            .filter(e -> policy.getUri().equals(e.getSecurityPolicyUri())
                && e.getSecurityMode() == mode)
            .findFirst(),
        transport -> {
          transport.setConnectTimeout(uint(s.requestTimeoutMillis()));
          if (executor != null) {
            transport.setExecutor(executor);
          }
        },
        config -> {
          config.setApplicationName(LocalizedText.english("Custodia line adapter"))
              .setApplicationUri(APPLICATION_URI)
              .setProductUri(APPLICATION_URI)
              .setRequestTimeout(uint(s.requestTimeoutMillis()))
              // One publish request at a time. Milo 1.1.2 hands each publish response to the executor
              // as its own task, so with two outstanding (its default) a busy container can run the
              // later response first: the client takes it for a gap, asks the server to republish, and
              // acknowledges messages it has not processed yet; the line's notifications then arrive
              // out of sequence, cost a resend from the line, or are lost when the line no longer has
              // them (seen in the line benchmark, LineActivationTest). A response carries everything
              // queued since the last one, so one at a time loses no throughput.
              .setMaxPendingPublishRequests(uint(1))
              .setKeepAliveInterval(uint(s.keepAliveIntervalMillis()))
              .setKeepAliveTimeout(uint(s.keepAliveIntervalMillis()))
              .setKeepAliveFailuresAllowed(uint(s.keepAliveFailuresAllowed()))
              .setIdentityProvider(s.username().isEmpty()
                  ? AnonymousProvider.INSTANCE
                  : new UsernameProvider(s.username(), s.password()));
          if (identity != null) {
            config.setKeyPair(identity.keyPair())
                .setCertificate(identity.certificate())
                .setCertificateChain(new X509Certificate[] {identity.certificate()})
                .setCertificateValidator(identity.validator());
          }
        });
  }

  private record Identity(
      KeyPair keyPair, X509Certificate certificate, DefaultClientCertificateValidator validator) {}

  private static Identity identity(MiloSettings s) throws UaException {
    try {
      Path pki = Path.of(s.pkiDirectory());
      Files.createDirectories(pki);
      Path store = pki.resolve("custodia-line-adapter.p12");
      char[] password = s.keystorePassword() == null ? new char[0] : s.keystorePassword().toCharArray();
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      if (Files.exists(store)) {
        try (InputStream in = Files.newInputStream(store)) {
          keyStore.load(in, password);
        }
      } else {
        keyStore.load(null, password);
        KeyPair pair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
        X509Certificate cert = new SelfSignedCertificateBuilder(pair)
            .setCommonName("Custodia line adapter")
            .setOrganization("Custodia")
            .setApplicationUri(APPLICATION_URI)
            .addDnsName("localhost")
            .build();
        keyStore.setKeyEntry("client", pair.getPrivate(), password, new Certificate[] {cert});
        try (OutputStream out = Files.newOutputStream(store)) {
          keyStore.store(out, password);
        }
      }
      PrivateKey key = (PrivateKey) keyStore.getKey("client", password);
      X509Certificate cert = (X509Certificate) keyStore.getCertificate("client");
      var trustList = FileBasedTrustListManager.createAndInitialize(pki);
      var quarantine = FileBasedCertificateQuarantine.create(pki.resolve("rejected").resolve("certs"));
      return new Identity(new KeyPair(cert.getPublicKey(), key), cert,
          new DefaultClientCertificateValidator(trustList, quarantine));
    } catch (UaException e) {
      throw e;
    } catch (Exception e) {
      throw new UaException(
          org.eclipse.milo.opcua.stack.core.StatusCodes.Bad_ConfigurationError,
          "PKI directory " + s.pkiDirectory() + " unusable: " + e.getMessage(), e);
    }
  }

  /** A name for a session, unique in this JVM. */
  static String sessionName() {
    return "custodia-line-" + UUID.randomUUID();
  }
}
