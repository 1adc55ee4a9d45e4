package org.custodia.epcis.application;

import org.custodia.platform.Jsonp;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.custodia.epcis.domain.EventQuery;
import org.custodia.epcis.domain.Subscription;
import org.custodia.epcis.infrastructure.json.EpcisJson;
import org.custodia.epcis.infrastructure.persistence.JdbcEventQuery;
import org.custodia.epcis.infrastructure.persistence.JdbcSubscriptions;

/**
 * Delivers a subscription's new events to its webhook: the events recorded after its position (and at
 * least {@link #LAG} ago, so a transaction still committing cannot be overtaken), oldest first, at most
 * 1,000 per call, as an EPCISQueryDocument; signed with HMAC-SHA256 of the body in {@code GS1-Signature}
 * when the subscriber gave a signature token. Only a 2xx answer moves the position; anything else backs
 * off exponentially (2 s doubling, at most 10 minutes) and retries the same events.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SubscriptionDelivery {

  static final Duration LAG = Duration.ofMillis(Long.getLong("custodia.epcis.subscription.lag-ms", 3000));
  private static final int PER_CALL = 1000;
  private static final Logger LOG = Logger.getLogger(SubscriptionDelivery.class.getName());

  @Inject JdbcSubscriptions store;
  @Inject JdbcEventQuery query;

  @Resource ManagedExecutorService executor;

  public void deliver(Subscription s, boolean scheduled) {
    String definition = store.definition(s.queryName()).orElse(null);
    if (definition == null) {
      return;
    }
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    EventQuery q =
        EventQueryParameters.parse(SubscriptionService.parameters(SubscriptionService.json(definition)))
            .forSubscription(s.position(), now.minus(LAG), PER_CALL);
    List<JdbcEventQuery.Row> rows = query.find(q, PER_CALL);
    if (rows.isEmpty() && !(scheduled && s.reportIfEmpty())) {
      return;
    }
    String body = document(s, rows);
    try {
      HttpRequest.Builder req =
          HttpRequest.newBuilder(URI.create(s.dest()))
              .timeout(Duration.ofSeconds(10))
              .header("Content-Type", "application/ld+json")
              .header("GS1-EPCIS-Version", "2.0.0")
              .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      if (s.signatureToken() != null && !s.signatureToken().isEmpty()) {
        req.header("GS1-Signature", sign(body, s.signatureToken()));
      }
      HttpResponse<Void> r = client().send(req.build(), HttpResponse.BodyHandlers.discarding());
      if (r.statusCode() / 100 == 2) {
        store.delivered(s.id(), rows.isEmpty() ? null : rows.get(rows.size() - 1).cursor());
        return;
      }
      LOG.log(Level.WARNING, "Subscription {0}: {1} answered {2}", new Object[] {s.id(), s.dest(), r.statusCode()});
    } catch (IOException | IllegalArgumentException e) {
      LOG.log(Level.WARNING, "Subscription {0}: delivery to {1} failed: {2}", new Object[] {s.id(), s.dest(), e.getMessage()});
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    int failures = s.failures() + 1;
    long backoff = Math.min(600, 1L << Math.min(failures, 10));
    store.failed(s.id(), failures, now.plusSeconds(backoff));
  }

  private HttpClient client() {
    return HttpClient.newBuilder().executor(executor).connectTimeout(Duration.ofSeconds(5)).build();
  }

  static String document(Subscription s, List<JdbcEventQuery.Row> rows) {
    JsonArrayBuilder events = Jsonp.JSON.createArrayBuilder();
    rows.forEach(r -> events.add(EventQueryService.withRecordTime(r)));
    return Jsonp.JSON.createObjectBuilder()
        .add("@context", Jsonp.JSON.createArrayBuilder().add(EpcisJson.CONTEXT))
        .add("type", "EPCISQueryDocument")
        .add("schemaVersion", "2.0")
        .add("creationDate", OffsetDateTime.now(ZoneOffset.UTC).toString())
        .add("epcisBody", Jsonp.JSON.createObjectBuilder().add("queryResults", Jsonp.JSON.createObjectBuilder()
            .add("queryName", s.queryName())
            .add("subscriptionID", s.id())
            .add("resultsBody", Jsonp.JSON.createObjectBuilder().add("eventList", events))))
        .build()
        .toString();
  }

  static String sign(String body, String token) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
