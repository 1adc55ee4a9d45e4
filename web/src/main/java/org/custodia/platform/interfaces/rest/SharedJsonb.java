package org.custodia.platform.interfaces.rest;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * One JSON-B instance for every JSON body the API reads or writes. Without a resolver, RESTEasy 6.2 builds
 * a new {@link Jsonb} for each body (its {@code ManagedJsonb}): a service-loader look-up of the JSON-B and
 * JSON-P implementations and a fresh introspection of every class it maps, each time. That was 5 – 8 % of
 * the server's CPU while the line benchmark polled its work orders (JFR, 2026-11-28). A {@code Jsonb} is
 * safe for concurrent use, and this one has the default configuration RESTEasy's would have had, so the
 * bodies do not change. RESTEasy does not close a Jsonb that a resolver supplies.
 */
@Provider
public class SharedJsonb implements ContextResolver<Jsonb> {

  private final Jsonb jsonb = JsonbBuilder.create();

  @Override
  public Jsonb getContext(Class<?> type) {
    return jsonb;
  }
}
