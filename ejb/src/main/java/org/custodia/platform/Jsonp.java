package org.custodia.platform;

import jakarta.json.spi.JsonProvider;

/**
 * The one Jakarta JSON Processing provider of the application, looked up once. The static factories of
 * {@code jakarta.json.Json} look the provider up again on every call (a {@code ServiceLoader} scan in
 * JSON-P 2.1), which made building a JSON object cost tens of microseconds: at capture rates of thousands
 * of events per second, with several builders per event, that lookup was the largest single cost. Use
 * {@code Jsonp.JSON.createObjectBuilder()} etc. instead of {@code Json.createObjectBuilder()}.
 */
public final class Jsonp {

  /** Thread-safe; its factories are those of {@code jakarta.json.Json}. */
  public static final JsonProvider JSON = JsonProvider.provider();

  private Jsonp() {}
}
