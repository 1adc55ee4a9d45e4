package org.custodia.epcis.application;

import org.custodia.platform.Jsonp;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.custodia.epcis.domain.EventQuery;
import org.custodia.epcis.domain.Subscription;
import org.custodia.epcis.infrastructure.persistence.JdbcSubscriptions;
import org.custodia.platform.DomainException;
import org.custodia.security.Roles;

/** Named queries and webhook subscriptions to them (EPC-2). */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.SUPPLY_CHAIN, Roles.QA, Roles.COMPLIANCE})
public class SubscriptionService {

  @Inject JdbcSubscriptions store;
  @Inject SubscriptionScheduler scheduler;
  @Resource SessionContext session;

  /** Stores a named query after checking that its parameters can be answered. */
  public void createQuery(String name, JsonObject definition) {
    if (name == null || !name.matches("[A-Za-z0-9_.-]{1,200}")) {
      throw refused(DomainException.Kind.INVALID, "invalid-query-name", "name", name,
          "a query name is 1 to 200 letters, digits, '_', '.' or '-'");
    }
    if (definition == null) {
      throw refused(DomainException.Kind.INVALID, "query-required", "query", null, "the query definition is required");
    }
    EventQueryParameters.parse(parameters(definition));
    if (store.queryExists(name)) {
      throw refused(DomainException.Kind.CONFLICT, "query-exists", "name", name, "a query named " + name + " exists");
    }
    store.createQuery(name, definition.toString(), caller());
  }

  @RolesAllowed({Roles.ADMIN, Roles.SUPPLY_CHAIN, Roles.QA, Roles.COMPLIANCE, Roles.AUDITOR, Roles.OPERATOR})
  public Map<String, JsonObject> queries() {
    Map<String, JsonObject> out = new LinkedHashMap<>();
    store.queries().forEach((k, v) -> out.put(k, json(v)));
    return out;
  }

  @RolesAllowed({Roles.ADMIN, Roles.SUPPLY_CHAIN, Roles.QA, Roles.COMPLIANCE, Roles.AUDITOR, Roles.OPERATOR})
  public Optional<EventQuery> query(String name, Map<String, List<String>> extra) {
    return store.definition(name).map(d -> {
      Map<String, List<String>> p = parameters(json(d));
      p.putAll(extra);
      return EventQueryParameters.parse(p);
    });
  }

  public void deleteQuery(String name) {
    requireQuery(name);
    store.subscriptionsOf(name).forEach(s -> scheduler.cancel(s.id()));
    store.deleteQuery(name);
  }

  /**
   * Subscribes {@code dest} to a named query: on capture ({@code stream}) or on a schedule; delivery starts
   * after {@code initialRecordTime} (default: now, so only events recorded from now on are sent).
   */
  public Subscription subscribe(String queryName, String dest, String signatureToken, Boolean stream,
      JsonObject schedule, boolean reportIfEmpty, OffsetDateTime initialRecordTime) {
    requireQuery(queryName);
    URI uri;
    try {
      uri = URI.create(dest == null ? "" : dest);
    } catch (IllegalArgumentException e) {
      uri = null;
    }
    if (uri == null || uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
      throw refused(DomainException.Kind.INVALID, "invalid-dest", "dest", dest, "dest must be an absolute http(s) URL");
    }
    boolean isStream = Boolean.TRUE.equals(stream);
    if (isStream == (schedule != null)) {
      throw refused(DomainException.Kind.INVALID, "stream-or-schedule", "stream", stream,
          "a subscription has either \"stream\": true or a \"schedule\", not both and not neither");
    }
    if (schedule != null) {
      SubscriptionScheduler.expression(schedule);
    }
    OffsetDateTime start = initialRecordTime == null ? OffsetDateTime.now(ZoneOffset.UTC) : initialRecordTime;
    Subscription s = new Subscription(UUID.randomUUID().toString(), queryName, dest, signatureToken, isStream,
        schedule == null ? null : schedule.toString(), reportIfEmpty,
        new EventQuery.Cursor(micros(start), 0), 0, null, null, caller(), OffsetDateTime.now(ZoneOffset.UTC));
    store.createSubscription(s);
    if (!isStream) {
      scheduler.schedule(s.id(), schedule);
    }
    return s;
  }

  @RolesAllowed({Roles.ADMIN, Roles.SUPPLY_CHAIN, Roles.QA, Roles.COMPLIANCE, Roles.AUDITOR})
  public List<Subscription> subscriptions(String queryName) {
    requireQuery(queryName);
    return store.subscriptionsOf(queryName);
  }

  @RolesAllowed({Roles.ADMIN, Roles.SUPPLY_CHAIN, Roles.QA, Roles.COMPLIANCE, Roles.AUDITOR})
  public Optional<Subscription> subscription(String queryName, String id) {
    return store.subscription(id).filter(s -> s.queryName().equals(queryName));
  }

  public void unsubscribe(String queryName, String id) {
    subscription(queryName, id).orElseThrow(() -> refused(DomainException.Kind.NOT_FOUND, "no-subscription",
        "subscriptionID", id, "query " + queryName + " has no subscription " + id));
    scheduler.cancel(id);
    store.deleteSubscription(id);
  }

  private void requireQuery(String name) {
    if (!store.queryExists(name)) {
      throw refused(DomainException.Kind.NOT_FOUND, "no-query", "queryName", name, "there is no query named " + name);
    }
  }

  /** The query parameters of a definition such as {@code {"eventType":["ObjectEvent"],"EQ_bizStep":"shipping"}}. */
  static Map<String, List<String>> parameters(JsonObject definition) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    definition.forEach((k, v) -> {
      List<String> values = new ArrayList<>();
      if (v instanceof JsonArray a) {
        a.forEach(x -> values.add(text(x)));
      } else {
        values.add(text(v));
      }
      out.put(k, values);
    });
    return out;
  }

  private static String text(JsonValue v) {
    return v instanceof JsonString s ? s.getString() : v.toString();
  }

  static JsonObject json(String s) {
    try (JsonReader r = Jsonp.JSON.createReader(new StringReader(s))) {
      return r.readObject();
    }
  }

  private String caller() {
    return session.getCallerPrincipal().getName();
  }

  private static long micros(OffsetDateTime t) {
    return java.time.temporal.ChronoUnit.MICROS.between(java.time.Instant.EPOCH, t.toInstant());
  }

  private static SubscriptionRefused refused(DomainException.Kind kind, String code, String field, Object value, String msg) {
    return new SubscriptionRefused(kind, code, field, value, msg);
  }

  /** A refused query or subscription request. */
  public static class SubscriptionRefused extends DomainException {
    private static final long serialVersionUID = 1L;

    SubscriptionRefused(Kind kind, String code, String field, Object value, String message) {
      super(kind, code, field, value, message);
    }
  }

}
