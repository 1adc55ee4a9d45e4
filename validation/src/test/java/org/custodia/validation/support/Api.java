package org.custodia.validation.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A client of the REST API over HTTPS as a given demo user, trusting the server's self-signed test
 * certificate (the embedded default generates it on first use).
 */
public final class Api {

  public static final String BASE = System.getProperty("custodia.base", "https://localhost:8443/custodia");

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .sslContext(trustAll())
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private final String user;

  private Api(String user) {
    this.user = user;
  }

  /** Calls as demo user {@code user} (password {@code demo-<user>}). */
  public static Api as(String user) {
    return new Api(user);
  }

  /** Calls without credentials. */
  public static Api anonymous() {
    return new Api(null);
  }

  /** An answer: status, headers, body. */
  public record Reply(int status, String body, byte[] bytes, HttpResponse<byte[]> raw) {
    public JsonObject json() {
      try (JsonReader r = Json.createReader(new StringReader(body))) {
        return r.readObject();
      }
    }

    public JsonStructure jsonStructure() {
      try (JsonReader r = Json.createReader(new StringReader(body))) {
        return r.read();
      }
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  public Reply get(String path) {
    return send(request(path).GET().build());
  }

  public Reply postJson(String path, String json) {
    return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  public Reply putJson(String path, String json) {
    return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  public Reply postText(String path, String text) {
    return send(request(path).header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(text)).build());
  }

  public Reply postBytes(String path, String contentType, byte[] body) {
    return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  public Reply postBytesWithHeader(String path, String contentType, byte[] body, String header, String value) {
    return send(request(path).header("Content-Type", contentType).header(header, value)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  /** A GET with extra headers, given as name, value, name, value, ... */
  public Reply getWithHeaders(String path, String... headers) {
    return send(request(path).headers(headers).GET().build());
  }

  public Reply delete(String path) {
    return send(request(path).DELETE().build());
  }

  public Reply options(String path) {
    return send(request(path).method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
  }

  /** An absolute URL or a path under {@link #BASE}. */
  public Reply getUrl(String url) {
    return send(request(url).GET().build());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : BASE + path)).timeout(Duration.ofSeconds(120));
    if (user != null) {
      String token = Base64.getEncoder().encodeToString((user + ":demo-" + user).getBytes(StandardCharsets.UTF_8));
      b.header("Authorization", "Basic " + token);
    }
    return b;
  }

  private static Reply send(HttpRequest req) {
    try {
      HttpResponse<byte[]> r = CLIENT.send(req, HttpResponse.BodyHandlers.ofByteArray());
      return new Reply(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), r.body(), r);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static SSLContext trustAll() {
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new TrustManager[] {new X509TrustManager() {
        @Override public void checkClientTrusted(X509Certificate[] c, String a) {}
        @Override public void checkServerTrusted(X509Certificate[] c, String a) {}
        @Override public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
      }}, new SecureRandom());
      return ctx;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
